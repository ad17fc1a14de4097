// @ts-check
'use strict';
// The sandbox's run-time settings (latency, capacity, rate limit, faults, recording, bulk
// sessions): checked, applied, and put back to the start-up options by reset().
const { Recorder } = require('./recorder');
const { RateLimiter } = require('./rate-limiter');
const { FaultPlan } = require('./faults');
const { Capacity } = require('./capacity');
const { SessionStore } = require('./store');

const OPTION_KEYS = [
	'port',
	'host',
	'latencyMs',
	'capacity',
	'rateLimit',
	'faults',
	'record',
	'timelineMs',
	'bulkSessions',
];
const RUNTIME_KEYS = OPTION_KEYS.filter((k) => k !== 'port' && k !== 'host');
const DEFAULT_BULK_SESSIONS = 10000;

/** A provider's session store: its seeded and bulk sessions, and what the provider adds to it. */
function createStore(provider, bulkSessions) {
	const { seed, bulk, makeBulk, extendStore } = provider;
	const store = new SessionStore({ seed, bulk, makeBulk, bulkSessions });
	return extendStore ? extendStore(store) : store;
}

function checkOptionKeys(opts, allowed) {
	for (const key of Object.keys(opts)) {
		if (!allowed.includes(key))
			throw new TypeError(`unknown sandbox option "${key}"; known: ${allowed.join(', ')}`);
	}
}

/**
 * The settings of one sandbox over its providers' stores. `control` holds what the request
 * path reads (latencyMs, capacity, limiter, faults); `recorder` the log and stats.
 */
function createControl(providers, options) {
	checkOptionKeys(options, OPTION_KEYS);
	const baseline = { bulkSessions: DEFAULT_BULK_SESSIONS };
	for (const key of RUNTIME_KEYS) if (key in options) baseline[key] = options[key];
	const maxBulk = Math.min(...providers.map((p) => 10 ** p.bulk.width));
	const recorder = new Recorder();
	const stores = Object.fromEntries(
		providers.map((p) => [p.name, createStore(p, DEFAULT_BULK_SESSIONS)]),
	);
	/** @type {{ latencyMs: number, capacity: any, limiter: any, faults: any }} */
	const control = { latencyMs: 0, capacity: null, limiter: null, faults: null };

	function checkBulkSessions(count) {
		if (!Number.isInteger(count) || count < 0 || count > maxBulk)
			throw new RangeError(`bulkSessions must be an integer between 0 and ${maxBulk}`);
	}

	/** @param {Record<string, any>} [opts] */
	function configure(opts = {}) {
		checkOptionKeys(opts, RUNTIME_KEYS);
		if ('latencyMs' in opts) {
			if (!(opts.latencyMs >= 0)) throw new RangeError('latencyMs must be a number >= 0');
			control.latencyMs = opts.latencyMs;
		}
		if ('capacity' in opts) control.capacity = opts.capacity ? new Capacity(opts.capacity) : null;
		if ('timelineMs' in opts) {
			if (!(opts.timelineMs >= 0)) throw new RangeError('timelineMs must be a number >= 0');
			recorder.timelineMs = opts.timelineMs;
		}
		if ('rateLimit' in opts)
			control.limiter = opts.rateLimit ? new RateLimiter(opts.rateLimit) : null;
		if ('faults' in opts) control.faults = opts.faults ? new FaultPlan(opts.faults) : null;
		if ('record' in opts) recorder.record = opts.record !== false;
		if ('bulkSessions' in opts) {
			checkBulkSessions(opts.bulkSessions);
			for (const store of Object.values(stores)) store.bulkSessions = opts.bulkSessions;
		}
	}

	/** Back to the state right after startSandbox(): sessions, log, stats and options. */
	function reset() {
		recorder.reset();
		for (const store of Object.values(stores)) store.reset();
		Object.assign(control, { latencyMs: 0, capacity: null, limiter: null, faults: null });
		recorder.record = true;
		recorder.timelineMs = 0;
		configure(baseline);
	}

	configure(baseline);
	return { control, recorder, stores, configure, reset };
}

module.exports = { createControl };
