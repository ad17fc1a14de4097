// @ts-check
'use strict';
/**
 * Every documented limit at its boundary, through n8n's real engine against the sandbox: the
 * value just inside is sent and accepted (the sandbox checks the documented schema itself), the
 * value just outside is refused with the node's exact message and nothing is sent for it.
 * One engine run per provider (plus one per structural limit such as a row count), several items
 * each, "Continue On Fail" on, every parameter an expression over the item.
 */
const { bulkSessionId, SANDBOX_KEYS } = require('../../sandbox');
const { useSandboxEngine, id } = require('../engine/sandboxRun');

const ctx = useSandboxEngine({ bulkSessions: 1_000_000 });
const MiB = 1024 * 1024;

/**
 * Runs `cases` (each `{ name, item, error?, body? }`) as the items of one engine run. An item
 * with `error` must come back as that INVALID_INPUT error with no request for its session; the
 * others must have been sent once, answered 200, and their request body must contain `body`.
 */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The message of a refused item, from `path: message`: the field is named by its label (the
 * panel's wording, not checked here) followed by the parameter path in parentheses.
 */
function inputError(i, text) {
	const problems = text.split('; ').map((problem) => {
		const [, path, message] = /^([^:]+): (.*)$/s.exec(problem) ?? [];
		return `[^()]+ \\(${escape(path)}\\): ${escape(message)}`;
	});
	return expect.stringMatching(new RegExp(`^\\[item ${i}\\] ${problems.join('; ')}$`));
}

/**
 * @param {string} provider
 * @param {Record<string, unknown>} parameters
 * @param {Array<{ name: string, item: Record<string, unknown>, error?: string, body?: object, namesSession?: boolean }>} cases
 * @param {{
 *   requestSession: (request: any) => unknown,
 *   sessionOf?: (item: Record<string, any>) => unknown,
 *   options?: Record<string, unknown>,
 * }} how
 */
async function expectCases(provider, parameters, cases, { sessionOf, requestSession, options }) {
	ctx.sandbox.reset();
	const items = cases.map((c, i) => ({ sid: bulkSessionId(provider, i), ...c.item }));
	const { output, error } = await ctx.run(
		provider,
		{ ...parameters, ...(options ? { options } : {}) },
		items,
		{ onError: 'continueRegularOutput' },
	);
	expect(error).toBeUndefined();
	expect(output).toHaveLength(cases.length);
	const requests = ctx.requests();
	const results = cases.map((c, i) => {
		const session = sessionOf ? sessionOf(items[i]) : items[i].sid;
		const sent = requests.filter((request) => requestSession(request) === session);
		return { name: c.name, json: output[i].json, pairedItem: output[i].pairedItem, sent };
	});
	const expected = cases.map((c, i) =>
		c.error
			? {
					name: c.name,
					// An item refused after its values were read (Yuno's required fields) names its session.
					json: {
						error: inputError(i, c.error),
						code: 'INVALID_INPUT',
						...(c.namesSession ? { sessionId: items[i].sid } : {}),
					},
					pairedItem: { item: i },
					sent: [],
				}
			: {
					name: c.name,
					json: expect.not.objectContaining({ code: expect.anything() }),
					pairedItem: { item: i },
					sent: [
						expect.objectContaining({ status: 200, body: expect.objectContaining(c.body ?? {}) }),
					],
				},
	);
	expect(results).toEqual(expected);
	return { output, requests };
}

const pathSession = (prefix) => (request) => decodeURIComponent(request.path.slice(prefix.length));

describe('Yuno limits', () => {
	const COUNTRIES = 'AR, BO, BR, CL, CO, CR, EC, SV, GT, HN, MX, NI, PA, PY, PE, US, UY';
	const parameters = {
		checkoutSessionId: id('={{ $json.sid }}'),
		updateFields: {
			merchantOrderId: '={{ $json.order }}',
			paymentDescription: '={{ $json.description }}',
			country: '={{ $json.country }}',
			callbackUrl: '={{ $json.callback }}',
			workflow: '={{ $json.workflow }}',
			amount: { amount: { currency: '={{ $json.currency }}', value: '={{ $json.value }}' } },
			metadata: { pair: [{ key: '={{ $json.key }}', value: '={{ $json.metaValue }}' }] },
		},
	};
	const valid = {
		order: 'order-1',
		description: 'Two T-shirts',
		country: 'BR',
		callback: 'https://shop.example.com/return',
		workflow: 'CHECKOUT',
		currency: 'BRL',
		value: 10,
		key: 'channel',
		metaValue: 'n8n',
	};
	const url = (length) => `https://shop.example.com/${'p'.repeat(length - 25)}`;
	const at = (name, item, expected = {}) => ({ name, item: { ...valid, ...item }, ...expected });
	const requestSession = pathSession('/checkout/sessions/');

	test('text lengths, callback_url, country, workflow, amount and metadata key/value sizes', async () => {
		await expectCases(
			'yuno',
			parameters,
			[
				at('merchant_order_id of 3', { order: 'abc' }, { body: { merchant_order_id: 'abc' } }),
				at(
					'merchant_order_id of 255',
					{ order: 'o'.repeat(255) },
					{ body: { merchant_order_id: 'o'.repeat(255) } },
				),
				at(
					'merchant_order_id of 2',
					{ order: 'ab' },
					{ error: 'merchantOrderId: must be at least 3 characters' },
				),
				at(
					'merchant_order_id of 256',
					{ order: 'o'.repeat(256) },
					{ error: 'merchantOrderId: must be at most 255 characters' },
				),
				at(
					'payment_description of 3',
					{ description: 'abc' },
					{ body: { payment_description: 'abc' } },
				),
				at(
					'payment_description of 255',
					{ description: 'd'.repeat(255) },
					{ body: { payment_description: 'd'.repeat(255) } },
				),
				at(
					'payment_description of 2',
					{ description: 'ab' },
					{ error: 'paymentDescription: must be at least 3 characters' },
				),
				at(
					'payment_description of 256',
					{ description: 'd'.repeat(256) },
					{ error: 'paymentDescription: must be at most 255 characters' },
				),
				at('callback_url of 526', { callback: url(526) }, { body: { callback_url: url(526) } }),
				at(
					'callback_url of 527',
					{ callback: url(527) },
					{ error: 'callbackUrl: must be at most 526 characters' },
				),
				at(
					'callback_url without scheme',
					{ callback: 'shop.example.com/return' },
					{
						error:
							'callbackUrl: must be an absolute URL, e.g. https://shop.example.com/thanks or myapp://return',
					},
				),
				at('a listed country', { country: 'UY' }, { body: { country: 'UY' } }),
				at(
					'an unlisted country',
					{ country: 'DE' },
					{ error: `country: must be one of ${COUNTRIES}` },
				),
				at(
					'a lower-case country',
					{ country: 'br' },
					{ error: `country: must be one of ${COUNTRIES}` },
				),
				at(
					'workflow SDK_SEAMLESS',
					{ workflow: 'SDK_SEAMLESS' },
					{ body: { workflow: 'SDK_SEAMLESS' } },
				),
				at(
					'an unknown workflow',
					{ workflow: 'checkout' },
					{ error: 'workflow: must be one of SDK_CHECKOUT, CHECKOUT, SDK_SEAMLESS' },
				),
				at(
					'amount 23.5676',
					{ value: 23.5676 },
					{ body: { amount: { currency: 'BRL', value: 23.5676 } } },
				),
				at(
					'amount 0.0001',
					{ value: 0.0001 },
					{ body: { amount: { currency: 'BRL', value: 0.0001 } } },
				),
				at(
					'amount 1.00005',
					{ value: 1.00005 },
					{ error: 'amount.value: must be a multiple of 0.0001' },
				),
				at(
					'amount as text "12.5"',
					{ value: '12.5' },
					{ body: { amount: { currency: 'BRL', value: 12.5 } } },
				),
				at('amount as "1e309"', { value: '1e309' }, { error: 'amount.value: must be a number' }),
				at(
					'a 4-letter currency',
					{ currency: 'BRLL' },
					{ error: 'amount.currency: must be a 3-letter code' },
				),
				at(
					'metadata key of 48',
					{ key: 'k'.repeat(48) },
					{ body: { metadata: [{ key: 'k'.repeat(48), value: 'n8n' }] } },
				),
				at(
					'metadata key of 49',
					{ key: 'k'.repeat(49) },
					{ error: 'metadata[0].key: must be at most 48 characters' },
				),
				at(
					'metadata value of 512',
					{ metaValue: 'v'.repeat(512) },
					{ body: { metadata: [{ key: 'channel', value: 'v'.repeat(512) }] } },
				),
				at(
					'metadata value of 513',
					{ metaValue: 'v'.repeat(513) },
					{ error: 'metadata[0].value: must be at most 512 characters' },
				),
			],
			{ requestSession },
		);
	});

	test('metadata: 120 rows are sent, 121 are refused', async () => {
		const rows = (count) =>
			Array.from({ length: count }, (_, i) => ({ key: `key${i}`, value: `value ${i}` }));
		const run = (count) =>
			expectCases(
				'yuno',
				{
					...parameters,
					updateFields: { ...parameters.updateFields, metadata: { pair: rows(count) } },
				},
				[
					at(
						`${count} rows`,
						{},
						count <= 120
							? { body: { metadata: rows(count) } }
							: { error: 'metadata: must have at most 120 rows' },
					),
				],
				{ requestSession },
			);
		await run(120);
		await run(121);
	});

	test('without "Auto-Fill Required Fields" the missing required fields are refused, all named; with it, one GET fills them', async () => {
		const partial = {
			checkoutSessionId: id('={{ $json.sid }}'),
			updateFields: { workflow: '={{ $json.workflow }}' },
		};
		await expectCases(
			'yuno',
			partial,
			[
				{
					name: 'no order id',
					item: { workflow: 'CHECKOUT' },
					error: ['merchantOrderId', 'paymentDescription', 'country']
						.map(
							(path) =>
								`${path}: is required by Yuno on every update (or turn on "Auto-Fill Required Fields" in the options)`,
						)
						.join('; '),
					namesSession: true,
				},
			],
			{
				requestSession,
				options: { fillRequiredFields: false },
			},
		);
		ctx.sandbox.reset();
		const { error } = await ctx.run(
			'yuno',
			partial,
			[{ sid: bulkSessionId('yuno', 7), workflow: 'CHECKOUT' }],
			{ onError: 'continueRegularOutput' },
		);
		expect(error).toBeUndefined();
		expect(ctx.requests().map((request) => [request.method, request.status])).toEqual([
			['GET', 200],
			['PATCH', 200],
		]);
		expect(ctx.requests()[1].body).toEqual({
			workflow: 'CHECKOUT',
			merchant_order_id: 'bulk-7',
			payment_description: 'Bulk session 7',
			country: 'BR',
			account_id: SANDBOX_KEYS.yuno.accountId,
		});
	});

	// Found by fuzz.yuno.test.js: 5e-11 passes the node's tolerance (1e-6 of a step of 0.0001) and is
	// sent as it is; it is no multiple of 0.0001 and Yuno refuses it.
	test('an amount of float noise (5e-11) is refused or sent as a multiple of 0.0001, never refused by Yuno', async () => {
		ctx.sandbox.reset();
		const parameters = {
			checkoutSessionId: id('={{ $json.sid }}'),
			updateFields: {
				merchantOrderId: 'order-1',
				paymentDescription: 'Two T-shirts',
				country: 'BR',
				amount: { amount: { currency: 'BRL', value: '={{ $json.value }}' } },
			},
		};
		const values = [5e-11, -5e-11, 0.0001 - 5e-11];
		const items = values.map((value, i) => ({ sid: bulkSessionId('yuno', i), value }));
		const { output, error } = await ctx.run('yuno', parameters, items, {
			onError: 'continueRegularOutput',
		});
		expect(error).toBeUndefined();
		output.forEach((item, i) => {
			if (item.json.code === 'INVALID_INPUT') {
				expect(item.json.error).toMatch(new RegExp(`^\\[item ${i}\\] amount\\.value: `));
			} else {
				expect(item.json).toMatchObject({ amount: { currency: 'BRL' } });
				expect(Number.isInteger(item.json.amount.value * 10_000)).toBe(true);
			}
		});
		expect(ctx.requests().filter((request) => request.status !== 200)).toEqual([]);
	});

	// Found by fuzz.yuno.test.js: the node checks only the length (36), the page says "UUID, 36 chars".
	test('account_id and customer_id are UUIDs: a 36-character text that is no UUID is refused, nothing sent', async () => {
		ctx.sandbox.reset();
		const parameters = {
			checkoutSessionId: id('={{ $json.sid }}'),
			updateFields: {
				merchantOrderId: 'order-1',
				paymentDescription: 'Two T-shirts',
				country: 'BR',
				customerId: '={{ $json.customer }}',
				accountId: '={{ $json.account }}',
			},
		};
		const customer = '3f1c2a9e-4b7d-4e21-9c55-0a8f6d2b7e13';
		const items = [
			{ sid: bulkSessionId('yuno', 0), customer: 'x'.repeat(36) },
			{ sid: bulkSessionId('yuno', 1), account: 'x'.repeat(36) },
			{ sid: bulkSessionId('yuno', 2), customer },
		];
		const { output, error } = await ctx.run('yuno', parameters, items, {
			onError: 'continueRegularOutput',
		});
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json)).toEqual([
			{
				error: expect.stringMatching(/^\[item 0\] [^()]+ \(customerId\): /),
				code: 'INVALID_INPUT',
			},
			{
				error: expect.stringMatching(/^\[item 1\] [^()]+ \(accountId\): /),
				code: 'INVALID_INPUT',
			},
			expect.objectContaining({ customer_id: customer }),
		]);
		expect(ctx.requests().map((request) => request.path)).toEqual([
			`/checkout/sessions/${items[2].sid}`,
		]);
	});
});

describe('Speed limits', () => {
	const requestSession = pathSession('/checkout-sessions/');
	const image = (bytes) => Buffer.alloc(bytes, 7).toString('base64');

	test('title_image of exactly 2 MiB is sent, 2 MiB + 1 byte is refused; ids need cs_', async () => {
		const parameters = {
			checkoutSessionId: id('={{ $json.sid }}'),
			updateFields: { titleImage: '={{ $json.image }}' },
		};
		await expectCases(
			'speed',
			parameters,
			[
				{
					name: '2 MiB as base64',
					item: { image: image(2 * MiB) },
					body: { title_image: image(2 * MiB) },
				},
				{
					name: '2 MiB as a data URL',
					item: { image: `data:image/png;base64,${image(2 * MiB)}` },
					body: { title_image: `data:image/png;base64,${image(2 * MiB)}` },
				},
				{
					name: '2 MiB + 1 byte',
					item: { image: image(2 * MiB + 1) },
					error: 'titleImage: must be at most 2 MB (this image is 2.00 MB)',
				},
				{
					name: '2 MiB + 1 byte as a data URL',
					item: { image: `data:image/png;base64,${image(2 * MiB + 1)}` },
					error: 'titleImage: must be at most 2 MB (this image is 2.00 MB)',
				},
				{
					name: 'an image link',
					item: { image: 'https://cdn.example.com/logo.png' },
					body: { title_image: 'https://cdn.example.com/logo.png' },
				},
				{
					name: 'neither link nor base64',
					item: { image: 'ftp://cdn.example.com/logo.png' },
					error: 'titleImage: must be an image URL (http:// or https://), base64 or a data URL',
				},
				{
					name: 'an id without cs_',
					item: { sid: 'sess_123', image: 'https://cdn.example.com/logo.png' },
					error: 'checkoutSessionId: must be a session ID starting with cs_',
				},
			],
			{ requestSession },
		);
	});

	test('success_url and success_message are exclusive: only the one "After Payment" picks is sent', async () => {
		const parameters = {
			checkoutSessionId: id('={{ $json.sid }}'),
			afterPayment: '={{ $json.after }}',
			successUrl: '={{ $json.url }}',
			successMessage: '={{ $json.message }}',
		};
		const both = { url: 'https://shop.example.com/thanks', message: 'Thanks!' };
		const { requests } = await expectCases(
			'speed',
			parameters,
			[
				{ name: 'redirect', item: { after: 'redirect', ...both }, body: { success_url: both.url } },
				{
					name: 'message',
					item: { after: 'message', ...both },
					body: { success_message: both.message },
				},
				{
					name: 'unchanged',
					item: { after: 'unchanged', ...both },
					error: 'updateFields: nothing to update: add at least one field to change',
				},
				{
					name: 'redirect to no URL',
					item: { after: 'redirect', url: 'shop.example.com/thanks' },
					error:
						'successUrl: must be an absolute URL, e.g. https://shop.example.com/thanks or myapp://return',
				},
				{
					name: 'an unknown choice',
					item: { after: 'both', ...both },
					error: 'afterPayment: must be one of unchanged, redirect, message',
				},
			],
			{ requestSession },
		);
		for (const request of requests) expect(Object.keys(request.body)).toHaveLength(1);
	});

	test('metadata keys are case-sensitive: "Order" and "order" are two keys; the same key twice is refused', async () => {
		const parameters = {
			checkoutSessionId: id('={{ $json.sid }}'),
			updateFields: {
				metadata: {
					pair: [
						{ key: '={{ $json.k1 }}', value: 'upper' },
						{ key: '={{ $json.k2 }}', value: 'lower' },
					],
				},
			},
		};
		await expectCases(
			'speed',
			parameters,
			[
				{
					name: 'Order and order',
					item: { k1: 'Order', k2: 'order' },
					body: { metadata: { Order: 'upper', order: 'lower' } },
				},
				{
					name: 'order twice',
					item: { k1: 'order', k2: 'order' },
					error: 'metadata[1].key: "order" is listed twice',
				},
				{
					name: 'an empty key',
					item: { k1: 'order', k2: '' },
					error: 'metadata[1].key: must be at least 1 characters',
				},
			],
			{ requestSession },
		);
	});

	// Found by fuzz.speed.test.js: n8n's HTTP client (axios) drops these keys from JSON bodies, so
	// the item reported success while the key never reached Speed.
	test('metadata keys __proto__, constructor and prototype are refused, not silently dropped', async () => {
		ctx.sandbox.reset();
		const parameters = {
			checkoutSessionId: id('={{ $json.sid }}'),
			updateFields: { metadata: { pair: [{ key: '={{ $json.key }}', value: 'v' }] } },
		};
		const keys = ['__proto__', 'constructor', 'prototype'];
		const items = keys.map((key, i) => ({ sid: bulkSessionId('speed', i), key }));
		const { output, error } = await ctx.run('speed', parameters, items, {
			onError: 'continueRegularOutput',
		});
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json)).toEqual(
			keys.map((_, i) => ({
				error: expect.stringMatching(
					new RegExp(`^\\[item ${i}\\] [^()]+ \\(metadata\\[0\\]\\.key\\): `),
				),
				code: 'INVALID_INPUT',
			})),
		);
		expect(ctx.requests()).toEqual([]);
	});
});

describe('Upag limits', () => {
	const requestSession = pathSession('/checkout-sessions/');
	const parameters = {
		checkoutSessionId: id('={{ $json.sid }}'),
		updateFields: {
			items: { item: [{ priceId: '={{ $json.price }}', quantity: '={{ $json.quantity }}' }] },
			paymentMethods: '={{ $json.methods }}',
		},
	};
	const valid = { price: 'price_def456ghi', quantity: 2, methods: ['pix'] };
	const at = (name, item, expected = {}) => ({ name, item: { ...valid, ...item }, ...expected });

	test('quantity ≥ 1 and whole, payment methods only credit_card/pix, ids with cs_', async () => {
		await expectCases(
			'upag',
			parameters,
			[
				at(
					'quantity 1',
					{ quantity: 1 },
					{ body: { items: [{ priceId: valid.price, quantity: 1 }] } },
				),
				at(
					'quantity as text "3"',
					{ quantity: '3' },
					{ body: { items: [{ priceId: valid.price, quantity: 3 }] } },
				),
				at('quantity 0', { quantity: 0 }, { error: 'items[0].quantity: must be 1 or more' }),
				at('quantity -1', { quantity: -1 }, { error: 'items[0].quantity: must be 1 or more' }),
				at(
					'quantity 1.5',
					{ quantity: 1.5 },
					{ error: 'items[0].quantity: must be a whole number' },
				),
				at(
					'no price id',
					{ price: '' },
					{ error: 'items[0].priceId: must be at least 1 characters' },
				),
				at(
					'credit_card and pix',
					{ methods: ['credit_card', 'pix'] },
					{ body: { paymentMethods: ['credit_card', 'pix'] } },
				),
				at(
					'methods as text',
					{ methods: 'pix, credit_card' },
					{ body: { paymentMethods: ['pix', 'credit_card'] } },
				),
				at(
					'boleto',
					{ methods: ['pix', 'boleto'] },
					{ error: 'paymentMethods[1]: must be one of credit_card, pix' },
				),
				at(
					'the checkout URL as id',
					{ sid: `https://checkout.upag.io/${bulkSessionId('upag', 900)}` },
					{ body: { items: [{ priceId: valid.price, quantity: 2 }] } },
				),
				at(
					'an id without cs_',
					{ sid: 'sess_123' },
					{ error: 'checkoutSessionId: must be a session ID starting with cs_' },
				),
				at(
					'an id with another prefix case',
					{ sid: 'CS_abc' },
					{ error: 'checkoutSessionId: must be a session ID starting with cs_' },
				),
			],
			{
				requestSession,
				sessionOf: (item) =>
					typeof item.sid === 'string'
						? item.sid.replace('https://checkout.upag.io/', '')
						: item.sid,
			},
		);
	});

	test('at least one item when items are sent: an empty Items list sends no items at all', async () => {
		const noRows = {
			checkoutSessionId: id('={{ $json.sid }}'),
			updateFields: { items: { item: [] }, successUrl: '={{ $json.url }}' },
		};
		const { requests } = await expectCases(
			'upag',
			noRows,
			[
				{
					name: 'with another field',
					item: { url: 'https://shop.example.com/ok' },
					body: { successUrl: 'https://shop.example.com/ok' },
				},
				{
					name: 'alone',
					item: {},
					error: 'updateFields: nothing to update: add at least one field to change',
				},
			],
			{ requestSession },
		);
		expect(requests.map((request) => request.body)).toEqual([
			{ successUrl: 'https://shop.example.com/ok' },
		]);
	});
});

describe('Sprintcheckout limits', () => {
	const parameters = {
		sessionId: id('={{ $json.sid }}'),
		updateFields: {
			currency: '={{ $json.currency }}',
			amount: '={{ $json.amount }}',
			minAmount: '={{ $json.minAmount }}',
			editable: '={{ $json.editable }}',
		},
	};
	const valid = { currency: 'USD', amount: 10.5, minAmount: 5, editable: true };
	const at = (name, item, expected = {}) => ({ name, item: { ...valid, ...item }, ...expected });

	test('currency of 3 letters, amount and minAmount numbers, editable a boolean', async () => {
		await expectCases(
			'sprintcheckout',
			parameters,
			[
				at('USD', {}, { body: { currency: 'USD', amount: 10.5, minAmount: 5, editable: true } }),
				at('usd (upper-cased)', { currency: 'usd' }, { body: { currency: 'USD' } }),
				at('US', { currency: 'US' }, { error: 'currency: must be a 3-letter code' }),
				at('USDT', { currency: 'USDT' }, { error: 'currency: must be a 3-letter code' }),
				at('U$D', { currency: 'U$D' }, { error: 'currency: must be a 3-letter code' }),
				at('amount 0', { amount: 0 }, { body: { amount: 0 } }),
				at('amount as text', { amount: '99.90' }, { body: { amount: 99.9 } }),
				at('amount not a number', { amount: 'ten' }, { error: 'amount: must be a number' }),
				at('amount 1e309 as text', { amount: '1e309' }, { error: 'amount: must be a number' }),
				at('amount negative', { amount: -1 }, { error: 'amount: must be 0 or more' }),
				at(
					'minAmount not a number',
					{ minAmount: 'NaN' },
					{ error: 'minAmount: must be a number' },
				),
				at('minAmount as a list', { minAmount: [5] }, { error: 'minAmount: must be a number' }),
				at('editable false', { editable: false }, { body: { editable: false } }),
				at('editable as text "true"', { editable: 'true' }, { body: { editable: true } }),
				at('editable "yes"', { editable: 'yes' }, { error: 'editable: must be true or false' }),
				at('editable 1', { editable: 1 }, { error: 'editable: must be true or false' }),
			],
			{ requestSession: (request) => request.body?.sessionId },
		);
	});
});

describe('Create limits (issue 12)', () => {
	const create = (fields) => ({ resource: 'checkoutSession', operation: 'create', ...fields });

	test('Speed: ttl 300 is sent, 299 refused ("minimum 5 minutes"); int32 at most; amount 0 allowed, below refused', async () => {
		const parameters = create({
			amount: '={{ $json.amount }}',
			currency: 'USD',
			additionalFields: { statementDescriptor: '={{ $json.tag }}', ttl: '={{ $json.ttl }}' },
		});
		const at = (name, item, expected = {}) => ({
			name,
			item: { tag: name, amount: 10, ttl: 600, ...item },
			...expected,
		});
		await expectCases(
			'speed',
			parameters,
			[
				at('ttl 300', { ttl: 300 }, { body: { ttl: 300 } }),
				at('ttl 299', { ttl: 299 }, { error: 'ttl: must be 300 or more' }),
				at('ttl int32 max', { ttl: 2 ** 31 - 1 }, { body: { ttl: 2 ** 31 - 1 } }),
				at('ttl beyond int32', { ttl: 2 ** 31 }, { error: 'ttl: must be 2147483647 or less' }),
				at('amount 0', { amount: 0 }, { body: { amount: 0 } }),
				at('amount -0.01', { amount: -0.01 }, { error: 'amount: must be 0 or more' }),
			],
			{
				sessionOf: (item) => item.tag,
				requestSession: (request) => request.body?.statement_descriptor,
			},
		);
	});

	test('Yuno: merchant order id and description 3–255, callback URL up to 526, metadata up to 50 rows', async () => {
		const parameters = create({
			merchantOrderId: '={{ $json.order }}',
			paymentDescription: '={{ $json.description }}',
			country: 'BR',
			additionalFields: { callbackUrl: '={{ $json.callback }}' },
		});
		const url = (length) =>
			`https://shop.example/${'a'.repeat(length - 'https://shop.example/'.length)}`;
		const at = (name, item, expected = {}) => ({
			name,
			item: { order: `order-${name}`, description: 'Two shirts', ...item },
			...expected,
		});
		await expectCases(
			'yuno',
			parameters,
			[
				at('description of 3', { description: 'abc' }, { body: { payment_description: 'abc' } }),
				at(
					'description of 2',
					{ description: 'ab' },
					{ error: 'paymentDescription: must be at least 3 characters' },
				),
				at(
					'description of 255',
					{ description: 'd'.repeat(255) },
					{ body: { payment_description: 'd'.repeat(255) } },
				),
				at(
					'description of 256',
					{ description: 'd'.repeat(256) },
					{ error: 'paymentDescription: must be at most 255 characters' },
				),
				at(
					'order id of 255',
					{ order: 'o'.repeat(255) },
					{ body: { merchant_order_id: 'o'.repeat(255) } },
				),
				at('callback of 526', { callback: url(526) }, { body: { callback_url: url(526) } }),
				at(
					'callback of 527',
					{ callback: url(527) },
					{ error: 'callbackUrl: must be at most 526 characters' },
				),
			],
			{
				sessionOf: (item) => item.order,
				requestSession: (request) => request.body?.merchant_order_id,
			},
		);
		const rows = (count) => ({
			pair: Array.from({ length: count }, (_, index) => ({ key: `k${index}`, value: 'v' })),
		});
		const fifty = await ctx.run(
			'yuno',
			create({
				merchantOrderId: 'order-50',
				paymentDescription: 'Fifty rows',
				country: 'BR',
				additionalFields: { metadata: rows(50) },
			}),
		);
		expect(fifty.error).toBeUndefined();
		expect(ctx.requests().at(-1).body.metadata).toHaveLength(50);
		const fiftyOne = await ctx.run(
			'yuno',
			create({
				merchantOrderId: 'order-51',
				paymentDescription: 'Too many',
				country: 'BR',
				additionalFields: { metadata: rows(51) },
			}),
		);
		expect(fiftyOne.error.message).toMatch(/\(metadata\): must have at most 50 rows/);
	});
});
