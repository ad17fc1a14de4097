// @ts-check
'use strict';

const { SANDBOX_KEYS, SEEDED, bulkSessionId } = require('../../sandbox');
const { RAW_JSON, useSandbox } = require('./helpers');

const OPEN = SEEDED.upag.updatable[0];
const DOCUMENTED_KEYS = [
	'id',
	'status',
	'customerId',
	'url',
	'billingAddressCollection',
	'successUrl',
	'cancelUrl',
	'latitude',
	'longitude',
	'country',
	'region',
	'city',
	'expiresAt',
	'createdAt',
	'updatedAt',
	'items',
];

describe('Upag sandbox', () => {
	const ctx = useSandbox();
	const put = (id, body, headers) => ctx.api('upag', headers).put(`/checkout-sessions/${id}`, body);
	const get = (id) => ctx.api('upag').get(`/checkout-sessions/${id}`);

	test('PUT with the documented example body updates and answers the documented object', async () => {
		const before = (await get(OPEN)).data;
		await new Promise((resolve) => setTimeout(resolve, 5));
		const body = {
			customerId: 'cus_ahwDXrgYvur89iPs',
			items: [{ priceId: 'price_def456ghi', quantity: 2 }],
			paymentMethods: ['credit_card', 'pix'],
			successUrl: 'https://seusite.com/sucesso',
			cancelUrl: 'https://seusite.com/cancelado',
		};
		const res = await put(OPEN, body);
		expect(res.status).toBe(200);
		expect(Object.keys(res.data)).toEqual(DOCUMENTED_KEYS);
		expect(res.data).toEqual({
			...before,
			customerId: 'cus_ahwDXrgYvur89iPs',
			items: [{ priceId: 'price_def456ghi', quantity: 2 }],
			successUrl: 'https://seusite.com/sucesso',
			cancelUrl: 'https://seusite.com/cancelado',
			updatedAt: res.data.updatedAt,
		});
		expect(Date.parse(res.data.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
		expect((await get(OPEN)).data).toEqual(res.data);
		expect(ctx.sandbox.session('upag', OPEN).paymentMethods).toEqual(['credit_card', 'pix']);
		expect(ctx.sandbox.requests[0].headers.authorization).toBe(`Bearer ${SANDBOX_KEYS.upag.token}`);
	});

	test('GET answers the documented shape', async () => {
		const res = await get(OPEN);
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({
			id: OPEN,
			status: 'open',
			customerId: 'cus_sandbox0001',
			url: `https://checkout.upag.io/${OPEN}`,
			billingAddressCollection: false,
			latitude: null,
			items: [],
		});
		expect(Date.parse(res.data.expiresAt) - Date.parse(res.data.createdAt)).toBe(
			24 * 60 * 60 * 1000,
		);
	});

	test('partial update: only cancelUrl changes', async () => {
		const before = (await get(OPEN)).data;
		const res = await put(OPEN, { cancelUrl: 'https://shop.test/c' });
		expect(res.data).toEqual({
			...before,
			cancelUrl: 'https://shop.test/c',
			updatedAt: res.data.updatedAt,
		});
		expect(ctx.sandbox.session('upag', OPEN).paymentMethods).toEqual(['credit_card', 'pix']);
	});

	test.each([
		['no Authorization', {}, 'Missing bearer token'],
		['a wrong token', { Authorization: 'Bearer upag_wrong' }, 'Invalid token'],
		[
			'the token without Bearer',
			{ Authorization: SANDBOX_KEYS.upag.token },
			'Missing bearer token',
		],
		[
			'Basic auth',
			{ Authorization: `Basic ${Buffer.from(`${SANDBOX_KEYS.upag.token}:`).toString('base64')}` },
			'Missing bearer token',
		],
	])('refuses %s with 401', async (_, headers, message) => {
		const res = await put(OPEN, { cancelUrl: 'https://shop.test/c' }, headers);
		expect(res.status).toBe(401);
		expect(res.data).toEqual({ message });
		expect(ctx.sandbox.session('upag', OPEN).cancelUrl).toBe('https://example.com/cancel');
	});

	test.each([
		['a customerId without cus_', { customerId: 'abc' }, 'customerId must match cus_…'],
		['empty items', { items: [] }, 'items must have at least 1 item(s)'],
		[
			'quantity 0',
			{ items: [{ priceId: 'price_1', quantity: 0 }] },
			'items[0].quantity must be at least 1',
		],
		[
			'a fractional quantity',
			{ items: [{ priceId: 'price_1', quantity: 1.5 }] },
			'items[0].quantity must be an integer, got number',
		],
		['an item without priceId', { items: [{ quantity: 1 }] }, 'items[0].priceId is required'],
		[
			'an item with an unknown field',
			{ items: [{ priceId: 'p', quantity: 1, amount: 100 }] },
			'items[0].amount is not a known field',
		],
		[
			'an unknown payment method',
			{ paymentMethods: ['pix', 'boleto'] },
			'paymentMethods[1] must be one of credit_card, pix',
		],
		[
			'paymentMethods as a string',
			{ paymentMethods: 'pix' },
			'paymentMethods must be an array, got string',
		],
		['an invalid successUrl', { successUrl: 'not a url' }, 'successUrl must be a valid URL'],
		['a relative cancelUrl', { cancelUrl: '/thanks' }, 'cancelUrl must be a valid URL'],
		['a null customerId', { customerId: null }, 'customerId must not be null'],
		['an unknown field', { metadata: { a: 'b' } }, 'metadata is not a known field'],
		[
			'two problems',
			{ items: [], successUrl: 'x' },
			'items must have at least 1 item(s); successUrl must be a valid URL',
		],
	])('rejects %s with 400', async (_, body, message) => {
		const res = await put(OPEN, body);
		expect(res.status).toBe(400);
		expect(res.data).toEqual({ message });
		expect(ctx.sandbox.session('upag', OPEN).items).toEqual([]);
	});

	test.each(SEEDED.upag.refusing)(
		'refuses to update the $state session $id',
		async ({ id, state, status }) => {
			const res = await put(id, { cancelUrl: 'https://shop.test/c' });
			expect(res.status).toBe(status);
			expect(res.data).toEqual({
				message: `Checkout session ${id} is ${state}; only open sessions can be updated`,
			});
			expect((await get(id)).data).toMatchObject({
				status: state,
				cancelUrl: 'https://example.com/cancel',
			});
		},
	);

	test('an id without cs_ is refused with 400, an unknown one with 404', async () => {
		const bad = await put('sess_1', {});
		expect(bad.status).toBe(400);
		expect(bad.data).toEqual({ message: 'id must start with cs_' });
		const missing = await get(SEEDED.upag.unknown);
		expect(missing.status).toBe(404);
		expect(missing.data).toEqual({ message: `Checkout session ${SEEDED.upag.unknown} not found` });
	});

	test('malformed JSON and a missing body: 400', async () => {
		const malformed = await ctx
			.api('upag')
			.put(`/checkout-sessions/${OPEN}`, '{"items": [', RAW_JSON);
		expect(malformed.status).toBe(400);
		expect(malformed.data).toEqual({ message: 'Malformed JSON in request body' });
		const empty = await ctx.api('upag').put(`/checkout-sessions/${OPEN}`);
		expect(empty.status).toBe(400);
		expect(empty.data).toEqual({ message: 'request body must be a JSON object' });
	});

	test('bulk sessions are open, up to bulkSessions', async () => {
		const id = bulkSessionId('upag', 42);
		expect(id).toBe('cs_bulk_000042');
		const res = await put(id, { items: [{ priceId: 'price_1', quantity: 1 }] });
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({
			id,
			status: 'open',
			items: [{ priceId: 'price_1', quantity: 1 }],
		});
		expect((await get(bulkSessionId('upag', 10000))).status).toBe(404);
	});
});
