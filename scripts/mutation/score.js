// @ts-check
'use strict';
// The mutation score of the last `npm run test:mutation` (.tmp/mutation/report.json) and the
// mutants no test detected, with their lines: `node scripts/mutation/score.js`. Under
// MUTATION_SAMPLE (see sample.js) only the sampled mutants count, and the score comes with its
// 95 % interval.
const fs = require('node:fs');
const path = require('node:path');
const { sampleRate, inSample } = require('./sample');

const REPORT = path.resolve(__dirname, '..', '..', '.tmp', 'mutation', 'report.json');

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/**
 * Wilson's 95 % score interval for a proportion of hits out of n.
 * @param {number} hits
 * @param {number} n
 */
function wilson(hits, n) {
	const z = 1.96;
	const p = hits / n;
	const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
	const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
	return [centre - half, centre + half];
}

/**
 * The counted mutants of a Stryker JSON report: how many were detected, and a line for each
 * one that was not (file:line, status, mutator, replacement, the source line), and how many
 * Stryker ignored (not counted).
 * @param {{ files: Record<string, { source: string, mutants: Array<{ id: string, status: string, mutatorName: string, replacement?: string, location: { start: { line: number } } }> }> }} report
 * @param {(id: string) => boolean} counts
 */
function tally(report, counts) {
	let detected = 0;
	let ignored = 0;
	/** @type {string[]} */
	const missed = [];
	for (const [file, { source, mutants }] of Object.entries(report.files)) {
		const lines = source.split('\n');
		for (const mutant of mutants) {
			if (!counts(mutant.id)) continue;
			if (DETECTED.has(mutant.status)) detected++;
			if (mutant.status === 'Ignored') ignored++;
			if (!UNDETECTED.has(mutant.status)) continue;
			const { line } = mutant.location.start;
			const change = JSON.stringify(mutant.replacement ?? '').slice(0, 60);
			const code = (lines[line - 1] ?? '').trim().slice(0, 90);
			missed.push(`${file}:${line} ${mutant.status} ${mutant.mutatorName} → ${change}  | ${code}`);
		}
	}
	return { detected, missed, ignored };
}

const percent = (/** @type {number} */ x) => `${(100 * x).toFixed(1)} %`;

if (require.main === module) {
	const { detected, missed, ignored } = tally(
		JSON.parse(fs.readFileSync(REPORT, 'utf8')),
		inSample,
	);
	const counted = detected + missed.length;
	const rate = sampleRate();
	const [low, high] = wilson(detected, counted);
	console.log(missed.join('\n'));
	console.log(
		`${rate ? `sample ${rate}: ` : ''}${detected} of ${counted} mutants detected, ${percent(detected / counted)}` +
			(rate ? ` (95 % interval ${percent(low)} to ${percent(high)})` : '') +
			`; ${ignored} left out (editor texts, not run)`,
	);
}

module.exports = { wilson, tally };
