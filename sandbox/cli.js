#!/usr/bin/env node
// @ts-check
'use strict';

const { startSandbox, SANDBOX_KEYS, SEEDED, FAULT_KINDS } = require('./index');

const USAGE = `Usage: node sandbox/cli.js [options]

  --port <n>             port to listen on (default: env SANDBOX_PORT or 4010; 0 = any free port)
  --host <addr>          address to bind (default 127.0.0.1)
  --latency-ms <n>       delay every answer by n milliseconds (default 0)
  --capacity <n>         work on n requests at once, queue the rest (default: no limit)
  --queue <n>            with --capacity: refuse a request that finds n waiting (default: no limit)
  --over-capacity <s>    what a refused request gets: 503 | 429 (default 503)
  --rate-limit <rps>     token bucket shared by all providers, burst = rps (default: off)
  --burst <n>            bucket size for --rate-limit (default: same as rps)
  --retry-after <form>   Retry-After on 429s: seconds | date | none (default seconds)
  --faults <rate>        inject a fault into this share of requests, 0..1 (default 0)
  --fault-kinds <a,b>    kinds to choose from (default: all but hang and reset-after-apply)
                         known: ${FAULT_KINDS.join(', ')}
  --fault-seed <n>       seed of the fault choice (default 1)
  --bulk-sessions <n>    lazily answered bulk sessions per provider (default 10000)
  --no-record            do not keep the request log (stats are still counted)
  --help                 show this text`;

const VALUE_OPTIONS = [
	'port',
	'host',
	'latency-ms',
	'capacity',
	'queue',
	'over-capacity',
	'rate-limit',
	'burst',
	'retry-after',
	'faults',
	'fault-kinds',
	'fault-seed',
	'bulk-sessions',
];
const FLAGS = { '--help': 'help', '-h': 'help', '--no-record': 'no-record' };

function parseArgs(argv) {
	const args = {};
	for (let i = 0; i < argv.length; i += 1) {
		const arg = argv[i];
		if (FLAGS[arg]) {
			args[FLAGS[arg]] = true;
			continue;
		}
		if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
		const [name, inline] = arg.slice(2).split(/=(.*)/s);
		if (!VALUE_OPTIONS.includes(name)) throw new Error(`unknown option --${name}`);
		const value = inline !== undefined ? inline : argv[++i];
		if (value === undefined) throw new Error(`missing value for --${name}`);
		args[name] = value;
	}
	return args;
}

function number(args, name, fallback) {
	if (args[name] === undefined) return fallback;
	const value = Number(args[name]);
	if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${args[name]}"`);
	return value;
}

function optionsFrom(args) {
	const options = {
		port: number(
			args,
			'port',
			number({ SANDBOX_PORT: process.env.SANDBOX_PORT || undefined }, 'SANDBOX_PORT', 4010),
		),
		host: args.host || '127.0.0.1',
		latencyMs: number(args, 'latency-ms', 0),
		bulkSessions: number(args, 'bulk-sessions', 10000),
		record: !args['no-record'],
	};
	const concurrent = number(args, 'capacity', 0);
	if ((args.queue || args['over-capacity']) && !(concurrent > 0))
		throw new Error('--queue and --over-capacity need --capacity');
	if (concurrent > 0) {
		options.capacity = {
			concurrent,
			queue: number(args, 'queue', null),
			overflow: number(args, 'over-capacity', 503),
		};
	}
	const rps = number(args, 'rate-limit', 0);
	if (args['retry-after'] && !(rps > 0)) throw new Error('--retry-after needs --rate-limit');
	if (rps > 0) {
		options.rateLimit = {
			rps,
			burst: number(args, 'burst', rps),
			retryAfter: args['retry-after'] || 'seconds',
		};
	}
	const rate = number(args, 'faults', 0);
	if (rate > 0) {
		options.faults = { rate, seed: number(args, 'fault-seed', 1) };
		if (args['fault-kinds'])
			options.faults.kinds = args['fault-kinds'].split(',').map((k) => k.trim());
	}
	return options;
}

function banner(sandbox, options) {
	const lines = [`Provider sandbox listening on ${sandbox.url}`, ''];
	for (const [name, baseUrl] of Object.entries(sandbox.baseUrls)) {
		lines.push(`  ${name.padEnd(15)} ${baseUrl}`);
		for (const [key, value] of Object.entries(SANDBOX_KEYS[name])) {
			lines.push(
				`    ${key.padEnd(17)} ${typeof value === 'string' ? value : JSON.stringify(value)}`,
			);
		}
		lines.push(`    ${'open sessions'.padEnd(17)} ${SEEDED[name].updatable.join(', ')}`);
		for (const refusing of SEEDED[name].refusing)
			lines.push(`    ${refusing.state.padEnd(17)} ${refusing.id}`);
	}
	const limit = options.rateLimit;
	const capacity = options.capacity;
	lines.push(
		'',
		`latency ${options.latencyMs} ms; capacity ${capacity ? `${capacity.concurrent} at once (queue ${capacity.queue ?? 'unlimited'}, then ${capacity.overflow})` : 'unlimited'}; rate limit ${limit ? `${limit.rps} rps (burst ${limit.burst}, Retry-After ${limit.retryAfter})` : 'off'}; faults ${options.faults ? options.faults.rate : 'off'}`,
		'Press Ctrl-C to stop.',
	);
	return `${lines.join('\n')}\n`;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (args.help) {
		process.stdout.write(`${USAGE}\n`);
		return;
	}
	const options = optionsFrom(args);
	const sandbox = await startSandbox(options);
	// Handlers go in before the banner: whoever reads "Press Ctrl-C" may signal at once.
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		await sandbox.close();
		process.stdout.write(`Sandbox stopped after ${sandbox.stats.requests} request(s).\n`);
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	process.stdout.write(banner(sandbox, options));
}

main().catch((err) => {
	process.stderr.write(`sandbox: ${err.message}\n`);
	process.exit(1);
});
