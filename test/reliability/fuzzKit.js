'use strict';
/**
 * Shared machinery of the property-based "bad input" tests (fuzz.<provider>.test.js).
 *
 * Each provider file describes a MODEL:
 *   - `segment`: a fast-check arbitrary of `{ shape, items }`. The shape is the node's parameter
 *     layout for one engine run (which fields are bound as expressions, how many fixed-collection
 *     rows, options); the items are per-item recipes.
 *   - `parameters(shape)`: the node parameters; every bound field is an expression reading the
 *     generated value from the item (`={{ $json.<name> }}`), so wrong types arrive as they would
 *     from a spreadsheet or a webhook.
 *   - `materialize(shape, recipe, n)`: the item JSON and what the DOCUMENTATION says about it:
 *     `{ json, expect: { wireId, exists, tags, body?, get?, check? } }`. `n` is unique within a
 *     fast-check run, so every item updates its own bulk session and requests map back to items.
 *     Tags are `{ field, k, change }`, `k` one of
 *       valid   - the documented schema allows it,
 *       invalid - the documented schema forbids it (or it is no value the field can take),
 *       either  - documentation and node conventions leave it open (e.g. numbers as text),
 *       unset   - empty: the node treats it as "leave unchanged".
 *     The verdicts come from oracles written from the provider pages, not from the node code.
 *   - `requestId(req)`, `isUpdate(req)`, `unknownStatus`.
 *
 * `fuzzProvider` runs each segment through the real n8n engine (one WorkflowExecute run per
 * segment, "Continue On Fail" on) against the provider sandbox, in worker threads so both cores
 * work (engineWorker.js: harness/engine.js + sandbox/, each worker its own sandbox), then
 * checks per item:
 *   P1 one output item per input item, in order, `pairedItem: { item: i }`, and the run itself
 *      does not fail;
 *   P2 a rejected item is `{ error: '[item i] <Label> (<field>): …', code: 'INVALID_INPUT' }` (plus
 *      `sessionId` when the session id itself was valid),
 *      <field> is one the model marked invalid/either, and no request carried its session id;
 *   P3 an accepted item sent exactly one update (Yuno: and one GET when it had to fill required
 *      fields), answered 200 by the sandbox (which validates the documented schema itself), or
 *      404/500 for an id the model knows does not exist; the sandbox never answered 400;
 *   P4 known-invalid items are rejected, known-valid ones accepted, and valid values arrive on
 *      the wire unchanged (no expression or coercion mangled them);
 *   P5 no credential secret appears in any output item or error.
 * A failing property is shrunk by fast-check (for at most ~30 s) and reported with its seed and
 * path, the failing items and the reason.
 *
 * Environment: FUZZ_TARGET=<n> generated inputs per provider (default 10,000);
 * FUZZ_NO_SHRINK=1 reports the first failure unshrunk; FUZZ_SEED=<seed> FUZZ_PATH=<path> replays a
 * reported failure; FUZZ_DEBUG=1 prints per-run timings.
 */
const os = require('node:os');
const path = require('node:path');
const { Worker } = require('node:worker_threads');
const fc = require('fast-check');
const { SECRETS } = require('../../harness/providers');

/* ------------------------------------------------------------------ secrets */

function leakedSecret(text) {
	return SECRETS.find((secret) => text.includes(secret));
}

/* ------------------------------------------------------------ value helpers */

const isBlank = (v) =>
	v === undefined ||
	v === null ||
	(typeof v === 'string' && v.trim() === '') ||
	(Array.isArray(v) && v.length === 0);
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
function codePoints(s) {
	let surrogatePairs = 0;
	for (let i = 0; i < s.length - 1; i++) {
		const unit = s.charCodeAt(i);
		if (unit >= 0xd800 && unit <= 0xdbff) {
			const next = s.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				surrogatePairs += 1;
				i += 1;
			}
		}
	}
	return s.length - surrogatePairs;
}

/** What the node sees: items travel as JSON into the workflow (undefined vanishes, NaN → null). */
const roundTrip = (value) =>
	value === undefined || typeof value === 'string' ? value : JSON.parse(JSON.stringify(value));

/* --------------------------------------------------------------- generators */

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

const GOOD_URL =
	/^https?:\/\/[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(:(\d{1,5}))?\/[A-Za-z0-9\-._~/]*([?#][A-Za-z0-9=&%#]*)?$/i;

/** Schemes refused in every URL field: they run code or open local files (a guard beyond the docs). */
const REFUSED_SCHEMES = ['javascript', 'data', 'vbscript', 'file'];

/**
 * Oracle for "a valid URL" (Upag's successUrl/cancelUrl, Yuno's callback_url, and the URL fields the
 * node offers for Speed and Sprintcheckout), independent of the node's own check: the docs
 * describe them as URLs or plain strings, so plain http(s) URLs and clean absolute URIs of other
 * schemes (app deep links) are valid; text without a scheme, a broken http(s) authority, and the
 * schemes in REFUSED_SCHEMES are not; what only lenient (WHATWG) parsing accepts is undecided.
 */
function classifyUrl(v) {
	if (isBlank(v)) return 'unset';
	if (typeof v !== 'string') return 'invalid';
	const good = GOOD_URL.exec(v);
	if (good && (good[3] === undefined || Number(good[3]) <= 65535)) return 'valid';
	const scheme = /^\s*([A-Za-z][A-Za-z0-9+.-]*):/.exec(v);
	if (!scheme || BROKEN_HTTP_URLS.includes(v)) return 'invalid';
	if (REFUSED_SCHEMES.includes(scheme[1].toLowerCase())) return 'invalid';
	if (/^https?$/i.test(scheme[1])) return 'either';
	return /^[A-Za-z][A-Za-z0-9+.-]*:[\x21-\x7e]+$/.test(v) ? 'valid' : 'either';
}

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

/* ------------------------------------------------------------ text oracles */

/** Oracle of a documented string field with optional length limits. Numbers become text in the node: "either". */
function classifyText(v, { min, max } = {}) {
	if (isBlank(v)) return 'unset';
	if (typeof v === 'number') return 'either';
	if (typeof v !== 'string') return 'invalid';
	if (min === undefined && max === undefined) return 'valid';
	// Code points are between half the UTF-16 units and all of them: long texts need no count.
	if (max !== undefined && v.length > 2 * max + 2) return 'invalid';
	const units = v.length;
	const chars = codePoints(v);
	const fits = (n) => (min === undefined || n >= min) && (max === undefined || n <= max);
	if (fits(units) && fits(chars)) return 'valid';
	if (!fits(units) && !fits(chars)) return 'invalid';
	return 'either'; // "characters": UTF-16 units and code points disagree at the limit
}

/** Oracle of a text inside a fixed-collection row (rows are sent as they are: no "empty means unset"). */
function classifyRowText(v, { min, max } = {}) {
	if (v === undefined || v === null) return 'invalid';
	if (typeof v === 'number') return 'either';
	if (typeof v !== 'string') return 'invalid';
	if (max !== undefined && v.length > 2 * max + 2) return 'invalid';
	const fits = (n) => (min === undefined || n >= min) && (max === undefined || n <= max);
	const units = fits(v.length);
	const chars = fits(codePoints(v));
	return units && chars ? 'valid' : !units && !chars ? 'invalid' : 'either';
}

/** Oracle of a documented number field (JSON number; numeric text is a node convenience). */
function classifyNumber(v) {
	if (isBlank(v)) return 'unset';
	if (typeof v === 'number') return Number.isFinite(v) ? 'valid' : 'invalid';
	if (typeof v === 'string')
		return /^\s*[-+]?(\d+\.?\d*|\.\d+)\s*$/.test(v) && Number.isFinite(Number(v))
			? 'either'
			: 'invalid';
	return 'invalid';
}

/** Oracle of a documented boolean field. */
function classifyBoolean(v) {
	if (isBlank(v)) return 'unset';
	if (typeof v === 'boolean') return 'valid';
	if (v === 'true' || v === 'false') return 'either';
	return 'invalid';
}

/* --------------------------------------------------------------- the runner */

const tag = (field, k, change = true) => ({ field, k, change });

/**
 * The expectation for one item from its tags. `allowed`: the fields a rejection may name.
 */
function expectationOf(tags) {
	const set = tags.filter((t) => t.k !== 'unset');
	const invalid = set.filter((t) => t.k === 'invalid').map((t) => t.field);
	const either = set.filter((t) => t.k === 'either').map((t) => t.field);
	const validChange = set.some((t) => t.change && t.k === 'valid');
	const anyChange = set.some((t) => t.change);
	const allowed = new Set([...invalid, ...either]);
	if (!validChange) allowed.add('updateFields');
	if (invalid.length > 0 || !anyChange) return { verdict: 'reject', allowed };
	if (either.length > 0 || !validChange) return { verdict: 'either', allowed };
	return { verdict: 'accept', allowed };
}

const ERROR_LINE = /^\[item (\d+)\] /;
/** Each problem of a refused item names its field: `Label (path): message`; the path's top parameter is taken. */
const NAMED_FIELD = /(?:^\[item \d+\] |; )[^();]+ \(([A-Za-z]+)(?:[.[][^()]*)?\): /g;

function newCounts() {
	return {
		total: 0,
		valid: 0,
		invalid: 0,
		either: 0,
		accepted: 0,
		rejected: 0,
		engineRuns: 0,
		byField: {},
	};
}

function describeItem(json) {
	// `undefined` (a field that never arrived) has no JSON text.
	const text = String(
		JSON.stringify(json, (key, value) =>
			typeof value === 'string' && value.length > 300
				? `${value.slice(0, 60)}…(${value.length} chars)`
				: value,
		),
	);
	return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

/** P1: the run itself went through, with one output item per input item. */
function checkRun(cases, { output, error }) {
	const problems = [];
	if (error) problems.push(`the run itself failed: ${error.message}`);
	if (output.length !== cases.length)
		problems.push(`${output.length} output items for ${cases.length} input items`);
	return problems;
}

/** The requests of each item, by the session it asked for; a request no item asked for is a problem. */
function requestsByItem(model, cases, requests) {
	const byId = new Map();
	cases.forEach((c, i) => {
		if (c.expect.wireId !== null) byId.set(c.expect.wireId, i);
	});
	const perItem = cases.map(() => []);
	const problems = [];
	for (const request of requests) {
		const id = model.requestId(request);
		if (byId.has(id)) perItem[byId.get(id)].push(request);
		else
			problems.push(
				`a request for a session no item asked for: ${request.method} ${request.path} ${describeItem(request.body)}`,
			);
	}
	return { perItem, problems };
}

/** P1 (per item): the output item is paired with its input; P5: it holds no credential secret. */
function checkPairedAndClean(i, out, text) {
	const problems = [];
	if (JSON.stringify(out.pairedItem) !== JSON.stringify({ item: i }))
		problems.push(`pairedItem ${JSON.stringify(out.pairedItem)}`);
	const secret = leakedSecret(text);
	if (secret) problems.push(`output contains a credential secret (${secret.slice(0, 6)}…)`);
	return problems;
}

/**
 * P2: a refused item is `{ error, code, sessionId? }`, its message starts with its index and
 * names only fields that are wrong, the input was not documented-valid, and nothing was sent.
 */
function checkRejected(i, json, text, { verdict, allowed }, mine, counts) {
	const problems = [];
	const match = ERROR_LINE.exec(typeof json.error === 'string' ? json.error : '');
	const extra = Object.keys(json).filter((key) => !['error', 'code', 'sessionId'].includes(key));
	if (json.httpCode !== undefined || typeof json.error !== 'string' || extra.length > 0)
		problems.push(`malformed error item ${text.slice(0, 300)}`);
	const named = match ? [...json.error.matchAll(NAMED_FIELD)].map((found) => found[1]) : [];
	if (!match || Number(match[1]) !== i || named.length === 0) {
		problems.push(
			`error does not start with "[item ${i}] <label> (<field>):": ${String(json.error).slice(0, 300)}`,
		);
	} else {
		counts.byField[named[0]] = (counts.byField[named[0]] ?? 0) + 1;
		for (const field of named.filter((each) => !allowed.has(each)))
			problems.push(
				`rejected naming "${field}", but the wrong field(s) are ${[...allowed].join(', ')}: ${json.error.slice(0, 300)}`,
			);
	}
	if (verdict === 'accept')
		problems.push(`a documented-valid input was rejected: ${String(json.error).slice(0, 300)}`);
	if (mine.length > 0) problems.push(`rejected, yet ${mine.length} request(s) were sent for it`);
	return problems;
}

/**
 * P3 and P4: an accepted item of an existing session made exactly one update (after its reads),
 * every answer was a success, the output is no error, and each value arrived on the wire as
 * the oracle expects.
 */
function checkAccepted(model, c, json, text, mine) {
	const problems = [];
	const updates = mine.filter((r) => model.isUpdate(r));
	const others = mine.filter((r) => !model.isUpdate(r));
	if (updates.length !== 1)
		problems.push(`accepted, but ${updates.length} update requests were sent`);
	const gets = c.expect.get === undefined ? others.length : c.expect.get ? 1 : 0;
	if (others.length !== gets)
		problems.push(`accepted, with ${others.length} other requests (expected ${gets})`);
	if (others.length > 0 && updates.length > 0 && mine.indexOf(others[0]) > mine.indexOf(updates[0]))
		problems.push(`${others[0].method} came after the update`);
	for (const r of mine.filter((each) => each.status !== (model.okStatus ?? 200)))
		problems.push(
			`the sandbox answered ${r.status} to ${r.method} ${r.path} with body ${describeItem(r.body)}; node output ${text.slice(0, 400)}`,
		);
	if (json.error !== undefined || json.code !== undefined)
		problems.push(`accepted and answered 200, but the output is an error: ${text.slice(0, 300)}`);
	if (updates.length === 1 && updates[0].status === 200) {
		const [update] = updates;
		for (const [key, value] of Object.entries(c.expect.body ?? {})) {
			if (JSON.stringify(update.body?.[key]) !== JSON.stringify(value))
				problems.push(
					`"${key}" arrived as ${describeItem(update.body?.[key])}, expected ${describeItem(value)}`,
				);
		}
		const problem = c.expect.check?.(update);
		if (problem) problems.push(problem);
	}
	return problems;
}

/** An accepted item of an unknown session: at most one read and one update, the provider's status in the output. */
function checkUnknownSession(model, json, text, mine) {
	const problems = [];
	const updates = mine.filter((r) => model.isUpdate(r));
	const others = mine.filter((r) => !model.isUpdate(r));
	if (mine.length === 0 || updates.length > 1 || others.length > 1)
		problems.push(`unknown session: ${mine.length} requests (${updates.length} updates)`);
	const last = mine[mine.length - 1];
	if (last && json.httpCode !== last.status)
		problems.push(`unknown session answered ${last.status}, output ${text.slice(0, 300)}`);
	for (const r of mine.filter((each) => each.status !== model.unknownStatus))
		problems.push(
			`unknown session answered ${r.status} with body ${describeItem(r.body)}; node output ${text.slice(0, 400)}`,
		);
	return problems;
}

/** The problems of one item against its oracle expectation; counts what it was and what became of it. */
function checkItem(model, c, i, out, mine, counts) {
	counts.total += 1;
	const expectation = expectationOf(c.expect.tags);
	const { verdict, allowed } = expectation;
	counts[verdict === 'accept' ? 'valid' : verdict === 'reject' ? 'invalid' : 'either'] += 1;
	const json = out.json;
	const text = JSON.stringify(json);
	const problems = checkPairedAndClean(i, out, text);
	if (json && json.code === 'INVALID_INPUT') {
		counts.rejected += 1;
		return [...problems, ...checkRejected(i, json, text, expectation, mine, counts)];
	}
	counts.accepted += 1;
	if (verdict === 'reject')
		return [
			...problems,
			`a documented-invalid input was accepted (fields: ${[...allowed].join(', ')}); output ${text.slice(0, 300)}`,
		];
	const check = c.expect.exists
		? checkAccepted(model, c, json, text, mine)
		: checkUnknownSession(model, json, text, mine);
	return [...problems, ...check];
}

/** Checks one engine run of a segment; returns a list of failure strings (empty when all hold). */
function checkSegment(model, cases, result, requests, counts) {
	const { perItem, problems } = requestsByItem(model, cases, requests);
	const failures = [...checkRun(cases, result), ...problems];
	cases.forEach((c, i) => {
		const out = result.output[i];
		if (!out) return;
		for (const problem of checkItem(model, c, i, out, perItem[i], counts))
			failures.push(`item ${i} ${describeItem(c.json)}: ${problem}`);
	});
	return failures;
}

/** fast-check's report, with the counterexample's long strings shortened (they can be MBs). */
function describeFailure(details) {
	const [run] = details.counterexample ?? [[]];
	const summary = (run ?? []).map(({ shape, items }) => ({
		shape,
		items: items.length,
		first: items.slice(0, 3),
	}));
	return [
		`Property failed after ${details.numRuns} run(s), shrunk ${details.numShrinks} time(s); replay with { seed: ${details.seed}, path: "${details.counterexamplePath}" }`,
		`Counterexample (segments, item count, first recipes): ${describeItem(summary)}`,
		details.errorInstance instanceof Error ? details.errorInstance.message : String(details.error),
	].join('\n');
}

/**
 * Engine workers (engineWorker.js): each runs n8n's WorkflowExecute with the node under test
 * against its own sandbox, one engine run at a time; `run(provider, parameters, items)` resolves
 * to `{ output, error, requests }` of that run. Two or more workers keep both cores busy.
 */
function useEngines(
	size = Math.min(4, Math.max(2, os.availableParallelism?.() ?? os.cpus().length)),
) {
	const workers = [];
	let nextId = 0;
	const start = () =>
		new Promise((resolve, reject) => {
			const worker = new Worker(path.join(__dirname, 'engineWorker.js'));
			const entry = { worker, pending: new Map() };
			worker.once('error', reject);
			worker.once('message', () => {
				worker.on('message', (message) => {
					const settle = entry.pending.get(message.id);
					entry.pending.delete(message.id);
					if (message.crash) settle?.reject(new Error(`engine worker: ${message.crash}`));
					else settle?.resolve(message);
				});
				worker.on('error', (error) => {
					for (const settle of entry.pending.values()) settle.reject(error);
					entry.pending.clear();
				});
				resolve(entry);
			});
		});
	const send = (entry, message) =>
		new Promise((resolve, reject) => {
			nextId += 1;
			entry.pending.set(nextId, { resolve, reject });
			entry.worker.postMessage({ id: nextId, ...message });
		});
	beforeAll(async () => {
		workers.push(...(await Promise.all(Array.from({ length: size }, start))));
	}, 60_000);
	afterAll(async () => {
		await Promise.all(
			workers.map(async (entry) => {
				await send(entry, { op: 'close' });
				await entry.worker.terminate();
			}),
		);
	});
	return {
		size,
		run(provider, parameters, items) {
			const entry = workers.reduce((best, candidate) =>
				candidate.pending.size < best.pending.size ? candidate : best,
			);
			return send(entry, { provider, parameters, items });
		},
	};
}

/** Generated inputs per provider (FUZZ_TARGET overrides, e.g. for a quick local run). */
const TARGET = Number(process.env.FUZZ_TARGET ?? 10_000);

/**
 * Runs the property over batches until at least `target` items were generated; returns the counts.
 * `engines` is a useEngines() pool; the segments of one run go through it in parallel.
 */
async function fuzzProvider(
	model,
	engines,
	{ target = TARGET, segments = { minLength: 1, maxLength: 4 }, shrinkDeadlineMs = 30_000 } = {},
) {
	const counts = newCounts();
	const timing = { materialize: 0, engine: 0, check: 0 };
	const deadline = Date.now() + shrinkDeadlineMs;
	let runs = 0;
	const property = fc.asyncProperty(fc.array(model.segment, segments), async (run) => {
		const local = newCounts();
		let n = 0;
		const failures = [];
		const t0 = Date.now();
		const prepared = run.map(({ shape, items }) => ({
			shape,
			cases: items.map((recipe) => model.materialize(shape, recipe, n++)),
		}));
		const t1 = Date.now();
		const results = await Promise.all(
			prepared.map(({ shape, cases }) =>
				engines.run(
					model.provider,
					model.parameters(shape),
					cases.map((c) => c.json),
				),
			),
		);
		const t2 = Date.now();
		timing.materialize += t1 - t0;
		timing.engine += t2 - t1;
		prepared.forEach(({ shape, cases }, index) => {
			const result = results[index];
			local.engineRuns += 1;
			if (process.env.FUZZ_DEBUG)
				process.stderr.write(
					`segment ${cases.length} items, ${result.ms} ms, ${result.requests.length} requests, shape ${JSON.stringify(shape).slice(0, 200)}\n`,
				);
			const errorText = result.error ? JSON.stringify(result.error) : '';
			if (leakedSecret(errorText)) failures.push('the run error contains a credential secret');
			if (failures.length === 0)
				failures.push(...checkSegment(model, cases, result, result.requests, local));
		});
		timing.check += Date.now() - t2;
		if (failures.length > 0) {
			throw new Error(`${failures.length} failure(s):\n${failures.slice(0, 5).join('\n')}`);
		}
		for (const [key, value] of Object.entries(local)) {
			if (key === 'byField')
				for (const [field, count] of Object.entries(value))
					counts.byField[field] = (counts.byField[field] ?? 0) + count;
			else counts[key] += value;
		}
	});
	while (counts.total < target) {
		// Rounds of a few runs (a run is ~500-1000 items), so the target is passed by at most a round.
		const perRun = counts.total > 0 ? counts.total / runs : 1000;
		const numRuns = Math.max(1, Math.min(4, Math.ceil((target - counts.total) / perRun)));
		// Shrinking a failure re-runs the engine many times: it stops at the deadline and reports
		// the smallest counterexample found so far (each failure message names its item anyway).
		const details = await fc.check(property, {
			numRuns,
			...(process.env.FUZZ_SEED
				? { seed: Number(process.env.FUZZ_SEED), path: process.env.FUZZ_PATH }
				: {}),
			endOnFailure: process.env.FUZZ_NO_SHRINK === '1',
			interruptAfterTimeLimit: Math.max(10_000, deadline - Date.now()),
		});
		runs += details.numRuns;
		if (details.failed) throw new Error(describeFailure(details));
	}
	counts.timing = timing;
	return counts;
}

function report(provider, counts, startedAt) {
	const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
	const share = (x) => `${((100 * x) / counts.total).toFixed(1)} %`;
	const fields = Object.entries(counts.byField)
		.sort((a, b) => b[1] - a[1])
		.map(([field, count]) => `${field} ${count}`)
		.join(', ');
	console.log(
		`fuzz ${provider}: ${counts.total} generated inputs in ${counts.engineRuns} engine runs (${seconds} s); ` +
			`known-valid ${counts.valid} (${share(counts.valid)}), known-invalid ${counts.invalid} (${share(counts.invalid)}), ` +
			`undecided ${counts.either}; node accepted ${counts.accepted}, rejected ${counts.rejected}; rejections per field: ${fields}` +
			(process.env.FUZZ_DEBUG
				? `; ms in engine ${counts.timing.engine}, materialize ${counts.timing.materialize}, check ${counts.timing.check}`
				: ''),
	);
}

/** Zero-padded decimal (ids of bulk and unknown sessions). */
const pad = (n, width) => String(n).padStart(width, '0');

module.exports = {
	fc,
	TARGET,
	SECRETS,
	leakedSecret,
	isBlank,
	isPlainObject,
	roundTrip,
	CHUNKS,
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
	classifyUrl,
	classifyText,
	classifyRowText,
	classifyNumber,
	classifyBoolean,
	tag,
	expectationOf,
	fuzzProvider,
	useEngines,
	report,
	pad,
};

/* ------------------------------------------------------------ field models */

/**
 * A field of the model: `good` values (mostly valid, for "clean" items), `any` values (the full
 * mix), `classify(v)` (the documentation's verdict on the value the node receives) and
 * `wire(v)` (the value a valid input must arrive as; undefined: not checked).
 */
function fieldDef(name, { good, any, classify, wire = (v) => v, wireKey = name, change = true }) {
	return { name, good, any, classify, wire, wireKey, change };
}

/**
 * Item recipes over the bound fields: `clean` in 10 are "clean" (every field from `good`), the
 * others "noisy" (every field from `any`), so the valid path gets its share of the runs.
 */
function itemRecipes(defs, { goodId, anyId, extraGood = {}, extraAny = {}, clean = 4 }) {
	const record = (pick, id, extra) =>
		fc.record({
			id,
			values: fc.record(Object.fromEntries(defs.map((d) => [d.name, pick(d)]))),
			...extra,
		});
	return fc.oneof(
		{ weight: clean, arbitrary: record((d) => d.good, goodId, extraGood) },
		{ weight: 10 - clean, arbitrary: record((d) => d.any, anyId, extraAny) },
	);
}

/** Tags and expected wire values of the bound fields of one item (after the JSON round trip). */
function classifyFields(defs, values, json) {
	const tags = [];
	const body = {};
	for (const d of defs) {
		const v = roundTrip(values[d.name]);
		if (v !== undefined) json[d.name] = v;
		const k = d.classify(v);
		tags.push(tag(d.name, k, d.change));
		if (k === 'valid') {
			const expected = d.wire(v);
			if (expected !== undefined) body[d.wireKey] = expected;
		}
	}
	return { tags, body };
}

/**
 * Session-id recipes shared by every provider: mostly the valid id (plain, padded with
 * blanks, as the provider's checkout URL where one is documented, or missing), sometimes
 * one of the provider's bad shapes, sometimes a value of the wrong type.
 */
function idRecipes({ urlForm, badForms, badWeight, rawWeight = 2 }) {
	const goodId = fc.oneof(
		{ weight: 12, arbitrary: fc.constant({ form: 'plain' }) },
		{ weight: 1, arbitrary: fc.constant({ form: 'padded' }) },
		...(urlForm ? [{ weight: 2, arbitrary: fc.constant({ form: urlForm }) }] : []),
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

/** The country codes Yuno's pages list (the oracle's own reading of the docs, not the node's). */
module.exports.YUNO_COUNTRIES = [
	'AR',
	'BO',
	'BR',
	'CL',
	'CO',
	'CR',
	'EC',
	'SV',
	'GT',
	'HN',
	'MX',
	'NI',
	'PA',
	'PY',
	'PE',
	'US',
	'UY',
];
module.exports.idRecipes = idRecipes;
module.exports.fieldDef = fieldDef;
module.exports.itemRecipes = itemRecipes;
module.exports.classifyFields = classifyFields;

/* ------------------------------------------------------------------- rows */

/** Rows whose key/value come from the item (the rest of a segment's rows are literal). */
const EXPRESSION_ROWS = 2;

/** Literal parameter text must not start with "=" (n8n would evaluate it as an expression). */
const literal = (text) => (typeof text === 'string' && text.startsWith('=') ? `x${text}` : text);

/**
 * Node parameter rows for a fixed collection: the first EXPRESSION_ROWS rows read
 * `${prefix}${r}k` / `${prefix}${r}v` from the item, the others are the segment's literal rows.
 */
function rowParameters(rows, prefix, names = ['key', 'value']) {
	return Array.from({ length: rows.count }, (_, r) =>
		r < EXPRESSION_ROWS
			? { [names[0]]: `={{ $json.${prefix}${r}k }}`, [names[1]]: `={{ $json.${prefix}${r}v }}` }
			: {
					[names[0]]: literal(rows.literal[r - EXPRESSION_ROWS][0]),
					[names[1]]: literal(rows.literal[r - EXPRESSION_ROWS][1]),
				},
	);
}

/** The values every row has for one item (expression rows from the item, after the JSON round trip). */
function rowValues(rows, prefix, itemRows, json) {
	return Array.from({ length: rows.count }, (_, r) => {
		if (r >= EXPRESSION_ROWS) return rows.literal[r - EXPRESSION_ROWS].map(literal);
		const [k, v] = (itemRows[r] ?? [undefined, undefined]).map(roundTrip);
		if (k !== undefined) json[`${prefix}${r}k`] = k;
		if (v !== undefined) json[`${prefix}${r}v`] = v;
		return [k, v];
	});
}

module.exports.EXPRESSION_ROWS = EXPRESSION_ROWS;
module.exports.literal = literal;
module.exports.rowParameters = rowParameters;
module.exports.rowValues = rowValues;
