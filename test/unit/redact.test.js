// @ts-check
const { createRedactor, wireForms } = require('../../nodes/shared/redact');

describe('redaction', () => {
	test('removes every occurrence of a secret, nested, and leaves other data untouched', () => {
		const redact = createRedactor(['sk_test_SECRET']);
		const body = { a: 'x sk_test_SECRET y', list: [{ b: 'sk_test_SECRET' }], n: 1 };
		expect(redact(body)).toEqual({ a: 'x [redacted] y', list: [{ b: '[redacted]' }], n: 1 });
		const clean = { a: 'nothing' };
		expect(redact(clean)).toBe(clean);
	});

	test('also in object keys', () => {
		const redact = createRedactor(['sk_test_SECRET']);
		expect(redact({ sk_test_SECRET: 'invalid' })).toEqual({ '[redacted]': 'invalid' });
	});

	test('the URL-encoded, JSON-escaped and HTML-escaped forms go too (8.2)', () => {
		const key = 'k3y+/"\\&<>\'_SECRET';
		const redact = createRedactor([key]);
		for (const form of wireForms(key)) {
			expect(redact({ echo: `before ${form} after` })).toEqual({ echo: 'before [redacted] after' });
		}
		expect(new Set(wireForms(key)).size).toBe(4);
	});

	test('__proto__, constructor and prototype keys stay plain own data in the copy (8.4)', () => {
		const redact = createRedactor(['sk_test_SECRET']);
		const body = JSON.parse(
			'{"__proto__":{"polluted":"sk_test_SECRET"},"constructor":{"prototype":{"x":1}},"note":"sk_test_SECRET"}',
		);
		const copy = redact(body);
		expect(copy).not.toBe(body);
		expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
		expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toEqual({
			polluted: '[redacted]',
		});
		expect(copy.polluted).toBeUndefined();
		expect(Object.getOwnPropertyDescriptor(copy, 'constructor')?.value).toEqual({
			prototype: { x: 1 },
		});
		expect({}.polluted).toBeUndefined();
	});
});
