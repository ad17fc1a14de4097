// @ts-check
'use strict';

const http = require('node:http');
const path = require('node:path');
const { spawn } = require('node:child_process');
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
 * An axios client on `provider`'s base URL in `sandbox`, with valid credentials unless
 * `headers` replaces them, on `agent`, never throwing on HTTP status.
 * @param {{ baseUrls: Record<string, string> }} sandbox
 * @param {string} provider
 * @param {http.Agent} agent
 * @param {Record<string, string>} [headers]
 */
function sandboxClient(sandbox, provider, agent, headers = AUTH[provider]) {
	return axios.create({
		baseURL: sandbox.baseUrls[provider],
		headers,
		httpAgent: agent,
		validateStatus: () => true,
	});
}

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
		ctx.api = (provider, headers) => sandboxClient(ctx.sandbox, provider, ctx.agent, headers);
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

const CLI = path.join(__dirname, '../../sandbox/cli.js');

/**
 * Runs the sandbox's CLI (`npm run sandbox`) with `args`. `printed(text)` resolves to its
 * output so far once that contains `text` (rejects if it exits first); `exited` resolves to
 * `{ code, stdout, stderr }`.
 * @param {string[]} args
 * @param {Record<string, string>} [env] added to this process's environment
 */
function runCli(args, env = {}) {
	const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } });
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk) => {
		stdout += chunk;
	});
	child.stderr.on('data', (chunk) => {
		stderr += chunk;
	});
	const exited = new Promise((resolve) =>
		child.on('exit', (code) => resolve({ code, stdout, stderr })),
	);
	/** @param {string} text */
	const printed = (text) =>
		new Promise((resolve, reject) => {
			const check = () => (stdout.includes(text) ? resolve(stdout) : undefined);
			child.stdout.on('data', check);
			child.on('exit', () => reject(new Error(`exited before printing "${text}": ${stderr}`)));
			check();
		});
	return { child, exited, printed };
}

/**
 * The base URL in the CLI's "listening on http://127.0.0.1:<port>" line.
 * @param {string} out what the CLI printed
 */
function listeningUrl(out) {
	const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
	if (!match) throw new Error(`no "listening on" line in:\n${out}`);
	return match[1];
}

module.exports = {
	AUTH,
	RAW_JSON,
	basic,
	listeningUrl,
	runCli,
	sandboxClient,
	useSandbox,
	waitFor,
};
