// @ts-check
'use strict';
// The publishable packages: one directory per provider under packages/, each with its own
// package.json whose "n8n" section names its node and credential. Everything else (which
// compiled files a package ships) is derived from those entry files.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const packagesDir = path.join(root, 'packages');
const compiledDir = path.join(root, 'dist');

/** [{ name, dir, manifest }] for every packages/<name>/package.json, sorted by name. */
function listPackages() {
	return fs
		.readdirSync(packagesDir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => path.join(packagesDir, entry.name))
		.filter((dir) => fs.existsSync(path.join(dir, 'package.json')))
		.map((dir) => {
			const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
			return { name: manifest.name, dir, manifest };
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

function findPackage(name) {
	const found = listPackages().find((pkg) => pkg.name === name);
	if (!found) {
		const names = listPackages().map((pkg) => pkg.name);
		throw new Error(`Unknown package "${name}"; the packages are: ${names.join(', ')}`);
	}
	return found;
}

const REQUIRE = /require\("(\.{1,2}\/[^"]+)"\)/g;
const ICON = /["']file:([^"']+\.(?:svg|png))["']/g;

function resolveModule(from, request) {
	const base = path.resolve(path.dirname(from), request);
	for (const candidate of [base, `${base}.js`, `${base}.json`, path.join(base, 'index.js')]) {
		if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
	}
	throw new Error(`${path.relative(root, from)} requires ${request}, which was not built`);
}

/**
 * The compiled files (paths relative to dist/) that a package ships: its node and credential
 * files, every file they require (relative requires, transitively: the shared core), each
 * node's codex file, and the icons those files reference.
 */
function filesOf(manifest, distDir = compiledDir) {
	const entries = [...manifest.n8n.nodes, ...manifest.n8n.credentials].map((file) =>
		path.join(distDir, path.relative('dist', file)),
	);
	/** @type {Set<string>} */
	const files = new Set();
	const queue = [...entries];
	let file;
	while ((file = queue.pop()) !== undefined) {
		if (files.has(file)) continue;
		if (!fs.existsSync(file)) throw new Error(`${path.relative(root, file)} was not built`);
		files.add(file);
		if (!file.endsWith('.js')) continue;
		const code = fs.readFileSync(file, 'utf8');
		for (const [, request] of code.matchAll(REQUIRE)) queue.push(resolveModule(file, request));
		for (const [, icon] of code.matchAll(ICON)) queue.push(path.resolve(path.dirname(file), icon));
	}
	for (const node of manifest.n8n.nodes) {
		const codex = path.join(distDir, path.relative('dist', node)).replace(/\.js$/, '.json');
		if (fs.existsSync(codex)) files.add(codex);
	}
	return [...files].map((file) => path.relative(distDir, file)).sort();
}

/** A byte count as the package figures show it: kilobytes (1,000 bytes), one decimal. */
const kilobytes = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

module.exports = { root, packagesDir, compiledDir, listPackages, findPackage, filesOf, kilobytes };
