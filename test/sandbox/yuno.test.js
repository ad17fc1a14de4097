// @ts-check
'use strict';

const { SANDBOX_KEYS, SEEDED, bulkSessionId } = require('../../sandbox');
const { AUTH, RAW_JSON, useSandbox } = require('./helpers');

const OPEN = SEEDED.yuno.updatable[0];
const EXPIRED = SEEDED.yuno.refusing[0];
const ACCOUNT = SANDBOX_KEYS.yuno.accountId;
const REQUIRED = {
	merchant_order_id: 'order-new',
	payment_description: 'New description',
	country: 'MX',
	account_id: ACCOUNT,
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const invalid = (...messages) => ({ code: 'INVALID_REQUEST', messages });

describe('Yuno sandbox', () => {
	const ctx = useSandbox();
	const patch = (id, body, headers) =>
		ctx.api('yuno', headers).patch(`/checkout/sessions/${id}`, body);
	const get = (id) => ctx.api('yuno').get(`/checkout/sessions/${id}`);

	test('PATCH with both keys updates and answers the update response shape', async () => {
		const res = await patch(OPEN, { ...REQUIRED, amount: { currency: 'MXN', value: 23.5676 } });
		expect(res.status).toBe(200);
		expect(Object.keys(res.data)).toEqual([
			'merchant_order_id',
			'checkout_session',
			'country',
			'payment_description',
			'customer_id',
			'callback_url',
			'amount',
			'created_at',
			'metadata',
			'workflow',
			'installments',
			'used',
		]);
		expect(res.data).toMatchObject({
			checkout_session: OPEN,
			merchant_order_id: 'order-new',
			payment_description: 'New description',
			country: 'MX',
			amount: { currency: 'MXN', value: 23.5676 },
			installments: { plan_id: null, plan: null },
			used: false,
		});
		expect(res.data.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
		expect(ctx.sandbox.requests[0].headers).toMatchObject({
			'public-api-key': SANDBOX_KEYS.yuno.publicApiKey,
			'private-secret-key': SANDBOX_KEYS.yuno.privateSecretKey,
		});
	});

	test('GET returns the session object with used, checkout_id and created_at', async () => {
		const res = await get(OPEN);
		expect(res.status).toBe(200);
		expect(res.data).toEqual({
			merchant_order_id: 'order-0001',
			checkout_session: OPEN,
			country: 'BR',
			payment_description: 'Sandbox order 1',
			customer_id: null,
			callback_url: null,
			amount: { currency: 'BRL', value: 100 },
			created_at: res.data.created_at,
			metadata: null,
			workflow: 'SDK_CHECKOUT',
			installments: { plan_id: null, plan: null },
			used: false,
			checkout_id: res.data.checkout_id,
		});
		expect(res.data.checkout_id).toMatch(UUID);
		expect(res.data.created_at).toHaveLength(27);
	});

	test('only sent fields change (visible through GET)', async () => {
		const before = (await get(OPEN)).data;
		await patch(OPEN, {
			...REQUIRED,
			callback_url: 'https://shop.test/back',
			workflow: 'CHECKOUT',
		});
		const after = (await get(OPEN)).data;
		expect(after).toEqual({
			...before,
			...REQUIRED,
			account_id: undefined,
			callback_url: 'https://shop.test/back',
			workflow: 'CHECKOUT',
		});
		expect(after).not.toHaveProperty('account_id');
		expect(after.amount).toEqual({ currency: 'BRL', value: 100 });
	});

	test('metadata, installments, customer_id and alternative_amount are stored', async () => {
		const body = {
			...REQUIRED,
			customer_id: '9104911d-5df9-429e-8488-ad41abea1a4b',
			metadata: [{ key: 'ID', value: '123456' }],
			installments: { plan: [{ installment: 3, rate: 1.2 }] },
			alternative_amount: { currency: null, value: 10.5 },
		};
		expect((await patch(OPEN, body)).status).toBe(200);
		const res = await get(OPEN);
		expect(res.data).toMatchObject({
			customer_id: '9104911d-5df9-429e-8488-ad41abea1a4b',
			metadata: [{ key: 'ID', value: '123456' }],
			installments: { plan_id: null, plan: [{ installment: 3, rate: 1.2 }] },
			alternative_amount: { currency: null, value: 10.5 },
		});
	});

	test.each([
		['no keys', {}],
		['a wrong private key', { ...AUTH.yuno, 'private-secret-key': 'nope' }],
		['only the public key', { 'public-api-key': SANDBOX_KEYS.yuno.publicApiKey }],
		[
			'mixed real and forbidden keys',
			{
				'public-api-key': SANDBOX_KEYS.yuno.publicApiKey,
				'private-secret-key': SANDBOX_KEYS.yuno.forbidden.privateSecretKey,
			},
		],
	])('refuses %s with 401 INVALID_CREDENTIALS', async (_, headers) => {
		const res = await patch(OPEN, REQUIRED, headers);
		expect(res.status).toBe(401);
		expect(res.data).toEqual({ code: 'INVALID_CREDENTIALS', messages: ['Invalid credentials'] });
	});

	test('the forbidden key pair gets 403 AUTHORIZATION_REQUIRED', async () => {
		const res = await patch(OPEN, REQUIRED, {
			'public-api-key': SANDBOX_KEYS.yuno.forbidden.publicApiKey,
			'private-secret-key': SANDBOX_KEYS.yuno.forbidden.privateSecretKey,
		});
		expect(res.status).toBe(403);
		expect(res.data).toEqual({
			code: 'AUTHORIZATION_REQUIRED',
			messages: ['The merchant has no authorization to use this API.'],
		});
		expect((await get(OPEN)).data.merchant_order_id).toBe('order-0001');
	});

	const without = (key) => {
		const copy = { ...REQUIRED };
		delete copy[key];
		return copy;
	};
	const s = (n) => 'x'.repeat(n);
	/**
	 * Rows of the table below: a text field of 2 characters (all have at least 3), of max + 1.
	 * @typedef {[string, object, unknown[]]} Row
	 * @type {(field: string) => Row}
	 */
	const tooShort = (field) => [
		`${field} of 2`,
		{ ...REQUIRED, [field]: 'ab' },
		[`${field} must be at least 3 characters`],
	];
	/** @type {(field: string, max: number) => Row} */
	const tooLong = (field, max) => [
		`${field} of ${max + 1}`,
		{ ...REQUIRED, [field]: s(max + 1) },
		[`${field} must be at most ${max} characters`],
	];

	test.each([
		['merchant_order_id missing', without('merchant_order_id'), ['merchant_order_id is required']],
		[
			'payment_description missing',
			without('payment_description'),
			['payment_description is required'],
		],
		['country missing', without('country'), ['country is required']],
		['account_id missing', without('account_id'), ['account_id is required']],
		[
			'an empty body',
			{},
			[
				'merchant_order_id is required',
				'payment_description is required',
				'country is required',
				'account_id is required',
			],
		],
		tooShort('merchant_order_id'),
		tooLong('merchant_order_id', 255),
		tooShort('payment_description'),
		tooLong('payment_description', 255),
		tooShort('callback_url'),
		tooLong('callback_url', 526),
		[
			'an unlisted country',
			{ ...REQUIRED, country: 'ES' },
			[expect.stringMatching(/^country must be one of AR, BO, BR/)],
		],
		[
			'a lower-case country',
			{ ...REQUIRED, country: 'br' },
			[expect.stringMatching(/^country must be one of/)],
		],
		[
			'another account_id',
			{ ...REQUIRED, account_id: '9104911d-5df9-429e-8488-ad41abea1a4b' },
			['account_id does not match the account of these credentials'],
		],
		[
			'customer_id of 35 chars',
			{ ...REQUIRED, customer_id: '9104911d-5df9-429e-8488-ad41abea1a4' },
			['customer_id must match a UUID (36 characters)'],
		],
		[
			'amount without value (as the page example)',
			{ ...REQUIRED, amount: { currency: 'ARS' } },
			['amount.value is required'],
		],
		[
			'amount without currency',
			{ ...REQUIRED, amount: { value: 1 } },
			['amount.currency is required'],
		],
		[
			'amount value not a multiple of 0.0001',
			{ ...REQUIRED, amount: { currency: 'USD', value: 1.00001 } },
			['amount.value must be a multiple of 0.0001'],
		],
		[
			'amount currency of 2 letters',
			{ ...REQUIRED, amount: { currency: 'US', value: 1 } },
			['amount.currency must match three upper-case letters (ISO 4217)'],
		],
		[
			'alternative_amount without value',
			{ ...REQUIRED, alternative_amount: { currency: 'USD' } },
			['alternative_amount.value is required'],
		],
		[
			'121 metadata items',
			{
				...REQUIRED,
				metadata: Array.from({ length: 121 }, (_, i) => ({ key: `k${i}`, value: 'v' })),
			},
			['metadata must have at most 120 items'],
		],
		[
			'a metadata key of 49',
			{ ...REQUIRED, metadata: [{ key: s(49), value: 'v' }] },
			['metadata[0].key must be at most 48 characters'],
		],
		[
			'a metadata value of 513',
			{ ...REQUIRED, metadata: [{ key: 'k', value: s(513) }] },
			['metadata[0].value must be at most 512 characters'],
		],
		[
			'a metadata item without value',
			{ ...REQUIRED, metadata: [{ key: 'k' }] },
			['metadata[0].value is required'],
		],
		[
			'metadata as an object',
			{ ...REQUIRED, metadata: { k: 'v' } },
			['metadata must be an array, got object'],
		],
		[
			'an unknown workflow',
			{ ...REQUIRED, workflow: 'REDIRECT' },
			['workflow must be one of SDK_CHECKOUT, CHECKOUT, SDK_SEAMLESS'],
		],
		[
			'a fractional installment',
			{ ...REQUIRED, installments: { plan: [{ installment: 1.5, rate: 1 }] } },
			['installments.plan[0].installment must be an integer, got number'],
		],
		[
			'an installment without rate',
			{ ...REQUIRED, installments: { plan: [{ installment: 3 }] } },
			['installments.plan[0].rate is required'],
		],
		['an unknown field', { ...REQUIRED, checkout_id: 'x' }, ['checkout_id is not a known field']],
	])('rejects %s with 400 INVALID_REQUEST', async (_, body, messages) => {
		const res = await patch(OPEN, body);
		expect(res.status).toBe(400);
		expect(res.data).toEqual(invalid(...messages));
		expect((await get(OPEN)).data.merchant_order_id).toBe('order-0001');
	});

	test('accepts every limit at its edge', async () => {
		const body = {
			merchant_order_id: s(3),
			payment_description: s(255),
			callback_url: s(526),
			country: 'UY',
			account_id: ACCOUNT,
			amount: { currency: 'UYU', value: 0.0001 },
			metadata: Array.from({ length: 120 }, (_, i) => ({
				key: `${i}`.padEnd(48, 'k'),
				value: s(512),
			})),
		};
		const res = await patch(OPEN, body);
		expect(res.status).toBe(200);
		expect(res.data.metadata).toHaveLength(120);
	});

	test('unknown session: 400 CHECKOUT_SESSION_NOT_FOUND (published under 400) on PATCH and GET', async () => {
		for (const res of [
			await patch(SEEDED.yuno.unknown, REQUIRED),
			await get(SEEDED.yuno.unknown),
		]) {
			expect(res.status).toBe(400);
			expect(res.data).toEqual({
				code: 'CHECKOUT_SESSION_NOT_FOUND',
				messages: ['Checkout session not found or inactive'],
			});
		}
	});

	test('the expired ("inactive") session refuses with 400 CHECKOUT_SESSION_NOT_FOUND and keeps its data', async () => {
		const res = await patch(EXPIRED.id, REQUIRED);
		expect(res.status).toBe(400);
		expect(res.data).toEqual({
			code: 'CHECKOUT_SESSION_NOT_FOUND',
			messages: ['Checkout session not found or inactive'],
		});
		const after = await get(EXPIRED.id);
		expect(after.status).toBe(200);
		expect(after.data.merchant_order_id).toBe('order-0009');
		expect(Date.now() - Date.parse(after.data.created_at)).toBeGreaterThan(5 * 60 * 60 * 1000);
	});

	test('malformed JSON: 400 INVALID_REQUEST', async () => {
		const res = await ctx.api('yuno').patch(`/checkout/sessions/${OPEN}`, '{', RAW_JSON);
		expect(res.status).toBe(400);
		expect(res.data).toEqual(invalid('Malformed JSON in request body'));
	});

	test("undocumented routes (a one-time token's GET) answer a bare 404 (this project's assumption)", async () => {
		const res = await ctx
			.api('yuno')
			.get(`/checkout/sessions/${OPEN}/token`, { responseType: 'text' });
		expect(res.status).toBe(404);
		expect(res.data).toBe('');
		expect(res.headers['content-length']).toBe('0');
	});

	test('payment methods of a session: an array with the documented fields; category filters; unknown or expired sessions refused', async () => {
		const res = await ctx.api('yuno').get(`/checkout/sessions/${OPEN}/payment-methods`);
		expect(res.status).toBe(200);
		expect(Array.isArray(res.data)).toBe(true);
		for (const method of res.data) {
			expect(Object.keys(method).sort()).toEqual(
				[
					'name',
					'vaulted_token',
					'description',
					'type',
					'category',
					'icon',
					'last_successfully_used',
					'last_successfully_used_at',
					'checkout',
					'preferred',
				].sort(),
			);
			expect(method.checkout.session).toBe(OPEN);
		}
		const filtered = await ctx
			.api('yuno')
			.get(`/checkout/sessions/${OPEN}/payment-methods`, { params: { category: 'CARD' } });
		expect(filtered.data.map((method) => method.category)).toEqual(['CARD']);
		const unknown = await ctx
			.api('yuno')
			.get(`/checkout/sessions/${SEEDED.yuno.unknown}/payment-methods`);
		expect(unknown.status).toBe(400);
		expect(unknown.data.code).toBe('CHECKOUT_SESSION_NOT_FOUND');
		const expired = await ctx
			.api('yuno')
			.get(`/checkout/sessions/${SEEDED.yuno.refusing[0].id}/payment-methods`);
		expect(expired.data.code).toBe('CHECKOUT_SESSION_NOT_FOUND');
	});

	test('bulk sessions are deterministic UUIDs that can be updated', async () => {
		const id = bulkSessionId('yuno', 42);
		expect(id).toBe('b0000000-0000-4000-8000-000000000042');
		expect(id).toMatch(UUID);
		expect((await patch(id, REQUIRED)).status).toBe(200);
		expect((await get(id)).data).toMatchObject({
			checkout_session: id,
			merchant_order_id: 'order-new',
		});
	});

	test('create (POST /checkout/sessions) returns a session that GET and PATCH know', async () => {
		const res = await ctx
			.api('yuno')
			.post('/checkout/sessions', { ...REQUIRED, amount: { currency: 'MXN', value: 520 } });
		expect(res.status).toBe(200);
		expect(res.data.checkout_session).toMatch(UUID);
		expect(res.data.checkout_id).toMatch(UUID);
		expect(res.data).not.toHaveProperty('used');
		expect(
			(await patch(res.data.checkout_session, { ...REQUIRED, payment_description: 'Changed' }))
				.status,
		).toBe(200);
		expect((await get(res.data.checkout_session)).data).toMatchObject({
			payment_description: 'Changed',
			amount: { currency: 'MXN', value: 520 },
			used: false,
		});
		const bad = await ctx.api('yuno').post('/checkout/sessions', { country: 'BR' });
		expect(bad.status).toBe(400);
		expect(bad.data.code).toBe('INVALID_REQUEST');
	});
});
