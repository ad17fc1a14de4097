// @ts-check
// The credentials' declarative tests, run as n8n's credentials tester runs them (RoutingNode,
// httpRequestWithAuthentication, then the rules): against the sandbox and small scripted servers.
const { SANDBOX_KEYS } = require('../../sandbox');
const {
	jsonAnswer,
	againstScriptedServer,
	expectRedirectRefused,
} = require('../helpers/rawServer');
const { credentialClass, authenticateWith } = require('../../harness/engine');
const { runCredentialTest } = require('../helpers/credentialTester');
const { useSandboxEngine } = require('./sandboxRun');

const ctx = useSandboxEngine();

const PROVIDERS = ['sprintcheckout', 'speed', 'yuno', 'upag'];
/** Providers that document a read answering 2xx to an accepted key: only these can pass. */
const CONFIRMS = ['speed', 'yuno'];

const wrong = {
	sprintcheckout: { apiKey: 'sc_wrong_key_for_test' },
	speed: { secretKey: 'sk_test_wrong_key_for_test' },
	yuno: { privateSecretKey: 'yuno_wrong_secret_for_test' },
	upag: { token: 'upag_wrong_token_for_test' },
};

const test_ = (provider, overrides = {}) =>
	runCredentialTest(`${provider}Api`, { ...ctx.credentials[provider], ...overrides });

describe.each(PROVIDERS)('%s credential test', (provider) => {
	test("is declarative: no node-side test function (n8n's scanner flags the helper those get)", () => {
		const credential = new (credentialClass(`${provider}Api`))();
		expect(credential.test.request.disableFollowRedirect).toBe(true);
	});

	test('the sandbox key gives the designed answer, with one request that changes nothing', async () => {
		const result = await test_(provider);
		if (CONFIRMS.includes(provider)) {
			expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		} else {
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/^Not confirmed: .* did not refuse this (key|token)/);
		}
		expect(ctx.requests()).toHaveLength(1);
		const [request] = ctx.requests();
		if (request.method !== 'GET') expect([null, {}]).toContainEqual(request.body);
	});

	test('a wrong key fails saying the key was refused, without quoting it', async () => {
		const result = await test_(provider, wrong[provider]);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/refused these credentials \(HTTP 401\)/);
		expect(result.message).not.toContain(Object.values(wrong[provider])[0]);
	});

	test("a Base URL that is not the provider's API fails", async () => {
		const base = ctx.credentials[provider].baseUrl.replace(/\/[^/]+(\/v1)?$/, '/not-this-provider');
		const result = await test_(provider, { baseUrl: base });
		expect(result.status).toBe('Error');
		expect(result.message).not.toMatch(/refused these credentials/);
	});

	test('a web page answering 200 at the Base URL fails', async () => {
		const { result, requests } = await againstScriptedServer(
			() => ({
				status: 200,
				headers: { 'content-type': 'text/html' },
				body: '<!doctype html><p>Welcome</p>',
			}),
			(baseUrl) => test_(provider, { baseUrl }),
		);
		expect(result.status).toBe('Error');
		expect(requests).toHaveLength(1);
	});

	test('a 403 says the keys are valid but not allowed', async () => {
		const { result } = await againstScriptedServer(
			() => jsonAnswer(403, {}),
			(baseUrl) => test_(provider, { baseUrl }),
		);
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringMatching(/^The keys are valid but not allowed to do this \(HTTP 403\)/),
		});
	});

	test('a redirect to another host fails, and that host receives nothing', async () => {
		await expectRedirectRefused((baseUrl) => test_(provider, { baseUrl }));
	});

	test.each([
		['user info', (url) => url.replace('://', '://user:secret@')],
		['a query', (url) => `${url}/?q=1`],
		['a fragment', (url) => `${url}#f`],
		['another scheme', (url) => url.replace('http:', 'ftp:')],
	])('a Base URL Override with %s is refused before anything is sent', async (_, change) => {
		const result = await test_(provider, { baseUrl: change(ctx.credentials[provider].baseUrl) });
		expect(result.status).toBe('Error');
		expect(result.message).not.toContain('secret');
		expect(ctx.requests()).toHaveLength(0);
	});

	test("the request authenticates exactly like the credential's authenticate function", async () => {
		await test_(provider);
		const { headers } = ctx.requests()[0];
		const expected = await authenticateWith(`${provider}Api`, ctx.credentials[provider]);
		for (const [header, value] of Object.entries(expected.headers ?? {})) {
			expect(headers[header.toLowerCase()]).toBe(value);
		}
		if (expected.auth) {
			const basic = `Basic ${Buffer.from(`${expected.auth.username}:${expected.auth.password}`).toString('base64')}`;
			expect(headers.authorization).toBe(basic);
		}
	});
});

describe('yuno credential test', () => {
	test("reads the webhook list of the credential's account", async () => {
		await test_('yuno');
		const [request] = ctx.requests();
		expect(request).toMatchObject({
			method: 'GET',
			path: '/webhooks',
			query: { account_id: SANDBOX_KEYS.yuno.accountId },
		});
	});

	test("an Account ID that is not the keys' fails naming the Account ID", async () => {
		const result = await test_('yuno', { accountId: '0a0a0a0a-0000-4000-8000-000000000999' });
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringMatching(/not the Account ID \(HTTP 400\)/),
		});
	});

	test('a JSON object answering 200 is not taken for the webhook list', async () => {
		const { result } = await againstScriptedServer(
			() => jsonAnswer(200, { ok: true }),
			(baseUrl) => test_('yuno', { baseUrl }),
		);
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringMatching(/answered with an object/),
		});
	});

	test('a non-empty webhook list passes too', async () => {
		const { result } = await againstScriptedServer(
			() => jsonAnswer(200, [{ name: 'orders', url: 'https://shop.example/hook' }]),
			(baseUrl) => test_('yuno', { baseUrl }),
		);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	test.each(['', 'unknown', '__proto__', 'toString'])(
		'environment %j without an override is refused',
		async (environment) => {
			const result = await test_('yuno', { environment, baseUrl: '' });
			expect(result.status).toBe('Error');
		},
	);
});
