// @ts-check
'use strict';
// Where the real-n8n tooling keeps things. Everything big lives in one cache folder OUTSIDE
// the project tree (n8n is ~2.7 GB): ${N8N_CHECKOUT_CACHE:-${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-checkout-sessions}
const os = require('node:os');
const path = require('node:path');

/** The n8n release the package is tested against (n8n 2.41.3 does not install; see README). */
const N8N_VERSION = '2.41.1';
/** n8n 2.41 needs Node >= 24; when the running Node is older, this one comes from the npm registry. */
const NODE_VERSION = '24.21.0';
const NODE_MAJOR = 24;

const root = path.resolve(__dirname, '..', '..');
const packageJson = require(path.join(root, 'package.json'));

function cacheRoot() {
	if (process.env.N8N_CHECKOUT_CACHE) return path.resolve(process.env.N8N_CHECKOUT_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-checkout-sessions');
}

function paths() {
	const cache = cacheRoot();
	return {
		root,
		cache,
		/** npm project holding the `node-<os>-<arch>` package (a Node 24 binary). */
		nodeDir: path.join(cache, `node${NODE_MAJOR}`),
		/** npm project holding n8n itself. */
		n8nDir: path.join(cache, `n8n-${N8N_VERSION}`),
		n8nBin: path.join(cache, `n8n-${N8N_VERSION}`, 'node_modules', 'n8n', 'bin', 'n8n'),
		/** n8n's user folder for `npm start` (n8n keeps its data in <this>/.n8n). */
		startUserFolder: path.join(cache, 'user-folder'),
		/** Packed tarballs of this package. */
		packs: path.join(cache, 'packs'),
	};
}

module.exports = {
	N8N_VERSION,
	NODE_VERSION,
	NODE_MAJOR,
	PACKAGE_NAME: packageJson.name,
	PACKAGE_VERSION: packageJson.version,
	cacheRoot,
	paths,
};
