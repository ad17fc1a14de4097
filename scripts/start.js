// @ts-check
'use strict';
// `npm start`: this package in a real n8n, with the provider sandbox, credentials that point
// at it and the example workflows. Ctrl-C stops everything.
//
//   npm start                  start (first run: installs n8n into the cache, ~6–8 minutes)
//   npm start -- --port 5679   another editor port (default 5678, or a free one)
//   npm start -- --fresh       forget n8n's data (database, login, credentials) and start over
//   npm start -- --verbose     show n8n's own output too
//
// n8n and its data live outside the project: see scripts/n8n/paths.js and the README.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { ensureN8n } = require('./n8n/install');
const { buildIfNeeded, pack, installIntoUserFolder } = require('./n8n/package');
const { N8nInstance } = require('./n8n/instance');
const {
	CREDENTIALS,
	EXAMPLE_FILES_SUBDIR,
	exampleWorkflows,
	prepareExampleFiles,
	sandboxCredentials,
} = require('./n8n/examples');
const { freePort } = require('./n8n/processes');
const { killAll, tail } = require('./n8n/exec');
const { N8N_VERSION, paths } = require('./n8n/paths');
const { listPackages } = require('./lib/packages');

const PACKAGE_NAMES = listPackages().map((pkg) => pkg.name);

const DEFAULT_EDITOR_PORT = 5678;
const DEFAULT_SANDBOX_PORT = 4010; // the same as `npm run sandbox`
const WEBHOOK_EXAMPLE_ID = 'ExShopWebhook001';
const OWNER_EMAIL = 'owner@example.com';

function parseArgs(argv) {
	/** @type {{ port?: number, fresh: boolean, verbose: boolean }} */
	const args = { port: undefined, fresh: false, verbose: false };
	for (let i = 0; i < argv.length; i += 1) {
		const arg = argv[i];
		if (arg === '--fresh') args.fresh = true;
		else if (arg === '--verbose') args.verbose = true;
		else if (arg === '--port' || arg.startsWith('--port=')) {
			args.port = Number(arg.includes('=') ? arg.split('=')[1] : argv[++i]);
			if (!Number.isInteger(args.port) || args.port <= 0)
				throw new Error('--port needs a port number');
		} else if (arg === '--help' || arg === '-h') {
			console.log(
				fs
					.readFileSync(__filename, 'utf8')
					.split('\n')
					.slice(1, 9)
					.map((line) => line.replace(/^\/\/ ?/, ''))
					.join('\n'),
			);
			process.exit(0);
		} else throw new Error(`unknown option ${arg} (try --help)`);
	}
	return args;
}

function readState(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return {};
	}
}

function writeState(file, state) {
	fs.writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

function hash(text) {
	return crypto.createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** An n8n left running by an earlier `npm start` that was killed hard (its pid file is ours). */
function stopLeftover(pidFile, n8nBin) {
	let pid;
	try {
		pid = Number(fs.readFileSync(pidFile, 'utf8'));
	} catch {
		return;
	}
	fs.rmSync(pidFile, { force: true });
	try {
		const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
		if (!cmdline.includes(n8nBin)) return;
		console.log(`Stopping n8n (pid ${pid}) left running by an earlier npm start…`);
		process.kill(-pid, 'SIGKILL');
	} catch {
		/* not running (or not Linux) */
	}
}

function describeRequest(entry) {
	const status = entry.status === null ? '…' : entry.status;
	return `  sandbox  ${entry.method.padEnd(5)} ${entry.url}  → ${status}`;
}

/**
 * Credentials: imported once. When the sandbox had to move to another port, the ones that
 * still point at the old sandbox are moved along; credentials edited by hand stay as they are.
 */
async function syncCredentials(instance, sandbox, state, userFolder) {
	const wanted = sandboxCredentials(sandbox.baseUrls);
	if (!state.credentialsSandboxUrl) {
		await instance.importCredentials(wanted);
		console.log(
			`Imported ${wanted.length} credentials that point at the sandbox (${Object.values(CREDENTIALS)
				.map((c) => `"${c.name}"`)
				.join(', ')})`,
		);
	} else if (state.credentialsSandboxUrl !== sandbox.url) {
		const exported = path.join(userFolder, 'imports', 'credentials-export.json');
		fs.mkdirSync(path.dirname(exported), { recursive: true });
		await instance.cli(['export:credentials', '--all', '--decrypted', `--output=${exported}`]);
		const existing = JSON.parse(fs.readFileSync(exported, 'utf8'));
		fs.rmSync(exported, { force: true });
		const move = wanted.filter((credential) => {
			const current = existing.find((entry) => entry.id === credential.id);
			return (
				!current || String(current.data?.baseUrl ?? '').startsWith(state.credentialsSandboxUrl)
			);
		});
		if (move.length > 0) await instance.importCredentials(move);
		console.log(
			`The sandbox moved to ${sandbox.url}; ${move.length} sandbox credential(s) updated`,
		);
	}
	state.credentialsSandboxUrl = sandbox.url;
	state.sandboxPort = sandbox.port;
}

/**
 * Example workflows: imported when new or when their file changed since the last import
 * (changes made in the editor are kept otherwise).
 */
async function syncExamples(instance, state, filesDir) {
	prepareExampleFiles(filesDir);
	const examples = exampleWorkflows({ filesDir });
	state.examples = state.examples ?? {};
	const changed = examples.filter(
		({ file, workflow }) => state.examples[path.basename(file)] !== hash(JSON.stringify(workflow)),
	);
	if (changed.length > 0) {
		await instance.importWorkflows(changed.map(({ workflow }) => workflow));
		if (changed.some(({ workflow }) => workflow.id === WEBHOOK_EXAMPLE_ID))
			await instance.publishWorkflow(WEBHOOK_EXAMPLE_ID);
		for (const { file, workflow } of changed)
			state.examples[path.basename(file)] = hash(JSON.stringify(workflow));
		console.log(
			`Imported ${changed.length} example workflow(s): ${changed.map(({ workflow }) => `"${workflow.name}"`).join(', ')}`,
		);
	}
}

/** The owner account, created on the first start; its password is kept in the state file. */
async function ensureOwner(n8n, state, stateFile) {
	if (!state.owner) {
		const password = `Sandbox-${crypto.randomBytes(6).toString('base64url')}-7`;
		const created = await n8n.rest.setupOwner({
			email: OWNER_EMAIL,
			password,
			firstName: 'Local',
			lastName: 'Owner',
		});
		if (created) {
			state.owner = { email: OWNER_EMAIL, password };
			writeState(stateFile, state);
		}
	}
}

function printBanner({ port, state, sandbox, filesDir, userFolder, runtime }) {
	const editor = `http://localhost:${port}`;
	const order = JSON.stringify({
		order: {
			id: 'order-1001',
			checkout_session_id: 'a0000000-0000-4000-8000-000000000001',
			total: 149.9,
			currency: 'BRL',
			return_url: 'https://shop.example.com/orders/1001/return',
			customer: { email: 'ana@example.com' },
			items: 3,
		},
	});
	console.log(`
n8n is running with ${PACKAGE_NAMES.join(', ')} installed.

  Editor      ${editor}
  Sign in     ${state.owner ? `${state.owner.email} / ${state.owner.password}` : `the owner account created earlier (npm start -- --fresh starts over)`}
  Examples    Overview → "Example 1 – …" to "Example 4 – …" (example 1 is published: its webhook is live)
  Credentials ${Object.values(CREDENTIALS)
		.map((c) => c.name)
		.join(', ')}
              → the sandbox at ${sandbox.url}. With real keys: edit the credential (key, and clear "Base URL Override").
  Try         curl -X POST ${editor}/webhook/shop/order-updated -H 'content-type: application/json' -d '${order}'
  Files       ${path.join(filesDir, EXAMPLE_FILES_SUBDIR)} (example 2 reads sessions.csv, writes results.csv)
  n8n data    ${userFolder}
  n8n itself  ${runtime.n8nDir}

Requests that reach the sandbox are listed below. Ctrl-C stops n8n and the sandbox.
`);
}

/** Prints the requests that reach the sandbox, in order, as they are answered. */
function echoSandboxRequests(sandbox) {
	let shown = 0;
	setInterval(() => {
		const entries = sandbox.requests;
		if (entries.length < shown) shown = 0;
		const fresh = [];
		// In order, up to the first request still waiting for its answer.
		while (
			shown < entries.length &&
			(entries[shown].status !== null || Date.now() - entries[shown].at > 60000)
		) {
			fresh.push(entries[shown]);
			shown += 1;
		}
		if (fresh.length > 12) {
			const statuses = {};
			for (const entry of fresh) statuses[entry.status] = (statuses[entry.status] ?? 0) + 1;
			console.log(
				`  sandbox  ${fresh.length} requests: ${Object.entries(statuses)
					.map(([status, count]) => `${count} × ${status}`)
					.join(', ')}`,
			);
		} else for (const entry of fresh) console.log(describeRequest(entry));
		// Keep memory flat during long sessions (bulk runs).
		if (shown > 5000 && shown === entries.length) {
			entries.length = 0;
			shown = 0;
		}
	}, 500);
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const dirs = paths();
	const userFolder = dirs.startUserFolder;
	const filesDir = path.join(userFolder, 'files');
	const logDir = path.join(userFolder, 'logs');
	const stateFile = path.join(userFolder, 'npm-start.json');
	const pidFile = path.join(userFolder, 'n8n.pid');

	console.log(`${PACKAGE_NAMES.join(', ')} in n8n ${N8N_VERSION}\n`);
	const runtime = await ensureN8n();
	stopLeftover(pidFile, runtime.n8nBin);
	if (args.fresh && fs.existsSync(userFolder)) {
		console.log(`--fresh: removing ${userFolder}`);
		fs.rmSync(userFolder, { recursive: true, force: true });
	}

	await buildIfNeeded();
	const tarballs = await pack();
	await installIntoUserFolder({ userFolder, tarballs, binDir: runtime.binDir });
	console.log(
		`Installed ${tarballs.map((tarball) => path.basename(tarball)).join(', ')} into ${path.join(userFolder, '.n8n', 'nodes')} (as n8n's community-node install does)`,
	);

	const instance = new N8nInstance({
		runtime,
		userFolder,
		filesDir,
		logDir,
		// Published workflows go live within a second instead of n8n's default 15.
		env: { N8N_WORKFLOW_PUBLICATION_OUTBOX_POLL_INTERVAL_MS: '1000' },
	});
	const state = readState(stateFile);

	const { startSandbox } = require('../sandbox');
	const sandboxPort = await freePort(state.sandboxPort ?? DEFAULT_SANDBOX_PORT);
	const sandbox = await startSandbox({ port: sandboxPort });

	let n8n = null;
	let stopping = false;
	const stop = async (code) => {
		if (stopping) {
			// A second Ctrl-C: no more waiting.
			killAll('SIGKILL');
			process.exit(130);
		}
		stopping = true;
		console.log('\nStopping n8n and the sandbox…');
		if (n8n) await n8n.stop();
		await sandbox.close();
		fs.rmSync(pidFile, { force: true });
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	await syncCredentials(instance, sandbox, state, userFolder);

	await syncExamples(instance, state, filesDir);
	writeState(stateFile, state);

	const port = await freePort(args.port ?? DEFAULT_EDITOR_PORT);
	if (args.port && port !== args.port) throw new Error(`port ${args.port} is in use`);
	console.log(`Starting n8n on port ${port} (log: ${path.join(logDir, 'n8n.log')})…`);
	n8n = await instance.startMain({
		port,
		logName: 'n8n.log',
		onOutput: args.verbose
			? (text) => process.stdout.write(text.replace(/^(?=.)/gm, '  n8n  '))
			: undefined,
		env: {
			N8N_EDITOR_BASE_URL: `http://localhost:${port}`,
			WEBHOOK_URL: `http://localhost:${port}/`,
		},
	});
	fs.writeFileSync(pidFile, String(n8n.child.pid));
	n8n.child.once('exit', (code, signal) => {
		if (stopping) return;
		console.error(
			`\nn8n stopped unexpectedly (${signal ?? `exit code ${code}`}). Last lines of ${n8n.logFile}:\n${tail(n8n.logFile, 30)}`,
		);
		void stop(1);
	});

	await ensureOwner(n8n, state, stateFile);

	printBanner({ port, state, sandbox, filesDir, userFolder, runtime });
	echoSandboxRequests(sandbox);
	await new Promise(() => {});
}

main().catch((error) => {
	console.error(`\nnpm start failed: ${error.message}`);
	killAll('SIGKILL');
	process.exit(1);
});
