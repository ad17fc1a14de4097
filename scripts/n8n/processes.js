// @ts-check
'use strict';
// Starting and stopping n8n processes (main, worker, one-shot CLI commands) and redis-server.
// Every process runs in its own process group, on free ports, logging to a file.
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { spawn } = require('node:child_process');

const { cleanEnv, killGroup, run, track, tail } = require('./exec');

/**
 * n8n's installation, from ensureN8n(): its Node 24 binary and folder, n8n's entry script.
 * @typedef {{ node: string, binDir: string, n8nBin: string }} N8nRuntime
 */

/**
 * A TCP port that was free a moment ago on 127.0.0.1 (`preferred` first when given).
 * @param {number} [preferred]
 * @returns {Promise<number>}
 */
function freePort(preferred) {
	/** @type {(port: number) => Promise<number | null>} */
	const tryPort = (port) =>
		new Promise((resolve) => {
			const server = net.createServer();
			server.unref();
			server.once('error', () => resolve(null));
			server.listen(port, '127.0.0.1', () => {
				const { port: bound } = /** @type {net.AddressInfo} */ (server.address());
				server.close(() => resolve(bound));
			});
		});
	return (async () => {
		if (preferred) {
			const port = await tryPort(preferred);
			if (port) return port;
		}
		const port = await tryPort(0);
		if (port === null) throw new Error('no free TCP port on 127.0.0.1');
		return port;
	})();
}

/**
 * The environment of every n8n process of one installation. `runtime` comes from
 * ensureN8n() (its Node 24 goes first in PATH).
 * @param {{ runtime: N8nRuntime, userFolder: string, filesDir?: string, extra?: Record<string, string | undefined> }} options
 */
function n8nEnv({ runtime, userFolder, filesDir, extra = {} }) {
	return cleanEnv(
		{
			N8N_USER_FOLDER: userFolder,
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false', // plain http on localhost
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
			// The file nodes of the example spreadsheet workflow read and write here only.
			...(filesDir ? { N8N_RESTRICT_FILE_ACCESS_TO: filesDir } : {}),
			...extra,
		},
		{ prependPath: runtime.binDir },
	);
}

/**
 * @param {import('node:child_process').ChildProcess} child
 * @returns {Promise<void>}
 */
function waitForExit(child) {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) resolve();
		else child.once('exit', () => resolve());
	});
}

async function httpOk(url) {
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
		return response.ok;
	} catch {
		return false;
	}
}

/**
 * Starts `n8n <command>` ('start' or 'worker') and waits until `readyUrl` answers 200.
 * Returns { child, logFile, stop() }.
 * @param {object} options
 * @param {N8nRuntime} options.runtime
 * @param {'start' | 'worker'} [options.command]
 * @param {NodeJS.ProcessEnv} options.env the whole environment, from n8nEnv()
 * @param {string} options.logFile
 * @param {string} options.readyUrl
 * @param {number} [options.timeoutMs]
 * @param {(text: string) => void} [options.onOutput] receives the output as it comes (also logged)
 */
async function startN8n({
	runtime,
	command = 'start',
	env,
	logFile,
	readyUrl,
	timeoutMs = 120000,
	onOutput,
}) {
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const log = fs.openSync(logFile, 'a');
	const child = spawn(runtime.node, [runtime.n8nBin, command], {
		env,
		stdio: ['ignore', onOutput ? 'pipe' : log, onOutput ? 'pipe' : log],
		detached: process.platform !== 'win32',
	});
	fs.closeSync(log);
	if (onOutput) {
		/** @param {Buffer} chunk */
		const append = (chunk) => {
			fs.appendFileSync(logFile, chunk);
			onOutput(chunk.toString());
		};
		child.stdout?.on('data', append);
		child.stderr?.on('data', append);
	}
	const untrack = track(child);
	child.once('exit', untrack);
	const stop = () => stopProcess(child);

	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(
				`n8n ${command} exited (${child.signalCode ?? child.exitCode}) before it was ready. Log ${logFile}:\n${tail(logFile, 30)}`,
			);
		}
		if (await httpOk(readyUrl)) return { child, logFile, stop };
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	await stop();
	throw new Error(
		`n8n ${command} was not ready after ${timeoutMs / 1000} s. Log ${logFile}:\n${tail(logFile, 30)}`,
	);
}

/**
 * SIGTERM to the whole process group, SIGKILL after `graceMs`.
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} [graceMs]
 */
async function stopProcess(child, graceMs = 8000) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	killGroup(child, 'SIGTERM');
	const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
	await waitForExit(child);
	clearTimeout(timer);
	// The task runner n8n starts is in the same group; make sure nothing of it stays behind.
	killGroup(child, 'SIGKILL');
}

/**
 * @typedef {object} N8nCliOptions
 * @property {N8nRuntime} runtime
 * @property {NodeJS.ProcessEnv} env the whole environment, from n8nEnv()
 * @property {string[]} args
 * @property {number} [timeoutMs]
 */

/**
 * Runs a one-shot n8n CLI command (import:workflow, execute, export:nodes, …) with its own
 * task-broker port, so it can run while a server of the same user folder is up.
 * @param {N8nCliOptions} options
 */
async function n8nCli({ runtime, env, args, timeoutMs = 180000 }) {
	const brokerPort = await freePort();
	const result = await run(runtime.node, [runtime.n8nBin, ...args], {
		env: { ...env, N8N_RUNNERS_BROKER_PORT: String(brokerPort) },
		timeoutMs,
	});
	return result;
}

/** @param {N8nCliOptions} options */
async function n8nCliOrThrow(options) {
	const result = await n8nCli(options);
	if (result.code !== 0) {
		throw new Error(
			`n8n ${options.args.join(' ')} failed (${result.signal ?? `exit code ${result.code}`}):\n${result.stdout}\n${result.stderr}`.trim(),
		);
	}
	return result;
}

/**
 * Parses `n8n execute --rawOutput`: the run data is the last top-level JSON object on stdout
 * (n8n may print log lines before it). n8n 2.41 sometimes crashes with SIGSEGV while exiting
 * after it printed a complete result; the printed result is what counts.
 */
/** @param {string} stdout */
function parseExecuteOutput(stdout) {
	const start = stdout.search(/^\{\s*$/m);
	if (start === -1) return null;
	// n8n may print log lines (e.g. "Registered runner …") after the JSON: try every line that
	// closes an object at column 0, the last one first.
	const text = stdout.slice(start);
	const ends = [...text.matchAll(/^\}\s*$/gm)].map((match) => match.index + 1).reverse();
	for (const end of ends) {
		try {
			return JSON.parse(text.slice(0, end));
		} catch {
			// not the closing brace of the top-level object; try the previous one
		}
	}
	return null;
}

/**
 * Starts redis-server (Debian's) on a free port without persistence. Returns { port, stop() }.
 * @param {{ logFile: string, redisServer?: string }} options
 */
async function startRedis({ logFile, redisServer = 'redis-server' }) {
	const port = await freePort();
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const log = fs.openSync(logFile, 'a');
	const child = spawn(
		redisServer,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			path.dirname(logFile),
		],
		{ stdio: ['ignore', log, log], detached: process.platform !== 'win32' },
	);
	fs.closeSync(log);
	const untrack = track(child);
	child.once('exit', untrack);
	const deadline = Date.now() + 15000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`redis-server exited: ${tail(logFile, 20)}`);
		const ok = await new Promise((resolve) => {
			const socket = net.connect(port, '127.0.0.1');
			socket.once('connect', () => {
				socket.write('PING\r\n');
			});
			socket.once('data', (data) => {
				socket.destroy();
				resolve(data.toString().startsWith('+PONG'));
			});
			socket.once('error', () => resolve(false));
		});
		if (ok) return { port, child, stop: () => stopProcess(child, 3000) };
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	await stopProcess(child, 1000);
	throw new Error(`redis-server did not answer on port ${port}`);
}

module.exports = {
	freePort,
	n8nEnv,
	startN8n,
	stopProcess,
	n8nCli,
	n8nCliOrThrow,
	parseExecuteOutput,
	startRedis,
};
