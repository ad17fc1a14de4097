// @ts-check
'use strict';
/**
 * fast-check arbitraries of the fuzz suites: awkward text, numbers, URLs, values of the wrong
 * type, empty values, and the per-item recipes (field values and session-id forms) the models
 * draw from. What the documentation says about a value is the oracle's job (oracle.js).
 */
const fc = require('fast-check');

/** Builds an arbitrary once per argument list (building fast-check string arbitraries is costly). */
function memo(make) {
	const cache = new Map();
	return (...args) => {
		const key = JSON.stringify(args);
		if (!cache.has(key)) cache.set(key, make(...args));
		return cache.get(key);
	};
}

/** Awkward pieces of text: emoji (also ZWJ sequences), RTL, combining marks, NUL, BOM, look-alikes, expression syntax. */
const CHUNKS = [
	'😀',
	'👩‍👩‍👧‍👦',
	'🇧🇷',
	'مرحبا بالعالم',
	'שלום',
	'\u202eevil\u202c',
	'e\u0301',
	'a\u0308\u0301\u0323',
	'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
	'\u0000',
	'\u0007',
	'\ud800',
	'x\udc00',
	'\ufeff',
	'\u200b',
	'\u00a0',
	'中文字',
	'𝕳𝖊𝖑𝖑𝖔',
	'\t',
	'\n',
	'\r\n',
	'"',
	"'",
	'\\',
	'{{ $json.id }}',
	'={{ 1 + 1 }}',
	'=',
	'<script>alert(1)</script>',
	"' OR 1=1 --",
	'%00',
	'%2F',
	'&uid=x',
	'../',
	'null',
	'undefined',
	'[object Object]',
	' ',
	'x',
	'Order',
	'order',
	'42',
];
const HUGE_SEEDS = ['a', 'é', '😀', 'ab c', 'Ω\u0301', '0123456789', 'مرحبا '];

/** Any Unicode code point but lone surrogates (like fc.string's 'binary' unit, which takes ~1.5 s to build). */
const anyCodePoint = fc
	.integer({ min: 0, max: 0x10ffff })
	.filter((code) => code < 0xd800 || code > 0xdfff)
	.map((code) => String.fromCodePoint(code));

/** Any text, from plain ASCII to binary code points and awkward chunks. */
const anyText = memo(() =>
	fc.oneof(
		{ weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
		{ weight: 2, arbitrary: fc.string({ unit: anyCodePoint, minLength: 1, maxLength: 20 }) },
		{ weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }) },
		{
			weight: 3,
			arbitrary: fc
				.array(fc.constantFrom(...CHUNKS), { minLength: 1, maxLength: 6 })
				.map((parts) => parts.join('')),
		},
	),
);

/** Text of exactly `length` UTF-16 units (what both the node and the sandbox count), never blank. */
const textOfLength = memo((length) =>
	fc
		.tuple(
			fc.constantFrom('a', 'Z', '9', 'ñ', 'x y', '😀', 'e\u0301', 'ש', '\u0000', '-_.'),
			fc.boolean(),
		)
		.map(([unit, lead]) => {
			const body = (lead ? 'k' : '') + unit.repeat(Math.ceil(length / unit.length) + 1);
			return body.slice(0, length);
		}),
);

/** Text with a length drawn around the given limits (min-1, min, max, max+1, …). */
const textAround = memo((...limits) =>
	fc
		.constantFrom(
			...new Set(
				limits
					.flatMap((limit) => [limit - 2, limit - 1, limit, limit + 1, limit + 2])
					.filter((n) => n >= 1),
			),
		)
		.chain(textOfLength),
);

/** Hundreds of KB of text. */
const hugeText = memo((min = 50_000, max = 400_000) =>
	fc
		.tuple(fc.constantFrom(...HUGE_SEEDS), fc.integer({ min, max }))
		.map(([seed, size]) => `H${seed.repeat(Math.ceil(size / seed.length))}`.slice(0, size)),
);

/** Values of the wrong type for a text or number field (as a mapped expression may yield). */
const wrongType = memo(() =>
	fc.oneof(
		fc.boolean(),
		fc.constant({}),
		fc.constant({ value: 'x' }),
		fc.dictionary(
			fc.string({ maxLength: 5 }),
			fc.oneof(fc.string({ maxLength: 5 }), fc.integer()),
			{ minKeys: 1, maxKeys: 3 },
		),
		fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { minLength: 1, maxLength: 3 }),
		fc.constant([{ key: 'k', value: 'v' }]),
		fc.constant([[]]),
	),
);

/** Empty values: the node leaves the field unchanged. */
const emptyValue = memo(() => fc.constantFrom(undefined, null, '', '   ', '\t\n', [], '\u00a0'));

/** Numbers, including edge values (all JSON-safe). */
const anyNumber = memo(() =>
	fc.oneof(
		fc.integer({ min: -1_000_000, max: 1_000_000 }),
		fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
		fc.constantFrom(
			0,
			-0,
			1,
			-1,
			0.1,
			0.0001,
			0.00005,
			1e21,
			-1e-7,
			Number.MAX_SAFE_INTEGER,
			Number.MIN_VALUE,
			1.7976931348623157e308,
		),
	),
);

/** Text that looks numeric, or almost. */
const numberishText = memo(() =>
	fc.oneof(
		fc.integer({ min: -100000, max: 100000 }).map(String),
		fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String),
		fc.constantFrom(
			' 12 ',
			'12.50',
			'0012',
			'-0',
			'1e3',
			'1E-2',
			'1e309',
			'-1e309',
			'NaN',
			'Infinity',
			'-Infinity',
			'0x10',
			'1,5',
			'1.2.3',
			'12abc',
			'+5',
			'.5',
			'5.',
			'١٢',
			'１２',
			'-',
		),
	),
);

/* -------------------------------------------------------------------- URLs */

const URL_HOSTS = [
	'shop.example.com',
	'example.org',
	'a.b.example.net',
	'xn--bcher-kva.example',
	'my-shop.example.io',
	'localhost.example',
];
const URL_PATH_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/';

/** URLs any reading of "a valid http(s) URL" accepts. */
const goodUrl = memo((maxPath = 60) =>
	fc
		.record({
			scheme: fc.constantFrom('http', 'https', 'HTTPS'),
			host: fc.constantFrom(...URL_HOSTS),
			port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
			path: fc.string({ unit: fc.constantFrom(...URL_PATH_CHARS), maxLength: maxPath }),
			query: fc.option(fc.constantFrom('?a=1', '?order=42&x=%20y', '?q=caf%C3%A9', '#top'), {
				nil: undefined,
			}),
		})
		.map(
			({ scheme, host, port, path, query }) =>
				`${scheme}://${host}${port ? `:${port}` : ''}/${path}${query ?? ''}`,
		),
);

/** A good URL of exactly `length` characters (>= 30). */
const goodUrlOfLength = (length) =>
	fc.constant(`https://shop.example.com/${'p'.repeat(Math.max(0, length - 25))}`.slice(0, length));

/** A valid URL of a few hundred KB. */
const longUrl = memo(() =>
	fc
		.integer({ min: 1000, max: 300_000 })
		.map((size) => `https://shop.example.com/${'p'.repeat(size)}`),
);

/** http(s)-looking strings that no URL parser accepts: empty host, space in the host, bad port or IP. */
const BROKEN_HTTP_URLS = [
	'http://',
	'https://',
	'https://exa mple.com/',
	'https://example .com',
	'http://[::1',
	'https://example.com:99999/',
	'https://example.com:-1/',
	'http://256.256.256.256/',
	'https://example.com:80a/',
	'http://exa<mple.com/',
];

/** Not absolute URLs, or of a scheme that runs code or opens files in the payer's browser. */
const badUrl = memo(() =>
	fc.oneof(
		fc.constantFrom(
			...BROKEN_HTTP_URLS,
			'shop.example.com/thanks',
			'www.example.com',
			'javascript:alert(1)',
			'JavaScript:void(0)',
			' javascript:alert(1)',
			'vbscript:msgbox(1)',
			'file:///etc/passwd',
			'data:text/html,<b>x</b>',
			'DATA:,x',
			'//example.com/path',
			'ht tp://example.com',
			'example',
			'/relative/path',
			'?a=1',
			'https//example.com',
		),
		anyText().filter((text) => !/^\s*[A-Za-z][A-Za-z0-9+.-]*:/.test(text) && text.trim() !== ''),
	),
);

/** Absolute URIs of other schemes: app deep links and the like, which the providers' string fields take. */
const otherSchemeUrl = memo(() =>
	fc.constantFrom(
		'myapp://return',
		'myapp://checkout/done?order=42',
		'com.shop.app:/oauth/callback',
		'ftp://files.example.com/a',
		'mailto:a@example.com',
		'ws://example.com/socket',
		'hxxps://example.com',
	),
);

/** Odd forms that WHATWG URL parsing still accepts: spaces in the path, unicode hosts, missing slashes, blanks around. */
const oddUrl = memo(() =>
	fc.constantFrom(
		'https://example.com/a b',
		' https://example.com/padded ',
		'https://exämple.com/',
		'https://例え.テスト/パス',
		'HTTP://EXAMPLE.COM',
		'https://user:pass@example.com/',
		'https://example.com/😀',
		'https://1.2.3.4/',
		'http://localhost/',
		'https://example.com/\u0000',
		'https://example.com/%',
		'https://a/',
		'http:///path',
		'https:example.com',
		'https:/example.com/one-slash',
		'http:\\\\example.com\\back',
	),
);

/** Any value a URL field may receive: mostly good URLs, then broken, other-scheme and odd ones, wrong types. */
const url = (extra = []) =>
	fc.oneof(
		{ weight: 6, arbitrary: goodUrl() },
		{ weight: 2, arbitrary: badUrl() },
		{ weight: 1, arbitrary: otherSchemeUrl() },
		{ weight: 1, arbitrary: oddUrl() },
		{ weight: 1, arbitrary: wrongType() },
		{ weight: 1, arbitrary: fc.oneof(anyNumber(), emptyValue()) },
		...extra,
	);

/** The generators `mix` draws from, by name. */
const BY_NAME = {
	anyText,
	hugeText,
	anyNumber,
	numberishText,
	wrongType,
	emptyValue,
	goodUrl,
	longUrl,
	badUrl,
	oddUrl,
};

/**
 * Values of several generators, each drawn as often as its weight, e.g.
 * `mix({ anyText: 8, emptyValue: 1 })` (each generator with its default arguments).
 * @param {Partial<Record<keyof typeof BY_NAME, number>>} weights
 */
function mix(weights) {
	return fc.oneof(
		...Object.entries(weights).map(([name, weight]) => ({
			weight,
			arbitrary: BY_NAME[/** @type {keyof typeof BY_NAME} */ (name)](),
		})),
	);
}

/* ------------------------------------------------------------------ recipes */

/**
 * A segment: `shape` and 1 to `maxItems` item recipes over its bound fields `defs`. `clean` in 10
 * items are "clean" (the id and every field from `good`), the others "noisy" (from `any`), so
 * the valid path gets its share of the runs; `extra(pick)` adds the model's own parts of a
 * recipe, `pick` choosing the `good` or the `any` generator of each.
 * @typedef {import('fast-check').Arbitrary<unknown>} Arbitrary
 * @param {unknown} shape
 * @param {Array<{ name: string, good: Arbitrary, any: Arbitrary }>} defs
 * @param {{
 *   goodId: Arbitrary,
 *   anyId: Arbitrary,
 *   extra?: (pick: (field: { good: Arbitrary, any: Arbitrary }) => Arbitrary) => Record<string, Arbitrary>,
 *   clean: number,
 *   maxItems?: number,
 * }} options
 */
function segmentOf(shape, defs, { goodId, anyId, extra = () => ({}), clean, maxItems = 400 }) {
	const record = (pick, id) =>
		fc.record({
			id,
			values: fc.record(Object.fromEntries(defs.map((d) => [d.name, pick(d)]))),
			...extra(pick),
		});
	const recipe = fc.oneof(
		{ weight: clean, arbitrary: record((d) => d.good, goodId) },
		{ weight: 10 - clean, arbitrary: record((d) => d.any, anyId) },
	);
	return fc
		.array(recipe, { minLength: 1, maxLength: maxItems, size: 'max' })
		.map((items) => ({ shape, items }));
}

/**
 * Session-id recipes shared by every provider: mostly the valid id (plain, padded with
 * blanks, as the provider's checkout URL where one is documented, or missing), sometimes
 * one of the provider's bad shapes, sometimes a value of the wrong type.
 * @param {{ checkoutUrl?: boolean, badForms: string[], badWeight: number, rawWeight?: number }} forms
 */
function idRecipes({ checkoutUrl = false, badForms, badWeight, rawWeight = 2 }) {
	const goodId = fc.oneof(
		{ weight: 12, arbitrary: fc.constant({ form: 'plain' }) },
		{ weight: 1, arbitrary: fc.constant({ form: 'padded' }) },
		...(checkoutUrl ? [{ weight: 2, arbitrary: fc.constant({ form: 'checkoutUrl' }) }] : []),
		{ weight: 1, arbitrary: fc.constant({ form: 'missing' }) },
	);
	const anyId = fc.oneof(
		{ weight: 20, arbitrary: goodId },
		{ weight: badWeight, arbitrary: fc.constantFrom(...badForms).map((form) => ({ form })) },
		{
			weight: rawWeight,
			arbitrary: fc.oneof(wrongType(), emptyValue()).map((raw) => ({ form: 'raw', raw })),
		},
	);
	return { goodId, anyId };
}

/** Zero-padded decimal (ids of bulk and unknown sessions). */
const pad = (n, width) => String(n).padStart(width, '0');

module.exports = {
	BROKEN_HTTP_URLS,
	anyText,
	textOfLength,
	textAround,
	hugeText,
	wrongType,
	emptyValue,
	anyNumber,
	numberishText,
	goodUrl,
	goodUrlOfLength,
	longUrl,
	badUrl,
	oddUrl,
	url,
	mix,
	segmentOf,
	idRecipes,
	pad,
};
