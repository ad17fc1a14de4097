// @ts-check
const fc = require('fast-check');
const {
	schema,
	buildRequest,
	completeRequiredFields,
} = require('../../nodes/Yuno/actions/checkoutSession/update.operation');
const { firstIssueOf } = require('../helpers/issues');
const { yuno } = require('../../nodes/Yuno/provider');
const { FIELDS, requiredFields } = require('../../nodes/Yuno/actions/checkoutSession/fields');
// The sandbox's own reading of Yuno's documented country list.
const { YUNO_COUNTRIES } = require('../../sandbox/providers/yunoCountries');

const SESSION = 'c67ce158-6053-4661-a1de-aed5c945b935';
const ACCOUNT = '493e9374-510a-4201-9e09-de669d75f256';

const firstIssue = firstIssueOf(schema);

describe('Yuno update: request mapping', () => {
	test("the documentation's example maps to PATCH /checkout/sessions/{id}", () => {
		const input = schema.parse({
			checkoutSessionId: SESSION,
			country: 'BR',
			amount: { currency: 'ARS', value: 100 },
			merchantOrderId: '007',
			paymentDescription: 'Payment Test',
			accountId: ACCOUNT,
		});
		expect(buildRequest(input)).toEqual({
			method: 'PATCH',
			safeToResend: true,
			path: `/checkout/sessions/${SESSION}`,
			body: {
				country: 'BR',
				amount: { currency: 'ARS', value: 100 },
				merchant_order_id: '007',
				payment_description: 'Payment Test',
				account_id: ACCOUNT,
			},
		});
	});

	test('metadata rows, workflow and installments map to their API shapes', () => {
		const input = schema.parse({
			checkoutSessionId: SESSION,
			metadata: [{ key: 'order', value: '77' }],
			workflow: 'CHECKOUT',
			installmentsPlan: [{ installment: 3, rate: 1.2 }],
			callbackUrl: 'https://shop.example/return',
			customerId: 'e937e18e-a684-4d7b-a1a1-ab64c10a941d',
			alternativeAmount: { currency: 'usd', value: '23.5676' },
		});
		expect(buildRequest(input).body).toEqual({
			metadata: [{ key: 'order', value: '77' }],
			workflow: 'CHECKOUT',
			installments: { plan: [{ installment: 3, rate: 1.2 }] },
			callback_url: 'https://shop.example/return',
			customer_id: 'e937e18e-a684-4d7b-a1a1-ab64c10a941d',
			alternative_amount: { currency: 'USD', value: 23.5676 },
		});
		expect(
			buildRequest(schema.parse({ checkoutSessionId: SESSION, installmentsPlanId: 'plan_1' })).body,
		).toEqual({
			installments: { plan_id: 'plan_1' },
		});
	});

	test("Yuno's { code, messages[] } error shape", () => {
		expect(
			yuno.parseError({ code: 'CHECKOUT_SESSION_NOT_FOUND', messages: ['Not found', 'at all'] }),
		).toEqual({
			code: 'CHECKOUT_SESSION_NOT_FOUND',
			message: 'Not found; at all',
		});
		expect(yuno.parseError('')).toEqual({});
	});

	test("Yuno's OpenAPI error shape { code, message, details } is read too", () => {
		expect(
			yuno.parseError({
				code: 'INVALID_REQUEST',
				message: 'amount is invalid',
				details: { field: 'amount' },
			}),
		).toEqual({
			code: 'INVALID_REQUEST',
			message: 'amount is invalid',
		});
	});

	test.each(['__proto__', 'toString', 'valueOf', 'Sandbox', 'staging', ''])(
		'the environment %j is refused by name',
		(environment) => {
			expect(() => yuno.defaultBaseUrl({ environment })).toThrow(
				`Environment "${environment}" is not one of sandbox, production, eu`,
			);
		},
	);

	test('the environment picks the documented base URL', () => {
		expect(yuno.defaultBaseUrl({ environment: 'sandbox' })).toBe('https://api-sandbox.y.uno/v1');
		expect(yuno.defaultBaseUrl({ environment: 'production' })).toBe('https://api.y.uno/v1');
		expect(yuno.defaultBaseUrl({ environment: 'eu' })).toBe('https://api.eu.y.uno/v1');
	});
});

describe('Yuno update: documented limits', () => {
	const tooMany = Array.from({ length: 121 }, (_, index) => ({ key: `k${index}`, value: 'v' }));
	const enough = Array.from({ length: 120 }, (_, index) => ({ key: `k${index}`, value: 'v' }));

	test('float noise from expressions is sent as the multiple of 0.0001 it stands for', () => {
		const value = (amount) =>
			schema.parse({ checkoutSessionId: SESSION, amount: { currency: 'BRL', value: amount } })
				.amount?.value;
		expect(value(19.99 * 3)).toBe(59.97);
		expect(value(5e-11)).toBe(0);
		expect(value(23.5676)).toBe(23.5676);
	});

	test('120 metadata pairs are accepted, 121 are not', () => {
		expect(schema.safeParse({ checkoutSessionId: SESSION, metadata: enough }).success).toBe(true);
		expect(firstIssue({ checkoutSessionId: SESSION, metadata: tooMany })).toBe(
			'metadata: must have at most 120 rows',
		);
	});

	test.each([
		[{ checkoutSessionId: 'short' }, 'checkoutSessionId: must be at least 36 characters'],
		[
			{ checkoutSessionId: SESSION, merchantOrderId: '07' },
			'merchantOrderId: must be at least 3 characters',
		],
		[
			{ checkoutSessionId: SESSION, merchantOrderId: 'x'.repeat(256) },
			'merchantOrderId: must be at most 255 characters',
		],
		[
			{ checkoutSessionId: SESSION, paymentDescription: 'ab' },
			'paymentDescription: must be at least 3 characters',
		],
		[
			{ checkoutSessionId: SESSION, callbackUrl: `https://x.example/${'a'.repeat(520)}` },
			'callbackUrl: must be at most 526 characters',
		],
		[
			{ checkoutSessionId: SESSION, country: 'DE' },
			expect.stringMatching(/^country: must be one of AR, BO, BR/),
		],
		[
			{ checkoutSessionId: SESSION, fieldsToClear: ['alternativeAmount.currency'] },
			'alternativeAmount.value: is needed to clear the alternative currency (Yuno requires the value with it)',
		],
		[
			{ checkoutSessionId: SESSION, workflow: 'REDIRECT' },
			'workflow: must be one of SDK_CHECKOUT, CHECKOUT, SDK_SEAMLESS',
		],
		[
			{ checkoutSessionId: SESSION, amount: { currency: 'BRL', value: 1.00001 } },
			'amount.value: must be a multiple of 0.0001',
		],
		[
			{ checkoutSessionId: SESSION, amount: { currency: 'BR', value: 1 } },
			'amount.currency: must be a 3-letter code',
		],
		[
			{ checkoutSessionId: SESSION, metadata: [{ key: 'k'.repeat(49), value: 'v' }] },
			'metadata.0.key: must be at most 48 characters',
		],
		[
			{ checkoutSessionId: SESSION, metadata: [{ key: 'k', value: 'v'.repeat(513) }] },
			'metadata.0.value: must be at most 512 characters',
		],
		[
			{ checkoutSessionId: SESSION, accountId: 'acc-1' },
			'accountId: must be a UUID (36 characters)',
		],
		[
			{ checkoutSessionId: SESSION, installmentsPlan: [{ installment: 0, rate: 1 }] },
			'installmentsPlan.0.installment: must be 1 or more',
		],
		[
			{ checkoutSessionId: SESSION, customerId: 'x'.repeat(36) },
			'customerId: must be a UUID (36 characters)',
		],
		[
			{ checkoutSessionId: SESSION, amount: { currency: 'BRL', value: 773600.27495 } },
			'amount.value: must be a multiple of 0.0001',
		],
	])('%j is refused', (input, message) => {
		expect(firstIssue(input)).toEqual(message);
	});
});

describe('Yuno required fields', () => {
	/** @typedef {import('../../nodes/shared/types').ApiCall} ApiCall */
	/** @typedef {import('../../nodes/shared/types').ApiClient} ApiClient */

	/**
	 * A client whose every call answers `session`, and that records the calls (it cannot preview:
	 * filling required fields never does).
	 * @param {import('n8n-workflow').IDataObject} session
	 * @param {import('n8n-workflow').ICredentialDataDecryptedObject} [credentials]
	 * @returns {ApiClient & { calls: ApiCall[] }}
	 */
	const api = (session, credentials = { accountId: ACCOUNT }) => {
		/** @type {ApiCall[]} */
		const calls = [];
		const client = {
			calls,
			credentials,
			call: async (/** @type {ApiCall} */ call) => {
				calls.push(call);
				return session;
			},
		};
		return /** @type {ApiClient & { calls: ApiCall[] }} */ (/** @type {unknown} */ (client));
	};

	/**
	 * An item with the `given` fields (of SESSION unless given), its required fields filled from
	 * a session that holds `stored`.
	 */
	const completeFrom = async (stored, given) => {
		const client = api(stored);
		const input = schema.parse({ checkoutSessionId: SESSION, ...given });
		return { client, completed: await completeRequiredFields(input, client, 0, true) };
	};

	test('a one-field change fills the required fields from a GET of the session', async () => {
		const { client, completed } = await completeFrom(
			{ merchant_order_id: '007', payment_description: 'Payment Test', country: 'BR' },
			{ callbackUrl: 'https://shop.example/r' },
		);
		expect(client.calls).toEqual([
			{ method: 'GET', path: `/checkout/sessions/${SESSION}`, safeToResend: true },
		]);
		expect(buildRequest(completed).body).toEqual({
			callback_url: 'https://shop.example/r',
			merchant_order_id: '007',
			payment_description: 'Payment Test',
			country: 'BR',
			account_id: ACCOUNT,
		});
	});

	test('values the user gives win over the session, and no GET is made when all are given', async () => {
		const client = api({});
		const input = schema.parse({
			checkoutSessionId: SESSION,
			merchantOrderId: 'order-1',
			paymentDescription: 'New text',
			country: 'MX',
		});
		await completeRequiredFields(input, client, 0, true);
		expect(client.calls).toEqual([]);
	});

	test('a partial set: the values given are kept, only the missing ones come from the session', async () => {
		const { client, completed } = await completeFrom(
			{ merchant_order_id: 'from-session', payment_description: 'From the session', country: 'AR' },
			{ merchantOrderId: 'order-given', country: 'MX' },
		);
		expect(client.calls).toHaveLength(1);
		expect(buildRequest(completed).body).toEqual({
			merchant_order_id: 'order-given',
			country: 'MX',
			payment_description: 'From the session',
			account_id: ACCOUNT,
		});
	});

	test('session ids of any 36 to 64 characters reach the PATCH and the GET as one escaped path segment', async () => {
		const idOfAnyCharacters = fc
			.string({
				minLength: 36,
				maxLength: 64,
				unit: fc.constantFrom('a', '0', '-', '/', '?', '#', '%', ' ', '&', '.', 'é', '+'),
			})
			.filter((id) => id.trim() === id && id.trim().length >= 36 && !/^https?:\/\//i.test(id));
		await fc.assert(
			fc.asyncProperty(idOfAnyCharacters, async (id) => {
				const { client, completed } = await completeFrom(
					{ merchant_order_id: '007', payment_description: 'Payment Test', country: 'BR' },
					{ checkoutSessionId: id, callbackUrl: 'https://shop.example/r' },
				);
				for (const { path } of [client.calls[0], buildRequest(completed)]) {
					const segment = path.slice('/checkout/sessions/'.length);
					expect(path.startsWith('/checkout/sessions/')).toBe(true);
					expect(segment).toMatch(/^[\w.!~*'()%-]+$/);
					expect(decodeURIComponent(segment)).toBe(id);
				}
			}),
		);
	});

	test('with the option off a missing required field is an input error and nothing is fetched', async () => {
		const client = api({});
		const input = schema.parse({ checkoutSessionId: SESSION, workflow: 'CHECKOUT' });
		await expect(completeRequiredFields(input, client, 0, false)).rejects.toMatchObject({
			field: 'merchantOrderId',
		});
		expect(client.calls).toEqual([]);
	});

	test('without any account id the error says where to set it', async () => {
		const client = api({}, {});
		const input = schema.parse({ checkoutSessionId: SESSION, workflow: 'CHECKOUT' });
		await expect(completeRequiredFields(input, client, 0, true)).rejects.toMatchObject({
			field: 'accountId',
		});
	});
});

describe('Get Payment Methods: the category filter', () => {
	const {
		schema,
	} = require('../../nodes/Yuno/actions/checkoutSession/getPaymentMethods.operation');
	const id = '9104911d-5df9-429e-8488-ad41abea1a4b';

	test('any text is a category, except a lone UTF-16 surrogate (a query string cannot carry it)', () => {
		expect(schema.safeParse({ checkoutSessionId: id, category: 'CARD' }).success).toBe(true);
		expect(schema.safeParse({ checkoutSessionId: id, category: 'tarjeta 💳' }).success).toBe(true);
		const broken = schema.safeParse({ checkoutSessionId: id, category: 'CARD\ud800' });
		expect(broken.success).toBe(false);
		expect(firstIssueOf(schema)({ checkoutSessionId: id, category: '\udc00' })).toBe(
			'category: contains broken Unicode (a lone surrogate)',
		);
	});
});

test("Country offers, and the checks accept, exactly the codes Yuno documents, each under a country's name", () => {
	const { options } = /** @type {{ options: Array<{ name: string, value: string }> }} */ (
		FIELDS.country
	);
	expect(options.map((option) => option.value).sort()).toEqual([...YUNO_COUNTRIES].sort());
	const names = options.map((option) => option.name);
	expect(new Set(names).size).toBe(YUNO_COUNTRIES.length);
	for (const name of names) expect(name).toMatch(/^[A-Z][a-z]+( [A-Z][a-z]+)*$/);
	const base = { merchantOrderId: '007', paymentDescription: 'Payment Test' };
	for (const country of YUNO_COUNTRIES) {
		expect(requiredFields.safeParse({ ...base, country }).success).toBe(true);
	}
	for (const country of ['', 'br', 'DE', 'XX']) {
		expect(requiredFields.safeParse({ ...base, country }).success).toBe(false);
	}
});
