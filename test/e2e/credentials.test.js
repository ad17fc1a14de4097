// @ts-check
'use strict';
// The credential tests as n8n's editor runs them (POST /rest/credentials/test on the running
// n8n, the four packages installed from their tarballs): the sandbox keys, a wrong key, a wrong
// Base URL, and a redirect to another host (which must receive nothing).

const { SANDBOX_KEYS } = require('../../sandbox');
const { throughRedirect } = require('../helpers/rawServer');
const { CREDENTIALS } = require('../../scripts/n8n/examples');
const { loadState, signedIn, startSharedSandbox } = require('./setup/context');

let state;
let sandbox;
let rest;

beforeAll(async () => {
	state = loadState();
	sandbox = await startSharedSandbox(state);
	rest = await signedIn(state.mainUrl);
});

afterAll(async () => {
	await sandbox?.close();
});

beforeEach(() => sandbox.reset());

const KEYS = {
	sprintcheckout: { apiKey: SANDBOX_KEYS.sprintcheckout.apiKey },
	speed: { secretKey: SANDBOX_KEYS.speed.secretKey, apiVersion: '' },
	yuno: {
		environment: 'sandbox',
		publicApiKey: SANDBOX_KEYS.yuno.publicApiKey,
		privateSecretKey: SANDBOX_KEYS.yuno.privateSecretKey,
		accountId: SANDBOX_KEYS.yuno.accountId,
	},
	upag: { token: SANDBOX_KEYS.upag.token },
};
const WRONG = {
	sprintcheckout: { apiKey: 'sc_wrong_key_for_e2e' },
	speed: { secretKey: 'sk_test_wrong_key_for_e2e' },
	yuno: { privateSecretKey: 'yuno_wrong_secret_for_e2e' },
	upag: { token: 'upag_wrong_token_for_e2e' },
};
const CONFIRMS = ['speed', 'yuno'];

/** n8n's answer to the editor's Test button for the stored sandbox credential with `data` changes. */
async function testCredential(provider, changes = {}) {
	const { id, name, type } = CREDENTIALS[provider];
	const data = { ...KEYS[provider], baseUrl: sandbox.baseUrls[provider], ...changes };
	const result = await rest.request('POST', '/rest/credentials/test', {
		credentials: { id, name, type, data },
	});
	expect(result.status).toBe(200);
	return result.json.data;
}

describe.each(Object.keys(KEYS))('%s credential test in n8n', (provider) => {
	test('the sandbox key gives the designed answer', async () => {
		const result = await testCredential(provider);
		if (CONFIRMS.includes(provider)) {
			expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		} else {
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/^Not confirmed: \w+ did not refuse this (key|token)/);
		}
		expect(sandbox.requests).toHaveLength(1);
	});

	test('a wrong key fails saying it was refused', async () => {
		const result = await testCredential(provider, WRONG[provider]);
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringMatching(/refused these credentials \(HTTP 401\)/),
		});
		expect(result.message).not.toContain(Object.values(WRONG[provider])[0]);
	});

	test('a wrong Base URL fails', async () => {
		const result = await testCredential(provider, { baseUrl: `${sandbox.url}/not-${provider}` });
		expect(result.status).toBe('Error');
		expect(result.message).not.toMatch(/refused these credentials/);
	});

	test('a redirect to another host fails and that host receives nothing', async () => {
		const { result, redirected, elsewhere } = await throughRedirect(
			async (baseUrl) => await testCredential(provider, { baseUrl }),
		);
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringMatching(/answered with a redirect \(HTTP 302\)/),
		});
		expect(redirected).toHaveLength(1);
		expect(elsewhere).toHaveLength(0);
	});
});
