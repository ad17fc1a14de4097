// @ts-check
'use strict';
// Build and pack the four publishable packages (packages/<name>), then install each tarball
// into an n8n user folder exactly the way n8n's "Install a community node" does (n8n 2.41 CommunityPackagesService.downloadPackage):
//   extract the tarball into <user folder>/.n8n/nodes/node_modules/<name>,
//   drop devDependencies, peerDependencies and optionalDependencies from its package.json,
//   `npm install --audit=false --fund=false --bin-links=false --install-strategy=shallow
//    --ignore-scripts=true --package-lock=false` inside it,
//   record it in <user folder>/.n8n/nodes/package.json.
// n8n loads every package in that node_modules folder when it starts.
const fs = require('node:fs');
const path = require('node:path');

const { cleanEnv, runOrThrow } = require('./exec');
const { paths, PACKAGE_NAME: WORKSPACE_NAME } = require('./paths');
const { listPackages } = require('../lib/packages');

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const SOURCES = [
	'nodes',
	'credentials',
	'icons',
	'packages',
	'package.json',
	'tsconfig.json',
	'gulpfile.js',
];

function newestMtime(entry) {
	let stat;
	try {
		stat = fs.statSync(entry);
	} catch {
		return 0;
	}
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = 0;
	if (path.basename(entry) === 'dist') return newest;
	for (const child of fs.readdirSync(entry))
		newest = Math.max(newest, newestMtime(path.join(entry, child)));
	return newest;
}

/** Every package's files that n8n loads (its "n8n" entries) exist and are newer than every source. */
function distUpToDate(root) {
	const built = listPackages().flatMap(({ dir, manifest }) =>
		[...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])].map((file) =>
			path.join(dir, file),
		),
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

/** `npm pack` of every package into `destination`; returns the tarballs' absolute paths. */
async function pack(destination = paths().packs) {
	fs.mkdirSync(destination, { recursive: true });
	const tarballs = [];
	for (const { dir } of listPackages()) {
		const { stdout } = await runOrThrow(
			npm,
			['pack', '--json', '--pack-destination', destination, '--loglevel=error'],
			{ cwd: dir, env: cleanEnv() },
		);
		const [info] = JSON.parse(stdout.slice(stdout.indexOf('[')));
		tarballs.push(path.join(destination, info.filename));
	}
	return tarballs;
}

/**
 * Installs each tarball into `<userFolder>/.n8n/nodes` the way n8n does (see top of file), one
 * after the other as n8n would. `binDir` (Node 24) goes first in PATH, as in the n8n process
 * that would run npm. Returns [{ name, packageDir, version }].
 */
async function installIntoUserFolder({ userFolder, tarballs, binDir }) {
	forgetWorkspacePackage(userFolder);
	const installed = [];
	for (const tarball of tarballs) {
		installed.push(await installOne({ userFolder, tarball, binDir }));
	}
	return installed;
}

/**
 * Before the split into four packages, `npm start` installed the whole workspace as one
 * package; left in an older user folder it would define every node type a second time.
 */
function forgetWorkspacePackage(userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.rmSync(path.join(nodesDir, 'node_modules', WORKSPACE_NAME), { recursive: true, force: true });
	const listPath = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(listPath)) return;
	const list = JSON.parse(fs.readFileSync(listPath, 'utf8'));
	if (!list.dependencies?.[WORKSPACE_NAME]) return;
	delete list.dependencies[WORKSPACE_NAME];
	fs.writeFileSync(listPath, JSON.stringify(list, null, 2), 'utf8');
}

async function installOne({ userFolder, tarball, binDir }) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const { stdout } = await runOrThrow('tar', ['-xzOf', tarball, 'package/package.json']);
	const { name } = JSON.parse(stdout);
	const packageDir = path.join(nodesDir, 'node_modules', name);
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
	list.dependencies = { ...list.dependencies, [name]: manifest.version };
	fs.writeFileSync(listPath, JSON.stringify(list, null, 2), 'utf8');
	return { name, packageDir, version: manifest.version };
}

module.exports = { buildIfNeeded, distUpToDate, pack, installIntoUserFolder };
