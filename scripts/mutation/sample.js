// @ts-check
'use strict';
// A random sample of the mutants, for a mutation score on a machine where the full run takes
// hours (CONTRIBUTING.md, Mutation testing). Under `MUTATION_SAMPLE=0.1 npm run test:mutation`
// the test sequencer (test/helpers/mutation/sequencer.js) runs the tests only for the mutants
// whose id hashes below 0.1 — about a tenth, the same ones on every run of the same code — and
// `node scripts/mutation/score.js` counts only those.
const { createHash } = require('node:crypto');

/** A fraction in [0, 1) from a text, evenly spread (the first 32 bits of its SHA-256). @param {string} text */
const fraction = (text) => createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;

/** The sampled fraction, or undefined for a full run. */
function sampleRate() {
	const rate = Number(process.env.MUTATION_SAMPLE);
	return rate > 0 && rate < 1 ? rate : undefined;
}

/** Whether Stryker's mutant with this id is in the sample (always, in a full run). @param {string} id */
function inSample(id) {
	const rate = sampleRate();
	return rate === undefined || fraction(`mutant ${id}`) < rate;
}

module.exports = { sampleRate, inSample };
