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

/**
 * Updates `count` bulk sessions with the given run options on a sandbox configured with
 * `sandbox`; checks that every item was updated and gives the sandbox's statistics.
 * @param {number} count
 * @param {{ sandbox: object, options?: object, onError?: string }} run
 */
async function updateAll(count, { sandbox, options, onError }) {
	ctx.sandbox.configure(sandbox);
	const { output, error } = await ctx.run('upag', update(options), items(count), { onError });
	expect(error).toBeUndefined();
	expectAllUpdated(output, count);
	return ctx.sandbox.stats;
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
		const stats = await updateAll(300, {
			sandbox: { latencyMs: 30 },
			onError: 'continueRegularOutput',
		});
		expect(stats.maxInFlight).toBeGreaterThan(AUTO_START);
		expect(stats.maxInFlight).toBeLessThanOrEqual(AUTO_CEILING);
	});

	test(`a saturated server (8 at once, 503 past 8 waiting): no item fails, and the sandbox never sees more than the ceiling (${AUTO_CEILING})`, async () => {
		const stats = await updateAll(600, {
			sandbox: { latencyMs: 20, capacity: { concurrent: 8, queue: 8, overflow: 503 } },
			onError: 'continueRegularOutput',
		});
		expect(stats.maxInFlight).toBeLessThanOrEqual(AUTO_CEILING);
		// Exactly one applied update per item; the 503s were refused before the provider saw them.
		expect(stats.byStatus[200]).toBe(600);
	});

	test('the same through 429s from the capacity model: Retry-After and the pacer keep working with Auto', async () => {
		const stats = await updateAll(200, {
			sandbox: { latencyMs: 20, capacity: { concurrent: 4, queue: 4, overflow: 429 } },
			onError: 'continueRegularOutput',
		});
		expect(stats.maxInFlight).toBeLessThanOrEqual(AUTO_CEILING);
	}, 60_000);

	test('Auto with "Max Concurrent Requests" set never goes above it', async () => {
		const stats = await updateAll(200, {
			sandbox: { latencyMs: 30 },
			options: { concurrency: 'auto', maxConcurrentRequests: 6 },
		});
		expect(stats.maxInFlight).toBeLessThanOrEqual(6);
	});

	test('Fixed keeps exactly its number in flight', async () => {
		const stats = await updateAll(100, {
			sandbox: { latencyMs: 30 },
			options: { concurrency: 'fixed', maxConcurrentRequests: 5 },
		});
		expect(stats.maxInFlight).toBe(5);
	});

	test('an unknown Concurrency value is refused by name before anything is sent', async () => {
		const { error } = await ctx.run('upag', update({ concurrency: '={{ "turbo" }}' }), items(2));
		expect(error.message).toMatch(/^The option "Concurrency" must be "auto" or "fixed"/);
		expect(ctx.requests()).toEqual([]);
	});
});
