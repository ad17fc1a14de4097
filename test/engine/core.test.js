// @ts-check
const http = require('node:http');
const { useFakeProvider } = require('../helpers/fakeProvider');
const { listenLocal } = require('../helpers/listen');
const { id } = require('./sandboxRun');

// The core through n8n's engine, over Fakepay (test/helpers/fakeProvider.js): a provider that
// exists only in the test registry, so these tests hold for any provider built on the core.
const ctx = useFakeProvider();
const session = (index) => `fp_open_${index}`;

describe('the shared item loop, through the engine', () => {
	test('100 items give 100 output items in input order, each paired with its input', async () => {
		const items = Array.from({ length: 100 }, (_, index) => ({
			session: session(index),
			n: index,
		}));
		const { output, error } = await ctx.run(
			{
				checkoutSessionId: id('={{ $json.session }}'),
				updateFields: { returnUrl: '={{ "https://shop.example/ok/" + $json.n }}' },
			},
			items,
		);
		expect(error).toBeUndefined();
		expect(output).toHaveLength(100);
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.id).toBe(session(index));
			expect(item.json.returnUrl).toBe(`https://shop.example/ok/${index}`);
		});
		expect(ctx.requests()).toHaveLength(100);
	});

	test('never more requests in flight than "Max Concurrent Requests"', async () => {
		ctx.server.latencyMs = 15;
		const items = Array.from({ length: 40 }, (_, index) => ({ session: session(index) }));
		const { error } = await ctx.run(
			{
				checkoutSessionId: id('={{ $json.session }}'),
				updateFields: { note: 'bulk' },
				options: { maxConcurrentRequests: 3 },
			},
			items,
		);
		expect(error).toBeUndefined();
		expect(ctx.server.maxInFlight).toBe(3);
	});

	test('Auto (the default) learns from the answers: after its first round of fast answers it allows more than it started with', async () => {
		const { AUTO_START } = require('../../nodes/shared/concurrency');
		ctx.server.latencyMs = 15;
		const items = Array.from({ length: 40 }, (_, index) => ({ session: session(index) }));
		const { error } = await ctx.run(
			{ checkoutSessionId: id('={{ $json.session }}'), updateFields: { note: 'bulk' } },
			items,
		);
		expect(error).toBeUndefined();
		// The first round's median is the lowest seen, so Auto doubles whatever the machine's speed.
		expect(ctx.server.maxInFlight).toBeGreaterThan(AUTO_START);
	});

	test('with "Continue On Fail" each failed item becomes { error, httpCode, code, sessionId } and the others go on', async () => {
		const items = [
			{ session: session(0), note: 'note-0' },
			{ session: 'fp_unknown', note: 'note-1' },
			{ session: session(2), note: 'x' },
			{ session: session(3), note: 'note-3' },
		];
		const { output, error } = await ctx.run(
			{
				checkoutSessionId: id('={{ $json.session }}'),
				updateFields: { note: '={{ $json.note }}' },
			},
			items,
			{ onError: 'continueRegularOutput' },
		);
		expect(error).toBeUndefined();
		expect(output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(output[0].json).toEqual({ id: session(0), note: 'note-0' });
		// The status is a number, the session is named, and no field is ever null.
		expect(output[1].json).toEqual({
			error: expect.stringMatching(/^\[item 1\] Fakepay answered 404 NOT_FOUND/),
			httpCode: 404,
			code: 'NOT_FOUND',
			sessionId: 'fp_unknown',
		});
		expect(output[2].json).toEqual({
			error: '[item 2] Note (note): must be at least 3 characters',
			code: 'INVALID_INPUT',
		});
		expect(output[3].json).toEqual({ id: session(3), note: 'note-3' });
		expect(ctx.requests()).toHaveLength(3);
	});

	test('with "Continue (using error output)" failed items go to the error branch, the rest to the success branch', async () => {
		const { outputs, error } = await ctx.run(
			{ checkoutSessionId: id('={{ $json.session }}'), updateFields: { note: 'paid' } },
			[{ session: session(0) }, { session: 'fp_unknown' }, { session: 'not-an-id' }],
			{ onError: 'continueErrorOutput' },
		);
		expect(error).toBeUndefined();
		const [success, failed] = outputs;
		expect(success.map((item) => item.json.id)).toEqual([session(0)]);
		// n8n merges the input item's fields into each item of the error output.
		expect(failed.map((item) => [item.pairedItem, item.json.session, item.json.details])).toEqual([
			[{ item: 1 }, 'fp_unknown', { httpCode: 404, code: 'NOT_FOUND', sessionId: 'fp_unknown' }],
			[{ item: 2 }, 'not-an-id', { code: 'INVALID_INPUT' }],
		]);
		expect(failed[1].json.error).toBe(
			'[item 2] Checkout Session (checkoutSessionId): must be a session ID starting with fp_',
		);
	});

	test('an update with nothing to change is refused with a clear message', async () => {
		const { error } = await ctx.run({ checkoutSessionId: id(session(0)), updateFields: {} });
		expect(error.message).toBe(
			'[item 0] Update Fields (updateFields): nothing to update: add at least one field to change',
		);
		expect(ctx.requests()).toEqual([]);
	});

	test('empty values from expressions leave fields unchanged instead of sending blanks', async () => {
		const { error } = await ctx.run(
			{
				checkoutSessionId: id(session(0)),
				updateFields: { returnUrl: '={{ $json.url }}', note: '={{ $json.missing }}' },
			},
			[{ url: 'https://shop.example/ok' }],
		);
		expect(error).toBeUndefined();
		expect(ctx.requests()[0].body).toEqual({ returnUrl: 'https://shop.example/ok' });
	});

	test('a base URL override that is not http(s) is refused before any request', async () => {
		const { error } = await ctx.run(
			{ checkoutSessionId: id(session(0)), updateFields: { note: 'paid' } },
			[{}],
			{
				credentials: { baseUrl: 'file:///etc/passwd' },
			},
		);
		expect(error.message).toBe(
			"The credential's base URL must be a URL starting with http:// or https://",
		);
		expect(ctx.requests()).toEqual([]);
	});

	test('a refused key fails the item with the status, and the key is in no output', async () => {
		const { output, error } = await ctx.run(
			{ checkoutSessionId: id(session(0)), updateFields: { note: 'paid' } },
			[{}],
			{
				credentials: { apiKey: 'fakepay_wrong_key_0002' },
				onError: 'continueRegularOutput',
			},
		);
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ httpCode: 401 });
		expect(JSON.stringify(output)).not.toContain('fakepay_wrong_key_0002');
	});
});

test('a redirect is not followed, so the key is never sent to another address', async () => {
	const seen = [];
	const elsewhere = http.createServer((req, res) => {
		seen.push(req.headers['x-api-key']);
		res.end('{}');
	});
	const elsewherePort = await listenLocal(elsewhere);
	const redirecting = http.createServer((req, res) => {
		res.writeHead(307, { location: `http://127.0.0.1:${elsewherePort}${req.url}` });
		res.end();
	});
	const redirectingPort = await listenLocal(redirecting);
	try {
		const { error } = await ctx.run(
			{ checkoutSessionId: id(session(0)), updateFields: { note: 'paid' } },
			[{}],
			{
				credentials: { baseUrl: `http://127.0.0.1:${redirectingPort}/v1` },
			},
		);
		expect(error.message).toMatch(/^\[item 0\] Fakepay answered 307/);
		expect(seen).toEqual([]);
	} finally {
		redirecting.close();
		elsewhere.close();
	}
});
