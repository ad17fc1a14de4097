// @ts-check
'use strict';
// Stops the shared n8n main, keeps its logs in .tmp/e2e/logs (CI artifacts) and removes the
// temporary user folder (KEEP_E2E=1 keeps it).
const fs = require('node:fs');
const path = require('node:path');

const { killAll } = require('../../../scripts/n8n/exec');
const { ROOT } = require('./context');

module.exports = async function globalTeardown() {
	const shared = globalThis.__checkoutSessionsE2E;
	if (!shared) return;
	try {
		await shared.main.stop();
	} finally {
		killAll('SIGKILL');
		const kept = path.join(ROOT, '.tmp', 'e2e', 'logs');
		fs.rmSync(kept, { recursive: true, force: true });
		if (fs.existsSync(shared.logDir)) fs.cpSync(shared.logDir, kept, { recursive: true });
		if (process.env.KEEP_E2E === '1')
			process.stdout.write(`[e2e teardown] kept ${shared.tempRoot}\n`);
		else fs.rmSync(shared.tempRoot, { recursive: true, force: true });
	}
};
