// @ts-check
'use strict';
// `npm run bench`: every contender against the same sandbox process. Each run is a fresh
// client process that first warms up on 200 items (JIT, lazy module loading), then does the
// measured work; RUNS runs per cell, the median is reported. Writes
// bench/results.json and the table in BENCHMARKS.md. Not part of `npm test`.
const { fork, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { drawChart } = require('./chart');

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const CONCURRENCY = 16; // our node's fixed contender and the raw client's requests in flight
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : null;

const scenarios = {
	a_1k_20ms: {
		title: '(a) 1,000 updates, 20 ms latency, no limit',
		count: 1000,
		sandbox: { latencyMs: 20 },
	},
	b_rate_limited: {
		title: '(b) 1,000 updates, 20 ms latency, 50 requests/s limit with Retry-After',
		count: 1000,
		sandbox: { latencyMs: 20, rateLimit: { rps: 50, burst: 50, retryAfter: 'seconds' } },
	},
	c_10k_0ms: {
		title: '(c) 10,000 updates, 0 ms latency',
		count: 10000,
		sandbox: { latencyMs: 0 },
		timelineMs: 250,
	},
	d_2k_150ms: {
		title: '(d) 2,000 updates, 150 ms latency, no limit',
		count: 2000,
		sandbox: { latencyMs: 150 },
	},
	e_2k_capacity32: {
		title:
			'(e) 2,000 updates, 150 ms latency, server capacity 32 at once, queue above, 503 past a queue of 64',
		count: 2000,
		sandbox: { latencyMs: 150, capacity: { concurrent: 32, queue: 64, overflow: 503 } },
	},
};

const contenders = [
	{
		key: 'oursAuto',
		label: 'our Upag node, Auto (default)',
		short: 'ours, Auto',
		job: { contender: 'ours', provider: 'upag', auto: true },
	},
	{
		key: 'ours',
		label: `our Upag node, fixed ${CONCURRENCY}`,
		short: `ours, fixed ${CONCURRENCY}`,
		job: { contender: 'ours', provider: 'upag' },
	},
	// The Speed node only shows that the core is shared; the latency scenarios leave it out.
	{
		key: 'oursSpeed',
		label: `our Speed node, fixed ${CONCURRENCY} (same core)`,
		short: 'Speed node',
		job: { contender: 'ours', provider: 'speed' },
		only: ['a_1k_20ms', 'b_rate_limited', 'c_10k_0ms'],
	},
	{
		key: 'httpRequestNode',
		label: 'HTTP Request node v4.5, default options',
		short: 'HTTP Request node',
		job: { contender: 'httpRequestNode' },
	},
	{
		key: 'rawAxios',
		label: `raw axios, keep-alive, ${CONCURRENCY} in flight`,
		short: `raw axios, ${CONCURRENCY}`,
		job: { contender: 'rawAxios' },
	},
];
const contendersOf = (scenarioKey) =>
	contenders.filter((c) => !c.only || c.only.includes(scenarioKey));

/**
 * What bench/sandbox-child.js sends: `{ ready, baseUrls }` once, then `{ id, stats }` per command.
 * @typedef {{ ready?: true, baseUrls: Record<string, string>, id: number, stats: unknown }} SandboxMessage
 */

function startSandboxProcess() {
	const child = fork(path.join(__dirname, 'sandbox-child.js'), { stdio: 'inherit' });
	let nextId = 0;
	const pending = new Map();
	return new Promise((resolve) => {
		child.on('message', (received) => {
			const message = /** @type {SandboxMessage} */ (received);
			if (message.ready) {
				resolve({
					baseUrls: message.baseUrls,
					send(command, options) {
						const id = nextId++;
						child.send({ id, command, options });
						return new Promise((done) => pending.set(id, done));
					},
					close: () => child.send({ command: 'close' }),
				});
				return;
			}
			pending.get(message.id)?.(message.stats);
			pending.delete(message.id);
		});
	});
}

/** One measured run: a fresh client process warms up, then runs against the scenario's sandbox. */
function runClient(job, sandbox, scenario, execArgv = []) {
	return new Promise((resolve, reject) => {
		const child = fork(path.join(__dirname, 'client-child.js'), { stdio: 'inherit', execArgv });
		let measured;
		child.on('message', async (received) => {
			// `{ warmedUp: true }`, then the measurement (wallMs, failedItems, cpuMsPerItem, …).
			const message = /** @type {any} */ (received);
			if (message.warmedUp) {
				await sandbox.send('reset');
				await sandbox.send('configure', {
					...scenario.sandbox,
					record: false,
					timelineMs: scenario.timelineMs ?? 100,
				});
				child.send({ go: true });
				return;
			}
			measured = message;
		});
		// Resolved on exit, so that a CPU profile has been written.
		child.once('exit', (code) =>
			code === 0 ? resolve(measured) : reject(new Error(`client exited with ${code}`)),
		);
		child.send({ job });
	});
}

/**
 * Our code's own CPU per item: a run of our node (Auto) under V8's sampling profiler. The share
 * of the process's busy samples that fall in this package's compiled files (dist/nodes,
 * dist/credentials; self time, not the n8n code they call) times the CPU the process used.
 * Shares, not sample times: on a loaded machine a sample's time includes time descheduled.
 * zod (our validation library) is reported apart.
 */
async function profileOurCode(sandbox) {
	const count = Math.max(100, Math.round(5000 * SCALE));
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-profile-'));
	const job = {
		contender: 'ours',
		provider: 'upag',
		auto: true,
		count,
		concurrency: CONCURRENCY,
		baseUrls: sandbox.baseUrls,
	};
	const measured = await runClient(job, sandbox, { sandbox: { latencyMs: 0 } }, [
		'--cpu-prof',
		`--cpu-prof-dir=${dir}`,
	]);
	const file = fs.readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
	if (!file) throw new Error(`no CPU profile was written in ${dir}`);
	const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
	fs.rmSync(dir, { recursive: true, force: true });
	const frameOf = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
	const samples = { ours: 0, zod: 0, busy: 0 };
	for (const id of profile.samples) {
		const { url, functionName } = frameOf.get(id) ?? {};
		if (functionName === '(idle)') continue;
		samples.busy += 1;
		if (/\/dist\/(nodes|credentials)\//.test(url)) samples.ours += 1;
		else if (url.includes('/node_modules/zod/')) samples.zod += 1;
	}
	// The profile covers start-up and the warm-up items too; so does the process's CPU.
	const items = count + Math.min(200, count);
	const perItem = (share) => Number(((share * measured.processCpuMs) / items).toFixed(4));
	return {
		items,
		ourCodeMsPerItem: perItem(samples.ours / samples.busy),
		zodMsPerItem: perItem(samples.zod / samples.busy),
		wholeProcessMsPerItem: perItem(1),
		method:
			'V8 --cpu-prof: share of busy samples in dist/nodes and dist/credentials (self time) × process CPU, per item, 0 ms latency, Auto',
	};
}

/** Each target of issue 14 as a ratio measured in this run. */
function targets(results) {
	const s = results.scenarios;
	const ratio = (a, b) => Number((a / b).toFixed(2));
	const out = {};
	if (s.d_2k_150ms) {
		const { oursAuto, httpRequestNode } = s.d_2k_150ms;
		const value = ratio(oursAuto.wallMs, httpRequestNode.wallMs);
		out.d = {
			autoWallOverHttpRequestNode: value,
			bound: 1.1,
			autoFailedItems: oursAuto.failedItems,
			met: value <= 1.1 && oursAuto.failedItems === 0,
		};
	}
	if (s.e_2k_capacity32) {
		const { oursAuto, httpRequestNode } = s.e_2k_capacity32;
		const idealMs = Math.round((scenarios.e_2k_capacity32.count * SCALE * 150) / 32);
		const value = ratio(oursAuto.wallMs, idealMs);
		out.e = {
			idealMs,
			autoWallOverIdeal: value,
			bound: 1.2,
			autoFailedItems: oursAuto.failedItems,
			httpRequestNodeFailedItems: httpRequestNode.failedItems,
			met: value <= 1.2 && oursAuto.failedItems === 0,
		};
	}
	if (s.b_rate_limited) {
		const { oursAuto } = s.b_rate_limited;
		const boundMs = Math.round(20000 * SCALE * 1.15);
		out.b = {
			autoWallMs: oursAuto.wallMs,
			boundMs,
			autoFailedItems: oursAuto.failedItems,
			met: oursAuto.wallMs <= boundMs && oursAuto.failedItems === 0,
		};
	}
	for (const key of ['a_1k_20ms', 'c_10k_0ms']) {
		if (!s[key]) continue;
		const { oursAuto, ours } = s[key];
		// "Not worse than today": today's default was the fixed 16, measured in the same run.
		out[key[0]] = {
			autoWallOverFixed16: ratio(oursAuto.wallMs, ours.wallMs),
			autoCpuMsPerItem: oursAuto.cpuMsPerItem,
			fixed16CpuMsPerItem: ours.cpuMsPerItem,
		};
	}
	if (results.ourCodeCpu) {
		out.ourCode = {
			msPerItem: results.ourCodeCpu.ourCodeMsPerItem,
			bound: 0.1,
			met: results.ourCodeCpu.ourCodeMsPerItem <= 0.1,
		};
	}
	return out;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
	execFileSync('npm', ['run', '--silent', 'build'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const sandbox = await startSandboxProcess();
	const results = {
		scenarios: {},
		loadAverageAtStart: os.loadavg().map((load) => Number(load.toFixed(2))),
	};
	fs.mkdirSync(path.join(__dirname, 'charts'), { recursive: true });
	for (const [key, scenario] of Object.entries(scenarios)) {
		if (ONLY && !ONLY.includes(key)) continue;
		const count = Math.max(10, Math.round(scenario.count * SCALE));
		console.log(`\n${scenario.title}${SCALE !== 1 ? ` (scaled to ${count})` : ''}`);
		results.scenarios[key] = {};
		const series = [];
		for (const contender of contendersOf(key)) {
			const runs = [];
			for (let run = 0; run < RUNS; run++) {
				await sandbox.send('reset');
				await sandbox.send('configure', { record: false });
				const job = {
					...contender.job,
					count,
					concurrency: CONCURRENCY,
					baseUrls: sandbox.baseUrls,
				};
				const measured = await runClient(job, sandbox, scenario);
				const stats = await sandbox.send('stats');
				const timeline = await sandbox.send('timeline');
				runs.push({
					...measured,
					maxInFlight: stats.maxInFlight,
					requests: stats.requests,
					throttled: stats.throttled,
					responses503: stats.byStatus[503] ?? 0,
					timeline,
				});
			}
			const wallMs = median(runs.map((r) => r.wallMs));
			// The chart shows the run whose wall time is the median.
			series.push({
				label: contender.short,
				timeline: runs.find((r) => r.wallMs === wallMs).timeline,
			});
			const row = {
				wallMs,
				itemsPerSecond: Math.round((count / wallMs) * 1000),
				failedItems: median(runs.map((r) => r.failedItems)),
				maxInFlight: Math.max(...runs.map((r) => r.maxInFlight)),
				cpuMsPerItem: Number(median(runs.map((r) => r.cpuMsPerItem)).toFixed(3)),
				peakRssMb: median(runs.map((r) => r.peakRssMb)),
				requestsSent: median(runs.map((r) => r.requests)),
				responses429: median(runs.map((r) => r.throttled)),
				responses503: median(runs.map((r) => r.responses503)),
				runs: runs.length,
			};
			results.scenarios[key][contender.key] = row;
			console.log(
				`  ${contender.label.padEnd(46)} ${String(row.wallMs).padStart(7)} ms  ${String(row.itemsPerSecond).padStart(6)} items/s  failed ${row.failedItems}  in flight ≤ ${row.maxInFlight}  ${row.cpuMsPerItem} ms CPU/item  ${row.peakRssMb} MB`,
			);
		}
		fs.writeFileSync(
			path.join(__dirname, 'charts', `${key}.svg`),
			drawChart(scenario.title, series, scenario.timelineMs ?? 100),
		);
	}
	results.ourCodeCpu = await profileOurCode(sandbox);
	console.log(
		`\nour code's own CPU: ${results.ourCodeCpu.ourCodeMsPerItem} ms/item (zod ${results.ourCodeCpu.zodMsPerItem}, whole process ${results.ourCodeCpu.wholeProcessMsPerItem})`,
	);
	sandbox.close();
	results.targets = targets(results);
	console.log(JSON.stringify(results.targets, null, 1));
	if (ONLY) {
		console.log(
			'\nBENCH_ONLY: nothing written (results.json and BENCHMARKS.md hold full runs only)',
		);
		return;
	}
	results.machine = {
		cpus: os.cpus().length,
		cpuModel: os.cpus()[0]?.model,
		memoryGb: Math.round(os.totalmem() / 2 ** 30),
		platform: `${os.platform()} ${os.release()}`,
	};
	results.versions = {
		node: process.version,
		'n8n-core': require('n8n-core/package.json').version,
		'n8n-workflow': require('n8n-workflow/package.json').version,
		'n8n-nodes-base': require('n8n-nodes-base/package.json').version,
		axios: require('axios/package.json').version,
	};
	results.method = {
		runs: RUNS,
		warmUp: '200 items in the same process before each measured run',
		statistic: 'median',
		scale: SCALE,
		ourFixedConcurrency: CONCURRENCY,
		charts: 'bench/charts/<scenario>.svg, from the sandbox timeline of the median run',
	};
	fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
	writeMarkdown(results);
	console.log('\nWrote bench/results.json and BENCHMARKS.md');
}

function writeMarkdown(results) {
	const file = path.join(root, 'BENCHMARKS.md');
	const lines = [];
	for (const [key, scenario] of Object.entries(scenarios)) {
		lines.push(
			`### ${scenario.title}`,
			'',
			'| contender | wall ms | items/s | failed items | max in flight | CPU ms/item | peak RSS MB | requests sent | 429s | 503s |',
			'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
		);
		for (const contender of contendersOf(key)) {
			const row = results.scenarios[key][contender.key];
			lines.push(
				`| ${contender.label} | ${row.wallMs} | ${row.itemsPerSecond} | ${row.failedItems} | ${row.maxInFlight} | ${row.cpuMsPerItem} | ${row.peakRssMb} | ${row.requestsSent} | ${row.responses429} | ${row.responses503} |`,
			);
		}
		lines.push(
			'',
			`In flight and latency over time, as the sandbox saw them: [bench/charts/${key}.svg](bench/charts/${key}.svg)`,
			'',
		);
	}
	const cpu = results.ourCodeCpu;
	lines.push(
		"### Our code's own CPU per item",
		'',
		`${cpu.ourCodeMsPerItem} ms per item in this package's code (V8 sampling profiler: the share of the client's busy samples whose own frame is in dist/nodes or dist/credentials, times the CPU the process used, over ${cpu.items} items of our Upag node on Auto at 0 ms latency); zod, our validation library, ${cpu.zodMsPerItem} ms; the whole client process, start-up included, ${cpu.wholeProcessMsPerItem} ms. Load average when the run started: ${results.loadAverageAtStart.join(', ')} (2 cores).`,
		'',
	);
	const table = lines.join('\n');
	const marker = /<!-- results:start -->[\s\S]*<!-- results:end -->/;
	const block = `<!-- results:start -->\n${table}\n<!-- results:end -->`;
	const current = fs.existsSync(file)
		? fs.readFileSync(file, 'utf8')
		: `# Benchmarks\n\n${block}\n`;
	fs.writeFileSync(
		file,
		marker.test(current) ? current.replace(marker, block) : `${current}\n${block}\n`,
	);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
