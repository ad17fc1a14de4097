// @ts-check
/**
 * End-to-end tests in a real n8n (see docs/real-n8n.md): the packed
 * package installed the way n8n installs community nodes, the example workflows, the editor
 * in Debian's chromium, and queue mode with Redis. One n8n install, one tarball and one n8n
 * main process are shared by all files (globalSetup); files run one at a time.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.test.js'],
	transform: {
		'^.+\\.(t|j)s$': ['@swc/jest'],
	},
	globalSetup: '<rootDir>/test/e2e/setup/globalSetup.js',
	globalTeardown: '<rootDir>/test/e2e/setup/globalTeardown.js',
	maxWorkers: 1,
	testTimeout: 300000,
	slowTestThreshold: 60,
};
