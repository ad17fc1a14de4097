// @ts-check
'use strict';
// Which test file holds which test, for mutation runs (stryker.config.mjs). Stryker knows the
// tests that cover a mutant by name only, and its jest runner loads every test file for every
// mutant; the first, unmutated pass writes this list so that the sequencer can load only the
// files holding a covering test (loading files was about half of a full pass here).
const fs = require('node:fs');
const path = require('node:path');

// Inside Stryker's copy of the project, which it makes anew for every run.
const LIST = path.join(__dirname, '..', '..', '..', '.tmp', 'mutation-test-files.jsonl');

/** The id of the mutant Stryker's jest runner has switched on, if any. */
const activeMutant = () => process.env.__STRYKER_ACTIVE_MUTANT__ || undefined;

/** Called after every test of the unmutated pass (setupFilesAfterEnv). */
function recordTest() {
	const { testPath, currentTestName } = expect.getState();
	fs.mkdirSync(path.dirname(LIST), { recursive: true });
	fs.appendFileSync(LIST, `${JSON.stringify([testPath, currentTestName])}\n`);
}

/** @type {Array<[string, string]> | undefined} */
let recorded;

/**
 * The files holding a test whose full name matches jest's test-name pattern, or undefined when
 * the list is missing (then every file runs).
 * @param {string} pattern
 */
function filesMatching(pattern) {
	if (!recorded) {
		if (!fs.existsSync(LIST)) return undefined;
		recorded = fs
			.readFileSync(LIST, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((line) => JSON.parse(line));
	}
	// Jest reads the pattern this way (case-insensitive).
	const names = new RegExp(pattern, 'i');
	return new Set(recorded.filter(([, name]) => names.test(name)).map(([file]) => file));
}

module.exports = { activeMutant, recordTest, filesMatching };
