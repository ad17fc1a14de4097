'use strict';

function emptyStats(inFlight = 0) {
	return {
		requests: 0,
		byStatus: {},
		throttled: 0,
		faultsInjected: {},
		inFlight,
		maxInFlight: inFlight,
		perSession: {},
	};
}

/**
 * Keeps `requests` (the wire log) and `stats`. Both objects are mutated in
 * place, so references taken by a test stay valid across reset().
 */
class Recorder {
	constructor({ record = true } = {}) {
		this.record = record;
		this.requests = [];
		this.stats = emptyStats();
	}

	reset() {
		this.requests.length = 0;
		const fresh = emptyStats(this.stats.inFlight);
		for (const key of Object.keys(this.stats)) delete this.stats[key];
		Object.assign(this.stats, fresh);
	}

	started() {
		this.stats.requests += 1;
		this.stats.inFlight += 1;
		this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.stats.inFlight);
	}

	ended() {
		this.stats.inFlight -= 1;
	}

	/** Returns the entry (also when recording is off, so callers can fill it in). */
	open(entry) {
		const full = { ...entry, status: null, at: Date.now() };
		if (this.record) this.requests.push(full);
		return full;
	}

	countStatus(status) {
		this.stats.byStatus[status] = (this.stats.byStatus[status] || 0) + 1;
	}

	countFault(kind) {
		this.stats.faultsInjected[kind] = (this.stats.faultsInjected[kind] || 0) + 1;
	}

	countUpdate(provider, sessionId) {
		const key = `${provider}:${sessionId}`;
		this.stats.perSession[key] = (this.stats.perSession[key] || 0) + 1;
	}
}

module.exports = { Recorder };
