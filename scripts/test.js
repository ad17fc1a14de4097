'use strict';
// `npm test`: type-check, lint, build, then the jest suites (unit, sandbox, engine; then
// real n8n end-to-end when present). Prints one closing line "N passed, N failed".
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const reports = path.join(root, '.tmp', 'test-reports');
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;

function run(label, command, args) {
	console.log(`\n▶ ${label}`);
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
	return result.status === 0;
}

function check(label, command, args) {
	if (run(label, command, args)) passed += 1;
	else {
		failed += 1;
		console.log(`✖ ${label} failed`);
	}
}

function jest(label, config) {
	const outputFile = path.join(reports, `${label}.json`);
	const ok = run(`jest (${label})`, process.execPath, [
		require.resolve('jest/bin/jest'),
		'--config',
		config,
		'--json',
		'--outputFile',
		outputFile,
	]);
	if (!fs.existsSync(outputFile)) {
		failed += 1;
		console.log(`✖ jest (${label}) produced no report`);
		return;
	}
	const report = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
	passed += report.numPassedTests;
	failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
	if (!ok && report.numFailedTests === 0 && (report.numRuntimeErrorTestSuites ?? 0) === 0) failed += 1;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
check('type check (tsc --noEmit)', npx, ['tsc', '--noEmit', '-p', '.']);
check('lint (n8n-node lint, strict)', 'npm', ['run', '--silent', 'lint']);
check('build (n8n-node build + gulp)', 'npm', ['run', '--silent', 'build']);
jest('main', path.join(root, 'jest.config.js'));
if (fs.existsSync(path.join(root, 'jest.e2e.config.js')) && process.env.SKIP_E2E !== '1') {
	jest('e2e', path.join(root, 'jest.e2e.config.js'));
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
