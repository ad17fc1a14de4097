// @ts-check
// `npm run test:mutation`: mutants of the shipped code (nodes/, credentials/), each run against
// the fast suites (unit and engine tests) that cover it. Not part of `npm test`: CPU-heavy.
// A run on part of the code: `npm run test:mutation -- --mutate "nodes/shared/session.ts"`.
// The score and the survivors judged harmless: CONTRIBUTING.md.
import os from 'node:os';
import path from 'node:path';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	mutate: ['nodes/**/*.ts', 'credentials/**/*.ts'],
	// Texts only the editor shows (labels, descriptions, placeholders, hints, option names) are
	// not mutated: scripts/mutation/editorText.js.
	plugins: ['@stryker-mutator/*', './scripts/mutation/plugins.mjs'],
	ignorers: ['editorText'],
	testRunner: 'jest',
	jest: {
		configFile: 'jest.config.js',
		config: {
			roots: ['<rootDir>/test/unit', '<rootDir>/test/engine'],
			testPathIgnorePatterns: [
				'/node_modules/',
				// Clones the repository: nothing to do with the shipped code.
				'/test/unit/release.test.js',
				// Timing scenarios against the sandbox's capacity model (about 30 s a run, over
				// half the suites' time); the Auto controller they drive has its own unit tests.
				'/test/engine/concurrency.test.js',
			],
			// For each mutant, only the files holding a test that covers it, and under
			// MUTATION_SAMPLE none for a mutant outside the sample (test/helpers/mutation).
			setupFilesAfterEnv: ['<rootDir>/test/helpers/mutation/record.js'],
			testSequencer: '<rootDir>/test/helpers/mutation/sequencer.js',
			passWithNoTests: true,
		},
		enableFindRelatedTests: false,
	},
	coverageAnalysis: 'perTest',
	// A mutant in code that runs when a module loads (descriptions, provider tables, schemas) is
	// run against every test: jest loads a module again in each test file, mostly outside any
	// test, so the tests that happen to load it inside a test are not the ones that check it.
	// Measured on the 5 % sample: 61 of 205 mutants are such, and 34 of them survived their
	// loading tests alone.
	ignoreStatic: false,
	concurrency: 2,
	// A mutant that hangs (a loop condition turned true) is cut 20 s after the covering tests'
	// own time (loading their files counts in that), and counts as detected.
	timeoutMS: 20000,
	reporters: ['clear-text', 'progress', 'json'],
	jsonReporter: { fileName: '.tmp/mutation/report.json' },
	// A second run retests only what changed (code, or the tests that cover it); one file per
	// sample, since a mutant outside the sample is reported as surviving with no test run.
	incremental: true,
	incrementalFile: `.tmp/mutation/incremental-${process.env.MUTATION_SAMPLE ?? 'all'}.json`,
	// Outside the project, so that lint and prettier never see the instrumented copy.
	tempDirName: path.join(os.tmpdir(), 'checkout-sessions-stryker'),
	cleanTempDir: 'always',
	ignorePatterns: [
		'dist',
		'packages/*/dist',
		'.tmp',
		'docs/screenshots',
		'test/e2e',
		'test/reliability',
		'bench',
	],
};
