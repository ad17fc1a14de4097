'use strict';
// Build and pack this package, then install the tarball into an n8n user folder exactly the
// way n8n's "Install a community node" does (n8n 2.41 CommunityPackagesService.downloadPackage):
//   extract the tarball into <user folder>/.n8n/nodes/node_modules/<name>,
//   drop devDependencies, peerDependencies and optionalDependencies from its package.json,
//   `npm install --audit=false --fund=false --bin-links=false --install-strategy=shallow
//    --ignore-scripts=true --package-lock=false` inside it,
//   record it in <user folder>/.n8n/nodes/package.json.
// n8n loads every package in that node_modules folder when it starts.
const fs = require('node:fs');
const path = require('node:path');

const { cleanEnv, runOrThrow } = require('./exec');
const { PACKAGE_NAME, paths } = require('./paths');

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const SOURCES = ['nodes', 'credentials', 'icons', 'package.json', 'tsconfig.json', 'gulpfile.js'];

function newestMtime(entry) {
	let stat;
	try {
		stat = fs.statSync(entry);
	} catch {
		return 0;
	}
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = 0;
	for (const child of fs.readdirSync(entry))
		newest = Math.max(newest, newestMtime(path.join(entry, child)));
	return newest;
}

/** The files n8n loads (package.json "n8n" entries) exist and are newer than every source. */
function distUpToDate(root) {
	const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	const built = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])].map((file) =>
		path.join(root, file),
	);
	if (built.length === 0) return false;
	let oldestBuilt = Infinity;
	for (const file of built) {
		if (!fs.existsSync(file)) return false;
		oldestBuilt = Math.min(oldestBuilt, fs.statSync(file).mtimeMs);
	}
	const newestSource = Math.max(...SOURCES.map((entry) => newestMtime(path.join(root, entry))));
	return newestSource <= oldestBuilt;
}

/** `npm run build` unless dist/ is newer than the sources (or `force`). Returns whether it built. */
async function buildIfNeeded({ force = false, log = console.log } = {}) {
	const { root } = paths();
	if (!force && distUpToDate(root)) return false;
	log('Building the package (npm run build)…');
	await runOrThrow(npm, ['run', '--silent', 'build'], { cwd: root, env: cleanEnv() });
	return true;
}

/** `npm pack` into `destination`; returns the tarball's absolute path. */
async function pack(destination = paths().packs) {
	const { root } = paths();
	fs.mkdirSync(destination, { recursive: true });
	const { stdout } = await runOrThrow(
		npm,
		['pack', '--json', '--pack-destination', destination, '--loglevel=error'],
		{
			cwd: root,
			env: cleanEnv(),
		},
	);
	const [info] = JSON.parse(stdout.slice(stdout.indexOf('[')));
	return path.join(destination, info.filename);
}

/**
 * Installs `tarball` into `<userFolder>/.n8n/nodes` the way n8n does (see top of file).
 * `binDir` (Node 24) goes first in PATH, as in the n8n process that would run npm.
 */
async function installIntoUserFolder({ userFolder, tarball, binDir }) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const packageDir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(packageDir, { recursive: true, force: true });
	fs.mkdirSync(packageDir, { recursive: true });
	await runOrThrow('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);

	const manifestPath = path.join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(
		fs.readFileSync(manifestPath, 'utf8'),
	);
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2), 'utf8');
	await runOrThrow(
		npm,
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
			'--loglevel=error',
		],
		{ cwd: packageDir, env: cleanEnv({}, { prependPath: binDir }) },
	);

	const listPath = path.join(nodesDir, 'package.json');
	let list = { name: 'installed-nodes', private: true, dependencies: {} };
	try {
		list = { ...list, ...JSON.parse(fs.readFileSync(listPath, 'utf8')) };
	} catch {
		/* first install */
	}
	list.dependencies = { ...list.dependencies, [PACKAGE_NAME]: manifest.version };
	fs.writeFileSync(listPath, JSON.stringify(list, null, 2), 'utf8');
	return { packageDir, version: manifest.version };
}

module.exports = { buildIfNeeded, distUpToDate, pack, installIntoUserFolder };
