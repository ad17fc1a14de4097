// @ts-check
const {
	schema,
	buildRequest,
	TITLE_IMAGE_MAX_BYTES,
} = require('../../nodes/Speed/actions/checkoutSession/update.operation');
const { firstIssueOf } = require('../helpers/issues');
const { speed } = require('../../nodes/Speed/provider');

const firstIssue = firstIssueOf(schema);

describe('Speed update: request mapping', () => {
	test('POST to /checkout-sessions/{id} with snake_case fields', () => {
		const input = schema.parse({
			checkoutSessionId: 'cs_l8ncx0wo3rnnwHkd',
			description: 'updated_description',
			successUrl: 'https://shop.example/ok',
			cancelUrl: 'https://shop.example/cancel',
			title: 'Order 77',
			titleDescription: 'Two T-shirts',
			titleImage: 'https://shop.example/logo.png',
			metadata: [
				{ key: 'updated_key_1', value: 'updated_value_1' },
				{ key: 'Updated_Key_1', value: 'case matters' },
			],
		});
		expect(buildRequest(input)).toEqual({
			method: 'POST',
			safeToResend: true,
			path: '/checkout-sessions/cs_l8ncx0wo3rnnwHkd',
			body: {
				description: 'updated_description',
				success_url: 'https://shop.example/ok',
				cancel_url: 'https://shop.example/cancel',
				title: 'Order 77',
				title_description: 'Two T-shirts',
				title_image: 'https://shop.example/logo.png',
				metadata: { updated_key_1: 'updated_value_1', Updated_Key_1: 'case matters' },
			},
		});
	});

	test('a success message is sent as success_message', () => {
		const input = schema.parse({ checkoutSessionId: 'cs_1', successMessage: 'Thanks!' });
		expect(buildRequest(input).body).toEqual({ success_message: 'Thanks!' });
	});

	test('the speed-version header comes from the credential only when set', () => {
		expect(speed.headers?.({ apiVersion: '2022-10-15' })).toEqual({
			'speed-version': '2022-10-15',
		});
		expect(speed.headers?.({ apiVersion: '' })).toEqual({});
	});

	test('the Basic-auth form of the key counts as a secret too', () => {
		expect(speed.secretVariants?.({ secretKey: 'sk_test_abc' })).toEqual([
			Buffer.from('sk_test_abc:').toString('base64'),
		]);
	});

	test("Speed's error shape gives the type and the messages", () => {
		expect(
			speed.parseError({
				errors: [{ type: 'invalid_request_error', message: 'Bad' }, { message: 'Worse' }],
			}),
		).toEqual({
			code: 'invalid_request_error',
			message: 'Bad; Worse',
		});
		expect(speed.parseError('<html>')).toEqual({});
	});
});

describe('Speed update: limits', () => {
	const base64OfSize = (bytes) => Buffer.alloc(bytes, 7).toString('base64');

	test('an image of exactly 2 MB is accepted, one byte more is refused', () => {
		expect(
			schema.safeParse({
				checkoutSessionId: 'cs_1',
				titleImage: base64OfSize(TITLE_IMAGE_MAX_BYTES),
			}).success,
		).toBe(true);
		expect(
			firstIssue({
				checkoutSessionId: 'cs_1',
				titleImage: `data:image/png;base64,${base64OfSize(TITLE_IMAGE_MAX_BYTES + 1)}`,
			}),
		).toMatch(/^titleImage: must be at most 2 MB/);
	});

	test.each([
		[{ checkoutSessionId: 'sess_1' }, 'checkoutSessionId: must be a session ID starting with cs_'],
		[
			{ checkoutSessionId: 'cs_1', successUrl: 'https://x.example', successMessage: 'Hi' },
			'successMessage: cannot be sent together with successUrl (Speed accepts one or the other)',
		],
		[
			{ checkoutSessionId: 'cs_1', titleImage: 'not an image' },
			'titleImage: must be an image URL (http:// or https://), base64 or a data URL',
		],
		[
			{
				checkoutSessionId: 'cs_1',
				metadata: [
					{ key: 'a', value: '1' },
					{ key: 'a', value: '2' },
				],
			},
			'metadata.1.key: "a" is listed twice',
		],
		[
			{ checkoutSessionId: 'cs_1', metadata: [{ key: '', value: '1' }] },
			'metadata.0.key: must be at least 1 characters',
		],
		[
			{ checkoutSessionId: 'cs_1', metadata: [{ key: '__proto__', value: '1' }] },
			'metadata.0.key: "__proto__" is a reserved name',
		],
		[
			{ checkoutSessionId: 'cs_1', cancelUrl: 'javascript:alert(1)' },
			'cancelUrl: must not be a javascript: URL (javascript:, data:, vbscript:, file: are refused)',
		],
		[
			{ checkoutSessionId: 'cs_1', cancelUrl: 'DATA:text/html,x' },
			'cancelUrl: must not be a data: URL (javascript:, data:, vbscript:, file: are refused)',
		],
		[
			{ checkoutSessionId: 'cs_1', titleImage: 'myapp://logo.png' },
			'titleImage: must be an image URL (http:// or https://), base64 or a data URL',
		],
	])('%j is refused: %s', (input, message) => {
		expect(firstIssue(input)).toBe(message);
	});
});
