// @ts-check
const { Pacer } = require('../../nodes/shared/pacing');

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
