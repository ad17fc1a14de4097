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
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const CONCURRENCY = 16; // our node's default "Max Concurrent Requests"

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
	},
};

const contenders = [
	{ key: 'ours', label: 'our Upag node', job: { contender: 'ours', provider: 'upag' } },
	{ key: 'oursSpeed', label: 'our Speed node (same core)', job: { contender: 'ours', provider: 'speed' } },
	{ key: 'httpRequestNode', label: 'HTTP Request node v4.5, default options', job: { contender: 'httpRequestNode' } },
	{ key: 'rawAxios', label: `raw axios, keep-alive, ${CONCURRENCY} in flight`, job: { contender: 'rawAxios' } },
];

function startSandboxProcess() {
	const child = fork(path.join(__dirname, 'sandbox-child.js'), { stdio: 'inherit' });
	let nextId = 0;
	const pending = new Map();
	return new Promise((resolve) => {
		child.on('message', (message) => {
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
function runClient(job, sandbox, scenario) {
	return new Promise((resolve, reject) => {
		const child = fork(path.join(__dirname, 'client-child.js'), { stdio: 'inherit' });
		child.on('message', async (message) => {
			if (message.warmedUp) {
				await sandbox.send('reset');
				await sandbox.send('configure', { ...scenario.sandbox, record: false });
				child.send({ go: true });
				return;
			}
			resolve(message);
		});
		child.once('exit', (code) => code !== 0 && reject(new Error(`client exited with ${code}`)));
		child.send({ job });
	});
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
	execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	const sandbox = await startSandboxProcess();
	const results = { scenarios: {} };
	for (const [key, scenario] of Object.entries(scenarios)) {
		const count = Math.max(10, Math.round(scenario.count * SCALE));
		console.log(`\n${scenario.title}${SCALE !== 1 ? ` (scaled to ${count})` : ''}`);
		results.scenarios[key] = {};
		for (const contender of contenders) {
			const runs = [];
			for (let run = 0; run < RUNS; run++) {
				await sandbox.send('reset');
				await sandbox.send('configure', { record: false });
				const job = { ...contender.job, count, concurrency: CONCURRENCY, baseUrls: sandbox.baseUrls };
				const measured = await runClient(job, sandbox, scenario);
				const stats = await sandbox.send('stats');
				runs.push({ ...measured, maxInFlight: stats.maxInFlight, requests: stats.requests, throttled: stats.throttled });
			}
			const wallMs = median(runs.map((r) => r.wallMs));
			const row = {
				wallMs,
				itemsPerSecond: Math.round((count / wallMs) * 1000),
				failedItems: median(runs.map((r) => r.failedItems)),
				maxInFlight: Math.max(...runs.map((r) => r.maxInFlight)),
				cpuMsPerItem: Number(median(runs.map((r) => r.cpuMsPerItem)).toFixed(3)),
				peakRssMb: median(runs.map((r) => r.peakRssMb)),
				requestsSent: median(runs.map((r) => r.requests)),
				responses429: median(runs.map((r) => r.throttled)),
				runs: runs.length,
			};
			results.scenarios[key][contender.key] = row;
			console.log(
				`  ${contender.label.padEnd(44)} ${String(row.wallMs).padStart(7)} ms  ${String(row.itemsPerSecond).padStart(6)} items/s  failed ${row.failedItems}  in flight ≤ ${row.maxInFlight}  ${row.cpuMsPerItem} ms CPU/item  ${row.peakRssMb} MB`,
			);
		}
	}
	sandbox.close();
	results.machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}` };
	results.versions = {
		node: process.version,
		'n8n-core': require('n8n-core/package.json').version,
		'n8n-workflow': require('n8n-workflow/package.json').version,
		'n8n-nodes-base': require('n8n-nodes-base/package.json').version,
		axios: require('axios/package.json').version,
	};
	results.method = { runs: RUNS, warmUp: '200 items in the same process before each measured run', statistic: 'median', scale: SCALE, ourMaxConcurrentRequests: CONCURRENCY };
	fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
	writeMarkdown(results);
	console.log('\nWrote bench/results.json and BENCHMARKS.md');
}

function writeMarkdown(results) {
	const file = path.join(root, 'BENCHMARKS.md');
	const lines = [];
	for (const [key, scenario] of Object.entries(scenarios)) {
		lines.push(`### ${scenario.title}`, '', '| contender | wall ms | items/s | failed items | max in flight | CPU ms/item | peak RSS MB | requests sent | 429s |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|');
		for (const contender of contenders) {
			const row = results.scenarios[key][contender.key];
			lines.push(`| ${contender.label} | ${row.wallMs} | ${row.itemsPerSecond} | ${row.failedItems} | ${row.maxInFlight} | ${row.cpuMsPerItem} | ${row.peakRssMb} | ${row.requestsSent} | ${row.responses429} |`);
		}
		lines.push('');
	}
	const table = lines.join('\n');
	const marker = /<!-- results:start -->[\s\S]*<!-- results:end -->/;
	const block = `<!-- results:start -->\n${table}\n<!-- results:end -->`;
	const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `# Benchmarks\n\n${block}\n`;
	fs.writeFileSync(file, marker.test(current) ? current.replace(marker, block) : `${current}\n${block}\n`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
