// @ts-check
'use strict';

/**
 * Sessions of one provider. Seeded sessions (`seed()`) are created on reset(); "bulk"
 * sessions (ids `bulk.prefix + index zero-padded to bulk.width`, made by `makeBulk(id, index)`)
 * are created the first time they are touched, so 10,000 of them cost nothing until used.
 */
class SessionStore {
	constructor({ seed, bulk, makeBulk, bulkSessions }) {
		this.seed = seed;
		this.bulkPrefix = bulk.prefix;
		this.bulkWidth = bulk.width;
		this.makeBulk = makeBulk;
		this.bulkSessions = bulkSessions;
		this.sessions = new Map();
		this.reset();
	}

	reset() {
		this.sessions.clear();
		for (const session of this.seed()) this.sessions.set(session.id, session);
	}

	bulkIndex(id) {
		if (!id.startsWith(this.bulkPrefix)) return null;
		const digits = id.slice(this.bulkPrefix.length);
		if (digits.length !== this.bulkWidth || !/^\d+$/.test(digits)) return null;
		const index = Number(digits);
		return index < this.bulkSessions ? index : null;
	}

	/** The live session (created on first use for bulk ids), or undefined. */
	get(id) {
		let session = this.sessions.get(id);
		if (session) return session;
		const index = this.bulkIndex(id);
		if (index === null) return undefined;
		session = this.makeBulk(id, index);
		this.sessions.set(id, session);
		return session;
	}

	/** A copy for inspection that does not create bulk sessions. */
	peek(id) {
		const session = this.sessions.get(id);
		if (session) return structuredClone(session);
		const index = this.bulkIndex(id);
		return index === null ? undefined : this.makeBulk(id, index);
	}

	add(session) {
		this.sessions.set(session.id, session);
		return session;
	}
}

function bulkId(prefix, width, index) {
	if (!Number.isInteger(index) || index < 0 || index >= 10 ** width)
		throw new RangeError(`bulk session index must be an integer in [0, ${10 ** width})`);
	return prefix + String(index).padStart(width, '0');
}

module.exports = { SessionStore, bulkId };
