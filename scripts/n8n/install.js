// @ts-check
'use strict';
// Node 24 and n8n in the cache folder (see paths.js), installed once and reused:
//   <cache>/node24      npm install node-<os>-<arch>@NODE_VERSION   (only when the running Node < 24)
//   <cache>/n8n-<ver>   npm install --ignore-scripts n8n@<ver>, then npm rebuild sqlite3 (scripts on)
// Each folder gets a `.complete` marker after a successful install; a folder without it is
// removed and installed again.
const fs = require('node:fs');
const path = require('node:path');

const { cleanEnv, progress, runOrThrow, run } = require('./exec');
const { N8N_VERSION, NODE_VERSION, NODE_MAJOR, paths } = require('./paths');

const MARKER = '.complete';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function readMarker(dir) {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
	} catch {
		return null;
	}
}

function writeMarker(dir, data) {
	fs.writeFileSync(
		path.join(dir, MARKER),
		`${JSON.stringify({ ...data, completedAt: new Date().toISOString() }, null, 2)}\n`,
	);
}

function nodePackageName() {
	const os = { linux: 'linux', darwin: 'darwin' }[process.platform];
	const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
	if (!os || !arch) {
		throw new Error(
			`n8n ${N8N_VERSION} needs Node ${NODE_MAJOR}; there is no Node ${NODE_MAJOR} package for ${process.platform}-${process.arch} ` +
				`to fetch. Install Node ${NODE_MAJOR} and run npm start with it.`,
		);
	}
	return `node-${os}-${arch}`;
}

function freshProject(dir) {
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
}

/** Counts installed packages (top level and scoped), for the progress line. */
function countPackages(dir) {
	try {
		let count = 0;
		for (const entry of fs.readdirSync(path.join(dir, 'node_modules'))) {
			if (entry.startsWith('.')) continue;
			if (entry.startsWith('@'))
				count += fs.readdirSync(path.join(dir, 'node_modules', entry)).length;
			else count += 1;
		}
		return count;
	} catch {
		return 0;
	}
}

/**
 * A Node >= 24 binary: the running one when it is new enough, else the registry's
 * node-<os>-<arch> package in the cache. Returns { node, binDir, nodedir }.
 */
async function ensureNode({ log = console.log } = {}) {
	if (Number(process.versions.node.split('.')[0]) >= NODE_MAJOR) {
		return { node: process.execPath, binDir: path.dirname(process.execPath), nodedir: null };
	}
	const { nodeDir } = paths();
	const name = nodePackageName();
	const packageDir = path.join(nodeDir, 'node_modules', name);
	const marker = readMarker(nodeDir);
	if (
		marker &&
		marker.package === name &&
		marker.version === NODE_VERSION &&
		fs.existsSync(path.join(packageDir, 'bin', 'node'))
	) {
		return runtimeOf(packageDir);
	}
	return await withInstallLock(log, () => ensureNodeLocked(log));
}

function runtimeOf(packageDir) {
	const node = path.join(packageDir, 'bin', 'node');
	return {
		node,
		binDir: path.dirname(node),
		nodedir: fs.existsSync(path.join(packageDir, 'include', 'node', 'node_api.h'))
			? packageDir
			: null,
	};
}

async function ensureNodeLocked(log) {
	const { nodeDir } = paths();
	const name = nodePackageName();
	const packageDir = path.join(nodeDir, 'node_modules', name);
	const node = path.join(packageDir, 'bin', 'node');
	const marker = readMarker(nodeDir);
	if (
		!(marker && marker.package === name && marker.version === NODE_VERSION && fs.existsSync(node))
	) {
		log(
			`Node ${process.versions.node} is too old for n8n ${N8N_VERSION}; fetching Node ${NODE_VERSION} (${name} from the npm registry)…`,
		);
		freshProject(nodeDir);
		await runOrThrow(
			npm,
			[
				'install',
				'--no-audit',
				'--no-fund',
				'--loglevel=error',
				'--save-exact',
				'--ignore-scripts',
				`${name}@${NODE_VERSION}`,
			],
			{
				cwd: nodeDir,
				env: cleanEnv(),
				logFile: path.join(nodeDir, 'install.log'),
			},
		);
		await checkVersion(node);
		writeMarker(nodeDir, { package: name, version: NODE_VERSION });
	}
	return runtimeOf(packageDir);
}

async function checkVersion(node) {
	const { stdout } = await runOrThrow(node, ['--version']);
	if (!stdout.trim().startsWith(`v${NODE_MAJOR}.`))
		throw new Error(`${node} is ${stdout.trim()}, expected Node ${NODE_MAJOR}`);
	return stdout.trim();
}

/**
 * Runs `fn` while holding <cache>/.install.lock, so two commands started at once on a cold
 * cache (npm start and npm test) do not install into the same folder together. A lock whose
 * process is gone is taken over.
 */
async function withInstallLock(log, fn) {
	const lock = path.join(paths().cache, '.install.lock');
	fs.mkdirSync(path.dirname(lock), { recursive: true });
	let waiting = false;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			let owner = NaN;
			try {
				owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
			} catch {
				/* being written or removed */
			}
			let alive = false;
			try {
				if (owner) process.kill(owner, 0);
				alive = Boolean(owner);
			} catch {
				alive = false;
			}
			if (!alive && owner) {
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (!waiting)
				log(
					`Another process (pid ${owner || '?'}) is installing into ${paths().cache}; waiting for it…`,
				);
			waiting = true;
			await new Promise((resolve) => setTimeout(resolve, 2000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

/**
 * n8n N8N_VERSION in the cache, installed the first time (about 6 minutes and 2.7 GB, with
 * a progress line). Returns { node, binDir, n8nBin, n8nDir }.
 */
async function ensureN8n({ log = console.log } = {}) {
	const runtime = await ensureNode({ log });
	const { n8nDir, n8nBin } = paths();
	const marker = readMarker(n8nDir);
	if (marker && marker.n8n === N8N_VERSION && fs.existsSync(n8nBin))
		return { ...runtime, n8nBin, n8nDir };
	return await withInstallLock(log, () => installN8n(runtime, log));
}

async function installN8n(runtime, log) {
	const { n8nDir, n8nBin } = paths();
	const marker = readMarker(n8nDir);
	if (marker && marker.n8n === N8N_VERSION && fs.existsSync(n8nBin))
		return { ...runtime, n8nBin, n8nDir };

	freshProject(n8nDir);
	const logFile = path.join(n8nDir, 'install.log');
	// npm itself runs on Node 24 here (first in PATH), as n8n's own install instructions expect.
	const env = cleanEnv({}, { prependPath: runtime.binDir });
	log(
		`Installing n8n ${N8N_VERSION} into ${n8nDir} — first run only; later runs reuse it. Log: ${logFile}`,
	);
	const installing = progress(`  npm install n8n@${N8N_VERSION}:`, {
		estimate: '5–6 minutes, 2.7 GB',
		detail: () => `${countPackages(n8nDir)} packages so far`,
	});
	try {
		await runOrThrow(
			npm,
			[
				'install',
				'--no-audit',
				'--no-fund',
				'--loglevel=warn',
				'--save-exact',
				'--ignore-scripts',
				`n8n@${N8N_VERSION}`,
			],
			{ cwd: n8nDir, env, logFile },
		);
	} finally {
		installing.done();
	}
	log(`  installed ${countPackages(n8nDir)} packages`);
	// sqlite3 is n8n's database driver and its only native module that must be built (N-API).
	const rebuilding = progress('  npm rebuild sqlite3:', { estimate: '1–2 minutes' });
	try {
		const args = ['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=warn'];
		if (runtime.nodedir) args.push(`--nodedir=${runtime.nodedir}`);
		await runOrThrow(npm, args, { cwd: n8nDir, env, logFile });
	} finally {
		rebuilding.done();
	}
	const check = await run(runtime.node, ['-e', "require('sqlite3'); require('n8n/package.json')"], {
		cwd: n8nDir,
		env,
	});
	if (check.code !== 0 || !fs.existsSync(n8nBin)) {
		throw new Error(`n8n was installed in ${n8nDir} but does not load:\n${check.stderr}`);
	}
	writeMarker(n8nDir, { n8n: N8N_VERSION, node: await checkVersion(runtime.node) });
	log(`n8n ${N8N_VERSION} is ready in ${n8nDir}`);
	return { ...runtime, n8nBin, n8nDir };
}

module.exports = { ensureNode, ensureN8n };
