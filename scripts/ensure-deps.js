// @ts-check
'use strict';
// First step of `npm start` and `npm test`: on a fresh clone (or after package-lock.json
// changed) install the project's own dependencies, so either command works as the first
// one typed. The project's .npmrc keeps install scripts off (see README, Development).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const lock = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules', '.package-lock.json');

function upToDate() {
	if (!fs.existsSync(installed)) return false;
	return fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs;
}

if (!upToDate()) {
	console.log('Installing the project dependencies (npm ci, about 2 minutes the first time)…');
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	// `npm ci` installs exactly what package-lock.json lists. The lock file carries every
	// platform's optional binaries (@swc/core-*): regenerate it with
	// `npm install --package-lock-only`, which keeps them, never from an installed tree.
	execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: root,
		stdio: 'inherit',
	});
}
