// @ts-check
'use strict';
// Child processes: a clean environment (no npm_* variables leaking from `npm start`/`npm test`,
// which would point a child npm at this project), commands with captured output, progress.
const { spawn } = require('node:child_process');
const fs = require('node:fs');

/**
 * process.env without what npm run-script adds (npm_config_local_prefix, npm_config_ignore_scripts,
 * npm_package_*, …) and without NODE_OPTIONS / NODE_ENV (jest and debuggers set them; n8n must
 * not inherit them). `prependPath` goes first in PATH.
 * @param {Record<string, string | undefined>} [extra]
 * @param {{ prependPath?: string }} [options]
 * @returns {NodeJS.ProcessEnv}
 */
function cleanEnv(extra = {}, { prependPath } = {}) {
	/** @type {NodeJS.ProcessEnv} */
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^npm_/i.test(key) || key === 'INIT_CWD' || key === 'NODE_OPTIONS' || key === 'NODE')
			continue;
		// Under jest NODE_ENV is "test": n8n would then use an in-memory database and log nothing.
		if (key === 'NODE_ENV' || /^JEST_/.test(key)) continue;
		// A shell's own n8n settings (EXECUTIONS_MODE=queue, DB_TYPE=postgresdb, …) would change
		// what these scripts start; only the log level passes through.
		if (/^(N8N_|QUEUE_|EXECUTIONS_|DB_|WEBHOOK_URL$)/.test(key) && key !== 'N8N_LOG_LEVEL')
			continue;
		env[key] = value;
	}
	if (prependPath) env.PATH = `${prependPath}${require('node:path').delimiter}${env.PATH || ''}`;
	return { ...env, ...extra };
}

/**
 * @typedef {object} RunOptions
 * @property {string} [cwd]
 * @property {NodeJS.ProcessEnv} [env] the whole environment (default: cleanEnv())
 * @property {string} [logFile]
 * @property {number} [timeoutMs] the command's process group is killed after it
 * @property {string} [input] written to the command's stdin
 */

/**
 * @typedef {object} RunResult
 * @property {number | null} code
 * @property {NodeJS.Signals | null} signal
 * @property {string} stdout
 * @property {string} stderr
 */

/**
 * Runs a command to completion. Output goes to `logFile` (appended) when given, else is
 * captured. Resolves { code, signal, stdout, stderr }; rejects only when it cannot start.
 * @param {string} command
 * @param {string[]} args
 * @param {RunOptions} [options]
 * @returns {Promise<RunResult>}
 */
function run(command, args, { cwd, env, logFile, timeoutMs, input } = {}) {
	return new Promise((resolve, reject) => {
		const log = logFile ? fs.openSync(logFile, 'a') : null;
		const child = spawn(command, args, {
			cwd,
			env: env || cleanEnv(),
			stdio: [input === undefined ? 'ignore' : 'pipe', log ?? 'pipe', log ?? 'pipe'],
			detached: process.platform !== 'win32',
		});
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (chunk) => (stdout += chunk));
		child.stderr?.on('data', (chunk) => (stderr += chunk));
		if (input !== undefined) child.stdin?.end(input);
		let timer = null;
		if (timeoutMs) {
			timer = setTimeout(() => killGroup(child, 'SIGKILL'), timeoutMs);
		}
		const untrack = track(child);
		child.once('error', (error) => {
			untrack();
			if (timer) clearTimeout(timer);
			if (log !== null) fs.closeSync(log);
			reject(error);
		});
		child.once('close', (code, signal) => {
			untrack();
			if (timer) clearTimeout(timer);
			if (log !== null) fs.closeSync(log);
			resolve({ code, signal, stdout, stderr });
		});
	});
}

/**
 * Like run(), but rejects with the output's tail when the command fails; the error's `result`
 * is run()'s result.
 * @param {string} command
 * @param {string[]} args
 * @param {RunOptions} [options]
 * @returns {Promise<RunResult>}
 */
async function runOrThrow(command, args, options = {}) {
	const result = await run(command, args, options);
	if (result.code !== 0) {
		const output = options.logFile
			? tail(options.logFile, 40)
			: `${result.stdout}\n${result.stderr}`.trim();
		const error = new Error(
			`${[command, ...args].join(' ')} failed (${result.signal ?? `exit code ${result.code}`})` +
				(options.logFile ? ` — full log: ${options.logFile}` : '') +
				`\n${output}`,
		);
		throw Object.assign(error, { result });
	}
	return result;
}

function tail(file, lines) {
	try {
		return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}

// Every child we start runs in its own process group; whatever is still running when this
// process exits (Ctrl-C, a failed test, an exception) is killed with its whole group.
const live = new Set();

function track(child) {
	live.add(child);
	return () => live.delete(child);
}

function killGroup(child, signal = 'SIGTERM') {
	if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
	try {
		if (process.platform === 'win32') child.kill(signal);
		else process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			/* already gone */
		}
	}
}

function killAll(signal = 'SIGKILL') {
	for (const child of live) killGroup(child, signal);
}

process.once('exit', () => killAll('SIGKILL'));

/**
 * A progress line for long steps. On a terminal it rewrites one line every second; otherwise
 * (CI logs) it prints a line every 30 seconds. `detail()` adds e.g. a package count.
 * @param {string} label
 * @param {{ estimate?: string, detail?: () => string }} [options]
 */
function progress(label, { estimate, detail } = {}) {
	const started = Date.now();
	const tty = Boolean(process.stdout.isTTY);
	let lastPrinted = 0;
	const line = () => {
		const seconds = Math.round((Date.now() - started) / 1000);
		const extra = detail ? detail() : '';
		return `${label} ${formatDuration(seconds)}${estimate ? ` (usually ${estimate})` : ''}${extra ? `, ${extra}` : ''}`;
	};
	if (!tty) console.log(`${label}…${estimate ? ` (usually ${estimate})` : ''}`);
	const timer = setInterval(() => {
		if (tty) process.stdout.write(`\r${line()}\x1b[K`);
		else if (Date.now() - lastPrinted >= 30000) {
			lastPrinted = Date.now();
			console.log(line());
		}
	}, 1000);
	lastPrinted = Date.now();
	return {
		done(message) {
			clearInterval(timer);
			if (tty) process.stdout.write('\r\x1b[K');
			if (message)
				console.log(`${message} (${formatDuration(Math.round((Date.now() - started) / 1000))})`);
		},
	};
}

function formatDuration(seconds) {
	const minutes = Math.floor(seconds / 60);
	return minutes > 0 ? `${minutes}m ${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
}

module.exports = {
	cleanEnv,
	run,
	runOrThrow,
	tail,
	track,
	killGroup,
	killAll,
	progress,
	formatDuration,
};
