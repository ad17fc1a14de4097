// @ts-check
'use strict';
// Checks of the publishable packages (after `npm run build`), one package at a time:
//   node scripts/packages.js check [<package>…]   all checks below (default: every package)
//   node scripts/packages.js scan <package>…      only n8n's scanner (the publish workflow)
//   node scripts/packages.js pack <dir>           pack every package into <dir>, print the paths
//
// check = for each package:
//   1. `npm pack`: the tarball holds only what n8n loads plus README, LICENSE, CHANGELOG;
//      its size is printed;
//   2. n8n's scanner (@n8n/scan-community-package's own `analyzePackage`, its own ESLint
//      config, inline eslint-disable comments ignored), as n8n runs it on a published
//      package: its source leg on the package's directory in the repository
//      (SOURCE_FILE_PATTERNS), and on the package's own sources staged as a package
//      (see stageSources), then its tarball leg (`**/*.js` + package.json) on the packed
//      tarball;
//   3. `n8n-node lint` (strict) on the staged sources;
//   4. `npm publish --dry-run`, the publish workflow's last step without the upload.
// A package that passes them all leaves its tarball's figures in .tmp/packages/<name>.json
// (see writeTarballFigures), which scripts/figures.js renders into README.md.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { root, listPackages, findPackage, filesOf, kilobytes } = require('./lib/packages');

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const stagingRoot = path.join(os.tmpdir(), 'checkout-sessions-staged-packages');
const FIGURES_DIR = path.join(root, '.tmp', 'packages');
/** What a tarball may hold besides package.json and dist/: npm adds README and LICENSE itself. */
const DOCS = ['README.md', 'LICENSE.md', 'CHANGELOG.md'];
const SHIPPED =
	/^package\/(package\.json|README\.md|LICENSE\.md|CHANGELOG\.md|dist\/.+\.(js|json|svg))$/;

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', ...options });
	if (result.error) throw result.error;
	return result;
}

/** Packs `pkg` into `destination`; returns { file, size, unpackedSize, entries }. */
function pack(pkg, destination) {
	fs.mkdirSync(destination, { recursive: true });
	const result = run(
		npm,
		['pack', '--json', '--pack-destination', destination, '--loglevel=error'],
		{
			cwd: pkg.dir,
		},
	);
	if (result.status !== 0) throw new Error(`npm pack failed for ${pkg.name}:\n${result.stderr}`);
	const [info] = JSON.parse(result.stdout.slice(result.stdout.indexOf('[')));
	return {
		file: path.join(destination, info.filename),
		size: info.size,
		unpackedSize: info.unpackedSize,
		entries: info.files.map((entry) => `package/${entry.path}`),
	};
}

/**
 * The package's own TypeScript sources, codex files and icons, with its package.json and the
 * lint config, in a temporary <name>/ directory: the directory n8n's scanner would lint if the
 * package were published from a repository of its own. Outside the project (the project's own
 * lint would see it), with a node_modules link to the project's.
 */
function stageSources(pkg) {
	const dir = path.join(stagingRoot, pkg.name);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	for (const built of filesOf(pkg.manifest)) {
		const source = built.endsWith('.js') ? built.replace(/\.js$/, '.ts') : built;
		fs.mkdirSync(path.join(dir, path.dirname(source)), { recursive: true });
		fs.copyFileSync(path.join(root, source), path.join(dir, source));
	}
	for (const file of ['package.json', ...DOCS]) {
		const from = path.join(pkg.dir, file);
		if (fs.existsSync(from)) fs.copyFileSync(from, path.join(dir, file));
	}
	for (const file of ['eslint.config.mjs', 'tsconfig.json']) {
		fs.copyFileSync(path.join(root, file), path.join(dir, file));
	}
	fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
	return dir;
}

/** n8n's scanner on `dir`: 'source' or 'tarball' file patterns. Returns true when it passes. */
function scan(label, dir, leg) {
	const script = `
		const { analyzePackage, SOURCE_FILE_PATTERNS } = await import('@n8n/scan-community-package/scanner/scanner.mjs');
		const patterns = process.argv[2] === 'source' ? SOURCE_FILE_PATTERNS : ['**/*.js', 'package.json'];
		const result = await analyzePackage(process.argv[1], patterns);
		if (result.details) console.log(result.details);
		if (!result.passed) console.log(result.message ?? '');
		process.exit(result.passed ? 0 : 1);`;
	const result = run(process.execPath, ['--input-type=module', '-e', script, dir, leg]);
	const ok = result.status === 0;
	report(ok, `n8n scanner, ${label}`, result.stdout + result.stderr);
	return ok;
}

function report(ok, label, output = '') {
	console.log(`  ${ok ? '✓' : '✖'} ${label}`);
	if (!ok && output.trim()) console.log(output.replace(/^/gm, '      '));
}

function scanPackage(pkg, tarball) {
	const extracted = fs.mkdtempSync(path.join(os.tmpdir(), 'checkout-sessions-tarball-'));
	try {
		run('tar', ['-xzf', tarball.file, '-C', extracted, '--strip-components=1']);
		return [
			scan('source (the package directory in the repository)', pkg.dir, 'source'),
			scan('source (its nodes and credentials, staged as a package)', stageSources(pkg), 'source'),
			scan('tarball', extracted, 'tarball'),
		].every(Boolean);
	} finally {
		fs.rmSync(extracted, { recursive: true, force: true });
	}
}

const figuresFile = (pkg) => path.join(FIGURES_DIR, `${pkg.name}.json`);

/** The tarball's figures as `npm pack` measured them, for scripts/figures.js. */
function writeTarballFigures(pkg, tarball) {
	fs.mkdirSync(FIGURES_DIR, { recursive: true });
	const figures = {
		name: pkg.name,
		size: tarball.size,
		unpackedSize: tarball.unpackedSize,
		files: tarball.entries.length,
	};
	fs.writeFileSync(figuresFile(pkg), `${JSON.stringify(figures, null, 2)}\n`);
}

function checkPackage(pkg, destination) {
	console.log(`\n${pkg.name}@${pkg.manifest.version}`);
	// The figures of an earlier run must not outlive a failed check.
	fs.rmSync(figuresFile(pkg), { force: true });
	const tarball = pack(pkg, destination);
	const strays = tarball.entries.filter((entry) => !SHIPPED.test(entry));
	const missing = ['package/package.json', ...DOCS.map((doc) => `package/${doc}`)].filter(
		(entry) => !tarball.entries.includes(entry),
	);
	const expected = filesOf(pkg.manifest).map((file) => `package/dist/${file}`);
	const unbuilt = expected.filter((entry) => !tarball.entries.includes(entry));
	const contentOk = strays.length === 0 && missing.length === 0 && unbuilt.length === 0;
	report(
		contentOk,
		`tarball ${path.basename(tarball.file)}: ${tarball.entries.length} files, ${kilobytes(tarball.size)}`,
		[
			...strays.map((e) => `not to ship: ${e}`),
			...[...missing, ...unbuilt].map((e) => `missing: ${e}`),
		].join('\n'),
	);

	const scanned = scanPackage(pkg, tarball);

	const lint = run(npm, ['exec', '--', 'n8n-node', 'lint'], {
		cwd: path.join(stagingRoot, pkg.name),
	});
	const lintOutput = lint.stdout + lint.stderr;
	const lintOk = lint.status === 0 && !/\d+ (problems?|warnings?)/.test(lintOutput);
	report(lintOk, 'n8n-node lint (strict, 0 errors, 0 warnings)', lintOutput);

	const publish = run(npm, ['publish', '--dry-run', '--access', 'public', '--loglevel=notice'], {
		cwd: pkg.dir,
	});
	const publishOk =
		publish.status === 0 && publish.stderr.includes(`${pkg.name}@${pkg.manifest.version}`);
	report(publishOk, 'npm publish --dry-run', publish.stdout + publish.stderr);
	const passed = contentOk && scanned && lintOk && publishOk;
	if (passed) writeTarballFigures(pkg, tarball);
	return passed;
}

function main([command = 'check', ...args]) {
	if (command === 'pack') {
		const destination = path.resolve(args[0] ?? path.join(root, '.tmp', 'packs'));
		for (const pkg of listPackages()) console.log(pack(pkg, destination).file);
		return true;
	}
	const packages = args.length > 0 ? args.map(findPackage) : listPackages();
	const destination = fs.mkdtempSync(path.join(os.tmpdir(), 'checkout-sessions-packs-'));
	try {
		if (command === 'scan')
			return packages.every((pkg) => scanPackage(pkg, pack(pkg, destination)));
		if (command === 'check')
			return packages.map((pkg) => checkPackage(pkg, destination)).every(Boolean);
		throw new Error(`Unknown command ${command}: check, scan or pack`);
	} finally {
		fs.rmSync(destination, { recursive: true, force: true });
	}
}

process.exit(main(process.argv.slice(2)) ? 0 : 1);
