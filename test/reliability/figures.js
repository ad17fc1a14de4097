// @ts-check
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { SECRETS } = require('../../harness/providers');

/** How many times any secret occurs in a text. */
function secretsIn(text) {
	return SECRETS.reduce((count, secret) => count + text.split(secret).length - 1, 0);
}

/**
 * Reliability figures for docs/reliability.md, written by the reliability tests (one file per test
 * file, .tmp/reliability/<name>.json; scripts/figures.js renders them).
 */
function writeFigures(name, figures) {
	const dir = path.resolve(__dirname, '../../.tmp/reliability');
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}

module.exports = { SECRETS, secretsIn, writeFigures };
