// @ts-check
'use strict';
// `npm test`: type-check (the TypeScript, and the JavaScript files marked // @ts-check),
// format check, lint, build; the four packages (pack, n8n's scanner, n8n-node lint,
// npm publish --dry-run); the GitHub workflows' lint; the jest suites (unit, sandbox, engine,
// reliability) on this Node, unit and engine again on Node 24 (the Node n8n runs on); then
// real n8n end-to-end. Prints one closing line "N passed, N failed".
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const reports = path.join(root, '.tmp', 'test-reports');
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;

/** @param {string} label @param {string} command @param {string[]} args */
function run(label, command, args) {
	console.log(`\n▶ ${label}`);
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
	return result.status === 0;
}

/** @param {string} label @param {string} command @param {string[]} args */
function check(label, command, args) {
	if (run(label, command, args)) passed += 1;
	else {
		failed += 1;
		console.log(`✖ ${label} failed`);
	}
}

/** @param {string} label @param {string} config @param {{ node?: string, paths?: string[] }} [options] */
function jest(label, config, { node = process.execPath, paths = [] } = {}) {
	const outputFile = path.join(reports, `${label}.json`);
	const ok = run(`jest (${label})`, node, [
		require.resolve('jest/bin/jest'),
		'--config',
		config,
		'--json',
		'--outputFile',
		outputFile,
		...paths,
	]);
	if (!fs.existsSync(outputFile)) {
		failed += 1;
		console.log(`✖ jest (${label}) produced no report`);
		return;
	}
	const report = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
	passed += report.numPassedTests;
	failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
	if (!ok && report.numFailedTests === 0 && (report.numRuntimeErrorTestSuites ?? 0) === 0)
		failed += 1;
}

/** The Node n8n runs on (24): this one when it is new enough, else the cached registry binary. */
function nodeForN8n() {
	const script =
		"require('./scripts/n8n/install').ensureNode({ log: () => {} }).then((r) => console.log(r.node))";
	const result = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
	return result.status === 0 ? result.stdout.trim().split('\n').pop() : null;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
check('type check (tsc --noEmit)', npx, ['tsc', '--noEmit', '-p', '.']);
check('type check of the JavaScript (tsc -p tsconfig.check.json)', npx, [
	'tsc',
	'-p',
	'tsconfig.check.json',
]);
check('format (prettier --check)', npx, ['prettier', '--check', '**/*.{js,mjs,ts}']);
check('lint (n8n-node lint, strict)', 'npm', ['run', '--silent', 'lint']);
check('build (n8n-node build + gulp)', 'npm', ['run', '--silent', 'build']);
check('packages (pack, n8n scanner, n8n-node lint, npm publish --dry-run)', process.execPath, [
	path.join(root, 'scripts', 'packages.js'),
	'check',
]);
const workflows = path.join(root, '.github', 'workflows');
for (const file of fs.readdirSync(workflows)) {
	check(`workflow lint (action-validator): ${file}`, process.execPath, [
		require.resolve('@action-validator/cli/cli.mjs'),
		path.join(workflows, file),
	]);
}
const failedBefore = failed;
jest('main', path.join(root, 'jest.config.js'));
// The reliability figures in docs/reliability.md and the packages' tarball sizes in README.md
// come from this run, and only from a green one (a package's sizes only if its checks passed).
if (failed === failedBefore)
	check('figures (docs/reliability.md, README.md)', process.execPath, [
		path.join(root, 'scripts', 'figures.js'),
	]);
const node24 = nodeForN8n();
if (node24) {
	jest('node24', path.join(root, 'jest.config.js'), {
		node: node24,
		paths: ['test/unit', 'test/engine'],
	});
} else {
	failed += 1;
	console.log('✖ no Node 24 binary for the Node 24 run');
}
if (fs.existsSync(path.join(root, 'jest.e2e.config.js')) && process.env.SKIP_E2E !== '1') {
	jest('e2e', path.join(root, 'jest.e2e.config.js'));
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
