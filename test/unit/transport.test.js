const { parseRetryAfter, backoffMs } = require('../../nodes/shared/transport');
const { Pacer } = require('../../nodes/shared/pacing');
const { createRedactor } = require('../../nodes/shared/redact');
const { formatIssuePath, parseLooseError } = require('../../nodes/shared/errors');

describe('Retry-After', () => {
	test('seconds, fractions and HTTP dates', () => {
		const now = Date.parse('2026-11-23T10:00:00Z');
		expect(parseRetryAfter('2', now)).toBe(2000);
		expect(parseRetryAfter('0.5', now)).toBe(500);
		expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:03 GMT', now)).toBe(3000);
		expect(parseRetryAfter('Mon, 23 Nov 2026 09:59:00 GMT', now)).toBe(0);
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
		expect(parseRetryAfter('soon', now)).toBeUndefined();
	});
});

test('backoff grows exponentially under a cap, with full jitter', () => {
	expect(backoffMs(1, () => 1)).toBe(250);
	expect(backoffMs(3, () => 1)).toBe(1000);
	expect(backoffMs(20, () => 1)).toBe(10000);
	expect(backoffMs(3, () => 0)).toBe(0);
});

describe('Pacer', () => {
	test('starts unlimited, then limits to what succeeded in the last second', () => {
		let now = 0;
		const pacer = new Pacer(() => now);
		expect(pacer.currentRate).toBe(Infinity);
		for (let index = 0; index < 40; index++) {
			now += 10;
			pacer.onSuccess();
		}
		pacer.onThrottled();
		expect(pacer.currentRate).toBe(40);
	});

	test('cuts by 15 % at most once a second and grows back additively', () => {
		let now = 0;
		const pacer = new Pacer(() => now);
		pacer.onSuccess();
		pacer.onThrottled();
		expect(pacer.currentRate).toBe(1);
		now = 100;
		pacer.onThrottled();
		expect(pacer.currentRate).toBe(1);
		for (let index = 0; index < 9; index++) pacer.onSuccess();
		expect(pacer.currentRate).toBeGreaterThan(4);
		const before = pacer.currentRate;
		now = 2000;
		pacer.onThrottled();
		expect(pacer.currentRate).toBeCloseTo(before * 0.85, 5);
	});
});

describe('redaction', () => {
	test('removes every occurrence of a secret, nested, and leaves other data untouched', () => {
		const redact = createRedactor(['sk_test_SECRET']);
		const body = { a: 'x sk_test_SECRET y', list: [{ b: 'sk_test_SECRET' }], n: 1 };
		expect(redact(body)).toEqual({ a: 'x [redacted] y', list: [{ b: '[redacted]' }], n: 1 });
		const clean = { a: 'nothing' };
		expect(redact(clean)).toBe(clean);
	});
});

test('issue paths read like parameter names', () => {
	expect(formatIssuePath(['metadata', 2, 'key'])).toBe('metadata[2].key');
	expect(formatIssuePath(['currency'])).toBe('currency');
});

test('loose error bodies: common keys, otherwise the body as sent', () => {
	expect(parseLooseError({ code: 'SESSION_CLOSED', message: 'Session is not open' })).toEqual({
		code: 'SESSION_CLOSED',
		message: 'Session is not open',
	});
	expect(parseLooseError({ weird: true })).toEqual({ message: '{"weird":true}' });
	expect(parseLooseError(null)).toEqual({});
});
