// @ts-check
'use strict';

const http = require('node:http');
const axios = require('axios');
const { startSandbox, SANDBOX_KEYS } = require('../../sandbox');

const basic = (user, password) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Valid credentials per provider, as the documentation says to send them. */
const AUTH = {
	sprintcheckout: { 'X-SC-ApiKey': SANDBOX_KEYS.sprintcheckout.apiKey },
	speed: { Authorization: basic(SANDBOX_KEYS.speed.secretKey, '') },
	yuno: {
		'public-api-key': SANDBOX_KEYS.yuno.publicApiKey,
		'private-secret-key': SANDBOX_KEYS.yuno.privateSecretKey,
	},
	upag: { Authorization: `Bearer ${SANDBOX_KEYS.upag.token}` },
};

/**
 * Starts a sandbox for one test file. `ctx.api(provider, headers?)` is an axios client on
 * that provider's base URL, with valid credentials unless `headers` replaces them, sharing a
 * keep-alive agent, and never throwing on HTTP status.
 */
function useSandbox(options) {
	const ctx = {};
	beforeAll(async () => {
		ctx.sandbox = await startSandbox(options);
		ctx.agent = new http.Agent({ keepAlive: true });
		ctx.api = (provider, headers = AUTH[provider]) =>
			axios.create({
				baseURL: ctx.sandbox.baseUrls[provider],
				headers,
				httpAgent: ctx.agent,
				validateStatus: () => true,
			});
	});
	afterEach(() => ctx.sandbox.reset());
	afterAll(async () => {
		ctx.agent.destroy();
		await ctx.sandbox.close();
	});
	return ctx;
}

/** Axios config that sends `data` byte for byte (axios would JSON-encode a string otherwise). */
const RAW_JSON = {
	headers: { 'Content-Type': 'application/json' },
	transformRequest: [(data) => data],
};

/** Resolves once `check()` is true (polled), so tests can wait for the server side. */
async function waitFor(check, timeoutMs = 2000) {
	const started = Date.now();
	while (!check()) {
		if (Date.now() - started > timeoutMs) throw new Error('waitFor timed out');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

module.exports = { AUTH, RAW_JSON, basic, useSandbox, waitFor };
