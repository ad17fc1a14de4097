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
 * Case builders over a base item (`base(name)`, merged under each case's own values): a `sent`
 * case must reach the sandbox with `body` in its request, a `refused` one must fail with `error`.
 * @param {(name: string) => Record<string, unknown>} [base]
 */
function casesOver(base = () => ({})) {
	const sent = (name, item, body) => ({ name, item: { ...base(name), ...item }, body });
	const refused = (name, item, error) => ({ name, item: { ...base(name), ...item }, error });
	/**
	 * A documented length limit of `parameter` (the item's `itemKey`, `wireKey` in the request):
	 * `min` and `max` characters are sent, one fewer and one more refused with the node's message.
	 * @param {string} parameter @param {string} wireKey @param {string} itemKey
	 * @param {{ min?: number, max: number, text?: (length: number) => string }} limit
	 */
	const lengths = (parameter, wireKey, itemKey, { min, max, text = (n) => 'x'.repeat(n) }) => {
		const sentAt = (n) =>
			sent(`${wireKey} of ${n}`, { [itemKey]: text(n) }, { [wireKey]: text(n) });
		const refusedAt = (n, message) =>
			refused(`${wireKey} of ${n}`, { [itemKey]: text(n) }, `${parameter}: ${message}`);
		return [
			...(min === undefined
				? []
				: [sentAt(min), refusedAt(min - 1, `must be at least ${min} characters`)]),
			sentAt(max),
			refusedAt(max + 1, `must be at most ${max} characters`),
		];
	};
	return { sent, refused, lengths };
}

/**
 * The engine runs of one provider's tests: item i's session is the provider's i-th bulk session,
 * as `sid`, which the parameter `sessionParameter` reads, if given; `requestSession(request)`
 * tells the session a request was for, `sessionOf(item)` an item's (by default its `sid`).
 * `runItems(parameters, items, options?)` runs the items ("Continue On Fail" on; the run itself
 * must not fail). `runCases(parameters, cases, options?)` runs `cases` (each
 * `{ name, item, error?, body? }`) as the items of one engine run: an item with `error` must come
 * back as that INVALID_INPUT error with no request for its session; the others must have been
 * sent once, answered 200, and their request body must contain `body`.
 * @param {string} provider
 * @param {{
 *   sessionParameter?: string,
 *   requestSession: (request: any) => unknown,
 *   sessionOf?: (item: Record<string, any>) => unknown,
 * }} how
 */
function casesRunner(
	provider,
	{ sessionParameter, requestSession, sessionOf = (item) => item.sid },
) {
	/**
	 * @param {Record<string, unknown>} parameters
	 * @param {Array<Record<string, unknown>>} given
	 * @param {Record<string, unknown>} [options]
	 */
	async function runItems(parameters, given, options) {
		ctx.sandbox.reset();
		const items = given.map((item, i) => ({ sid: bulkSessionId(provider, i), ...item }));
		const { output, error } = await ctx.run(
			provider,
			{
				...(sessionParameter ? { [sessionParameter]: id('={{ $json.sid }}') } : {}),
				...parameters,
				...(options ? { options } : {}),
			},
			items,
			{ onError: 'continueRegularOutput' },
		);
		expect(error).toBeUndefined();
		return { output, items, requests: ctx.requests() };
	}
	/**
	 * @param {Record<string, unknown>} parameters
	 * @param {Array<{ name: string, item: Record<string, unknown>, error?: string, body?: object, namesSession?: boolean }>} cases
	 * @param {Record<string, unknown>} [options]
	 */
	async function runCases(parameters, cases, options) {
		const { output, items, requests } = await runItems(
			parameters,
			cases.map((c) => c.item),
			options,
		);
		expect(output).toHaveLength(cases.length);
		const results = cases.map((c, i) => {
			const session = sessionOf(items[i]);
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
	return { runItems, runCases };
}

const pathSession = (prefix) => (request) => decodeURIComponent(request.path.slice(prefix.length));

describe('Yuno limits', () => {
	const COUNTRIES = 'AR, BO, BR, CL, CO, CR, EC, SV, GT, HN, MX, NI, PA, PY, PE, US, UY';
	const parameters = {
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
	const { sent, refused, lengths } = casesOver(() => valid);
	const { runCases, runItems } = casesRunner('yuno', {
		sessionParameter: 'checkoutSessionId',
		requestSession: pathSession('/checkout/sessions/'),
	});

	test('text lengths, callback_url, country, workflow, amount and metadata key/value sizes', async () => {
		await runCases(parameters, [
			...lengths('merchantOrderId', 'merchant_order_id', 'order', { min: 3, max: 255 }),
			...lengths('paymentDescription', 'payment_description', 'description', { min: 3, max: 255 }),
			...lengths('callbackUrl', 'callback_url', 'callback', { max: 526, text: url }),
			refused(
				'callback_url without scheme',
				{ callback: 'shop.example.com/return' },
				'callbackUrl: must be an absolute URL, e.g. https://shop.example.com/thanks or myapp://return',
			),
			sent('a listed country', { country: 'UY' }, { country: 'UY' }),
			refused('an unlisted country', { country: 'DE' }, `country: must be one of ${COUNTRIES}`),
			refused('a lower-case country', { country: 'br' }, `country: must be one of ${COUNTRIES}`),
			sent('workflow SDK_SEAMLESS', { workflow: 'SDK_SEAMLESS' }, { workflow: 'SDK_SEAMLESS' }),
			refused(
				'an unknown workflow',
				{ workflow: 'checkout' },
				'workflow: must be one of SDK_CHECKOUT, CHECKOUT, SDK_SEAMLESS',
			),
			sent('amount 23.5676', { value: 23.5676 }, { amount: { currency: 'BRL', value: 23.5676 } }),
			sent('amount 0.0001', { value: 0.0001 }, { amount: { currency: 'BRL', value: 0.0001 } }),
			refused('amount 1.00005', { value: 1.00005 }, 'amount.value: must be a multiple of 0.0001'),
			sent(
				'amount as text "12.5"',
				{ value: '12.5' },
				{ amount: { currency: 'BRL', value: 12.5 } },
			),
			refused('amount as "1e309"', { value: '1e309' }, 'amount.value: must be a number'),
			refused(
				'a 4-letter currency',
				{ currency: 'BRLL' },
				'amount.currency: must be a 3-letter code',
			),
			sent(
				'metadata key of 48',
				{ key: 'k'.repeat(48) },
				{ metadata: [{ key: 'k'.repeat(48), value: 'n8n' }] },
			),
			refused(
				'metadata key of 49',
				{ key: 'k'.repeat(49) },
				'metadata[0].key: must be at most 48 characters',
			),
			sent(
				'metadata value of 512',
				{ metaValue: 'v'.repeat(512) },
				{ metadata: [{ key: 'channel', value: 'v'.repeat(512) }] },
			),
			refused(
				'metadata value of 513',
				{ metaValue: 'v'.repeat(513) },
				'metadata[0].value: must be at most 512 characters',
			),
		]);
	});

	test('metadata: 120 rows are sent, 121 are refused', async () => {
		const rows = (count) =>
			Array.from({ length: count }, (_, i) => ({ key: `key${i}`, value: `value ${i}` }));
		const run = (count) =>
			runCases(
				{
					...parameters,
					updateFields: { ...parameters.updateFields, metadata: { pair: rows(count) } },
				},
				[
					count <= 120
						? sent(`${count} rows`, {}, { metadata: rows(count) })
						: refused(`${count} rows`, {}, 'metadata: must have at most 120 rows'),
				],
			);
		await run(120);
		await run(121);
	});

	test('without "Auto-Fill Required Fields" the missing required fields are refused, all named; with it, one GET fills them', async () => {
		const partial = {
			checkoutSessionId: id('={{ $json.sid }}'),
			updateFields: { workflow: '={{ $json.workflow }}' },
		};
		await runCases(
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
			{ fillRequiredFields: false },
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
		const parameters = {
			updateFields: {
				merchantOrderId: 'order-1',
				paymentDescription: 'Two T-shirts',
				country: 'BR',
				amount: { amount: { currency: 'BRL', value: '={{ $json.value }}' } },
			},
		};
		const values = [5e-11, -5e-11, 0.0001 - 5e-11];
		const { output, requests } = await runItems(
			parameters,
			values.map((value) => ({ value })),
		);
		output.forEach((item, i) => {
			if (item.json.code === 'INVALID_INPUT') {
				expect(item.json.error).toMatch(new RegExp(`^\\[item ${i}\\] amount\\.value: `));
			} else {
				expect(item.json).toMatchObject({ amount: { currency: 'BRL' } });
				expect(Number.isInteger(item.json.amount.value * 10_000)).toBe(true);
			}
		});
		expect(requests.filter((request) => request.status !== 200)).toEqual([]);
	});

	// Found by fuzz.yuno.test.js: the node checks only the length (36), the page says "UUID, 36 chars".
	test('account_id and customer_id are UUIDs: a 36-character text that is no UUID is refused, nothing sent', async () => {
		const parameters = {
			updateFields: {
				merchantOrderId: 'order-1',
				paymentDescription: 'Two T-shirts',
				country: 'BR',
				customerId: '={{ $json.customer }}',
				accountId: '={{ $json.account }}',
			},
		};
		const customer = '3f1c2a9e-4b7d-4e21-9c55-0a8f6d2b7e13';
		const { output, items, requests } = await runItems(parameters, [
			{ customer: 'x'.repeat(36) },
			{ account: 'x'.repeat(36) },
			{ customer },
		]);
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
		expect(requests.map((request) => request.path)).toEqual([`/checkout/sessions/${items[2].sid}`]);
	});
});

describe('Speed limits', () => {
	const { sent, refused } = casesOver();
	const { runCases, runItems } = casesRunner('speed', {
		sessionParameter: 'checkoutSessionId',
		requestSession: pathSession('/checkout-sessions/'),
	});
	const image = (bytes) => Buffer.alloc(bytes, 7).toString('base64');

	test('title_image of exactly 2 MiB is sent, 2 MiB + 1 byte is refused; ids need cs_', async () => {
		const parameters = { updateFields: { titleImage: '={{ $json.image }}' } };
		const TOO_LARGE = 'titleImage: must be at most 2 MB (this image is 2.00 MB)';
		const forms = {
			'as base64': (b64) => b64,
			'as a data URL': (b64) => `data:image/png;base64,${b64}`,
		};
		const sizes = Object.entries(forms).flatMap(([form, write]) => [
			sent(
				`2 MiB ${form}`,
				{ image: write(image(2 * MiB)) },
				{ title_image: write(image(2 * MiB)) },
			),
			refused(`2 MiB + 1 byte ${form}`, { image: write(image(2 * MiB + 1)) }, TOO_LARGE),
		]);
		await runCases(parameters, [
			...sizes,
			sent(
				'an image link',
				{ image: 'https://cdn.example.com/logo.png' },
				{ title_image: 'https://cdn.example.com/logo.png' },
			),
			refused(
				'neither link nor base64',
				{ image: 'ftp://cdn.example.com/logo.png' },
				'titleImage: must be an image URL (http:// or https://), base64 or a data URL',
			),
			refused(
				'an id without cs_',
				{ sid: 'sess_123', image: 'https://cdn.example.com/logo.png' },
				'checkoutSessionId: must be a session ID starting with cs_',
			),
		]);
	});

	test('success_url and success_message are exclusive: only the one "After Payment" picks is sent', async () => {
		const parameters = {
			afterPayment: '={{ $json.after }}',
			successUrl: '={{ $json.url }}',
			successMessage: '={{ $json.message }}',
		};
		const both = { url: 'https://shop.example.com/thanks', message: 'Thanks!' };
		const { requests } = await runCases(parameters, [
			sent('redirect', { after: 'redirect', ...both }, { success_url: both.url }),
			sent('message', { after: 'message', ...both }, { success_message: both.message }),
			refused(
				'unchanged',
				{ after: 'unchanged', ...both },
				'updateFields: nothing to update: add at least one field to change',
			),
			refused(
				'redirect to no URL',
				{ after: 'redirect', url: 'shop.example.com/thanks' },
				'successUrl: must be an absolute URL, e.g. https://shop.example.com/thanks or myapp://return',
			),
			refused(
				'an unknown choice',
				{ after: 'both', ...both },
				'afterPayment: must be one of unchanged, redirect, message',
			),
		]);
		for (const request of requests) expect(Object.keys(request.body)).toHaveLength(1);
	});

	test('metadata keys are case-sensitive: "Order" and "order" are two keys; the same key twice is refused', async () => {
		const parameters = {
			updateFields: {
				metadata: {
					pair: [
						{ key: '={{ $json.k1 }}', value: 'upper' },
						{ key: '={{ $json.k2 }}', value: 'lower' },
					],
				},
			},
		};
		await runCases(parameters, [
			sent(
				'Order and order',
				{ k1: 'Order', k2: 'order' },
				{ metadata: { Order: 'upper', order: 'lower' } },
			),
			refused(
				'order twice',
				{ k1: 'order', k2: 'order' },
				'metadata[1].key: "order" is listed twice',
			),
			refused(
				'an empty key',
				{ k1: 'order', k2: '' },
				'metadata[1].key: must be at least 1 characters',
			),
		]);
	});

	// Found by fuzz.speed.test.js: n8n's HTTP client (axios) drops these keys from JSON bodies, so
	// the item reported success while the key never reached Speed.
	test('metadata keys __proto__, constructor and prototype are refused, not silently dropped', async () => {
		const parameters = {
			updateFields: { metadata: { pair: [{ key: '={{ $json.key }}', value: 'v' }] } },
		};
		const keys = ['__proto__', 'constructor', 'prototype'];
		const { output, requests } = await runItems(
			parameters,
			keys.map((key) => ({ key })),
		);
		expect(output.map((item) => item.json)).toEqual(
			keys.map((_, i) => ({
				error: expect.stringMatching(
					new RegExp(`^\\[item ${i}\\] [^()]+ \\(metadata\\[0\\]\\.key\\): `),
				),
				code: 'INVALID_INPUT',
			})),
		);
		expect(requests).toEqual([]);
	});
});

describe('Upag limits', () => {
	const { runCases } = casesRunner('upag', {
		sessionParameter: 'checkoutSessionId',
		requestSession: pathSession('/checkout-sessions/'),
		sessionOf: (item) =>
			typeof item.sid === 'string' ? item.sid.replace('https://checkout.upag.io/', '') : item.sid,
	});
	const parameters = {
		updateFields: {
			items: { item: [{ priceId: '={{ $json.price }}', quantity: '={{ $json.quantity }}' }] },
			paymentMethods: '={{ $json.methods }}',
		},
	};
	const valid = { price: 'price_def456ghi', quantity: 2, methods: ['pix'] };
	const { sent, refused } = casesOver(() => valid);

	test('quantity ≥ 1 and whole, payment methods only credit_card/pix, ids with cs_', async () => {
		await runCases(parameters, [
			sent('quantity 1', { quantity: 1 }, { items: [{ priceId: valid.price, quantity: 1 }] }),
			sent(
				'quantity as text "3"',
				{ quantity: '3' },
				{ items: [{ priceId: valid.price, quantity: 3 }] },
			),
			refused('quantity 0', { quantity: 0 }, 'items[0].quantity: must be 1 or more'),
			refused('quantity -1', { quantity: -1 }, 'items[0].quantity: must be 1 or more'),
			refused('quantity 1.5', { quantity: 1.5 }, 'items[0].quantity: must be a whole number'),
			refused('no price id', { price: '' }, 'items[0].priceId: must be at least 1 characters'),
			sent(
				'credit_card and pix',
				{ methods: ['credit_card', 'pix'] },
				{ paymentMethods: ['credit_card', 'pix'] },
			),
			sent(
				'methods as text',
				{ methods: 'pix, credit_card' },
				{ paymentMethods: ['pix', 'credit_card'] },
			),
			refused(
				'boleto',
				{ methods: ['pix', 'boleto'] },
				'paymentMethods[1]: must be one of credit_card, pix',
			),
			sent(
				'the checkout URL as id',
				{ sid: `https://checkout.upag.io/${bulkSessionId('upag', 900)}` },
				{ items: [{ priceId: valid.price, quantity: 2 }] },
			),
			refused(
				'an id without cs_',
				{ sid: 'sess_123' },
				'checkoutSessionId: must be a session ID starting with cs_',
			),
			refused(
				'an id with another prefix case',
				{ sid: 'CS_abc' },
				'checkoutSessionId: must be a session ID starting with cs_',
			),
		]);
	});

	test('at least one item when items are sent: an empty Items list sends no items at all', async () => {
		const noRows = {
			updateFields: { items: { item: [] }, successUrl: '={{ $json.url }}' },
		};
		const { requests } = await runCases(noRows, [
			sent(
				'with another field',
				{ url: 'https://shop.example.com/ok' },
				{ successUrl: 'https://shop.example.com/ok' },
			),
			refused('alone', {}, 'updateFields: nothing to update: add at least one field to change'),
		]);
		expect(requests.map((request) => request.body)).toEqual([
			{ successUrl: 'https://shop.example.com/ok' },
		]);
	});
});

describe('Sprintcheckout limits', () => {
	const { runCases } = casesRunner('sprintcheckout', {
		sessionParameter: 'sessionId',
		requestSession: (request) => request.body?.sessionId,
	});
	const parameters = {
		updateFields: {
			currency: '={{ $json.currency }}',
			amount: '={{ $json.amount }}',
			minAmount: '={{ $json.minAmount }}',
			editable: '={{ $json.editable }}',
		},
	};
	const valid = { currency: 'USD', amount: 10.5, minAmount: 5, editable: true };
	const { sent, refused } = casesOver(() => valid);

	test('currency of 3 letters, amount and minAmount numbers, editable a boolean', async () => {
		await runCases(parameters, [
			sent('USD', {}, { currency: 'USD', amount: 10.5, minAmount: 5, editable: true }),
			sent('usd (upper-cased)', { currency: 'usd' }, { currency: 'USD' }),
			refused('US', { currency: 'US' }, 'currency: must be a 3-letter code'),
			refused('USDT', { currency: 'USDT' }, 'currency: must be a 3-letter code'),
			refused('U$D', { currency: 'U$D' }, 'currency: must be a 3-letter code'),
			sent('amount 0', { amount: 0 }, { amount: 0 }),
			sent('amount as text', { amount: '99.90' }, { amount: 99.9 }),
			refused('amount not a number', { amount: 'ten' }, 'amount: must be a number'),
			refused('amount 1e309 as text', { amount: '1e309' }, 'amount: must be a number'),
			refused('amount negative', { amount: -1 }, 'amount: must be 0 or more'),
			refused('minAmount not a number', { minAmount: 'NaN' }, 'minAmount: must be a number'),
			refused('minAmount as a list', { minAmount: [5] }, 'minAmount: must be a number'),
			sent('editable false', { editable: false }, { editable: false }),
			sent('editable as text "true"', { editable: 'true' }, { editable: true }),
			refused('editable "yes"', { editable: 'yes' }, 'editable: must be true or false'),
			refused('editable 1', { editable: 1 }, 'editable: must be true or false'),
		]);
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
		const { runCases } = casesRunner('speed', {
			sessionOf: (item) => item.tag,
			requestSession: (request) => request.body?.statement_descriptor,
		});
		const { sent, refused } = casesOver((name) => ({ tag: name, amount: 10, ttl: 600 }));
		await runCases(parameters, [
			sent('ttl 300', { ttl: 300 }, { ttl: 300 }),
			refused('ttl 299', { ttl: 299 }, 'ttl: must be 300 or more'),
			sent('ttl int32 max', { ttl: 2 ** 31 - 1 }, { ttl: 2 ** 31 - 1 }),
			refused('ttl beyond int32', { ttl: 2 ** 31 }, 'ttl: must be 2147483647 or less'),
			sent('amount 0', { amount: 0 }, { amount: 0 }),
			refused('amount -0.01', { amount: -0.01 }, 'amount: must be 0 or more'),
		]);
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
		const { runCases } = casesRunner('yuno', {
			sessionOf: (item) => item.order,
			requestSession: (request) => request.body?.merchant_order_id,
		});
		const { sent, lengths } = casesOver((name) => ({
			order: `order-${name}`,
			description: 'Two shirts',
		}));
		await runCases(parameters, [
			...lengths('paymentDescription', 'payment_description', 'description', { min: 3, max: 255 }),
			sent('order id of 255', { order: 'o'.repeat(255) }, { merchant_order_id: 'o'.repeat(255) }),
			...lengths('callbackUrl', 'callback_url', 'callback', { max: 526, text: url }),
		]);
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
