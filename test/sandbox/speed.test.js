// @ts-check
'use strict';

const { SANDBOX_KEYS, SEEDED, bulkSessionId } = require('../../sandbox');
const { AUTH, RAW_JSON, basic, useSandbox } = require('./helpers');

const ACTIVE = SEEDED.speed.updatable[0];
const SK = SANDBOX_KEYS.speed.secretKey;
const MB2 = 2 * 1024 * 1024;

describe('Speed sandbox', () => {
	const ctx = useSandbox();
	const update = (id, body, headers) =>
		ctx.api('speed', headers).post(`/checkout-sessions/${id}`, body);
	const error = (type, ...messages) => ({ errors: messages.map((message) => ({ type, message })) });

	test('updates an active session with Basic "<sk>:" and answers the session object', async () => {
		const res = await update(ACTIVE, {
			description: 'New description',
			title: 'Title',
			cancel_url: 'https://shop.test/cancel',
		});
		expect(res.status).toBe(200);
		expect(res.data).toEqual({
			id: ACTIVE,
			status: 'active',
			url: `https://checkout.tryspeed.com/${ACTIVE}`,
			currency: 'USD',
			amount: 10,
			ttl: 3600,
			payments: [],
			amount_paid: 0,
			metadata: { order: 'order-1' },
			description: 'New description',
			success_message: null,
			success_url: null,
			cancel_url: 'https://shop.test/cancel',
			title: 'Title',
			title_description: null,
			title_image: null,
		});
		expect(ctx.sandbox.session('speed', ACTIVE)).toEqual(res.data);
	});

	test('records the default speed-version, or the one sent', async () => {
		await update(ACTIVE, { title: 'a' });
		await update(ACTIVE, { title: 'b' }, { ...AUTH.speed, 'speed-version': '2022-10-15' });
		expect(ctx.sandbox.requests.map((r) => [r.headers['speed-version'], r.speedVersion])).toEqual([
			[undefined, '2022-04-15'],
			['2022-10-15', '2022-10-15'],
		]);
		expect(ctx.sandbox.requests[0].headers.authorization).toBe(
			`Basic ${Buffer.from(`${SK}:`).toString('base64')}`,
		);
	});

	test('records speed-version also on refused requests', async () => {
		await update(ACTIVE, { title: 'a' }, { 'speed-version': '2022-10-15' });
		expect(ctx.sandbox.requests[0]).toMatchObject({ status: 401, speedVersion: '2022-10-15' });
	});

	test('refuses an unknown speed-version with 400', async () => {
		const res = await update(
			ACTIVE,
			{ title: 'x' },
			{ ...AUTH.speed, 'speed-version': '2023-01-01' },
		);
		expect(res.status).toBe(400);
		expect(res.data).toEqual(
			error(
				'invalid_request_error',
				'Invalid speed-version "2023-01-01": use one of 2022-04-15, 2022-10-15',
			),
		);
		expect(ctx.sandbox.session('speed', ACTIVE).title).toBeNull();
	});

	test.each([
		[
			'no Authorization',
			{},
			'No API key provided: use HTTP Basic auth with the secret key as user name',
		],
		['a wrong key', { Authorization: basic('sk_test_wrong', '') }, 'Invalid API key'],
		[
			'a non-empty password',
			{ Authorization: basic(SK, SK) },
			'The password must be empty: send "<secret key>:" base64-encoded',
		],
		[
			'no colon after the key',
			{ Authorization: `Basic ${Buffer.from(SK).toString('base64')}` },
			'The password must be empty: send "<secret key>:" base64-encoded',
		],
		[
			'a Bearer token',
			{ Authorization: `Bearer ${SK}` },
			'No API key provided: use HTTP Basic auth with the secret key as user name',
		],
	])('refuses %s with 401 in Speed error shape', async (_, headers, message) => {
		const res = await update(ACTIVE, { title: 'x' }, headers);
		expect(res.status).toBe(401);
		expect(res.data).toEqual(error('authentication_error', message));
		expect(ctx.sandbox.session('speed', ACTIVE).title).toBeNull();
	});

	test('metadata is merged into the existing metadata, keys case-sensitive', async () => {
		await update(ACTIVE, { metadata: { Order: 'upper', extra: '1' } });
		const res = await update(ACTIVE, { metadata: { order: 'changed' } });
		expect(res.data.metadata).toEqual({ order: 'changed', Order: 'upper', extra: '1' });
	});

	test('partial update keeps every field that was not sent', async () => {
		const before = ctx.sandbox.session('speed', ACTIVE);
		const res = await update(ACTIVE, { success_message: 'Thanks' });
		expect(res.data).toEqual({ ...before, success_message: 'Thanks' });
	});

	test.each([
		[
			'success_url with success_message',
			{ success_url: 'https://a.test', success_message: 'hi' },
			['success_url and success_message are mutually exclusive: send only one of them'],
		],
		['an unknown key', { amount: 5, title: 'x' }, ['amount is not a known field']],
		['a non-string title', { title: 5 }, ['title must be a string, got number']],
		[
			'metadata as an array',
			{ metadata: [{ key: 'a', value: 'b' }] },
			['metadata must be an object, got array'],
		],
		['metadata with a number value', { metadata: { a: 1 } }, ['metadata values must be strings']],
		['null description', { description: null }, ['description must not be null']],
		[
			'two problems at once',
			{ title: 1, colour: 'red' },
			['title must be a string, got number', 'colour is not a known field'],
		],
	])('rejects %s with 400', async (_, body, messages) => {
		const res = await update(ACTIVE, body);
		expect(res.status).toBe(400);
		expect(res.data).toEqual(error('invalid_request_error', ...messages));
		expect(ctx.sandbox.session('speed', ACTIVE).title).toBeNull();
	});

	test('title_image: at most 2 MB (base64 or data URI); links are accepted', async () => {
		const exact = Buffer.alloc(MB2).toString('base64');
		const over = Buffer.alloc(MB2 + 1).toString('base64');
		expect((await update(ACTIVE, { title_image: exact })).status).toBe(200);
		expect((await update(ACTIVE, { title_image: `data:image/png;base64,${exact}` })).status).toBe(
			200,
		);
		const res = await update(ACTIVE, { title_image: `data:image/png;base64,${over}` });
		expect(res.status).toBe(400);
		expect(res.data).toEqual(
			error(
				'invalid_request_error',
				`title_image must not be larger than 2 MB (got ${MB2 + 1} bytes)`,
			),
		);
		expect((await update(ACTIVE, { title_image: 'https://cdn.test/logo.png' })).status).toBe(200);
		expect(ctx.sandbox.session('speed', ACTIVE).title_image).toBe('https://cdn.test/logo.png');
	});

	test.each(SEEDED.speed.refusing)(
		'refuses to update the $state session $id with 400',
		async ({ id, state, status }) => {
			const res = await update(id, { title: 'x' });
			expect(res.status).toBe(status);
			expect(res.data).toEqual(
				error(
					'invalid_request_error',
					`Checkout session ${id} is ${state}; only active sessions can be updated`,
				),
			);
			expect(ctx.sandbox.session('speed', id)).toMatchObject({ status: state, title: null });
		},
	);

	test('unknown session: 404', async () => {
		const res = await update(SEEDED.speed.unknown, { title: 'x' });
		expect(res.status).toBe(404);
		expect(res.data).toEqual(
			error('invalid_request_error', `No such checkout session: ${SEEDED.speed.unknown}`),
		);
	});

	test('malformed JSON: 400 in Speed shape', async () => {
		const res = await ctx
			.api('speed')
			.post(`/checkout-sessions/${ACTIVE}`, '{"title": nope}', RAW_JSON);
		expect(res.status).toBe(400);
		expect(res.data).toEqual(error('invalid_request_error', 'Malformed JSON in request body'));
	});

	test('PUT/PATCH/GET are not documented for a session: 404', async () => {
		for (const method of ['put', 'patch', 'get']) {
			const res = await ctx
				.api('speed')
				[method](`/checkout-sessions/${ACTIVE}`, method === 'get' ? undefined : { title: 'x' });
			expect(res.status).toBe(404);
			expect(res.data).toEqual(error('invalid_request_error', 'Unrecognized request URL'));
		}
	});

	test('bulk sessions are active', async () => {
		const id = bulkSessionId('speed', 42);
		expect(id).toBe('cs_bulk_000042');
		const res = await update(id, { title: 'bulk' });
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({ id, status: 'active', title: 'bulk' });
	});

	test('create (POST /checkout-sessions) validates and returns an active cs_ session', async () => {
		const bad = await ctx
			.api('speed')
			.post('/checkout-sessions', { amount: 5, ttl: 299, type: 'other' });
		expect(bad.status).toBe(400);
		expect(bad.data).toEqual(
			error(
				'invalid_request_error',
				'currency is required',
				'ttl must be at least 300',
				'type must be one of preset, options',
			),
		);
		const res = await ctx
			.api('speed')
			.post('/checkout-sessions', { currency: 'SATS', amount: 1000, ttl: 600 });
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({
			status: 'active',
			currency: 'SATS',
			amount: 1000,
			ttl: 600,
			amount_paid: 0,
		});
		expect(res.data.id).toMatch(/^cs_[0-9a-f]{24}$/);
		expect((await update(res.data.id, { title: 'made' })).data.title).toBe('made');
	});
});
