// @ts-check
const { SANDBOX_KEYS, SEEDED } = require('../../sandbox');
const { useSandboxEngine, id } = require('./sandboxRun');

const ctx = useSandboxEngine();
const [OPEN] = SEEDED.sprintcheckout.updatable;

describe('Sprintcheckout node in the engine, against the sandbox', () => {
	test('PUT /api/checkout/v2/payment_session with X-SC-ApiKey and the id in the body', async () => {
		const { output, error } = await ctx.run(
			'sprintcheckout',
			{
				sessionId: id(`https://app.sprintcheckout.com/?uid=${OPEN}`),
				updateFields: {
					amount: '={{ $json.total }}',
					currency: 'eur',
					editable: false,
					orderId: '={{ $json.order }}',
				},
			},
			[{ total: '49.90', order: 1001 }],
		);
		expect(error).toBeUndefined();
		const [request] = ctx.requests();
		expect(request).toMatchObject({ method: 'PUT', path: '/api/checkout/v2/payment_session' });
		expect(request.headers['x-sc-apikey']).toBe(SANDBOX_KEYS.sprintcheckout.apiKey);
		expect(request.body).toEqual({
			sessionId: OPEN,
			amount: 49.9,
			currency: 'EUR',
			editable: false,
			orderId: '1001',
		});
		// The answer does not show what changed: the fields sent are added under `sent`.
		expect(output[0].json).toEqual({
			sessionId: OPEN,
			redirectUrl: `https://app.sprintcheckout.com/?uid=${OPEN}`,
			sent: { amount: 49.9, currency: 'EUR', editable: false, orderId: '1001' },
		});
	});

	test('an unknown session gives the documented 500', async () => {
		const { error } = await ctx.run('sprintcheckout', {
			sessionId: id(SEEDED.sprintcheckout.unknown),
			updateFields: { concept: 'x' },
		});
		expect(error.httpCode).toBe('500');
		expect(error.message).toMatch(/^\[item 0\] Sprintcheckout answered 500/);
	});

	test('a wrong key gives 401 without the key in the error', async () => {
		const apiKey = 'sc_wrong_key_for_the_test';
		await ctx.refusedKey(
			'sprintcheckout',
			{ sessionId: id(OPEN), updateFields: { concept: 'x' } },
			{ apiKey },
		);
	});

	test('a 2-letter currency is refused before sending', async () => {
		const { error } = await ctx.run('sprintcheckout', {
			sessionId: id(OPEN),
			updateFields: { currency: 'US' },
		});
		expect(error.message).toBe('[item 0] Currency (currency): must be a 3-letter code');
		expect(ctx.requests()).toEqual([]);
	});
});

describe('Sprintcheckout: session references, numbers, clearing, problems by label', () => {
	test('a malformed %-escape in a checkout URL names the item and the field', async () => {
		const { error } = await ctx.run('sprintcheckout', {
			sessionId: id('https://app.sprintcheckout.com/?uid=cs_%E0%A4%A'),
			updateFields: { concept: 'x' },
		});
		expect(error.message).toBe(
			'[item 0] Checkout Session (sessionId): is a checkout URL whose session ID has a malformed %-escape ("cs_%E0%A4%A")',
		);
		expect(ctx.requests()).toEqual([]);
	});

	test('a session id from a number without an exact text form is refused; a safe integer is sent as text', async () => {
		const { output } = await ctx.run(
			'sprintcheckout',
			{
				sessionId: id('={{ [NaN, Infinity, 2 ** 53 + 1, 1e21, -Infinity, 4217][$itemIndex] }}'),
				updateFields: { concept: 'x' },
			},
			[{}, {}, {}, {}, {}, {}],
			{ onError: 'continueRegularOutput' },
		);
		output.slice(0, 5).forEach((item, index) => {
			expect(item.json.error).toMatch(
				new RegExp(`^\\[item ${index}\\] Checkout Session \\(sessionId\\): `),
			);
		});
		expect(ctx.requests().map((request) => request.body.sessionId)).toEqual(['4217']);
	});

	test('Fields to Clear sends exactly those fields as null; blank fields stay unsent', async () => {
		const { error, output } = await ctx.run('sprintcheckout', {
			sessionId: id(OPEN),
			updateFields: {
				concept: '',
				orderId: 'order-9',
				fieldsToClear: ['failUrl', 'minAmount', 'editable'],
			},
		});
		expect(error).toBeUndefined();
		const [request] = ctx.requests();
		expect(request.status).toBe(200);
		expect(request.body).toEqual({
			sessionId: OPEN,
			orderId: 'order-9',
			failUrl: null,
			minAmount: null,
			editable: null,
		});
		expect(output[0].json.sent).toEqual({
			orderId: 'order-9',
			failUrl: null,
			minAmount: null,
			editable: null,
		});
	});

	test('Fields to Clear alone is a change; a field both set and cleared is refused', async () => {
		const alone = await ctx.run('sprintcheckout', {
			sessionId: id(OPEN),
			updateFields: { fieldsToClear: ['cancelUrl'] },
		});
		expect(alone.error).toBeUndefined();
		const both = await ctx.run('sprintcheckout', {
			sessionId: id(OPEN),
			updateFields: { concept: 'New', fieldsToClear: ['concept'] },
		});
		expect(both.error.message).toBe(
			'[item 0] Concept (concept): is set and also listed in Fields to Clear: do one or the other',
		);
	});

	test('every problem of the item in one message, each by its label', async () => {
		const { error } = await ctx.run('sprintcheckout', {
			sessionId: id(OPEN),
			updateFields: { currency: 'US', amount: -1, successUrl: 'javascript:alert(1)' },
		});
		expect(error.message).toBe(
			'[item 0] Amount (amount): must be 0 or more; Currency (currency): must be a 3-letter code; Success URL (successUrl): must not be a javascript: URL (javascript:, data:, vbscript:, file: are refused)',
		);
	});

	test('URL fields take any absolute URI (an app deep link) but not vbscript: or file:', async () => {
		const { output } = await ctx.run(
			'sprintcheckout',
			{ sessionId: id(OPEN), updateFields: { successUrl: '={{ $json.url }}' } },
			[{ url: 'myapp://paid?order=1' }, { url: 'VBScript:msgbox' }, { url: 'file:///etc/passwd' }],
			{ onError: 'continueRegularOutput' },
		);
		expect(output[0].json.sent).toEqual({ successUrl: 'myapp://paid?order=1' });
		expect(output[1].json.error).toMatch(
			/^\[item 1\] Success URL \(successUrl\): must not be a vbscript: URL/,
		);
		expect(output[2].json.error).toMatch(
			/^\[item 2\] Success URL \(successUrl\): must not be a file: URL/,
		);
	});
});
