// @ts-check
'use strict';

const RETRY_AFTER_FORMS = ['seconds', 'date', 'none'];

/** Token bucket shared by every provider: `rps` tokens per second, at most `burst` saved. */
class RateLimiter {
	/**
	 * @param {{ rps: number, burst?: number, retryAfter?: string }} options
	 * @param {() => number} [now] the clock, in milliseconds
	 */
	constructor({ rps, burst = rps, retryAfter = 'seconds' }, now = Date.now) {
		if (!(rps > 0)) throw new RangeError('rateLimit.rps must be a positive number');
		if (!(burst >= 1)) throw new RangeError('rateLimit.burst must be at least 1');
		if (!RETRY_AFTER_FORMS.includes(retryAfter))
			throw new RangeError(`rateLimit.retryAfter must be one of ${RETRY_AFTER_FORMS.join(', ')}`);
		this.rps = rps;
		this.burst = burst;
		this.retryAfter = retryAfter;
		this.now = now;
		this.tokens = burst;
		this.updatedAt = now();
	}

	/**
	 * `{ ok: true }` or `{ ok: false, waitMs }` (time until one token is back).
	 * @returns {{ ok: true } | { ok: false, waitMs: number }}
	 */
	take() {
		const now = this.now();
		this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.rps);
		this.updatedAt = now;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return { ok: true };
		}
		return { ok: false, waitMs: ((1 - this.tokens) / this.rps) * 1000 };
	}
}

/**
 * Headers for a 429 in the requested Retry-After form.
 * @param {string} form one of RETRY_AFTER_FORMS
 * @param {number} waitMs
 * @param {number} [now]
 * @returns {Record<string, string>}
 */
function retryAfterHeaders(form, waitMs, now = Date.now()) {
	if (form === 'none') return {};
	const seconds = Math.max(1, Math.ceil(waitMs / 1000));
	if (form === 'seconds') return { 'retry-after': String(seconds) };
	// HTTP dates have whole seconds; round up so waiting until the date is always enough.
	const at = Math.ceil((now + Math.max(waitMs, 1000)) / 1000) * 1000;
	return { 'retry-after': new Date(at).toUTCString() };
}

module.exports = { RateLimiter, retryAfterHeaders, RETRY_AFTER_FORMS };
