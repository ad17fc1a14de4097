// @ts-check
'use strict';

const { SANDBOX_KEYS, SEEDED, bulkSessionId } = require('../../sandbox');
const { RAW_JSON, useSandbox } = require('./helpers');

const PATH = '/api/checkout/v2/payment_session';
const OPEN = SEEDED.sprintcheckout.updatable[0];

describe('Sprintcheckout sandbox', () => {
	const ctx = useSandbox();
	const put = (body, headers) => ctx.api('sprintcheckout', headers).put(PATH, body);

	test('updates a session with X-SC-ApiKey and answers {sessionId, redirectUrl}', async () => {
		const res = await put({
			sessionId: OPEN,
			amount: 42.5,
			currency: 'EUR',
			concept: 'New concept',
		});
		expect(res.status).toBe(200);
		expect(res.data).toEqual({
			sessionId: OPEN,
			redirectUrl: `https://app.sprintcheckout.com/?uid=${OPEN}`,
		});
		expect(ctx.sandbox.session('sprintcheckout', OPEN)).toMatchObject({
			amount: 42.5,
			currency: 'EUR',
			concept: 'New concept',
		});
	});

	test('records the exact wire format', async () => {
		await put({ sessionId: OPEN, editable: true });
		const [entry] = ctx.sandbox.requests;
		expect(entry).toMatchObject({
			provider: 'sprintcheckout',
			method: 'PUT',
			path: PATH,
			url: `/sprintcheckout${PATH}`,
			query: {},
			body: { sessionId: OPEN, editable: true },
			rawBody: JSON.stringify({ sessionId: OPEN, editable: true }),
			status: 200,
		});
		expect(entry.headers['x-sc-apikey']).toBe(SANDBOX_KEYS.sprintcheckout.apiKey);
		expect(entry.headers['content-type']).toMatch(/^application\/json/);
		expect(typeof entry.at).toBe('number');
		expect(ctx.sandbox.stats.perSession).toEqual({ [`sprintcheckout:${OPEN}`]: 1 });
	});

	test.each([
		['no key', {}, 'Missing X-SC-ApiKey header'],
		['a wrong key', { 'X-SC-ApiKey': 'sc_wrong' }, 'Invalid API key'],
		[
			'the key in another header',
			{ Authorization: `Bearer ${SANDBOX_KEYS.sprintcheckout.apiKey}` },
			'Missing X-SC-ApiKey header',
		],
	])('refuses %s with 401 and changes nothing', async (_, headers, message) => {
		const res = await put({ sessionId: OPEN, amount: 1 }, headers);
		expect(res.status).toBe(401);
		expect(res.data).toEqual({ message });
		expect(ctx.sandbox.session('sprintcheckout', OPEN).amount).toBe(100.5);
	});

	/**
	 * A row of the table below: `field` sent as `value`, of another type than `expected`.
	 * @returns {[string, object, string]}
	 */
	const wrongType = (field, value, expected) => [
		`${field} a ${typeof value}`,
		{ sessionId: OPEN, [field]: value },
		`${field} must be a ${expected}, got ${typeof value}`,
	];

	test.each([
		['sessionId missing', { amount: 1 }, 'sessionId is required'],
		['sessionId empty', { sessionId: '' }, 'sessionId must be at least 1 characters'],
		wrongType('sessionId', 7, 'string'),
		wrongType('amount', '10', 'number'),
		wrongType('minAmount', '1', 'number'),
		wrongType('editable', 'yes', 'boolean'),
		[
			'currency of 2 letters',
			{ sessionId: OPEN, currency: 'US' },
			'currency must match three upper-case letters (ISO 4217)',
		],
		[
			'currency in lower case',
			{ sessionId: OPEN, currency: 'usd' },
			'currency must match three upper-case letters (ISO 4217)',
		],
		wrongType('orderId', 12, 'string'),
		wrongType('successUrl', true, 'string'),
		[
			'an unknown field',
			{ sessionId: OPEN, orderType: 'STATIC' },
			'orderType is not a known field',
		],
		['an array body', [{ sessionId: OPEN }], 'request body must be a JSON object'],
	])('rejects %s with 400', async (_, body, message) => {
		const res = await put(body);
		expect(res.status).toBe(400);
		expect(res.data).toEqual({ message });
		expect(ctx.sandbox.session('sprintcheckout', OPEN).amount).toBe(100.5);
	});

	test('rejects malformed JSON with 400', async () => {
		const res = await ctx.api('sprintcheckout').put(PATH, '{"sessionId":', RAW_JSON);
		expect(res.status).toBe(400);
		expect(ctx.sandbox.requests[0]).toMatchObject({
			rawBody: '{"sessionId":',
			body: null,
			status: 400,
		});
		expect(res.data).toEqual({ message: 'Malformed JSON in request body' });
	});

	test('partial update: only sent fields change; null clears a field (nullable; the effect is assumed)', async () => {
		const before = ctx.sandbox.session('sprintcheckout', OPEN);
		const res = await put({
			sessionId: OPEN,
			minAmount: 5,
			orderId: null,
			concept: null,
			currency: null,
		});
		expect(res.status).toBe(200);
		expect(ctx.sandbox.session('sprintcheckout', OPEN)).toEqual({
			...before,
			minAmount: 5,
			orderId: null,
			concept: null,
			currency: null,
		});
	});

	test('answers 500 (the only documented error) for an unknown session', async () => {
		const res = await put({ sessionId: SEEDED.sprintcheckout.unknown, amount: 1 });
		expect(res.status).toBe(500);
		expect(res.data).toEqual({
			message: `Payment session ${SEEDED.sprintcheckout.unknown} not found`,
		});
	});

	test('bulk sessions answer as open sessions, within bulkSessions only', async () => {
		const id = bulkSessionId('sprintcheckout', 9999);
		expect(id).toBe('sc_bulk_009999');
		expect((await put({ sessionId: id, amount: 3 })).status).toBe(200);
		expect(ctx.sandbox.session('sprintcheckout', id).amount).toBe(3);
		expect(
			(await put({ sessionId: bulkSessionId('sprintcheckout', 10000), amount: 3 })).status,
		).toBe(500);
	});

	test('creates a session (POST) that can then be updated', async () => {
		const created = await ctx
			.api('sprintcheckout')
			.post(PATH, { amount: 20, currency: 'USD', orderType: 'STATIC', orderId: 'o-1' });
		expect(created.status).toBe(201);
		const { sessionId } = created.data;
		expect(created.data).toEqual({
			sessionId,
			redirectUrl: `https://app.sprintcheckout.com/?uid=${sessionId}`,
		});
		expect((await put({ sessionId, amount: 25 })).status).toBe(200);
		expect(ctx.sandbox.session('sprintcheckout', sessionId)).toMatchObject({
			amount: 25,
			currency: 'USD',
			orderType: 'STATIC',
			orderId: 'o-1',
		});
	});

	test('create requires amount and currency', async () => {
		const res = await ctx.api('sprintcheckout').post(PATH, { orderType: 'ONCE' });
		expect(res.status).toBe(400);
		expect(res.data).toEqual({
			message:
				'amount is required; currency is required; orderType must be one of STATIC, TRANSIENT',
		});
	});

	test('undocumented paths answer 404', async () => {
		const res = await ctx.api('sprintcheckout').get(PATH);
		expect(res.status).toBe(404);
		expect(res.data).toEqual({ message: 'Not found' });
	});

	test('reset() restores the seeded session', async () => {
		await put({ sessionId: OPEN, amount: 1 });
		ctx.sandbox.reset();
		expect(ctx.sandbox.session('sprintcheckout', OPEN).amount).toBe(100.5);
	});
});
