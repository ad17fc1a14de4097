// @ts-check
'use strict';
// `node --expose-gc bench/repeat-window.js`: what the triggers' repeat window costs (README,
// "Repeats and queue mode"). A full node window (10,000 event ids, kept as SHA-256 digests
// the way the trigger stores them) in heap bytes, and the time of one lookup at capacity.
// Not part of `npm test`.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

// The TypeScript source as is (no build needed).
const file = path.join(__dirname, '..', 'nodes', 'shared', 'webhookDedup.ts');
const js = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
	compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019 },
}).outputText;
const loaded = { exports: {} };
new Function('module', 'exports', 'require', js)(loaded, loaded.exports, require);
const { RecentEvents, EVENTS_PER_NODE } = loaded.exports;

if (typeof global.gc !== 'function') {
	console.error('Run with node --expose-gc');
	process.exit(1);
}

const digest = (id) => crypto.createHash('sha256').update(id).digest('base64');
const NODES = 16;
const HOUR_MS = 3_600_000;

global.gc();
const before = process.memoryUsage().heapUsed;
const windows = [];
for (let n = 0; n < NODES; n++) {
	const recent = new RecentEvents(EVENTS_PER_NODE);
	for (let i = 0; i < EVENTS_PER_NODE; i++)
		recent.isRepeat(digest(`payment.purchase|${crypto.randomUUID()}`), i, HOUR_MS);
	windows.push(recent);
}
global.gc();
const perNode = (process.memoryUsage().heapUsed - before) / NODES;

const LOOKUPS = 1_000_000;
const keys = Array.from({ length: LOOKUPS }, (_, i) => digest(`evt_${i}`));
const recent = new RecentEvents(EVENTS_PER_NODE);
const start = process.hrtime.bigint();
for (let i = 0; i < LOOKUPS; i++) recent.isRepeat(keys[i], i, HOUR_MS);
const perLookupUs = Number(process.hrtime.bigint() - start) / 1000 / LOOKUPS;

console.log(`Node ${process.version}, ${windows.length} windows`);
console.log(
	`full node window (${EVENTS_PER_NODE} ids): ${(perNode / 1024 / 1024).toFixed(2)} MB of heap`,
);
console.log(`one lookup at capacity: ${perLookupUs.toFixed(2)} µs`);
