#!/usr/bin/env node
// @ts-check
'use strict';
// `node scripts/n8n/prepare.js`: makes sure the cache holds n8n (and Node 24 when the running
// Node is older), installing them the first time. CI calls it before `npm test` (from
// .ci/install-system-deps.sh) so the long first install shows up as its own step; `npm start`
// and the end-to-end tests do the same on their own when needed.
const { ensureN8n } = require('./install');
const { N8N_VERSION } = require('./paths');

ensureN8n().then(
	(runtime) => console.log(`n8n ${N8N_VERSION} ready: ${runtime.n8nDir} (Node: ${runtime.node})`),
	(error) => {
		console.error(error.message);
		process.exit(1);
	},
);
