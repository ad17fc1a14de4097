// @ts-check
const {
	AdaptiveConcurrency,
	AUTO_CEILING,
	AUTO_START,
	concurrencySetting,
} = require('../../nodes/shared/concurrency');
const { testNode } = require('../helpers/fakeContext');

/**
 * A deterministic model of a run: each round trip, as many requests as the limit allows are
 * answered with the latency and status the server model gives for that many in flight.
 * The clock only moves by the modelled latency; nothing here waits.
 */
function simulate(controller, server, roundTrips) {
	const limits = [];
	for (let trip = 0; trip < roundTrips; trip++) {
		const inFlight = controller.limit;
		limits.push(inFlight);
		for (let i = 0; i < inFlight; i++) {
			const { latencyMs, status = 200 } = server(inFlight, i, trip);
			controller.clock.t += latencyMs / inFlight;
			controller.onAnswer({ latencyMs, status });
		}
	}
	return limits;
}

/** A controller on a clock that only `simulate` moves. */
function auto(ceiling = AUTO_CEILING) {
	const clock = { t: 0 };
	return Object.assign(new AdaptiveConcurrency(ceiling, () => clock.t), { clock });
}

const fastClean = () => ({ latencyMs: 150 });

/** Handles `capacity` at once at `base` ms; the rest queue, so latency grows with what is in flight. */
const queueing =
	(capacity, base = 150) =>
	(inFlight) => ({ latencyMs: base * Math.max(1, inFlight / capacity) });

describe('Auto concurrency', () => {
	test(`starts at ${AUTO_START} and grows to its ceiling (${AUTO_CEILING}) on a fast clean server within a few round trips`, () => {
		const limits = simulate(auto(), fastClean, 12);
		expect(limits[0]).toBe(AUTO_START);
		expect(limits.slice(0, 6)).toEqual([4, 8, 16, 32, 64, 64]);
		expect(Math.max(...limits)).toBe(AUTO_CEILING);
	});

	test('never exceeds its ceiling nor goes below 1, whatever the answers', () => {
		for (const ceiling of [1, 3, 10, 64]) {
			const controller = auto(ceiling);
			let seed = ceiling;
			const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
			const statuses = [200, 200, 200, 200, 404, 500, 429, 502, 503, 504, 'timeout'];
			const chaotic = () => ({
				latencyMs: random() * 1000,
				status: statuses[Math.floor(random() * statuses.length)],
			});
			const limits = simulate(controller, chaotic, 400).concat(
				simulate(controller, fastClean, 100),
			);
			expect(Math.max(...limits)).toBeLessThanOrEqual(ceiling);
			expect(Math.min(...limits)).toBeGreaterThanOrEqual(1);
			expect(limits.at(-1)).toBe(ceiling);
		}
	});

	test.each([429, 502, 503, 504, 'timeout'])(
		'halves on %s, then grows back one per round trip',
		(status) => {
			const controller = auto();
			simulate(controller, fastClean, 5);
			expect(controller.limit).toBe(64);
			simulate(
				controller,
				(inFlight, i) => ({ latencyMs: 150, status: i === 0 ? status : 200 }),
				1,
			);
			expect(controller.limit).toBe(32);
			expect(controller.changes.at(-1)).toMatchObject({ limit: 32, reason: 'overload' });
			// After a sign of trouble it no longer doubles: additive growth.
			expect(simulate(controller, fastClean, 4)).toEqual([32, 33, 34, 35]);
		},
	);

	test('statuses that are not overload (400, 404, 409, 500) do not shrink it', () => {
		const controller = auto();
		const limits = simulate(
			controller,
			(inFlight, i) => ({ latencyMs: 150, status: [400, 404, 409, 500][i % 4] }),
			6,
		);
		expect(limits).toEqual([4, 8, 16, 32, 64, 64]);
	});

	test('backs off when latency rises (the provider queues), and holds a level where latency stays within 3 × its minimum', () => {
		const controller = auto();
		simulate(controller, fastClean, 6);
		expect(controller.limit).toBe(64);
		// The same server now takes 4 × as long: shrink in proportion.
		simulate(controller, () => ({ latencyMs: 600 }), 1);
		expect(controller.limit).toBeLessThan(64);
		expect(controller.changes.at(-1)?.reason).toBe('latency');

		// A server with room for 16 at once: more in flight only queues. Auto keeps it busy and
		// settles where latency is 2 to 3 × the minimum, i.e. 32 to 48 in flight, not the ceiling.
		const settled = simulate(auto(), queueing(16), 200).slice(50);
		expect(Math.min(...settled)).toBeGreaterThanOrEqual(32);
		expect(Math.max(...settled)).toBeLessThanOrEqual(48);
	});

	test('a capacity-32 server is filled (Auto reaches at least 32) without exceeding the ceiling', () => {
		const limits = simulate(auto(), queueing(32), 200);
		expect(Math.min(...limits.slice(10))).toBeGreaterThanOrEqual(32);
		expect(Math.max(...limits)).toBeLessThanOrEqual(AUTO_CEILING);
	});

	test('a provider that gets slower for good is relearnt: Auto falls to 1, takes the new latency as its minimum, and grows again', () => {
		const controller = auto();
		simulate(controller, fastClean, 6);
		const limits = simulate(controller, () => ({ latencyMs: 600 }), 30);
		expect(Math.min(...limits)).toBe(1);
		expect(limits.at(-1)).toBe(AUTO_CEILING);
	});

	test('latencies of a local server (a few ms) are not read as queueing', () => {
		const jitter = (inFlight, i) => ({ latencyMs: 1 + (i % 4) });
		expect(simulate(auto(), jitter, 6)).toEqual([4, 8, 16, 32, 64, 64]);
	});

	test('each change is timestamped by the injected clock', () => {
		const controller = auto(64);
		simulate(controller, fastClean, 3);
		expect(controller.changes.map((change) => change.limit)).toEqual([4, 8, 16, 32]);
		expect(controller.changes.map((change) => change.at)).toEqual([0, 150, 300, 450]);
	});
});

describe('the Concurrency and Max Concurrent Requests options', () => {
	const node = testNode({ name: 'Upag', type: 'upag' });

	test('Auto by default, up to the ceiling', () => {
		expect(concurrencySetting(node, {}, 16)).toEqual({ mode: 'auto', ceiling: AUTO_CEILING });
		expect(concurrencySetting(node, { concurrency: 'auto' }, 16)).toEqual({
			mode: 'auto',
			ceiling: AUTO_CEILING,
		});
	});

	test('a workflow saved with a number and no Concurrency keeps that fixed number', () => {
		expect(concurrencySetting(node, { maxConcurrentRequests: 8 }, 8)).toEqual({
			mode: 'fixed',
			limit: 8,
		});
	});

	test('Fixed uses Max Concurrent Requests (16 when not set); Auto with a number uses it as its ceiling', () => {
		expect(concurrencySetting(node, { concurrency: 'fixed' }, 16)).toEqual({
			mode: 'fixed',
			limit: 16,
		});
		expect(
			concurrencySetting(node, { concurrency: 'auto', maxConcurrentRequests: 10 }, 10),
		).toEqual({ mode: 'auto', ceiling: 10 });
	});

	test('any other value is refused by name', () => {
		expect(() => concurrencySetting(node, { concurrency: 'fast' }, 16)).toThrow(
			'The option "Concurrency" must be "auto" or "fixed"; it is "fast"',
		);
	});
});

test('after backing off for latency, Auto grows back one at a time, not by doubling', () => {
	const controller = auto();
	simulate(controller, fastClean, 6);
	simulate(controller, () => ({ latencyMs: 600 }), 1);
	const backedOff = controller.limit;
	// Back to the fast server: the start-up doubling is over, so one more per round trip.
	const limits = simulate(controller, fastClean, 3);
	expect(limits[0]).toBe(backedOff);
	expect(limits[1] - limits[0]).toBe(1);
	expect(limits[2] - limits[1]).toBe(1);
});

test('a round slower than 3 × the lowest shrinks the limit in proportion to how much slower', () => {
	/** @param {AdaptiveConcurrency} controller @param {number} ms @param {number} count */
	const round = (controller, ms, count) => {
		for (let i = 0; i < count; i++) controller.onAnswer({ latencyMs: ms, status: 200 });
	};
	for (const [slower, expected] of [
		[6, 4],
		[4.5, 5],
		[12, 2],
	]) {
		const controller = new AdaptiveConcurrency(64, () => 0);
		round(controller, 100, 4);
		expect(controller.limit).toBe(8);
		round(controller, 100 * slower, 8);
		// 8 × 3 / slower, whole requests only.
		expect([slower, controller.limit]).toEqual([slower, expected]);
		expect(controller.changes.at(-1)?.reason).toBe('latency');
	}
});
