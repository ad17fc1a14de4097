// @ts-check
'use strict';
// Shared by the end-to-end test files: the state written by globalSetup (one n8n install,
// the four packed tarballs, one running n8n main, the sandbox port its credentials point at).
const fs = require('node:fs');
const path = require('node:path');

const { N8nInstance } = require('../../../scripts/n8n/instance');
const { N8nRest } = require('../../../scripts/n8n/rest');
const { listPackages } = require('../../../scripts/lib/packages');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const STATE_FILE = path.join(ROOT, '.tmp', 'e2e', 'state.json');
const OWNER = {
	email: 'owner@example.com',
	password: 'E2e-Owner-Pass-1',
	firstName: 'E2E',
	lastName: 'Owner',
};
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Chromium as the project runs it: Debian's binary, headless, nothing phoning home. */
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
const MISSING_SYSTEM_DEPS =
	'Install the system packages the end-to-end tests need with .ci/install-system-deps.sh (Debian chromium and redis-server).';

/**
 * The publishable packages and the node types each defines (the built codex files name them):
 * [{ name, nodeTypes: ['n8n-nodes-yuno.yuno', 'n8n-nodes-yuno.yunoTrigger'], credentials }].
 */
function packagesUnderTest() {
	return listPackages().map(({ name, dir, manifest }) => ({
		name,
		nodeTypes: manifest.n8n.nodes.map(
			(file) =>
				JSON.parse(fs.readFileSync(path.join(dir, file.replace(/\.js$/, '.json')), 'utf8')).node,
		),
		credentials: manifest.n8n.credentials.map((file) => path.basename(file, '.credentials.js')),
	}));
}

/** The type of a provider's update node, e.g. nodeType('speed') === 'n8n-nodes-tryspeed.speed'. */
function nodeType(provider) {
	const type = packagesUnderTest()
		.flatMap((pkg) => pkg.nodeTypes)
		.find((name) => name.endsWith(`.${provider}`));
	if (!type) throw new Error(`No package defines the node ${provider}`);
	return type;
}

function loadState() {
	return JSON.parse(fs.readFileSync(process.env.CHECKOUT_E2E_STATE || STATE_FILE, 'utf8'));
}

/** An N8nInstance for the shared user folder (CLI commands such as execute run beside the server). */
function sharedInstance(state = loadState()) {
	return new N8nInstance({
		runtime: state.runtime,
		userFolder: state.userFolder,
		filesDir: state.filesDir,
		logDir: state.logDir,
		env: state.env,
	});
}

async function signedIn(url) {
	const rest = new N8nRest(url);
	await rest.signIn(OWNER);
	return rest;
}

/** The sandbox, on the port the imported credentials point at (one file at a time uses it). */
async function startSharedSandbox(state = loadState()) {
	const { startSandbox } = require('../../../sandbox');
	return await startSandbox({ port: state.sandboxPort });
}

/** Compact view of recorded sandbox requests, for assertions. */
function wire(sandbox) {
	return sandbox.requests.map(({ provider, method, path: requestPath, status, body }) => ({
		provider,
		method,
		path: requestPath,
		status,
		body,
	}));
}

function which(command) {
	for (const dir of (process.env.PATH || '').split(path.delimiter)) {
		const candidate = path.join(dir, command);
		if (fs.existsSync(candidate)) return candidate;
	}
	return null;
}

/**
 * POSTs to a production webhook. Right after n8n starts, a published workflow's webhook may
 * not be registered yet (n8n answers 404 and runs nothing), so 404s are retried for a while.
 */
async function postWebhook(url, body, { timeoutMs = 60000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(120000),
		});
		const text = await response.text();
		if (response.status !== 404 || !/not registered/.test(text) || Date.now() > deadline) {
			let json = null;
			try {
				json = JSON.parse(text);
			} catch {
				/* not JSON */
			}
			return { status: response.status, json, text };
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** Polls `read()` until `check(value)` passes (returns the value) or throws the last failure after `timeoutMs`. */
async function eventually(read, check, { timeoutMs = 15000, intervalMs = 250 } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		try {
			check(value);
			return value;
		} catch (error) {
			if (Date.now() > deadline) throw error;
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

/** The run data of one node (first run) from `n8n execute` output: its output items' JSON, per output. */
function nodeOutput(run, nodeName) {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs) throw new Error(`node "${nodeName}" did not run`);
	return (runs[0].data?.main ?? []).map((items) => (items ?? []).map((item) => item.json));
}

module.exports = {
	ROOT,
	STATE_FILE,
	OWNER,
	CHROMIUM,
	CHROMIUM_ARGS,
	MISSING_SYSTEM_DEPS,
	loadState,
	packagesUnderTest,
	nodeType,
	sharedInstance,
	signedIn,
	startSharedSandbox,
	wire,
	which,
	postWebhook,
	eventually,
	nodeOutput,
};
