// @ts-check
/**
 * Issue 12, unit level: the new operations map documented fields to their endpoints, every
 * create says it is not safe to resend, and each node's panel offers what its provider documents.
 */
const sprint = require('../../nodes/Sprintcheckout/actions/checkoutSession/create.operation');
const speed = require('../../nodes/Speed/actions/checkoutSession/create.operation');
const yunoCreate = require('../../nodes/Yuno/actions/checkoutSession/create.operation');
const yunoPaymentMethods = require('../../nodes/Yuno/actions/checkoutSession/getPaymentMethods.operation');
const { nodeTypes, PACKAGE } = require('../../harness/engine');

const ACCOUNT = '493e9374-510a-4201-9e09-de669d75f256';
const issues = (schema, input) =>
	schema.safeParse(input).error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('create requests: documented path and fields, never safe to resend', () => {
	test("Sprintcheckout: the documentation's example body", () => {
		const input = sprint.schema.parse({
			orderType: 'STATIC',
			amount: 100.5,
			minAmount: 100.5,
			editable: true,
			currency: 'usd',
			orderId: 'inv-00010',
			successUrl: 'https://shop.example/ok',
			cancelUrl: 'https://shop.example/cancel',
		});
		expect(sprint.create.kind).toBe('create');
		expect(sprint.buildRequest(input)).toEqual({
			method: 'POST',
			path: '/api/checkout/v2/payment_session',
			safeToResend: false,
			body: {
				orderType: 'STATIC',
				amount: 100.5,
				minAmount: 100.5,
				editable: true,
				currency: 'USD',
				orderId: 'inv-00010',
				successUrl: 'https://shop.example/ok',
				cancelUrl: 'https://shop.example/cancel',
			},
		});
	});

	test('Sprintcheckout: concept and failUrl are update-only fields, so a create refuses nothing but sends neither', () => {
		expect(
			sprint.schema.parse({
				amount: 1,
				currency: 'USD',
				concept: 'x',
				failUrl: 'https://a.example',
			}),
		).toEqual({ amount: 1, currency: 'USD' });
	});

	test('Speed: snake_case fields; ttl at least 300 seconds; SATS or BTC only', () => {
		const input = speed.schema.parse({
			amount: '25',
			currency: 'usd',
			ttl: '900',
			targetCurrency: 'BTC',
			statementDescriptor: 'Order 7',
		});
		expect(speed.buildRequest(input)).toEqual({
			method: 'POST',
			path: '/checkout-sessions',
			safeToResend: false,
			body: {
				amount: 25,
				currency: 'USD',
				ttl: 900,
				target_currency: 'BTC',
				statement_descriptor: 'Order 7',
			},
		});
		expect(
			issues(speed.schema, { amount: -1, currency: 'USDT', ttl: 299.5, targetCurrency: 'ETH' }),
		).toEqual([
			'amount: must be 0 or more',
			'currency: must be a 3-letter code',
			'targetCurrency: must be one of SATS, BTC',
			'ttl: must be a whole number',
			'ttl: must be 300 or more',
		]);
	});

	test('Yuno: required fields, limits of the create page, metadata at most 50 (the stricter of 120 and 50)', () => {
		const input = yunoCreate.schema.parse({
			merchantOrderId: 'order-1',
			paymentDescription: 'Two shirts',
			country: 'MX',
			amount: { currency: 'mxn', value: 10.5 },
			installmentsPlanId: 'plan-1',
			checkoutId: '6822f80c-684e-41a3-8628-78963d3d60f7',
		});
		expect(yunoCreate.buildRequest({ ...input, accountId: ACCOUNT })).toEqual({
			method: 'POST',
			path: '/checkout/sessions',
			safeToResend: false,
			body: {
				merchant_order_id: 'order-1',
				payment_description: 'Two shirts',
				country: 'MX',
				account_id: ACCOUNT,
				amount: { currency: 'MXN', value: 10.5 },
				installments: { plan_id: 'plan-1' },
				checkout_id: '6822f80c-684e-41a3-8628-78963d3d60f7',
			},
		});
		const rows = Array.from({ length: 51 }, (_, index) => ({ key: `k${index}`, value: 'v' }));
		expect(
			issues(yunoCreate.schema, {
				merchantOrderId: 'ab',
				paymentDescription: 'Two shirts',
				country: 'ES',
				metadata: rows,
			}),
		).toEqual([
			'merchantOrderId: must be at least 3 characters',
			'country: must be one of AR, BO, BR, CL, CO, CR, EC, SV, GT, HN, MX, NI, PA, PY, PE, US, UY',
			'metadata: must have at most 50 rows',
		]);
	});

	test('Yuno Get Payment Methods: the category is text, and broken Unicode is refused', () => {
		const session = 'c67ce158-6053-4661-a1de-aed5c945b935';
		expect(
			yunoPaymentMethods.schema.parse({ checkoutSessionId: session, category: 'CARD' }),
		).toEqual({ checkoutSessionId: session, category: 'CARD' });
		expect(
			issues(yunoPaymentMethods.schema, { checkoutSessionId: session, category: 'x\udc00' }),
		).toEqual(['category: contains broken Unicode (a lone surrogate)']);
	});
});

describe('the panel of each node', () => {
	const node = (name) => nodeTypes.getByNameAndVersion(`${PACKAGE}.${name}`, 1).description;
	const operationsOf = (name) =>
		node(name)
			.properties.find((property) => property.name === 'operation')
			.options.map((option) => option.value);

	test.each([
		['sprintcheckout', ['create', 'update']],
		['speed', ['create', 'update']],
		['yuno', ['create', 'get', 'getPaymentMethods', 'update']],
		['upag', ['get', 'update']],
	])('%s offers exactly the operations its provider documents', (name, operations) => {
		expect(operationsOf(name)).toEqual(operations);
	});

	test.each(['sprintcheckout', 'speed', 'yuno', 'upag'])(
		'%s: Dry Run is an option of the writes only; every other parameter belongs to one operation',
		(name) => {
			const { properties } = node(name);
			const options = properties.find((property) => property.name === 'options').options;
			expect(options.find((option) => option.name === 'dryRun').displayOptions).toEqual({
				show: { '/operation': ['create', 'update'] },
			});
			for (const property of properties) {
				if (['resource', 'operation', 'options'].includes(property.name)) continue;
				expect(property.displayOptions.show.operation).toHaveLength(1);
			}
		},
	);
});
