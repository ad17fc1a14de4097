// @ts-check
const axios = require('axios').default;
const { SANDBOX_KEYS, SEEDED } = require('../../sandbox');
const { useSandboxEngine, id } = require('./sandboxRun');

const ctx = useSandboxEngine();
const [OPEN] = SEEDED.yuno.updatable;

describe('Yuno node in the engine, against the sandbox', () => {
	test('a one-field change reads the session, then PATCHes with the required fields and both key headers', async () => {
		const before = (
			await axios.get(`${ctx.sandbox.baseUrls.yuno}/checkout/sessions/${OPEN}`, {
				headers: {
					'public-api-key': SANDBOX_KEYS.yuno.publicApiKey,
					'private-secret-key': SANDBOX_KEYS.yuno.privateSecretKey,
				},
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
		expect(output[0].json).toMatchObject({
			checkout_session: OPEN,
			callback_url: 'https://shop.example/return',
		});
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

	test('with "Auto-Fill Required Fields" off, a one-field change is refused locally', async () => {
		const { error } = await ctx.run('yuno', {
			checkoutSessionId: id(OPEN),
			updateFields: { workflow: 'CHECKOUT' },
			options: { fillRequiredFields: false },
		});
		expect(error.message).toMatch(
			/^\[item 0\] Merchant Order ID \(merchantOrderId\): is required by Yuno/,
		);
		expect(ctx.requests()).toEqual([]);
	});

	test('an expired session gives the published 400 CHECKOUT_SESSION_NOT_FOUND ("not found or inactive")', async () => {
		const expired = SEEDED.yuno.refusing[0];
		const { error } = await ctx.run('yuno', {
			checkoutSessionId: id(expired.id),
			updateFields: { merchantOrderId: 'order-1', paymentDescription: 'abc', country: 'BR' },
		});
		expect(error.httpCode).toBe(String(expired.status));
		expect(error.message).toMatch(
			/^\[item 0\] Yuno answered 400 CHECKOUT_SESSION_NOT_FOUND: Checkout session not found or inactive/,
		);
	});

	test('an unknown session gives 400 CHECKOUT_SESSION_NOT_FOUND (from the GET that fills required fields)', async () => {
		const { error } = await ctx.run('yuno', {
			checkoutSessionId: id(SEEDED.yuno.unknown),
			updateFields: { workflow: 'CHECKOUT' },
		});
		expect(error.message).toMatch(/^\[item 0\] Yuno answered 400 CHECKOUT_SESSION_NOT_FOUND/);
	});

	test('wrong keys give 401 INVALID_CREDENTIALS; a merchant without access gets 403 AUTHORIZATION_REQUIRED', async () => {
		const wrong = await ctx.refusedKey(
			'yuno',
			{ checkoutSessionId: id(OPEN), updateFields: { workflow: 'CHECKOUT' } },
			{ privateSecretKey: 'yuno_wrong_secret_for_test' },
		);
		expect(wrong.message).toMatch(/^\[item 0\] Yuno answered 401 INVALID_CREDENTIALS/);
		const forbidden = await ctx.run(
			'yuno',
			{ checkoutSessionId: id(OPEN), updateFields: { workflow: 'CHECKOUT' } },
			[{}],
			{
				credentials: SANDBOX_KEYS.yuno.forbidden,
			},
		);
		expect(forbidden.error.message).toMatch(/^\[item 0\] Yuno answered 403 AUTHORIZATION_REQUIRED/);
	});
});

describe('Yuno: values from the session, environments, numbers, clearing, URLs', () => {
	const { jsonAnswer, againstScriptedServer } = require('../helpers/rawServer');
	const SESSION = 'c67ce158-6053-4661-a1de-aed5c945b935';
	/** Runs the node against a server whose GET answers `session`; returns the run and what was sent. */
	async function withSession(session, updateFields) {
		const { result, requests } = await againstScriptedServer(
			(req) => jsonAnswer(200, req.method === 'GET' ? session : { checkout_session: SESSION }),
			(baseUrl) =>
				ctx.run('yuno', { checkoutSessionId: id(SESSION), updateFields }, [{}], {
					credentials: { baseUrl },
				}),
		);
		const sent = requests.map(({ method, url, body }) => ({
			method,
			path: url,
			body: body ? JSON.parse(body) : undefined,
		}));
		return { ...result, sent };
	}

	test('values read from the session pass the same checks as typed ones, and each bad one is named', async () => {
		const { error, sent } = await withSession(
			{ merchant_order_id: { nested: true }, payment_description: 'x'.repeat(5000), country: 'ZZ' },
			{ workflow: 'CHECKOUT' },
		);
		expect(error.message).toMatch(
			/^\[item 0\] Merchant Order ID \(merchantOrderId\): the session's merchant_order_id cannot be sent back \(must be text\)/,
		);
		expect(error.message).toContain(
			"Payment Description (paymentDescription): the session's payment_description cannot be sent back (must be at most 255 characters)",
		);
		expect(error.message).toContain(
			"Country (country): the session's country cannot be sent back (must be one of AR,",
		);
		expect(sent.map((request) => request.method)).toEqual(['GET']);
	});

	test('an empty session answer is an error naming every missing required field, and nothing is PATCHed', async () => {
		const { error, sent } = await withSession({}, { callbackUrl: 'https://shop.example/r' });
		for (const [label, name] of [
			['Merchant Order ID', 'merchantOrderId'],
			['Payment Description', 'paymentDescription'],
			['Country', 'country'],
		]) {
			expect(error.message).toContain(
				`${label} (${name}): is required by Yuno, and the session read has no`,
			);
		}
		expect(sent.map((request) => request.method)).toEqual(['GET']);
	});

	test('with a partial set, a typed value is never overridden by the session', async () => {
		const { error, sent } = await withSession(
			{
				merchant_order_id: 'order-from-session',
				payment_description: 'From the session',
				country: 'AR',
			},
			{ paymentDescription: 'Typed by the user', country: 'MX' },
		);
		expect(error).toBeUndefined();
		expect(sent[1].body).toEqual({
			merchant_order_id: 'order-from-session',
			payment_description: 'Typed by the user',
			country: 'MX',
			account_id: SANDBOX_KEYS.yuno.accountId,
		});
	});

	test.each(['__proto__', 'toString', 'constructor', 'staging', '={{ "hasOwnProperty" }}'])(
		'the unknown environment %s is refused by name, nothing is sent',
		async (environment) => {
			const { error } = await ctx.run(
				'yuno',
				{ checkoutSessionId: id(OPEN), updateFields: { workflow: 'CHECKOUT' } },
				[{}],
				{
					credentials: { environment, baseUrl: '' },
				},
			);
			expect(error.message).toMatch(/Environment ".*" is not one of sandbox, production, eu/);
			expect(ctx.requests()).toEqual([]);
		},
	);

	test('under Continue On Fail an unknown environment fails every item with a credential code', async () => {
		const { output } = await ctx.run(
			'yuno',
			{ checkoutSessionId: id(OPEN), updateFields: { workflow: 'CHECKOUT' } },
			[{}, {}],
			{
				credentials: { environment: 'valueOf', baseUrl: '' },
				onError: 'continueRegularOutput',
			},
		);
		expect(output.map((item) => [item.json.code, item.json.error])).toEqual([
			[
				'INVALID_CREDENTIALS',
				expect.stringContaining('Environment "valueOf" is not one of sandbox, production, eu'),
			],
			[
				'INVALID_CREDENTIALS',
				expect.stringContaining('Environment "valueOf" is not one of sandbox, production, eu'),
			],
		]);
		expect(ctx.requests()).toEqual([]);
	});

	test('an installment count beyond int32 is refused; 2^31 - 1 is sent', async () => {
		const fields = { merchantOrderId: 'order-1', paymentDescription: 'Plan test', country: 'BR' };
		const { output } = await ctx.run(
			'yuno',
			{
				checkoutSessionId: id(OPEN),
				installments: 'plan',
				installmentsPlan: { installment: [{ installment: '={{ $json.n }}', rate: 1 }] },
				updateFields: fields,
			},
			[{ n: 3e9 }, { n: 2 ** 31 - 1 }],
			{ onError: 'continueRegularOutput' },
		);
		expect(output[0].json.error).toBe(
			'[item 0] Installments Plan › Number of Installments (installmentsPlan[0].installment): must be 2147483647 or less',
		);
		expect(ctx.requests().map((request) => request.body.installments)).toEqual([
			{ plan: [{ installment: 2 ** 31 - 1, rate: 1 }] },
		]);
	});

	test('"Define the Plan Here" with no rows is refused', async () => {
		const { error } = await ctx.run('yuno', {
			checkoutSessionId: id(OPEN),
			installments: 'plan',
			installmentsPlan: {},
			updateFields: { merchantOrderId: 'order-1', paymentDescription: 'Plan test', country: 'BR' },
		});
		expect(error.message).toBe(
			'[item 0] Installments Plan (installmentsPlan): has no rows: add at least one installment, or pick another Installments option',
		);
		expect(ctx.requests()).toEqual([]);
	});

	test('Fields to Clear sends alternative_amount.currency as null, on the wire', async () => {
		const { error } = await ctx.run('yuno', {
			checkoutSessionId: id(OPEN),
			updateFields: {
				alternativeAmount: { amount: { currency: '', value: 12.5 } },
				fieldsToClear: ['alternativeAmount.currency'],
			},
		});
		expect(error).toBeUndefined();
		const patch = ctx.requests().find((request) => request.method === 'PATCH');
		expect(patch.status).toBe(200);
		expect(patch.body.alternative_amount).toEqual({ currency: null, value: 12.5 });
	});

	test('a currency both set and cleared is refused; an alternative amount without currency asks for one', async () => {
		const both = await ctx.run('yuno', {
			checkoutSessionId: id(OPEN),
			updateFields: {
				alternativeAmount: { amount: { currency: 'USD', value: 1 } },
				fieldsToClear: ['alternativeAmount.currency'],
			},
		});
		expect(both.error.message).toBe(
			'[item 0] Alternative Amount › Currency (alternativeAmount.currency): is set and also listed in Fields to Clear: do one or the other',
		);
		const none = await ctx.run('yuno', {
			checkoutSessionId: id(OPEN),
			updateFields: { alternativeAmount: { amount: { currency: '', value: 1 } } },
		});
		expect(none.error.message).toBe(
			'[item 0] Alternative Amount › Currency (alternativeAmount.currency): is required (or list it in Fields to Clear)',
		);
	});

	test("Yuno's { code, message, details } error shape keeps its message", async () => {
		const { result } = await againstScriptedServer(
			() =>
				jsonAnswer(400, {
					code: 'INVALID_REQUEST',
					message: 'callback_url is too long',
					details: { field: 'callback_url' },
				}),
			(baseUrl) =>
				ctx.run(
					'yuno',
					{
						checkoutSessionId: id(SESSION),
						updateFields: {
							workflow: 'CHECKOUT',
							merchantOrderId: 'ord-1',
							paymentDescription: 'abc',
							country: 'BR',
						},
					},
					[{}],
					{ credentials: { baseUrl } },
				),
		);
		expect(result.error.message).toMatch(
			/^\[item 0\] Yuno answered 400 INVALID_REQUEST: callback_url is too long/,
		);
	});

	test('a deep link is a valid callback URL; javascript: and data: are refused', async () => {
		const fields = {
			merchantOrderId: 'order-1',
			paymentDescription: 'Deep link',
			country: 'BR',
			callbackUrl: '={{ $json.url }}',
		};
		const { output } = await ctx.run(
			'yuno',
			{ checkoutSessionId: id(OPEN), updateFields: fields },
			[{ url: 'myapp://return' }, { url: 'javascript:alert(1)' }, { url: 'data:text/html,hi' }],
			{ onError: 'continueRegularOutput' },
		);
		expect(output[0].json.callback_url).toBe('myapp://return');
		expect(output[1].json.error).toBe(
			'[item 1] Callback URL (callbackUrl): must not be a javascript: URL (javascript:, data:, vbscript:, file: are refused)',
		);
		expect(output[2].json.error).toMatch(
			/^\[item 2\] Callback URL \(callbackUrl\): must not be a data: URL/,
		);
		expect(ctx.requests()).toHaveLength(1);
	});

	test('an Amount added without a currency says the currency is required', async () => {
		const { error } = await ctx.run('yuno', {
			checkoutSessionId: id(OPEN),
			updateFields: { amount: { amount: { currency: '', value: 10 } } },
		});
		expect(error.message).toBe('[item 0] Amount › Currency (amount.currency): is required');
	});

	test('every problem of the item is in one message, by label', async () => {
		const { error } = await ctx.run('yuno', {
			checkoutSessionId: id('short'),
			updateFields: { amount: { amount: { currency: 'BR', value: 1 } }, merchantOrderId: 'ab' },
		});
		expect(error.message).toBe(
			'[item 0] Checkout Session (checkoutSessionId): must be at least 36 characters; Merchant Order ID (merchantOrderId): must be at least 3 characters; Amount › Currency (amount.currency): must be a 3-letter code',
		);
	});
});
