// @ts-check
'use strict';
// One n8n installation: a user folder with this package installed, the sandbox credentials
// and example workflows imported, and its processes (main, workers, CLI commands).
const fs = require('node:fs');
const path = require('node:path');

const { exampleWorkflows, sandboxCredentials } = require('./examples');
const {
	freePort,
	n8nCli,
	n8nCliOrThrow,
	n8nEnv,
	parseExecuteOutput,
	startN8n,
} = require('./processes');
const { N8nRest } = require('./rest');

class N8nInstance {
	/**
	 * @param {object} options
	 * @param {import('./processes').N8nRuntime} options.runtime from ensureN8n()
	 * @param {string} options.userFolder N8N_USER_FOLDER (n8n keeps its data in <userFolder>/.n8n)
	 * @param {string} options.filesDir the only folder the file nodes may use (examples read/write there)
	 * @param {string} options.logDir where process logs go
	 * @param {Record<string, string>} [options.env] extra environment for every process of this instance
	 */
	constructor({ runtime, userFolder, filesDir, logDir, env = {} }) {
		this.runtime = runtime;
		this.userFolder = userFolder;
		this.filesDir = filesDir;
		this.logDir = logDir;
		this.extraEnv = env;
		fs.mkdirSync(userFolder, { recursive: true });
		fs.mkdirSync(filesDir, { recursive: true });
		fs.mkdirSync(logDir, { recursive: true });
	}

	/** @param {Record<string, string>} [extra] */
	env(extra = {}) {
		return n8nEnv({
			runtime: this.runtime,
			userFolder: this.userFolder,
			filesDir: this.filesDir,
			extra: { ...this.extraEnv, ...extra },
		});
	}

	/**
	 * @param {string[]} args
	 * @param {{ env?: Record<string, string>, timeoutMs?: number }} [options]
	 */
	async cli(args, { env, timeoutMs } = {}) {
		return await n8nCliOrThrow({ runtime: this.runtime, env: this.env(env), args, timeoutMs });
	}

	/**
	 * `n8n <command> --input=<file>` on `data` written to a temporary JSON file (only the owner
	 * may read it: credentials are in clear), removed afterwards.
	 * @param {'import:credentials' | 'import:workflow'} command
	 * @param {string} name the temporary file's name
	 * @param {unknown} data
	 */
	async importJson(command, name, data) {
		const dir = path.join(this.userFolder, 'imports');
		fs.mkdirSync(dir, { recursive: true });
		const file = path.join(dir, name);
		fs.writeFileSync(file, JSON.stringify(data, null, 2), { mode: 0o600 });
		try {
			await this.cli([command, `--input=${file}`]);
		} finally {
			fs.rmSync(file, { force: true });
		}
	}

	/** Imports the four sandbox credentials (fixed ids; an existing one with that id is replaced). */
	async importCredentials(credentials) {
		await this.importJson('import:credentials', 'credentials.json', credentials);
	}

	async importSandboxCredentials(sandbox) {
		await this.importCredentials(sandboxCredentials(sandbox.baseUrls));
	}

	/** Imports workflows (objects with fixed ids). */
	async importWorkflows(workflows) {
		await this.importJson('import:workflow', 'workflows.json', workflows);
	}

	async importExamples() {
		const examples = exampleWorkflows({ filesDir: this.filesDir });
		await this.importWorkflows(examples.map(({ workflow }) => workflow));
		return examples;
	}

	async publishWorkflow(id) {
		await this.cli(['publish:workflow', `--id=${id}`]);
	}

	/**
	 * `n8n execute --id=<id> --rawOutput`: { run, result } where run is the execution data (or null).
	 * @param {string} id
	 * @param {{ env?: Record<string, string>, timeoutMs?: number }} [options]
	 */
	async execute(id, { env, timeoutMs = 180000 } = {}) {
		const result = await n8nCli({
			runtime: this.runtime,
			env: this.env(env),
			args: ['execute', `--id=${id}`, '--rawOutput'],
			timeoutMs,
		});
		return { run: parseExecuteOutput(result.stdout), result };
	}

	/** `n8n export:nodes`: the node type descriptions n8n loaded. */
	async exportNodes() {
		const file = path.join(this.userFolder, 'imports', 'nodes.json');
		fs.mkdirSync(path.dirname(file), { recursive: true });
		await this.cli(['export:nodes', `--output=${file}`]);
		const nodes = JSON.parse(fs.readFileSync(file, 'utf8'));
		fs.rmSync(file, { force: true });
		return nodes;
	}

	/**
	 * Starts `n8n start` on `port` (a free one when not given). Returns { url, port, stop, logFile, child, rest }.
	 * @param {{ port?: number, env?: Record<string, string>, logName?: string, onOutput?: (text: string) => void, timeoutMs?: number }} [options]
	 */
	async startMain({ port, env = {}, logName = 'n8n-main.log', onOutput, timeoutMs } = {}) {
		const chosen = port ?? (await freePort());
		const brokerPort = await freePort();
		const url = `http://127.0.0.1:${chosen}`;
		const started = await startN8n({
			runtime: this.runtime,
			command: 'start',
			env: this.env({
				N8N_PORT: String(chosen),
				N8N_RUNNERS_BROKER_PORT: String(brokerPort),
				...env,
			}),
			logFile: path.join(this.logDir, logName),
			readyUrl: `${url}/healthz/readiness`,
			onOutput,
			timeoutMs,
		});
		return { ...started, url, port: chosen, rest: new N8nRest(url) };
	}

	/**
	 * Starts `n8n worker` with a health endpoint on a free port.
	 * @param {{ env?: Record<string, string>, logName?: string, timeoutMs?: number }} [options]
	 */
	async startWorker({ env = {}, logName = 'n8n-worker.log', timeoutMs } = {}) {
		const healthPort = await freePort();
		const brokerPort = await freePort();
		const started = await startN8n({
			runtime: this.runtime,
			command: 'worker',
			env: this.env({
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(healthPort),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				N8N_RUNNERS_BROKER_PORT: String(brokerPort),
				...env,
			}),
			logFile: path.join(this.logDir, logName),
			readyUrl: `http://127.0.0.1:${healthPort}/healthz/readiness`,
			timeoutMs,
		});
		return { ...started, healthPort };
	}
}

module.exports = { N8nInstance };
