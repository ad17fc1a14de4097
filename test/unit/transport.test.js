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
	const second = (pacer, clock, successes, throttled) => {
		for (let index = 0; index < successes; index++) pacer.onSuccess();
		for (let index = 0; index < throttled; index++) pacer.onThrottled();
		clock.now += 1000;
	};

	test('scattered 429s (under 10 % of answers) leave the run unlimited', () => {
		const clock = { now: 0 };
		const pacer = new Pacer(() => clock.now);
		second(pacer, clock, 300, 20);
		pacer.onSuccess();
		expect(pacer.currentRate).toBe(Infinity);
	});

	test('a real limit sets the rate just under what succeeded, which then creeps up while no 429 comes', () => {
		const clock = { now: 0 };
		const pacer = new Pacer(() => clock.now);
		// The answer that arrives after the second is over closes the window and counts in it.
		second(pacer, clock, 49, 350);
		pacer.onSuccess();
		expect(pacer.currentRate).toBeCloseTo(47.5, 5);
		second(pacer, clock, 46, 0);
		pacer.onSuccess();
		expect(pacer.currentRate).toBeCloseTo(52.25, 5);
		second(pacer, clock, 49, 2);
		pacer.onSuccess();
		expect(pacer.currentRate).toBeCloseTo(52.25, 5);
	});

	test('spaces request starts at the allowed rate', async () => {
		const clock = { now: 0 };
		const pacer = new Pacer(() => clock.now);
		second(pacer, clock, 10, 90);
		pacer.onThrottled();
		expect(pacer.currentRate).toBeCloseTo(9.5, 5);
		const started = Date.now();
		const realPacer = pacer;
		clock.now = Date.now();
		// three turns at 9.5/s take about 2 × 105 ms
		const timeline = [];
		for (let index = 0; index < 3; index++) {
			clock.now = Date.now();
			await realPacer.waitForTurn();
			timeline.push(Date.now() - started);
		}
		expect(timeline[2]).toBeGreaterThanOrEqual(180);
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
