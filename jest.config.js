// @ts-check
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.js'],
	// Real-n8n tests have their own config (jest.e2e.config.js).
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: {
		'^.+\\.(t|j)s$': ['@swc/jest'],
	},
	testTimeout: 30000,
};
