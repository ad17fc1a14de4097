// @ts-check
'use strict';
/**
 * A worker thread that runs the node under test in n8n-core's real WorkflowExecute
 * (harness/engine.js) against its own provider sandbox (sandbox/index.js), so that the
 * fuzz tests can use both cores of the machine: fuzz/runner.js hands each worker one engine run
 * (one segment of items) at a time.
 *
 * The nodes' TypeScript sources are compiled on load with @swc/core and the repository's
 * .swcrc, the same compiler and settings jest uses (@swc/jest), so the workers test exactly
 * the code the other tests load.
 *
 * Messages in:  { id, provider, parameters, items }  or  { id, op: 'close' }
 * Messages out: { ready: true }, then per run { id, output, error?, requests }
 *   output:   [{ json, pairedItem }] of the provider node
 *   error:    { message, description } when the run itself failed
 *   requests: the sandbox's wire log of that run: [{ provider, method, path, status, body }]
 *   ms:       how long the engine run took
 */
const fs = require('node:fs');
const path = require('node:path');
const workerThreads = require('node:worker_threads');
const swc = require('@swc/core');

/** The channel to fuzz/runner.js: this file runs only as a worker thread. */
function parentChannel() {
	const { parentPort } = workerThreads;
	if (!parentPort) throw new Error('engineWorker.js runs in a worker thread (see fuzz/runner.js)');
	return parentPort;
}
const parentPort = parentChannel();

const root = path.resolve(__dirname, '../..');
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
require.extensions['.ts'] = (module, filename) => {
	const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
		...swcrc,
		filename,
		swcrc: false,
		configFile: false,
	});
	module._compile(code, filename);
};
// Resolve `Upag.node` to Upag.node.ts before Upag.node.json, as jest's moduleFileExtensions do.
for (const extension of ['.json', '.node']) {
	const loader = require.extensions[extension];
	delete require.extensions[extension];
	require.extensions[extension] = loader;
}

// UTC makes n8n's per-expression global context cheaper; no parameter uses dates.

require('n8n-workflow').setGlobalState({ defaultTimezone: 'UTC' });
const { runNode } = require('../../harness/engine');
const { startSandbox } = require('../../sandbox');
const { sandboxCredentials } = require('../engine/sandboxRun');

startSandbox({ port: 0, bulkSessions: 1_000_000 }).then((sandbox) => {
	const credentials = sandboxCredentials(sandbox);
	// One engine run at a time: each run starts from a reset sandbox and returns its own wire log.
	let queue = Promise.resolve();
	parentPort.on('message', (message) => {
		queue = queue.then(() => handle(message));
	});
	async function handle({ id, op, provider, parameters, items }) {
		if (op === 'close') {
			await sandbox.close();
			parentPort.postMessage({ id });
			return;
		}
		try {
			sandbox.reset();
			const started = Date.now();
			const result = await runNode({
				type: provider,
				parameters,
				items,
				credentials: credentials[provider],
				onError: 'continueRegularOutput',
			});
			parentPort.postMessage({
				id,
				output: result.output.map(({ json, pairedItem }) => ({ json, pairedItem })),
				error: result.error
					? { message: result.error.message, description: result.error.description }
					: undefined,
				ms: Date.now() - started,
				requests: sandbox.requests.map(
					({ provider: name, method, path: url, query, status, body }) => ({
						provider: name,
						method,
						path: url,
						query,
						status,
						body,
					}),
				),
			});
		} catch (failure) {
			parentPort.postMessage({
				id,
				crash: failure instanceof Error ? failure.stack : String(failure),
			});
		}
	}
	parentPort.postMessage({ ready: true });
});
