const axios = require('axios');
const { SANDBOX_KEYS, SEEDED } = require('../../sandbox');
const { useSandboxEngine, id } = require('./sandboxRun');

const ctx = useSandboxEngine();
const [OPEN] = SEEDED.yuno.updatable;

describe('Yuno node in the engine, against the sandbox', () => {
	test('a one-field change reads the session, then PATCHes with the required fields and both key headers', async () => {
		const before = (
			await axios.get(`${ctx.sandbox.baseUrls.yuno}/checkout/sessions/${OPEN}`, {
				headers: { 'public-api-key': SANDBOX_KEYS.yuno.publicApiKey, 'private-secret-key': SANDBOX_KEYS.yuno.privateSecretKey },
			})
		).data;
		ctx.sandbox.reset();
		const { output, error } = await ctx.run('yuno', {
			checkoutSessionId: id(OPEN),
			updateFields: { callbackUrl: 'https://shop.example/return' },
		});
		expect(error).toBeUndefined();
		const [get, patch] = ctx.requests();
		expect(get).toMatchObject({ method: 'GET', path: `/checkout/sessions/${OPEN}` });
		expect(patch).toMatchObject({ method: 'PATCH', path: `/checkout/sessions/${OPEN}` });
		expect(patch.headers['public-api-key']).toBe(SANDBOX_KEYS.yuno.publicApiKey);
		expect(patch.headers['private-secret-key']).toBe(SANDBOX_KEYS.yuno.privateSecretKey);
		expect(patch.body).toEqual({
			callback_url: 'https://shop.example/return',
			account_id: SANDBOX_KEYS.yuno.accountId,
			merchant_order_id: before.merchant_order_id,
			payment_description: before.payment_description,
			country: before.country,
		});
		expect(output[0].json).toMatchObject({ checkout_session: OPEN, callback_url: 'https://shop.example/return' });
	});

	test('with all required fields given, no GET is made', async () => {
		const { error } = await ctx.run('yuno', {
			checkoutSessionId: id(OPEN),
			installments: 'plan',
			installmentsPlan: { installment: [{ installment: 3, rate: 1.2 }] },
			updateFields: {
				merchantOrderId: 'order-0001',
				paymentDescription: 'Two T-shirts',
				country: 'MX',
				amount: { amount: { currency: 'MXN', value: 520.5 } },
				metadata: { pair: [{ key: 'channel', value: 'n8n' }] },
				workflow: 'CHECKOUT',
			},
		});
		expect(error).toBeUndefined();
		expect(ctx.requests().map((request) => request.method)).toEqual(['PATCH']);
		expect(ctx.requests()[0].body).toEqual({
			merchant_order_id: 'order-0001',
			payment_description: 'Two T-shirts',
			country: 'MX',
			account_id: SANDBOX_KEYS.yuno.accountId,
			amount: { currency: 'MXN', value: 520.5 },
			metadata: [{ key: 'channel', value: 'n8n' }],
			workflow: 'CHECKOUT',
			installments: { plan: [{ installment: 3, rate: 1.2 }] },
		});
	});

	test('with "Fill Required Fields From Session" off, a one-field change is refused locally', async () => {
		const { error } = await ctx.run('yuno', {
			checkoutSessionId: id(OPEN),
			updateFields: { workflow: 'CHECKOUT' },
			options: { fillRequiredFields: false },
		});
		expect(error.message).toMatch(/^\[item 0\] merchantOrderId: is required by Yuno/);
		expect(ctx.requests()).toEqual([]);
	});

	test("an expired session gives Yuno's CHECKOUT_SESSION_EXPIRED_TIME", async () => {
		const expired = SEEDED.yuno.refusing[0];
		const { error } = await ctx.run('yuno', {
			checkoutSessionId: id(expired.id),
			updateFields: { merchantOrderId: 'order-1', paymentDescription: 'abc', country: 'BR' },
		});
		expect(error.httpCode).toBe(String(expired.status));
		expect(error.message).toMatch(/^\[item 0\] Yuno answered \d+ CHECKOUT_SESSION_EXPIRED_TIME/);
	});

	test('an unknown session gives 404 CHECKOUT_SESSION_NOT_FOUND (from the GET that fills required fields)', async () => {
		const { error } = await ctx.run('yuno', { checkoutSessionId: id(SEEDED.yuno.unknown), updateFields: { workflow: 'CHECKOUT' } });
		expect(error.message).toMatch(/^\[item 0\] Yuno answered 404 CHECKOUT_SESSION_NOT_FOUND/);
	});

	test('wrong keys give 401 INVALID_CREDENTIALS; a merchant without access gets 403 AUTHORIZATION_REQUIRED', async () => {
		const wrong = await ctx.run('yuno', { checkoutSessionId: id(OPEN), updateFields: { workflow: 'CHECKOUT' } }, [{}], {
			credentials: { privateSecretKey: 'yuno_wrong_secret_for_test' },
		});
		expect(wrong.error.message).toMatch(/^\[item 0\] Yuno answered 401 INVALID_CREDENTIALS/);
		expect(JSON.stringify(wrong.error)).not.toContain('yuno_wrong_secret_for_test');
		const forbidden = await ctx.run('yuno', { checkoutSessionId: id(OPEN), updateFields: { workflow: 'CHECKOUT' } }, [{}], {
			credentials: SANDBOX_KEYS.yuno.forbidden,
		});
		expect(forbidden.error.message).toMatch(/^\[item 0\] Yuno answered 403 AUTHORIZATION_REQUIRED/);
	});
});
