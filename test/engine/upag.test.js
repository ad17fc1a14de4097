// @ts-check
const { SANDBOX_KEYS, SEEDED } = require('../../sandbox');
const { useSandboxEngine, id } = require('./sandboxRun');

const ctx = useSandboxEngine();
const [OPEN] = SEEDED.upag.updatable;

describe('Upag node in the engine, against the sandbox', () => {
	test('updates an open session: documented method, path, Bearer header and body; output is the session', async () => {
		const { output, error } = await ctx.run('upag', {
			checkoutSessionId: id(OPEN),
			updateFields: {
				customerId: 'cus_ahwDXrgYvur89iPs',
				items: { item: [{ priceId: 'price_def456ghi', quantity: 2 }] },
				paymentMethods: ['credit_card', 'pix'],
				successUrl: 'https://shop.example/ok',
			},
		});
		expect(error).toBeUndefined();
		const [request] = ctx.requests();
		expect(request).toMatchObject({
			provider: 'upag',
			method: 'PUT',
			path: `/checkout-sessions/${OPEN}`,
		});
		expect(request.headers.authorization).toBe(`Bearer ${SANDBOX_KEYS.upag.token}`);
		expect(request.body).toEqual({
			customerId: 'cus_ahwDXrgYvur89iPs',
			items: [{ priceId: 'price_def456ghi', quantity: 2 }],
			paymentMethods: ['credit_card', 'pix'],
			successUrl: 'https://shop.example/ok',
		});
		expect(output).toHaveLength(1);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(output[0].json).toMatchObject({
			id: OPEN,
			status: 'open',
			customerId: 'cus_ahwDXrgYvur89iPs',
			successUrl: 'https://shop.example/ok',
		});
	});

	test('every field takes expressions over the incoming item, and the checkout URL works as the id', async () => {
		const { output, error } = await ctx.run(
			'upag',
			{
				checkoutSessionId: id('={{ $json.checkoutUrl }}'),
				updateFields: {
					cancelUrl: '={{ $json.shop }}/cart',
					paymentMethods: '={{ $json.methods }}',
				},
			},
			[
				{
					checkoutUrl: `https://checkout.upag.io/${OPEN}`,
					shop: 'https://shop.example',
					methods: ['pix'],
				},
			],
		);
		expect(error).toBeUndefined();
		expect(ctx.requests()[0].path).toBe(`/checkout-sessions/${OPEN}`);
		expect(ctx.requests()[0].body).toEqual({
			cancelUrl: 'https://shop.example/cart',
			paymentMethods: ['pix'],
		});
		expect(output[0].json.cancelUrl).toBe('https://shop.example/cart');
	});

	test('a session that is not open is refused with the provider status and message', async () => {
		const refusing = SEEDED.upag.refusing[0];
		const { output, error } = await ctx.run('upag', {
			checkoutSessionId: id(refusing.id),
			updateFields: { successUrl: 'https://shop.example/ok' },
		});
		expect(output).toEqual([]);
		expect(error.message).toMatch(new RegExp(`^\\[item 0\\] Upag answered ${refusing.status}`));
		expect(error.httpCode).toBe(String(refusing.status));
	});

	test('an unknown session gives a 404 error', async () => {
		const { error } = await ctx.run('upag', {
			checkoutSessionId: id(SEEDED.upag.unknown),
			updateFields: { successUrl: 'https://shop.example/ok' },
		});
		expect(error.message).toMatch(/^\[item 0\] Upag answered 404/);
		expect(error.httpCode).toBe('404');
	});

	test('a bad token gives 401, and the token appears nowhere in the error', async () => {
		const token = 'upag_wrong_token_for_test_123';
		const error = await ctx.refusedKey(
			'upag',
			{ checkoutSessionId: id(OPEN), updateFields: { successUrl: 'https://shop.example/ok' } },
			{ token },
		);
		expect(error.message).toMatch(/^\[item 0\] Upag answered 401/);
	});

	test('bad input is refused before anything is sent, naming item and field', async () => {
		const { error } = await ctx.run(
			'upag',
			{
				checkoutSessionId: id(OPEN),
				updateFields: { items: { item: [{ priceId: 'price_1', quantity: '={{ $json.qty }}' }] } },
			},
			[{ qty: 1 }, { qty: 0 }],
		);
		expect(error.message).toBe('[item 1] Items › Quantity (items[0].quantity): must be 1 or more');
		// Items run concurrently, so item 0 may have been sent; item 1 never is.
		expect(ctx.requests().filter((request) => request.body?.items?.[0]?.quantity === 0)).toEqual(
			[],
		);
	});
});

test('a malformed %-escape in an Upag checkout URL names the item and the field', async () => {
	const { error } = await ctx.run('upag', {
		checkoutSessionId: id('={{ "https://checkout.upag.io/cs_%E0%A4%A" }}'),
		updateFields: { paymentMethods: ['pix'] },
	});
	expect(error.message).toBe(
		'[item 0] Checkout Session (checkoutSessionId): is a checkout URL whose session ID has a malformed %-escape ("cs_%E0%A4%A")',
	);
	expect(ctx.requests()).toEqual([]);
});

test('an item quantity beyond the safe integers is refused instead of sent rounded', async () => {
	const { error } = await ctx.run('upag', {
		checkoutSessionId: id(SEEDED.upag.updatable[0]),
		updateFields: { items: { item: [{ priceId: 'price_1', quantity: '={{ 2 ** 53 + 1 }}' }] } },
	});
	expect(error.message).toBe(
		'[item 0] Items › Quantity (items[0].quantity): must be 9007199254740991 or less',
	);
	expect(ctx.requests()).toEqual([]);
});
