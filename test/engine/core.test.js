const { SEEDED, bulkSessionId } = require('../../sandbox');
const { useSandboxEngine, id } = require('./sandboxRun');

const ctx = useSandboxEngine();

describe('the shared item loop, through the engine', () => {
	test('100 items give 100 output items in input order, each paired with its input', async () => {
		const items = Array.from({ length: 100 }, (_, index) => ({ session: bulkSessionId('upag', index), n: index }));
		const { output, error } = await ctx.run(
			'upag',
			{ checkoutSessionId: id('={{ $json.session }}'), updateFields: { successUrl: '={{ "https://shop.example/ok/" + $json.n }}' } },
			items,
		);
		expect(error).toBeUndefined();
		expect(output).toHaveLength(100);
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.id).toBe(bulkSessionId('upag', index));
			expect(item.json.successUrl).toBe(`https://shop.example/ok/${index}`);
		});
		expect(ctx.requests()).toHaveLength(100);
	});

	test('never more requests in flight than "Max Concurrent Requests"', async () => {
		ctx.sandbox.configure({ latencyMs: 15 });
		try {
			const items = Array.from({ length: 40 }, (_, index) => ({ session: bulkSessionId('upag', index) }));
			const { error } = await ctx.run(
				'upag',
				{ checkoutSessionId: id('={{ $json.session }}'), updateFields: { paymentMethods: ['pix'] }, options: { maxConcurrentRequests: 3 } },
				items,
			);
			expect(error).toBeUndefined();
			expect(ctx.sandbox.stats.maxInFlight).toBe(3);
		} finally {
			ctx.sandbox.configure({ latencyMs: 0 });
		}
	});

	test('with "Continue On Fail" each failed item becomes { error, httpCode, code, sessionId } and the others go on', async () => {
		const [open] = SEEDED.yuno.updatable;
		const items = [
			{ session: open, order: 'order-001' },
			{ session: SEEDED.yuno.unknown, order: 'order-002' },
			{ session: open, order: 'x' },
			{ session: open, order: 'order-004' },
		];
		const { output, error } = await ctx.run(
			'yuno',
			{
				checkoutSessionId: id('={{ $json.session }}'),
				updateFields: { merchantOrderId: '={{ $json.order }}', paymentDescription: 'Bulk update', country: 'BR' },
			},
			items,
			{ onError: 'continueRegularOutput' },
		);
		expect(error).toBeUndefined();
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(output[0].json.merchant_order_id).toBe('order-001');
		// The status is a number, the session is named, and no field is ever null.
		expect(output[1].json).toEqual({
			error: expect.stringMatching(/^\[item 1\] Yuno answered 400 CHECKOUT_SESSION_NOT_FOUND/),
			httpCode: 400,
			code: 'CHECKOUT_SESSION_NOT_FOUND',
			sessionId: SEEDED.yuno.unknown,
		});
		expect(output[2].json).toEqual({
			error: '[item 2] Merchant Order ID (merchantOrderId): must be at least 3 characters',
			code: 'INVALID_INPUT',
		});
		expect(output[3].json.merchant_order_id).toBe('order-004');
		expect(ctx.requests()).toHaveLength(3);
	});

	test('with "Continue (using error output)" failed items go to the error branch, the rest to the success branch', async () => {
		const [open] = SEEDED.upag.updatable;
		const { outputs, error } = await ctx.run(
			'upag',
			{ checkoutSessionId: id('={{ $json.session }}'), updateFields: { paymentMethods: ['pix'] } },
			[{ session: open }, { session: SEEDED.upag.unknown }, { session: 'not-an-id' }],
			{ onError: 'continueErrorOutput' },
		);
		expect(error).toBeUndefined();
		const [success, failed] = outputs;
		expect(success.map((item) => item.json.id)).toEqual([open]);
		// n8n merges the input item's fields into each item of the error output.
		expect(failed.map((item) => [item.pairedItem, item.json.session, item.json.details])).toEqual([
			[{ item: 1 }, SEEDED.upag.unknown, { httpCode: 404, sessionId: SEEDED.upag.unknown }],
			[{ item: 2 }, 'not-an-id', { code: 'INVALID_INPUT' }],
		]);
		expect(failed[1].json.error).toBe('[item 2] Checkout Session (checkoutSessionId): must be a session ID starting with cs_');
	});

	test('an update with nothing to change is refused with a clear message', async () => {
		const { error } = await ctx.run('upag', { checkoutSessionId: id(SEEDED.upag.updatable[0]), updateFields: {} });
		expect(error.message).toBe('[item 0] Update Fields (updateFields): nothing to update: add at least one field to change');
		expect(ctx.requests()).toEqual([]);
	});

	test('empty values from expressions leave fields unchanged instead of sending blanks', async () => {
		const { error } = await ctx.run(
			'upag',
			{ checkoutSessionId: id(SEEDED.upag.updatable[0]), updateFields: { successUrl: '={{ $json.url }}', cancelUrl: '={{ $json.missing }}' } },
			[{ url: 'https://shop.example/ok' }],
		);
		expect(error).toBeUndefined();
		expect(ctx.requests()[0].body).toEqual({ successUrl: 'https://shop.example/ok' });
	});

	test('a base URL override that is not http(s) is refused before any request', async () => {
		const { error } = await ctx.run(
			'upag',
			{ checkoutSessionId: id(SEEDED.upag.updatable[0]), updateFields: { paymentMethods: ['pix'] } },
			[{}],
			{ credentials: { baseUrl: 'file:///etc/passwd' } },
		);
		expect(error.message).toBe("The credential's base URL must be a URL starting with http:// or https://");
		expect(ctx.requests()).toEqual([]);
	});
});

test('a redirect is not followed, so the key is never sent to another address', async () => {
	const http = require('node:http');
	const seen = [];
	const elsewhere = http.createServer((req, res) => {
		seen.push(req.headers.authorization);
		res.end('{}');
	});
	await new Promise((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
	const redirecting = http.createServer((req, res) => {
		res.writeHead(307, { location: `http://127.0.0.1:${elsewhere.address().port}${req.url}` });
		res.end();
	});
	await new Promise((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
	try {
		const { error } = await ctx.run(
			'upag',
			{ checkoutSessionId: id('cs_open_1'), updateFields: { paymentMethods: ['pix'] } },
			[{}],
			{ credentials: { baseUrl: `http://127.0.0.1:${redirecting.address().port}/v1` } },
		);
		expect(error.message).toMatch(/^\[item 0\] Upag answered 307/);
		expect(seen).toEqual([]);
	} finally {
		redirecting.close();
		elsewhere.close();
	}
});
