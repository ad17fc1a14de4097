// @ts-check
'use strict';
// Runs once before the end-to-end files: n8n (cached), the four packages built and packed once,
// installed into a fresh user folder the way n8n installs community nodes, the sandbox
// credentials and example workflows imported, one n8n main started with an owner account.
// Everything n8n writes lives in a temporary folder outside the project.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ensureN8n } = require('../../../scripts/n8n/install');
const { buildIfNeeded, pack, installIntoUserFolder } = require('../../../scripts/n8n/package');
const { N8nInstance } = require('../../../scripts/n8n/instance');
const { prepareExampleFiles } = require('../../../scripts/n8n/examples');
const { freePort } = require('../../../scripts/n8n/processes');
const { formatDuration } = require('../../../scripts/n8n/exec');
const { OWNER, STATE_FILE } = require('./context');

// The examples whose webhooks the tests call: example 1 (update) and example 6 (create).
const WEBHOOK_EXAMPLE_IDS = ['ExShopWebhook001', 'ExLifecycle00006'];

module.exports = async function globalSetup() {
	const started = Date.now();
	const timings = {};
	const step = async (name, fn) => {
		const t = Date.now();
		const result = await fn();
		timings[name] = Date.now() - t;
		return result;
	};
	const log = (message) => process.stdout.write(`[e2e setup] ${message}\n`);
	log('preparing n8n (the first run installs it into the cache: ~6–10 minutes)');

	const runtime = await step('n8n', () => ensureN8n({ log }));
	await step('build', () => buildIfNeeded({ log }));
	const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'checkout-sessions-e2e-'));
	const tarballs = await step('pack', () => pack(path.join(tempRoot, 'packs')));
	const userFolder = path.join(tempRoot, 'main');
	const filesDir = path.join(userFolder, 'files');
	const logDir = path.join(tempRoot, 'logs');
	await step('install', () =>
		installIntoUserFolder({ userFolder, tarballs, binDir: runtime.binDir }),
	);

	// Published workflows go live within half a second instead of n8n's default 15.
	const env = { N8N_WORKFLOW_PUBLICATION_OUTBOX_POLL_INTERVAL_MS: '500' };
	const instance = new N8nInstance({ runtime, userFolder, filesDir, logDir, env });
	prepareExampleFiles(filesDir, { overwrite: true });

	const { startSandbox } = require('../../../sandbox');
	const sandboxPort = await freePort();
	const sandbox = await startSandbox({ port: sandboxPort });
	try {
		await step('import', async () => {
			await instance.importSandboxCredentials(sandbox);
			await instance.importExamples();
			for (const id of WEBHOOK_EXAMPLE_IDS) await instance.publishWorkflow(id);
		});
	} finally {
		// Each test file starts its own sandbox on this port (so it can read the recorded requests).
		await sandbox.close();
	}
	// The queue-mode test gets its own copy of this user folder (package, credentials, published
	// webhook example), taken while no n8n process has the database open.
	const queueUserFolder = path.join(tempRoot, 'queue');
	fs.cpSync(userFolder, queueUserFolder, { recursive: true });

	const main = await step('main', () => instance.startMain({ logName: 'n8n-main.log' }));
	globalThis.__checkoutSessionsE2E = { main, tempRoot, logDir };
	await step('owner', () => main.rest.setupOwner(OWNER));

	const state = {
		runtime,
		tempRoot,
		userFolder,
		queueUserFolder,
		filesDir,
		logDir,
		env,
		tarballs,
		sandboxPort,
		mainUrl: main.url,
		timings,
	};
	fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
	fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
	process.env.CHECKOUT_E2E_STATE = STATE_FILE;
	log(
		`ready in ${formatDuration(Math.round((Date.now() - started) / 1000))}: ` +
			Object.entries(timings)
				.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)}s`)
				.join(', '),
	);
};
