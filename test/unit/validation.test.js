// @ts-check
const fs = require('node:fs');
const path = require('node:path');
const {
	text,
	integer,
	oneOf,
	url,
	list,
	rows,
	boolean,
	number,
	numberAsText,
	INT32_MAX,
} = require('../../nodes/shared/validation');

const messageOf = (schema, value) => {
	const result = schema.safeParse(value);
	expect(result.success).toBe(false);
	return result.error.issues.map((issue) => issue.message);
};

describe('the zod API is pinned to zod/v3', () => {
	test('every import of zod in the nodes is the v3 subpath', () => {
		const files = [];
		const walk = (dir) => {
			for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
				const full = path.join(dir, entry.name);
				if (entry.isDirectory()) walk(full);
				else if (full.endsWith('.ts')) files.push(full);
			}
		};
		walk(path.join(__dirname, '../../nodes'));
		walk(path.join(__dirname, '../../credentials'));
		const imports = files.flatMap((file) =>
			[...fs.readFileSync(file, 'utf8').matchAll(/from '(zod[^']*)'/g)].map(
				(match) => `${path.basename(file)}: ${match[1]}`,
			),
		);
		expect(imports.length).toBeGreaterThan(0);
		expect(imports.filter((entry) => !entry.endsWith(': zod/v3'))).toEqual([]);
	});

	test('the messages come out as written (invalid_type_error, errorMap, custom checks)', () => {
		expect(messageOf(text(), { a: 1 })).toEqual(['must be text']);
		expect(messageOf(text(), true)).toEqual(['must be text']);
		expect(messageOf(text({ min: 3 }), 'ab')).toEqual(['must be at least 3 characters']);
		expect(messageOf(oneOf(['a', 'b']), 'c')).toEqual(['must be one of a, b']);
		expect(messageOf(oneOf(['a', 'b']), 7)).toEqual(['must be one of a, b']);
		expect(messageOf(integer({ min: 1 }), 1.5)).toEqual(['must be a whole number']);
		expect(messageOf(integer(), 'x')).toEqual(['must be a whole number']);
		expect(messageOf(list(oneOf(['a'])), [])).toEqual(['must list at least one value']);
	});
});

describe('numbers', () => {
	test.each([NaN, Infinity, -Infinity, 2 ** 53 + 1, 1e21, -1e21, 1e-7])(
		'%p has no exact text form',
		(value) => {
			expect(numberAsText(value)).toBeUndefined();
			expect(messageOf(text(), value)).toEqual([
				'is a number that has no exact text form (give it as text)',
			]);
		},
	);

	test.each([
		[0, '0'],
		[4217, '4217'],
		[Number.MAX_SAFE_INTEGER, '9007199254740991'],
		[12.5, '12.5'],
		[-3, '-3'],
	])('%p is the text %p', (value, expected) => {
		expect(text().parse(value)).toBe(expected);
	});

	test('whole numbers stay within the safe integers, int32 where documented', () => {
		expect(messageOf(integer(), 2 ** 53)).toEqual(['must be 9007199254740991 or less']);
		expect(messageOf(integer({ max: INT32_MAX }), 3e9)).toEqual(['must be 2147483647 or less']);
		expect(messageOf(integer(), '9007199254740993')).toEqual(['must be 9007199254740991 or less']);
		expect(integer({ max: INT32_MAX }).parse('2147483647')).toBe(INT32_MAX);
	});
});

describe('URLs: any absolute URI, except schemes that run code or open files', () => {
	test.each([
		'https://shop.example/ok',
		'myapp://return',
		'com.shop.app:/callback',
		'mailto:pay@shop.example',
		'HTTP://EXAMPLE.COM',
	])('%s is accepted', (value) => {
		expect(url().safeParse(value).success).toBe(true);
	});

	test.each([
		'javascript:alert(1)',
		'JavaScript:void(0)',
		' javascript:x',
		'java\tscript:x',
		'data:text/html,hi',
		'vbscript:x',
		'file:///etc/passwd',
	])('%j is refused by scheme', (value) => {
		expect(messageOf(url(), value)[0]).toMatch(
			/^must not be a (javascript|data|vbscript|file): URL/,
		);
	});

	test.each(['shop.example/ok', '/relative', '//host/path', 'https://', 'not a url'])(
		'%j is not an absolute URL',
		(value) => {
			expect(messageOf(url(), value)[0]).toMatch(/^must be an absolute URL/);
		},
	);
});

test('a list given as comma-separated text is read without the spaces around each value', () => {
	expect(list(oneOf(['CARD', 'PIX'])).parse('CARD, PIX')).toEqual(['CARD', 'PIX']);
	expect(list(oneOf(['CARD', 'PIX'])).safeParse('CARD ; PIX').success).toBe(false);
});

test('numbers may come as numeric text, with spaces around it, and nothing else', () => {
	expect(integer().parse(' 12 ')).toBe(12);
	expect(number().parse('-2.5')).toBe(-2.5);
	for (const value of ['x12', '12x', '1e3', '1.', '.5', '--1', '0x10']) {
		expect(integer().safeParse(value).success).toBe(false);
	}
});

test('a boolean may come as the text true or false, and nothing else', () => {
	expect(boolean().parse('true')).toBe(true);
	expect(boolean().parse('false')).toBe(false);
	expect(boolean().parse(true)).toBe(true);
	for (const value of ['yes', 'TRUE', '1', 1]) {
		expect(messageOf(boolean(), value)).toEqual(['must be true or false']);
	}
});

test('rows are counted against their limits', () => {
	const { z } = require('zod/v3');
	const two = rows(z.string(), { min: 1, max: 2 });
	expect(messageOf(two, [])).toEqual(['must have at least 1 row(s)']);
	expect(messageOf(two, ['a', 'b', 'c'])).toEqual(['must have at most 2 rows']);
	expect(two.parse(['a', 'b'])).toEqual(['a', 'b']);
	expect(messageOf(two, 'a')).toEqual(['must be a list']);
});
