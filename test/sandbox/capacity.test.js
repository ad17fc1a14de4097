// @ts-check
'use strict';

const axios = require('axios').default;
const { SEEDED, SANDBOX_KEYS } = require('../../sandbox');
const { Capacity } = require('../../sandbox/lib/capacity');
const { listeningUrl, runCli, useSandbox } = require('./helpers');

const UPAG_OPEN = SEEDED.upag.updatable[0];

describe('capacity model (unit, no timing)', () => {
	test('works on N at once, queues the rest first in first out, and refuses past the queue', async () => {
		const capacity = new Capacity({ concurrent: 2, queue: 2, overflow: 503 });
		const order = [];
		const entered = [1, 2, 3, 4, 5].map((n) =>
			capacity.enter().then((leave) => (order.push(n), leave)),
		);
		const [first, second, , , refused] = /** @type {[() => void, () => void, void, void, null]} */ (
			await Promise.all([entered[0], entered[1], Promise.resolve(), Promise.resolve(), entered[4]])
		);
		expect(refused).toBeNull();
		expect(order).toEqual([1, 2, 5]);
		expect(capacity.waiting).toHaveLength(2);

		first();
		first(); // a second leave of the same request frees nothing more
		const third = /** @type {() => void} */ (await entered[2]);
		expect(order).toEqual([1, 2, 5, 3]);
		expect(capacity.working).toBe(2);
		second();
		third();
		const fourth = /** @type {() => void} */ (await entered[3]);
		fourth();
		expect(capacity.working).toBe(0);
		expect(capacity.waiting).toHaveLength(0);
	});

	test('refuses bad settings', () => {
		expect(() => new Capacity({ concurrent: 0 })).toThrow('capacity.concurrent');
		expect(() => new Capacity({ concurrent: 2, queue: -1 })).toThrow('capacity.queue');
		expect(() => new Capacity({ concurrent: 2, overflow: 500 })).toThrow('capacity.overflow');
	});
});

describe('capacity model in the sandbox', () => {
	const ctx = useSandbox();
	const put = () =>
		ctx.api('upag').put(`/checkout-sessions/${UPAG_OPEN}`, { cancelUrl: 'https://shop.test/c' });

	test('capacity 2, queue 1: of 5 requests at once, 3 are answered and 2 refused with 503 in the provider shape', async () => {
		ctx.sandbox.configure({
			latencyMs: 100,
			capacity: { concurrent: 2, queue: 1 },
			timelineMs: 50,
		});
		const answers = await Promise.all(Array.from({ length: 5 }, put));
		const statuses = answers.map((res) => res.status).sort();
		expect(statuses).toEqual([200, 200, 200, 503, 503]);
		expect(answers.find((res) => res.status === 503).data).toEqual({
			message: 'Service unavailable',
		});
		// Two worked on and one waiting stay in flight until the first answers (refusals may go sooner).
		expect(ctx.sandbox.stats.maxInFlight).toBeGreaterThanOrEqual(3);
		// The timeline saw the same most in flight, five answers with their latency, and two refusals.
		const slices = ctx.sandbox.timeline;
		expect(Math.max(...slices.map((slice) => slice.inFlight))).toBe(ctx.sandbox.stats.maxInFlight);
		expect(slices.reduce((sum, slice) => sum + slice.latencyTotalMs, 0)).toBeGreaterThan(0);
		expect(slices.reduce((sum, slice) => sum + slice.answers, 0)).toBe(5);
		expect(slices.reduce((sum, slice) => sum + slice.refused, 0)).toBe(2);
	});

	test('the queued request is answered after the first two (its latency includes the wait)', async () => {
		ctx.sandbox.configure({ latencyMs: 60, capacity: { concurrent: 2 } });
		const answered = [];
		await Promise.all(
			[0, 1, 2].map((n) =>
				ctx
					.api('upag')
					.put(`/checkout-sessions/${UPAG_OPEN}`, { cancelUrl: `https://shop.test/${n}` })
					.then(() => answered.push(n)),
			),
		);
		expect(answered.indexOf(2)).toBe(2);
		expect(ctx.sandbox.session('upag', UPAG_OPEN).cancelUrl).toBe('https://shop.test/2');
	});

	test('overflow 429 carries Retry-After and counts as throttled', async () => {
		ctx.sandbox.configure({ latencyMs: 100, capacity: { concurrent: 1, queue: 0, overflow: 429 } });
		const answers = await Promise.all([put(), put()]);
		const refused = answers.find((res) => res.status === 429);
		expect(refused.headers['retry-after']).toBe('1');
		expect(ctx.sandbox.stats.throttled).toBe(1);
	});

	test('reset() turns the capacity model and the timeline off', async () => {
		ctx.sandbox.configure({ capacity: { concurrent: 1, queue: 0 }, timelineMs: 10 });
		ctx.sandbox.reset();
		const answers = await Promise.all([put(), put(), put()]);
		expect(answers.map((res) => res.status)).toEqual([200, 200, 200]);
		expect(ctx.sandbox.timeline).toEqual([]);
	});

	test('configure() refuses unknown capacity settings', () => {
		expect(() => ctx.sandbox.configure({ capacity: { concurrent: 1.5 } })).toThrow(
			'capacity.concurrent',
		);
		expect(() => ctx.sandbox.configure({ timelineMs: -1 })).toThrow('timelineMs');
	});
});

describe('capacity flags of the CLI', () => {
	test('--capacity 1 --queue 0 --over-capacity 503: a second request at once is refused', async () => {
		const cli = runCli(
			'--port 0 --latency-ms 100 --capacity 1 --queue 0 --over-capacity 503'.split(' '),
		);
		const out = await cli.printed('Ctrl-C');
		try {
			expect(out).toContain('capacity 1 at once (queue 0, then 503)');
			const url = listeningUrl(out);
			const headers = { Authorization: `Bearer ${SANDBOX_KEYS.upag.token}` };
			const get = () =>
				axios.get(`${url}/upag/v1/checkout-sessions/cs_open_1`, {
					headers,
					validateStatus: () => true,
				});
			const statuses = (await Promise.all([get(), get()])).map((res) => res.status).sort();
			expect(statuses).toEqual([200, 503]);
		} finally {
			cli.child.kill('SIGTERM');
		}
	});

	test('--queue without --capacity is refused', async () => {
		const { code, stderr } = await runCli(['--port', '0', '--queue', '4']).exited;
		expect(code).toBe(1);
		expect(stderr).toBe('sandbox: --queue and --over-capacity need --capacity\n');
	});
});
