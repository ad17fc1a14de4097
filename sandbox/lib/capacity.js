// @ts-check
'use strict';

const OVERFLOW_STATUSES = [429, 503];

/**
 * A server that works on `concurrent` requests at once; the others wait in a first-in
 * first-out queue, so their latency grows with the queue. With `queue` set, a request that
 * finds that many already waiting is refused at once with `overflow` (503 or 429).
 * This is a model of a saturated server for tests and benchmarks, not a documented
 * behaviour of any provider.
 */
class Capacity {
	/** @param {{ concurrent: number, queue?: number | null, overflow?: number }} options */
	constructor({ concurrent, queue = null, overflow = 503 }) {
		if (!(Number.isInteger(concurrent) && concurrent >= 1))
			throw new RangeError('capacity.concurrent must be a whole number >= 1');
		if (queue !== null && !(Number.isInteger(queue) && queue >= 0))
			throw new RangeError('capacity.queue must be a whole number >= 0 (or null for no limit)');
		if (!OVERFLOW_STATUSES.includes(overflow))
			throw new RangeError(`capacity.overflow must be one of ${OVERFLOW_STATUSES.join(', ')}`);
		this.concurrent = concurrent;
		this.queue = queue;
		this.overflow = overflow;
		this.working = 0;
		/** @type {Array<() => void>} */
		this.waiting = [];
	}

	/**
	 * Resolves to a `leave` function once the request may be worked on, or to null when refused.
	 * @returns {Promise<(() => void) | null>}
	 */
	enter() {
		if (this.working < this.concurrent) {
			this.working += 1;
			return Promise.resolve(this.leaver());
		}
		if (this.queue !== null && this.waiting.length >= this.queue) return Promise.resolve(null);
		return new Promise((resolve) => this.waiting.push(() => resolve(this.leaver())));
	}

	/** Frees the slot once (a request may end by its answer and by its socket closing). */
	leaver() {
		let left = false;
		return () => {
			if (left) return;
			left = true;
			const next = this.waiting.shift();
			if (next) next();
			else this.working -= 1;
		};
	}
}

module.exports = { Capacity, OVERFLOW_STATUSES };
