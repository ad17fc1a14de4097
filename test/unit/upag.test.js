// @ts-check
const {
	schema,
	buildRequest,
} = require('../../nodes/Upag/actions/checkoutSession/update.operation');
const { firstIssueOf } = require('../helpers/issues');
const { parseSessionReference } = require('../../nodes/shared/session');
const { upagCheckoutUrls } = require('../../nodes/Upag/provider');

/** @typedef {import('../../nodes/Upag/actions/checkoutSession/update.operation').UpagUpdate} UpagUpdate */

const parse = (input) => schema.safeParse(input);
const firstIssue = firstIssueOf(schema);

describe('Upag update: request mapping', () => {
	test("the documentation's cURL example maps to the same method, path and body", () => {
		const input = parse({
			checkoutSessionId: 'cs_abc123xyz',
			customerId: 'cus_ahwDXrgYvur89iPs',
			items: [{ priceId: 'price_def456ghi', quantity: 2 }],
			paymentMethods: ['credit_card', 'pix'],
			successUrl: 'https://seusite.com/sucesso',
			cancelUrl: 'https://seusite.com/cancelado',
		});
		expect(input.success).toBe(true);
		expect(buildRequest(/** @type {UpagUpdate} */ (input.data))).toEqual({
			method: 'PUT',
			safeToResend: true,
			path: '/checkout-sessions/cs_abc123xyz',
			body: {
				customerId: 'cus_ahwDXrgYvur89iPs',
				items: [{ priceId: 'price_def456ghi', quantity: 2 }],
				paymentMethods: ['credit_card', 'pix'],
				successUrl: 'https://seusite.com/sucesso',
				cancelUrl: 'https://seusite.com/cancelado',
			},
		});
	});

	test('only the fields given are sent', () => {
		const input = parse({ checkoutSessionId: 'cs_1', paymentMethods: 'pix' });
		expect(buildRequest(/** @type {UpagUpdate} */ (input.data))).toEqual({
			method: 'PUT',
			safeToResend: true,
			path: '/checkout-sessions/cs_1',
			body: { paymentMethods: ['pix'] },
		});
	});

	test('quantities from a spreadsheet arrive as text and are sent as numbers', () => {
		const input = parse({
			checkoutSessionId: 'cs_1',
			items: [{ priceId: 'price_1', quantity: '3' }],
		});
		expect(input.data?.items).toEqual([{ priceId: 'price_1', quantity: 3 }]);
	});
});

describe('Upag update: documented limits', () => {
	test.each([
		[{ checkoutSessionId: 'abc' }, 'checkoutSessionId: must be a session ID starting with cs_'],
		[
			{ checkoutSessionId: 'cs_1', customerId: 'user_1' },
			'customerId: must be a customer ID starting with cus_',
		],
		[{ checkoutSessionId: 'cs_1', items: [] }, 'items: must have at least 1 row(s)'],
		[
			{ checkoutSessionId: 'cs_1', items: [{ priceId: 'p', quantity: 0 }] },
			'items.0.quantity: must be 1 or more',
		],
		[
			{ checkoutSessionId: 'cs_1', items: [{ priceId: 'p', quantity: 1.5 }] },
			'items.0.quantity: must be a whole number',
		],
		[
			{ checkoutSessionId: 'cs_1', items: [{ priceId: '', quantity: 1 }] },
			'items.0.priceId: must be at least 1 characters',
		],
		[
			{ checkoutSessionId: 'cs_1', paymentMethods: ['boleto'] },
			'paymentMethods.0: must be one of credit_card, pix',
		],
		[
			{ checkoutSessionId: 'cs_1', successUrl: 'not a url' },
			'successUrl: must be an absolute URL, e.g. https://shop.example.com/thanks or myapp://return',
		],
		[
			{ checkoutSessionId: 'cs_1', cancelUrl: 'javascript:alert(1)' },
			'cancelUrl: must not be a javascript: URL (javascript:, data:, vbscript:, file: are refused)',
		],
		[{ checkoutSessionId: 'cs_1', successUrl: { url: 'https://x' } }, 'successUrl: must be text'],
	])('%j is refused: %s', (input, message) => {
		expect(firstIssue(input)).toBe(message);
	});
});

describe('Upag checkout URL', () => {
	test.each([
		['cs_abc123xyz', 'cs_abc123xyz'],
		['https://checkout.upag.io/cs_abc123xyz', 'cs_abc123xyz'],
		['https://checkout.upag.io/cs_abc123xyz/', 'cs_abc123xyz'],
		['https://checkout.upag.io/cs_abc123xyz?utm=1', 'cs_abc123xyz'],
		[{ __rl: true, mode: 'url', value: 'https://checkout.upag.io/cs_q' }, 'cs_q'],
	])('%j gives %s', (value, id) => {
		expect(parseSessionReference(value, upagCheckoutUrls)).toBe(id);
	});

	test('a URL of another site is refused rather than sent as an id', () => {
		const refused = /** @type {import('../../nodes/shared/errors').InputIssue} */ (
			parseSessionReference('https://evil.example/cs_1', upagCheckoutUrls)
		);
		expect(refused.message).toMatch(/not document as a checkout URL/);
	});
});
