require('reflect-metadata');
const { CredentialTestContext } = require('n8n-core');
const { SANDBOX_KEYS } = require('../../sandbox');
const { nodeTypes, PACKAGE, credentialClasses, authenticateWith } = require('../helpers/engine');
const { useSandboxEngine } = require('./sandboxRun');

const ctx = useSandboxEngine();

/** Runs a node's credential test the way n8n's credentials tester does, with n8n-core's own context. */
async function testCredential(provider, data) {
	const node = nodeTypes.getByName(`${PACKAGE}.${provider}`);
	const [{ name, testedBy }] = node.description.credentials;
	const testFunction = node.methods.credentialTest[testedBy];
	return await testFunction.call(new CredentialTestContext({}), { id: '1', name: 'test', type: name, data });
}

const wrong = {
	sprintcheckout: { apiKey: 'sc_wrong_key_for_test' },
	speed: { secretKey: 'sk_test_wrong_key_for_test' },
	yuno: { privateSecretKey: 'yuno_wrong_secret_for_test' },
	upag: { token: 'upag_wrong_token_for_test' },
};

describe.each(['sprintcheckout', 'speed', 'yuno', 'upag'])('%s credential test', (provider) => {
	test('every credential type is tested by its node (n8n then shows a Test button)', () => {
		const node = nodeTypes.getByName(`${PACKAGE}.${provider}`);
		expect(node.description.credentials[0].testedBy).toBe(`${provider}ApiTest`);
		expect(new credentialClasses[`${provider}Api`]().test).toBeUndefined();
	});

	test('a good key passes and changes nothing', async () => {
		const result = await testCredential(provider, ctx.credentials[provider]);
		expect(result).toEqual({ status: 'OK', message: expect.stringMatching(/accepted the credentials$/) });
		expect(ctx.requests()).toHaveLength(1);
		const [request] = ctx.requests();
		// The probe is refused (unknown session / empty update): nothing can have changed.
		expect([400, 404]).toContain(request.status);
	});

	test('a bad key fails with a message that does not contain it', async () => {
		const result = await testCredential(provider, { ...ctx.credentials[provider], ...wrong[provider] });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/rejected these credentials \(HTTP 401\)$/);
		expect(result.message).not.toContain(Object.values(wrong[provider])[0]);
	});

	test("the probe authenticates exactly like the credential's authenticate block", async () => {
		await testCredential(provider, ctx.credentials[provider]);
		const probeHeaders = ctx.requests()[0].headers;
		const expected = await authenticateWith(`${provider}Api`, ctx.credentials[provider]);
		for (const [header, value] of Object.entries(expected.headers ?? {})) {
			expect(probeHeaders[header.toLowerCase()]).toBe(value);
		}
		if (expected.auth) {
			const basic = `Basic ${Buffer.from(`${expected.auth.username}:${expected.auth.password}`).toString('base64')}`;
			expect(probeHeaders.authorization).toBe(basic);
		}
	});
});

test('an unreachable base URL is reported, not passed', async () => {
	const result = await testCredential('upag', { token: SANDBOX_KEYS.upag.token, baseUrl: 'http://127.0.0.1:1' });
	expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^Could not reach Upag at http:\/\/127\.0\.0\.1:1: ECONNREFUSED/) });
});

test('Yuno: keys without API access fail the test too (403)', async () => {
	const result = await testCredential('yuno', { ...ctx.credentials.yuno, ...SANDBOX_KEYS.yuno.forbidden });
	expect(result).toEqual({ status: 'Error', message: 'Yuno rejected these credentials (HTTP 403)' });
});
