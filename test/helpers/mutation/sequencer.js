// @ts-check
'use strict';
// Jest test sequencer for mutation runs (stryker.config.mjs). For a mutant, only the files that
// hold a test covering it (jest's test-name pattern, set by Stryker) are loaded, and none for a
// mutant outside MUTATION_SAMPLE (scripts/mutation/sample.js); unit tests run before engine
// tests, each group in path order. Jest's default order (slowest file first) and loading every
// file would make every mutant pay for the slowest engine files.
const { activeMutant, filesMatching } = require('./testFiles');
const { inSample } = require('../../../scripts/mutation/sample');

/** @param {string} file */
const group = (file) => (file.includes('/test/unit/') ? 0 : 1);

/**
 * @template {{ path: string }} T
 * @param {T[]} tests
 */
const ordered = (tests) =>
	[...tests].sort((a, b) => group(a.path) - group(b.path) || a.path.localeCompare(b.path));

class MutationSequencer {
	/** @param {{ globalConfig: { testNamePattern?: string } }} options */
	constructor({ globalConfig }) {
		this.pattern = globalConfig.testNamePattern;
	}

	/**
	 * @template {{ path: string }} T
	 * @param {T[]} tests
	 * @returns {T[]}
	 */
	sort(tests) {
		const mutant = activeMutant();
		// The unmutated pass runs everything (and records which file holds which test).
		if (mutant === undefined) return ordered(tests);
		if (!inSample(mutant)) return [];
		const files = this.pattern ? filesMatching(this.pattern) : undefined;
		const chosen = files ? tests.filter((test) => files.has(test.path)) : tests;
		return ordered(chosen.length > 0 ? chosen : tests);
	}

	/** Jest asks every sequencer to keep the run's timings; this one does not use them. */
	cacheResults() {}
}

module.exports = MutationSequencer;
