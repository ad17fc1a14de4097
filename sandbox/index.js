// @ts-check
'use strict';

/**
 * Provider sandbox: a local, dependency-free model of the four providers'
 * documented "update checkout session" APIs. See sandbox/README.md.
 */
const { startSandbox, PROVIDERS } = require('./server');
const { bulkId } = require('./lib/store');
const { FAULT_KINDS, DEFAULT_RANDOM_KINDS } = require('./lib/faults');

function deepFreeze(value) {
	if (value && typeof value === 'object') {
		Object.values(value).forEach(deepFreeze);
		Object.freeze(value);
	}
	return value;
}

const byProvider = (pick) =>
	deepFreeze(structuredClone(Object.fromEntries(PROVIDERS.map((p) => [p.name, pick(p)]))));

/** Credentials the sandbox accepts (fixed, fake values). */
const SANDBOX_KEYS = byProvider((p) => p.keys);

/**
 * @typedef {object} SeededSessions the ids of a provider's seeded sessions
 * @property {string[]} updatable
 * @property {Array<{ id: string, state: string, status: number, code?: string }>} refusing
 * @property {string} unknown
 * @property {string} [used] Yuno: a session already paid through
 */

/**
 * Seeded sessions per provider: `{ updatable: [id], refusing: [{ id, state, status, code? }], unknown: id }`.
 * @type {Record<string, SeededSessions>}
 */
const SEEDED = byProvider((p) => p.seeded);

/** Id of the i-th lazily created "bulk" session of a provider (always open/active while i < bulkSessions). */
function bulkSessionId(provider, i) {
	const found = PROVIDERS.find((p) => p.name === provider);
	if (!found) throw new RangeError(`unknown provider "${provider}"`);
	return bulkId(found.bulk.prefix, found.bulk.width, i);
}

module.exports = {
	startSandbox,
	SANDBOX_KEYS,
	SEEDED,
	bulkSessionId,
	FAULT_KINDS,
	DEFAULT_RANDOM_KINDS,
};
