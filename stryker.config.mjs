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
	testRunner: 'jest',
	jest: {
		configFile: 'jest.config.js',
		config: {
			roots: ['<rootDir>/test/unit', '<rootDir>/test/engine'],
			// Clones the repository: nothing to do with the shipped code.
			testPathIgnorePatterns: ['/node_modules/', '/test/unit/release.test.js'],
		},
		enableFindRelatedTests: false,
	},
	coverageAnalysis: 'perTest',
	ignoreStatic: true,
	concurrency: 2,
	timeoutMS: 20000,
	reporters: ['clear-text', 'progress', 'json'],
	jsonReporter: { fileName: '.tmp/mutation/report.json' },
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
