// @ts-check
const {
	schema,
	buildRequest,
} = require('../../nodes/Sprintcheckout/actions/checkoutSession/update.operation');
const { firstIssueOf } = require('../helpers/issues');
const { parseSessionReference } = require('../../nodes/shared/session');
const { sprintcheckoutCheckoutUrls } = require('../../nodes/Sprintcheckout/provider');

const firstIssue = firstIssueOf(schema);
/** The request for an update's parameters, as the schema reads them. */
const requestFor = (values) => buildRequest(schema.parse(values));

describe('Sprintcheckout update: request mapping', () => {
	test('PUT to the documented path with the session id in the body', () => {
		const values = {
			sessionId: 'a1b2',
			orderId: 'order-77',
			concept: 'Annual plan',
			amount: 100.5,
			minAmount: 50,
			editable: true,
			currency: 'usd',
			successUrl: 'https://shop.example/ok',
			failUrl: 'https://shop.example/fail',
			cancelUrl: 'https://shop.example/cancel',
		};
		// The body is every field under its own name, the currency in capitals.
		expect(requestFor(values)).toEqual({
			method: 'PUT',
			safeToResend: true,
			path: '/api/checkout/v2/payment_session',
			body: { ...values, currency: 'USD' },
		});
	});

	test('values from expressions: numeric text, "false", numbers as order ids', () => {
		expect(
			requestFor({ sessionId: 'a1', amount: '12.50', editable: 'false', orderId: 1234 }).body,
		).toEqual({
			sessionId: 'a1',
			amount: 12.5,
			editable: false,
			orderId: '1234',
		});
	});
});

describe('Sprintcheckout update: limits', () => {
	test.each([
		[{ sessionId: '' }, 'sessionId: is required'],
		[{ sessionId: 'a', currency: 'US' }, 'currency: must be a 3-letter code'],
		[{ sessionId: 'a', currency: 'EURO' }, 'currency: must be a 3-letter code'],
		[{ sessionId: 'a', amount: 'ten' }, 'amount: must be a number'],
		[{ sessionId: 'a', amount: -1 }, 'amount: must be 0 or more'],
		[{ sessionId: 'a', minAmount: [1] }, 'minAmount: must be a number'],
		[{ sessionId: 'a', editable: 'yes' }, 'editable: must be true or false'],
		[
			{ sessionId: 'a', failUrl: 'shop.example' },
			'failUrl: must be an absolute URL, e.g. https://shop.example.com/thanks or myapp://return',
		],
	])('%j is refused: %s', (input, message) => {
		expect(firstIssue(input)).toBe(message);
	});
});

test('the redirect URL of a session gives its id', () => {
	expect(
		parseSessionReference(
			'https://app.sprintcheckout.com/?uid=9c1e-77',
			sprintcheckoutCheckoutUrls,
		),
	).toBe('9c1e-77');
	expect(
		parseSessionReference(
			'https://app.sprintcheckout.com?ref=x&uid=abc',
			sprintcheckoutCheckoutUrls,
		),
	).toBe('abc');
});
