// @ts-check
'use strict';
const { startSandbox } = require('../../sandbox');
const { runNode } = require('../../harness/engine');
const { sandboxCredentials } = require('../../harness/providers');

/**
 * One sandbox per test file; `ctx.run(type, parameters, items, overrides)` runs a node against
 * it, `ctx.refusedKey(type, parameters, credentials)` runs one item with a wrong key.
 */
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
		// The provider refuses the key with 401, and no value of `credentials` is in the error.
		ctx.refusedKey = async (type, parameters, credentials) => {
			const { error } = await ctx.run(type, parameters, [{}], { credentials });
			expect(error.httpCode).toBe('401');
			const text = JSON.stringify(error);
			for (const value of Object.values(credentials)) expect(text).not.toContain(value);
			return error;
		};
	});
	afterEach(() => ctx.sandbox.reset());
	afterAll(async () => ctx.sandbox.close());
	return ctx;
}

const id = (value) => ({ __rl: true, mode: 'id', value });

module.exports = { useSandboxEngine, sandboxCredentials, id };
