'use strict';
const { startSandbox, SANDBOX_KEYS } = require('../../sandbox');
const { runNode } = require('../helpers/engine');

/** Credentials that point each node at the sandbox, as a user would set them. */
function sandboxCredentials(sandbox) {
	return {
		sprintcheckout: { apiKey: SANDBOX_KEYS.sprintcheckout.apiKey, baseUrl: sandbox.baseUrls.sprintcheckout },
		speed: { secretKey: SANDBOX_KEYS.speed.secretKey, apiVersion: '2022-10-15', baseUrl: sandbox.baseUrls.speed },
		yuno: {
			environment: 'sandbox',
			publicApiKey: SANDBOX_KEYS.yuno.publicApiKey,
			privateSecretKey: SANDBOX_KEYS.yuno.privateSecretKey,
			accountId: SANDBOX_KEYS.yuno.accountId,
			baseUrl: sandbox.baseUrls.yuno,
		},
		upag: { token: SANDBOX_KEYS.upag.token, baseUrl: sandbox.baseUrls.upag },
	};
}

/** One sandbox per test file; `ctx.run(type, parameters, items, overrides)` runs a node against it. */
function useSandboxEngine(options = {}) {
	const ctx = {};
	beforeAll(async () => {
		ctx.sandbox = await startSandbox({ port: 0, ...options });
		ctx.credentials = sandboxCredentials(ctx.sandbox);
		ctx.run = (type, parameters, items = [{}], overrides = {}) =>
			runNode({
				type,
				parameters,
				items,
				credentials: { ...ctx.credentials[type], ...overrides.credentials },
				onError: overrides.onError,
			});
		ctx.requests = () => ctx.sandbox.requests;
	});
	afterEach(() => ctx.sandbox.reset());
	afterAll(async () => ctx.sandbox.close());
	return ctx;
}

const id = (value) => ({ __rl: true, mode: 'id', value });

module.exports = { useSandboxEngine, sandboxCredentials, id };
