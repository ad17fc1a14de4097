// @ts-check
const { bulkSessionId } = require('../../sandbox');
const { AUTO_CEILING, AUTO_START } = require('../../nodes/shared/concurrency');
const { useSandboxEngine, id } = require('./sandboxRun');

const ctx = useSandboxEngine();

const update = (options) => ({
	checkoutSessionId: id('={{ $json.session }}'),
	updateFields: { successUrl: '={{ "https://shop.example/ok/" + $json.n }}' },
	...(options ? { options } : {}),
});
const items = (count) =>
	Array.from({ length: count }, (_, n) => ({ session: bulkSessionId('upag', n), n }));

/** Every item answered, in order, with its own session and value. */
function expectAllUpdated(output, count) {
	expect(output).toHaveLength(count);
	output.forEach((item, n) => {
		expect(item.json.error).toBeUndefined();
		expect(item.json.id).toBe(bulkSessionId('upag', n));
		expect(item.json.successUrl).toBe(`https://shop.example/ok/${n}`);
	});
}

describe('Auto concurrency (the default), through the engine against the sandbox', () => {
	test(`starts with ${AUTO_START} in flight (a fixed 16 used to open with 16)`, async () => {
		ctx.sandbox.configure({ latencyMs: 300 });
		const { error } = await ctx.run('upag', update(), items(40));
		expect(error).toBeUndefined();
		// Nothing more is sent before the first answers, which take 300 ms; 150 ms is a wide margin.
		const first = ctx.requests()[0].at;
		expect(ctx.requests().filter((request) => request.at < first + 150)).toHaveLength(AUTO_START);
	});

	test(`grows past its start (${AUTO_START}) on a server that keeps up`, async () => {
		ctx.sandbox.configure({ latencyMs: 30 });
		const { output, error } = await ctx.run('upag', update(), items(300), {
			onError: 'continueRegularOutput',
		});
		expect(error).toBeUndefined();
		expectAllUpdated(output, 300);
		expect(ctx.sandbox.stats.maxInFlight).toBeGreaterThan(AUTO_START);
		expect(ctx.sandbox.stats.maxInFlight).toBeLessThanOrEqual(AUTO_CEILING);
	});

	test(`a saturated server (8 at once, 503 past 8 waiting): no item fails, and the sandbox never sees more than the ceiling (${AUTO_CEILING})`, async () => {
		ctx.sandbox.configure({ latencyMs: 20, capacity: { concurrent: 8, queue: 8, overflow: 503 } });
		const { output, error } = await ctx.run('upag', update(), items(600), {
			onError: 'continueRegularOutput',
		});
		expect(error).toBeUndefined();
		expectAllUpdated(output, 600);
		expect(ctx.sandbox.stats.maxInFlight).toBeLessThanOrEqual(AUTO_CEILING);
		// Exactly one applied update per item; the 503s were refused before the provider saw them.
		expect(ctx.sandbox.stats.byStatus[200]).toBe(600);
	});

	test('the same through 429s from the capacity model: Retry-After and the pacer keep working with Auto', async () => {
		ctx.sandbox.configure({ latencyMs: 20, capacity: { concurrent: 4, queue: 4, overflow: 429 } });
		const { output, error } = await ctx.run('upag', update(), items(200), {
			onError: 'continueRegularOutput',
		});
		expect(error).toBeUndefined();
		expectAllUpdated(output, 200);
		expect(ctx.sandbox.stats.maxInFlight).toBeLessThanOrEqual(AUTO_CEILING);
	}, 60_000);

	test('Auto with "Max Concurrent Requests" set never goes above it', async () => {
		ctx.sandbox.configure({ latencyMs: 30 });
		const { output, error } = await ctx.run(
			'upag',
			update({ concurrency: 'auto', maxConcurrentRequests: 6 }),
			items(200),
		);
		expect(error).toBeUndefined();
		expectAllUpdated(output, 200);
		expect(ctx.sandbox.stats.maxInFlight).toBeLessThanOrEqual(6);
	});

	test('Fixed keeps exactly its number in flight', async () => {
		ctx.sandbox.configure({ latencyMs: 30 });
		const { output, error } = await ctx.run(
			'upag',
			update({ concurrency: 'fixed', maxConcurrentRequests: 5 }),
			items(100),
		);
		expect(error).toBeUndefined();
		expectAllUpdated(output, 100);
		expect(ctx.sandbox.stats.maxInFlight).toBe(5);
	});

	test('an unknown Concurrency value is refused by name before anything is sent', async () => {
		const { error } = await ctx.run('upag', update({ concurrency: '={{ "turbo" }}' }), items(2));
		expect(error.message).toMatch(/^The option "Concurrency" must be "auto" or "fixed"/);
		expect(ctx.requests()).toEqual([]);
	});
});
