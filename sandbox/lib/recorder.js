// @ts-check
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
 * Keeps `requests` (the wire log), `stats` and, when `timelineMs` is set, `timeline`: per
 * slice of that many milliseconds since the first request, the most requests in flight,
 * the answers given, their mean latency (arrival to answer) and how many were 429 or 503.
 * All three are mutated in place, so references taken by a test stay valid across reset().
 */
class Recorder {
	constructor({ record = true, now = Date.now } = {}) {
		this.record = record;
		this.now = now;
		this.requests = [];
		this.stats = emptyStats();
		this.timeline = [];
		this.timelineMs = 0;
		this.timelineStart = null;
	}

	reset() {
		this.requests.length = 0;
		this.timeline.length = 0;
		this.timelineStart = null;
		const fresh = emptyStats(this.stats.inFlight);
		for (const key of Object.keys(this.stats)) delete this.stats[key];
		Object.assign(this.stats, fresh);
	}

	/** Returns the time the request arrived, for `ended`. */
	started() {
		this.stats.requests += 1;
		this.stats.inFlight += 1;
		this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.stats.inFlight);
		const at = this.now();
		const slice = this.slice(at);
		if (slice) slice.inFlight = Math.max(slice.inFlight, this.stats.inFlight);
		return at;
	}

	ended(startedAt) {
		this.stats.inFlight -= 1;
		const slice = this.slice(this.now());
		if (slice && startedAt !== undefined) {
			slice.answers += 1;
			slice.latencyTotalMs += this.now() - startedAt;
		}
	}

	slice(at) {
		if (!(this.timelineMs > 0)) return null;
		this.timelineStart ??= at;
		const index = Math.floor((at - this.timelineStart) / this.timelineMs);
		while (this.timeline.length <= index) {
			this.timeline.push({
				atMs: this.timeline.length * this.timelineMs,
				inFlight: this.stats.inFlight,
				answers: 0,
				latencyTotalMs: 0,
				refused: 0,
			});
		}
		return this.timeline[index];
	}

	/** Returns the entry (also when recording is off, so callers can fill it in). */
	open(entry) {
		const full = { ...entry, status: null, at: Date.now() };
		if (this.record) this.requests.push(full);
		return full;
	}

	countStatus(status) {
		this.stats.byStatus[status] = (this.stats.byStatus[status] || 0) + 1;
		if (status === 429 || status === 503) {
			const slice = this.slice(this.now());
			if (slice) slice.refused += 1;
		}
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
