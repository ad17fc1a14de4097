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

/**
 * Debian's chromium (headless, 1440×900) and a page of n8n's editor at `url`, signed in as
 * the owner. The caller closes the browser (closed here if signing in fails).
 * @param {string} url
 */
async function openSignedInEditor(url) {
	if (!fs.existsSync(CHROMIUM))
		throw new Error(`No chromium at ${CHROMIUM}. ${MISSING_SYSTEM_DEPS}`);
	const { chromium } = require('playwright-core');
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		context.setDefaultTimeout(30000);
		const page = await context.newPage();
		await page.goto(`${url}/signin`);
		await page.fill('input[name="emailOrLdapLoginId"]', OWNER.email);
		await page.fill('input[name="password"]', OWNER.password);
		await page.locator('[data-test-id="form-submit-button"]').click();
		await page.waitForURL((address) => !address.pathname.includes('signin'), { timeout: 60000 });
		return { browser, page };
	} catch (error) {
		await browser.close();
		throw error;
	}
}

/**
 * Where a screenshot goes: docs/screenshots/<name> when it is missing there or with
 * UPDATE_SCREENSHOTS=1, else .tmp/e2e/screenshots/<name>, so a test run leaves the tracked
 * files alone. Its folder is created.
 * @param {string} name
 */
function screenshotPath(name) {
	const docsFile = path.join(ROOT, 'docs', 'screenshots', name);
	const target =
		process.env.UPDATE_SCREENSHOTS === '1' || !fs.existsSync(docsFile)
			? docsFile
			: path.join(ROOT, '.tmp', 'e2e', 'screenshots', name);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	return target;
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

/**
 * Example 1 as a shop uses it: posts an "order updated" event (amounts in BRL) for the
 * order's Yuno session to the production webhook of the n8n at `url`, and checks the answer:
 * 200 with the session's new amount and callback URL.
 * @param {string} url
 * @param {{ id: string, session: string, total: number, returnUrl: string, email: string, items: number }} order
 */
async function postOrderUpdated(url, { id, session, total, returnUrl, email, items }) {
	const response = await postWebhook(`${url}/webhook/shop/order-updated`, {
		event: 'order.updated',
		order: {
			id,
			checkout_session_id: session,
			total,
			currency: 'BRL',
			return_url: returnUrl,
			customer: { email },
			items,
		},
	});
	expect(response.status).toBe(200);
	expect(response.json).toEqual({
		status: 'updated',
		checkout_session: session,
		amount: { currency: 'BRL', value: total },
		callback_url: returnUrl,
	});
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
	openSignedInEditor,
	screenshotPath,
	packagesUnderTest,
	nodeType,
	sharedInstance,
	signedIn,
	startSharedSandbox,
	wire,
	which,
	postWebhook,
	postOrderUpdated,
	eventually,
	nodeOutput,
};
