// @ts-check
'use strict';
/**
 * Runs the property-based "bad input" tests (fuzz.<provider>.test.js, fuzz.operations.test.js).
 *
 * Each test describes a MODEL:
 *   - `segment`: a fast-check arbitrary of `{ shape, items }`. The shape is the node's parameter
 *     layout for one engine run (which fields are bound as expressions, how many fixed-collection
 *     rows, options); the items are per-item recipes (generators.js).
 *   - `parameters(shape)`: the node parameters; every bound field is an expression reading the
 *     generated value from the item (`={{ $json.<name> }}`), so wrong types arrive as they would
 *     from a spreadsheet or a webhook.
 *   - `materialize(shape, recipe, n)`: the item JSON and what the DOCUMENTATION says about it:
 *     `{ json, expect: { wireId, exists, tags, body?, get?, check? } }`. `n` is unique within a
 *     fast-check run, so every item updates its own bulk session and requests map back to items.
 *     Tags are `{ field, k, change }` with the oracle's verdict `k` (oracle.js), written from the
 *     provider pages, not from the node code.
 *   - `requestId(req)`, `isUpdate(req)`, `unknownStatus`, `okStatus` (default 200).
 *
 * `fuzzProvider` runs each segment through the real n8n engine (one WorkflowExecute run per
 * segment, "Continue On Fail" on) against the provider sandbox, in worker threads so both cores
 * work (engineWorker.js: harness/engine.js + sandbox/, each worker its own sandbox), then checks
 * the properties P1–P5 per item (checks.js). A failing property is shrunk by fast-check (for at
 * most ~30 s) and reported with its seed and path, the failing items and the reason.
 *
 * Environment: FUZZ_TARGET=<n> generated inputs per provider (default 10,000);
 * FUZZ_NO_SHRINK=1 reports the first failure unshrunk; FUZZ_SEED=<seed> FUZZ_PATH=<path> replays a
 * reported failure; FUZZ_DEBUG=1 prints per-run timings.
 */
const os = require('node:os');
const path = require('node:path');
const { Worker } = require('node:worker_threads');
const fc = require('fast-check');
const { provider: registered } = require('../../../harness/providers');
const { writeFigures } = require('../figures');
const { leakedSecret, newCounts, describeItem, checkSegment } = require('./checks');

/** fast-check's report, with the counterexample's long strings shortened (they can be MBs). */
function describeFailure(details) {
	const [run] = details.counterexample ?? [[]];
	const summary = (run ?? []).map(({ shape, items }) => ({
		shape,
		items: items.length,
		first: items.slice(0, 3),
	}));
	return [
		`Property failed after ${details.numRuns} run(s), shrunk ${details.numShrinks} time(s); replay with { seed: ${details.seed}, path: "${details.counterexamplePath}" }`,
		`Counterexample (segments, item count, first recipes): ${describeItem(summary)}`,
		details.errorInstance instanceof Error ? details.errorInstance.message : String(details.error),
	].join('\n');
}

/**
 * Engine workers (engineWorker.js): each runs n8n's WorkflowExecute with the node under test
 * against its own sandbox, one engine run at a time; `run(provider, parameters, items)` resolves
 * to `{ output, error, requests }` of that run. Two or more workers keep both cores busy.
 */
function useEngines(
	size = Math.min(4, Math.max(2, os.availableParallelism?.() ?? os.cpus().length)),
) {
	const workers = [];
	let nextId = 0;
	const start = () =>
		new Promise((resolve, reject) => {
			const worker = new Worker(path.join(__dirname, '..', 'engineWorker.js'));
			const entry = { worker, pending: new Map() };
			worker.once('error', reject);
			worker.once('message', () => {
				worker.on('message', (message) => {
					const settle = entry.pending.get(message.id);
					entry.pending.delete(message.id);
					if (message.crash) settle?.reject(new Error(`engine worker: ${message.crash}`));
					else settle?.resolve(message);
				});
				worker.on('error', (error) => {
					for (const settle of entry.pending.values()) settle.reject(error);
					entry.pending.clear();
				});
				resolve(entry);
			});
		});
	const send = (entry, message) =>
		new Promise((resolve, reject) => {
			nextId += 1;
			entry.pending.set(nextId, { resolve, reject });
			entry.worker.postMessage({ id: nextId, ...message });
		});
	beforeAll(async () => {
		workers.push(...(await Promise.all(Array.from({ length: size }, start))));
	}, 60_000);
	afterAll(async () => {
		await Promise.all(
			workers.map(async (entry) => {
				await send(entry, { op: 'close' });
				await entry.worker.terminate();
			}),
		);
	});
	return {
		size,
		run(provider, parameters, items) {
			const entry = workers.reduce((best, candidate) =>
				candidate.pending.size < best.pending.size ? candidate : best,
			);
			return send(entry, { provider, parameters, items });
		},
	};
}

/** Generated inputs per provider (FUZZ_TARGET overrides, e.g. for a quick local run). */
const TARGET = Number(process.env.FUZZ_TARGET ?? 10_000);

/**
 * Runs the property over batches until at least `target` items were generated; returns the counts.
 * `engines` is a useEngines() pool; the segments of one run go through it in parallel.
 */
async function fuzzProvider(
	model,
	engines,
	{ target = TARGET, segments = { minLength: 1, maxLength: 4 }, shrinkDeadlineMs = 30_000 } = {},
) {
	const counts = newCounts();
	const timing = { materialize: 0, engine: 0, check: 0 };
	const deadline = Date.now() + shrinkDeadlineMs;
	let runs = 0;
	// The longest one run of the property took so far (ms): a loaded machine is slow, not wrong.
	let slowestRun = 0;
	const property = fc.asyncProperty(fc.array(model.segment, segments), async (run) => {
		const local = newCounts();
		let n = 0;
		const failures = [];
		const t0 = Date.now();
		const prepared = run.map(({ shape, items }) => ({
			shape,
			cases: items.map((recipe) => model.materialize(shape, recipe, n++)),
		}));
		const t1 = Date.now();
		const results = await Promise.all(
			prepared.map(({ shape, cases }) =>
				engines.run(
					model.provider,
					model.parameters(shape),
					cases.map((c) => c.json),
				),
			),
		);
		const t2 = Date.now();
		timing.materialize += t1 - t0;
		timing.engine += t2 - t1;
		prepared.forEach(({ shape, cases }, index) => {
			const result = results[index];
			local.engineRuns += 1;
			if (process.env.FUZZ_DEBUG)
				process.stderr.write(
					`segment ${cases.length} items, ${result.ms} ms, ${result.requests.length} requests, shape ${JSON.stringify(shape).slice(0, 200)}\n`,
				);
			const errorText = result.error ? JSON.stringify(result.error) : '';
			if (leakedSecret(errorText)) failures.push('the run error contains a credential secret');
			if (failures.length === 0)
				failures.push(...checkSegment(model, cases, result, result.requests, local));
		});
		timing.check += Date.now() - t2;
		slowestRun = Math.max(slowestRun, Date.now() - t0);
		if (failures.length > 0) {
			throw new Error(`${failures.length} failure(s):\n${failures.slice(0, 5).join('\n')}`);
		}
		for (const [key, value] of Object.entries(local)) {
			if (key === 'byField')
				for (const [field, count] of Object.entries(value))
					counts.byField[field] = (counts.byField[field] ?? 0) + count;
			else counts[key] += value;
		}
	});
	while (counts.total < target) {
		// Rounds of a few runs (a run is ~500-1000 items), so the target is passed by at most a round.
		const perRun = counts.total > 0 ? counts.total / runs : 1000;
		const numRuns = Math.max(1, Math.min(4, Math.ceil((target - counts.total) / perRun)));
		// Shrinking a failure re-runs the engine many times: it stops at the deadline and reports
		// the smallest counterexample found so far (each failure message names its item anyway).
		// A round always has time for its own runs at the slowest pace seen (fast-check counts a
		// round interrupted before its first run as a failure).
		const details = await fc.check(property, {
			numRuns,
			...(process.env.FUZZ_SEED
				? { seed: Number(process.env.FUZZ_SEED), path: process.env.FUZZ_PATH }
				: {}),
			endOnFailure: process.env.FUZZ_NO_SHRINK === '1',
			interruptAfterTimeLimit: Math.max(60_000 + 2 * numRuns * slowestRun, deadline - Date.now()),
		});
		runs += details.numRuns;
		if (details.failed) throw new Error(describeFailure(details));
	}
	counts.timing = timing;
	return counts;
}

/** Prints the counts of one fuzz run (and where the time went, with FUZZ_DEBUG). */
function report(label, counts, seconds) {
	const share = (x) => `${((100 * x) / counts.total).toFixed(1)} %`;
	const fields = Object.entries(counts.byField)
		.sort((a, b) => b[1] - a[1])
		.map(([field, count]) => `${field} ${count}`)
		.join(', ');
	console.log(
		`fuzz ${label}: ${counts.total} generated inputs in ${counts.engineRuns} engine runs (${seconds.toFixed(1)} s); ` +
			`known-valid ${counts.valid} (${share(counts.valid)}), known-invalid ${counts.invalid} (${share(counts.invalid)}), ` +
			`undecided ${counts.either}; node accepted ${counts.accepted}, rejected ${counts.rejected}; rejections per field: ${fields}` +
			(process.env.FUZZ_DEBUG
				? `; ms in engine ${counts.timing.engine}, materialize ${counts.timing.materialize}, check ${counts.timing.check}`
				: ''),
	);
}

/**
 * One fuzz test file, `name` its figures' name: a pool of engine workers, and `fuzz(model,
 * operation)` for its tests. `fuzz` runs the model's property until the target is passed, prints
 * the counts, checks that the target was reached with at least `minValidShare` known-valid
 * inputs, and keeps the counts; after the file's tests they are written to
 * .tmp/reliability/<name>.json, which scripts/figures.js renders into docs/reliability.md.
 */
function useFuzzSuite(name) {
	const engines = useEngines();
	const runs = [];
	afterAll(() => {
		if (runs.length > 0) writeFigures(name, { runs });
	});
	const suite = {
		async fuzz(model, operation, { minValidShare = 0.3 } = {}) {
			const started = Date.now();
			const counts = await fuzzProvider(model, engines);
			const seconds = (Date.now() - started) / 1000;
			const provider = registered(model.provider).displayName;
			report(`${provider} ${operation}`, counts, seconds);
			expect(counts.total).toBeGreaterThanOrEqual(TARGET);
			expect(counts.valid / counts.total).toBeGreaterThanOrEqual(minValidShare);
			runs.push({
				provider,
				operation,
				inputs: counts.total,
				accepted: counts.accepted,
				refused: counts.rejected,
				seconds: Math.round(seconds),
			});
		},
		/** The test of a provider's Update operation. */
		testUpdate(model) {
			const provider = registered(model.provider).displayName;
			test(
				`${provider}: every generated input is either refused naming its field or sent and accepted by the documented schema`,
				() => suite.fuzz(model, 'update'),
				300_000,
			);
		},
	};
	return suite;
}

module.exports = { useFuzzSuite };
