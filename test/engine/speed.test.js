// @ts-check
const { SANDBOX_KEYS, SEEDED } = require('../../sandbox');
const { useSandboxEngine, id } = require('./sandboxRun');

const ctx = useSandboxEngine();
const [ACTIVE] = SEEDED.speed.updatable;
const basic = `Basic ${Buffer.from(`${SANDBOX_KEYS.speed.secretKey}:`).toString('base64')}`;

describe('Speed node in the engine, against the sandbox', () => {
	test('POST /checkout-sessions/{id} with Basic auth (empty password), speed-version and snake_case body', async () => {
		const { output, error } = await ctx.run('speed', {
			checkoutSessionId: id(ACTIVE),
			afterPayment: 'redirect',
			successUrl: 'https://shop.example/ok',
			updateFields: {
				title: 'Order 77',
				metadata: {
					pair: [
						{ key: 'Order', value: '77' },
						{ key: 'order', value: 'lower' },
					],
				},
			},
		});
		expect(error).toBeUndefined();
		const [request] = ctx.requests();
		expect(request).toMatchObject({ method: 'POST', path: `/checkout-sessions/${ACTIVE}` });
		expect(request.headers.authorization).toBe(basic);
		expect(request.headers['speed-version']).toBe('2022-10-15');
		expect(request.body).toEqual({
			success_url: 'https://shop.example/ok',
			title: 'Order 77',
			metadata: { Order: '77', order: 'lower' },
		});
		expect(output[0].json).toMatchObject({
			id: ACTIVE,
			status: 'active',
			title: 'Order 77',
			success_url: 'https://shop.example/ok',
		});
		expect(output[0].json.metadata).toMatchObject({ Order: '77', order: 'lower' });
	});

	test('"Show a Message" sends success_message only, and no version header when the credential sets none', async () => {
		const { error } = await ctx.run(
			'speed',
			{
				checkoutSessionId: id(ACTIVE),
				afterPayment: 'message',
				successMessage: '={{ "Thanks " + $json.name }}',
				successUrl: 'https://ignored.example',
			},
			[{ name: 'Ana' }],
			{ credentials: { apiVersion: '' } },
		);
		expect(error).toBeUndefined();
		const [request] = ctx.requests();
		expect(request.body).toEqual({ success_message: 'Thanks Ana' });
		expect(request.headers['speed-version']).toBeUndefined();
	});

	test.each(SEEDED.speed.refusing.map((session) => [session.state, session]))(
		"a %s session is refused with Speed's error type and message",
		async (_state, session) => {
			const { error } = await ctx.run('speed', {
				checkoutSessionId: id(session.id),
				updateFields: { title: 'x' },
			});
			expect(error.httpCode).toBe(String(session.status));
			expect(error.message).toMatch(
				new RegExp(`^\\[item 0\\] Speed answered ${session.status} \\w+: .+`),
			);
		},
	);

	test('a wrong secret key gives 401 authentication_error; neither the key nor its Basic form leak', async () => {
		const secretKey = 'sk_test_wrong_key_for_the_test';
		const error = await ctx.refusedKey(
			'speed',
			{ checkoutSessionId: id(ACTIVE), updateFields: { title: 'x' } },
			{ secretKey },
		);
		expect(error.message).toMatch(/^\[item 0\] Speed answered 401 authentication_error/);
		expect(JSON.stringify(error)).not.toContain(Buffer.from(`${secretKey}:`).toString('base64'));
	});

	test('an image over 2 MB is refused before sending', async () => {
		const big = Buffer.alloc(2 * 1024 * 1024 + 3).toString('base64');
		const { error } = await ctx.run('speed', {
			checkoutSessionId: id(ACTIVE),
			updateFields: { titleImage: big },
		});
		expect(error.message).toMatch(/^\[item 0\] Title Image \(titleImage\): must be at most 2 MB/);
		expect(ctx.requests()).toEqual([]);
	});
});

test("Speed's plain-string URLs take a deep link; javascript: is refused", async () => {
	const { output } = await ctx.run(
		'speed',
		{ checkoutSessionId: id(ACTIVE), afterPayment: 'redirect', successUrl: '={{ $json.url }}' },
		[{ url: 'myapp://paid' }, { url: ' javascript:alert(1)' }],
		{ onError: 'continueRegularOutput' },
	);
	expect(output[0].json.success_url).toBe('myapp://paid');
	expect(output[1].json.error).toMatch(
		/^\[item 1\] Success URL \(successUrl\): must not be a javascript: URL/,
	);
	expect(ctx.requests()).toHaveLength(1);
});

test('an After Payment value that is no option, even an inherited name, is refused with the other problems', async () => {
	const { output } = await ctx.run(
		'speed',
		{
			checkoutSessionId: id('={{ $json.id }}'),
			afterPayment: '={{ $json.after }}',
			successUrl: 'https://shop.example/ok',
			successMessage: 'Thanks',
			updateFields: { title: 'x' },
		},
		[
			{ id: ACTIVE, after: 'toString' },
			{ id: 'nope', after: '__proto__' },
		],
		{ onError: 'continueRegularOutput' },
	);
	expect(output[0].json.error).toBe(
		'[item 0] After Payment (afterPayment): must be one of unchanged, redirect, message',
	);
	expect(output[1].json.error).toBe(
		'[item 1] Checkout Session (checkoutSessionId): must be a session ID starting with cs_; After Payment (afterPayment): must be one of unchanged, redirect, message',
	);
	expect(ctx.requests()).toEqual([]);
});

test('a message lists at most ten problems, then says how many more there are', async () => {
	const pair = [...Array(13).keys()].map(() => ({ key: '', value: 'v' }));
	const { error } = await ctx.run('speed', {
		checkoutSessionId: id(ACTIVE),
		updateFields: { metadata: { pair } },
	});
	const problems = error.message.replace(/^\[item 0\] /, '').split('; ');
	expect(problems).toHaveLength(11);
	expect(problems[0]).toBe('Metadata › Key (metadata[0].key): must be at least 1 characters');
	expect(problems[10]).toBe('and 15 more problem(s)'); // 13 empty keys, 12 of them repeats
});
