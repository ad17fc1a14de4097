'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { SANDBOX_KEYS } = require('../../sandbox');

/** Every secret the sandbox credentials hold, and the Basic-auth form of Speed's key. */
const SECRETS = [
	SANDBOX_KEYS.sprintcheckout.apiKey,
	SANDBOX_KEYS.speed.secretKey,
	Buffer.from(`${SANDBOX_KEYS.speed.secretKey}:`).toString('base64'),
	SANDBOX_KEYS.yuno.publicApiKey,
	SANDBOX_KEYS.yuno.privateSecretKey,
	SANDBOX_KEYS.upag.token,
];

/** How many times any secret occurs in a text. */
function secretsIn(text) {
	return SECRETS.reduce((count, secret) => count + text.split(secret).length - 1, 0);
}

/** Reliability figures for the README, written by the reliability tests (one file per test file). */
function writeFigures(name, figures) {
	const dir = path.resolve(__dirname, '../../.tmp/reliability');
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}

module.exports = { SECRETS, secretsIn, writeFigures };
