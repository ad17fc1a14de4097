// @ts-check
'use strict';
/**
 * Property-based "bad input" test of the Speed node (fuzz/runner.js runs it, fuzz/checks.js lists
 * the properties).
 * Documented (POST /checkout-sessions/{id}, id cs_…): description, success_message, success_url
 * (success_url and success_message mutually exclusive), cancel_url, title, title_description
 * (strings), title_image (an image, at most 2 MB), metadata (an object of string values; keys
 * case-sensitive).
 */
const fc = require('fast-check');
const gen = require('./fuzz/generators');
const oracle = require('./fuzz/oracle');
const params = require('./fuzz/parameters');
const { useFuzzSuite } = require('./fuzz/runner');

const suite = useFuzzSuite('fuzz.speed');
const PROVIDER = 'speed';
const MAX_IMAGE = 2 * 1024 * 1024;

/* ------------------------------------------------------------------ fields */

const freeText = {
	good: gen.mix({ anyText: 80, hugeText: 1, emptyValue: 5 }),
	any: gen.mix({ anyText: 40, hugeText: 1, anyNumber: 10, wrongType: 15, emptyValue: 10 }),
	classify: (v) => oracle.classifyText(v),
};

const url = oracle.urlField();

/* title_image: an http(s) link, or base64 / a data URL of at most 2 MiB (2,097,152 bytes). */
const base64Of = (size, fill = 0x5a) => Buffer.alloc(size, fill).toString('base64');
const smallImage = fc
	.uint8Array({ minLength: 1, maxLength: 300 })
	.map((bytes) => Buffer.from(bytes).toString('base64'));
const dataUrl = (payload) => payload.map((b64) => `data:image/png;base64,${b64}`);
const mime = (b64) => b64.replace(/.{76}/g, '$&\r\n');
const boundaryImage = (sizes) =>
	fc
		.record({
			size: fc.constantFrom(...sizes),
			fill: fc.integer({ min: 0, max: 255 }),
			form: fc.constantFrom('raw', 'data', 'mime'),
		})
		.map(({ size, fill, form }) => {
			const b64 = base64Of(size, fill);
			return form === 'data' ? `data:image/jpeg;base64,${b64}` : form === 'mime' ? mime(b64) : b64;
		});
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Decoded size of canonical base64 (what encoding some bytes gives), else undefined. */
function canonicalBase64Bytes(text) {
	if (text.length === 0 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text))
		return undefined;
	const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
	const last = B64.indexOf(text[text.length - 1 - padding]);
	if (padding === 2 && last % 16 !== 0) return undefined; // unused low bits must be zero
	if (padding === 1 && last % 4 !== 0) return undefined;
	return (text.length / 4) * 3 - padding;
}

/** Neither an http(s) link nor canonical base64: broken padding, other schemes, plain text. */
const NOT_IMAGES = [
	'abc',
	'YQ',
	'YQ=',
	'YR==',
	'====',
	'Y Q==',
	'not an image',
	'data:image/svg+xml,<svg/>',
	'data:image/png;base64,',
	'data:;base64,@@@@',
	'image.png',
	'ftp://cdn.example.com/logo.png',
	'javascript:alert(1)',
];

const titleImage = {
	good: fc.oneof(
		{ weight: 100, arbitrary: gen.goodUrl() },
		{ weight: 100, arbitrary: smallImage },
		{ weight: 50, arbitrary: dataUrl(smallImage) },
		{ weight: 1, arbitrary: boundaryImage([MAX_IMAGE, MAX_IMAGE - 1, MAX_IMAGE - 2, 1_500_000]) },
		{ weight: 10, arbitrary: gen.emptyValue() },
	),
	any: fc.oneof(
		{ weight: 40, arbitrary: gen.goodUrl() },
		{ weight: 40, arbitrary: smallImage },
		{ weight: 20, arbitrary: dataUrl(smallImage) },
		{
			weight: 1,
			arbitrary: boundaryImage([
				MAX_IMAGE,
				MAX_IMAGE - 1,
				MAX_IMAGE + 1,
				MAX_IMAGE + 2,
				MAX_IMAGE + 3,
				3_000_000,
			]),
		},
		{ weight: 30, arbitrary: fc.constantFrom(...NOT_IMAGES) },
		{ weight: 20, arbitrary: gen.badUrl() },
		{ weight: 10, arbitrary: gen.oddUrl() },
		{ weight: 20, arbitrary: fc.oneof(gen.wrongType(), gen.anyNumber()) },
		{ weight: 10, arbitrary: gen.emptyValue() },
	),
	classify(v) {
		if (oracle.isBlank(v)) return 'unset';
		if (typeof v === 'number') return 'either';
		if (typeof v !== 'string') return 'invalid';
		// The image is fetched by Speed: only http(s) links (a guard beyond the docs).
		const web = /^\s*https?:/i.test(v);
		if (web && oracle.classifyUrl(v) === 'valid') return 'valid';
		const data = /^data:[^,]*;base64,(.*)$/is.exec(v);
		const payload = (data ? data[1] : v).replace(/[\r\n]/g, '');
		const bytes = canonicalBase64Bytes(payload);
		if (bytes !== undefined) return bytes <= MAX_IMAGE ? 'valid' : 'invalid';
		if (web && oracle.classifyUrl(v) === 'either') return 'either';
		if (/^[A-Za-z0-9+/=\s]*$/.test(payload) && !/^\s*https?:/i.test(v)) return 'either';
		return 'invalid';
	},
};

const FIELDS = [
	oracle.fieldDef('cancelUrl', { ...url, wireKey: 'cancel_url' }),
	oracle.fieldDef('description', freeText),
	oracle.fieldDef('title', freeText),
	oracle.fieldDef('titleDescription', { ...freeText, wireKey: 'title_description' }),
	oracle.fieldDef('titleImage', { ...titleImage, wireKey: 'title_image' }),
];

/* After payment: the node reads success_url or success_message, never both. */
const AFTER_PAYMENT = ['unchanged', 'redirect', 'message'];
const afterPayment = {
	good: fc.constantFrom(...AFTER_PAYMENT),
	any: fc.oneof(
		{ weight: 6, arbitrary: fc.constantFrom(...AFTER_PAYMENT) },
		{
			weight: 1,
			arbitrary: fc.constantFrom('Redirect', 'MESSAGE', 'url', 'both', 'successUrl', ' redirect'),
		},
		{ weight: 1, arbitrary: fc.oneof(gen.wrongType(), gen.anyNumber(), gen.emptyValue()) },
	),
};
const successMessage = {
	good: gen.mix({ anyText: 10, emptyValue: 1 }),
	any: freeText.any,
};

/* Metadata rows: key/value pairs; keys are case-sensitive, values strings. */
/*
 * n8n's request helper deep-copies the body and drops these keys (prototype-pollution guard), so
 * they cannot reach Speed: the node may refuse them ("either"), but must not report a success
 * while the key silently went missing (checked in `check` below).
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const metaKey = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.constantFrom(
			'order',
			'Order',
			'ORDER',
			'channel',
			'sku',
			'a b',
			'ключ',
			'😀',
			'toString',
			'42',
			'x'.repeat(300),
		),
	},
	{ weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype') },
	{ weight: 4, arbitrary: gen.anyText() },
);
const metaRow = {
	good: fc.tuple(
		metaKey,
		fc.oneof(
			{ weight: 8, arbitrary: gen.anyText() },
			{ weight: 1, arbitrary: fc.constant('') },
			{ weight: 1, arbitrary: gen.hugeText(1000, 50_000) },
		),
	),
	any: fc.tuple(
		fc.oneof(
			{ weight: 6, arbitrary: metaKey },
			{ weight: 1, arbitrary: fc.oneof(gen.anyNumber(), gen.wrongType(), gen.emptyValue()) },
		),
		fc.oneof(
			{ weight: 6, arbitrary: gen.anyText() },
			{
				weight: 2,
				arbitrary: fc.oneof(gen.anyNumber(), gen.wrongType(), gen.emptyValue(), fc.constant('')),
			},
		),
	),
};

function classifyMetadata(rows) {
	if (rows.length === 0) return { k: 'unset' };
	const verdicts = [];
	const seen = new Set();
	const entries = [];
	for (const [key, value] of rows) {
		if (typeof key === 'string' && key !== '') {
			if (seen.has(key) || RESERVED_KEYS.has(key)) verdicts.push('either'); // a JSON object cannot hold a key twice
			seen.add(key);
		} else if (typeof key === 'number' || key === undefined || key === null || key === '') {
			verdicts.push(key === null ? 'invalid' : 'either');
			if (typeof key === 'number') seen.add(String(key));
		} else verdicts.push('invalid');
		if (typeof value === 'string') entries.push([key, value]);
		else if (value === undefined || typeof value === 'number') verdicts.push('either');
		else verdicts.push('invalid'); // null, objects, lists, booleans: "values must be strings"
	}
	const k = oracle.worst(...verdicts);
	const reserved = rows.map(([key]) => key).filter((key) => RESERVED_KEYS.has(key));
	return { k, wire: k === 'valid' ? Object.fromEntries(entries) : undefined, reserved };
}

/* ------------------------------------------------------------------- ids */

const { goodId, anyId } = gen.idRecipes({
	badForms: ['upper', 'noPrefix', 'hyphen', 'url', 'number', 'prefixOnly'],
	badWeight: 1,
});

const idFor = oracle.sessionIdFor(PROVIDER, {
	padded: (id) => `\t${id} `,
	missing: (n) => `cs_missing${n}`,
	forms: {
		upper: (id, n) => oracle.unknownId(`CS_bulk_${n}`, 'invalid'),
		noPrefix: (id, n) => oracle.unknownId(`sess_${n}`, 'invalid'),
		hyphen: (id, n) => oracle.unknownId(`cs_x-${n}`, 'either'),
		url: (id) => oracle.unknownId(`https://checkout.tryspeed.com/${id}`, 'invalid'),
		number: (id, n) => oracle.unknownId(700_000_000 + n, 'invalid'),
		prefixOnly: () => oracle.unsentId('cs_', 'either'),
	},
});

/* ----------------------------------------------------------------- shapes */

const shape = fc.record({
	bound: fc.shuffledSubarray(
		FIELDS.map((d) => d.name),
		{ maxLength: 2 },
	),
	afterPayment: fc.oneof(
		{ weight: 5, arbitrary: fc.constant('absent') },
		{ weight: 3, arbitrary: fc.constantFrom('redirect', 'message') },
		{ weight: 2, arbitrary: fc.constant('expression') },
	),
	metadata: fc.oneof(
		{ weight: 14, arbitrary: fc.constant({ count: 0, literal: [] }) },
		{ weight: 5, arbitrary: fc.constant({ count: 1, literal: [] }) },
		{ weight: 1, arbitrary: fc.constant({ count: 2, literal: [] }) },
		{
			weight: 1,
			arbitrary: fc.array(metaRow.good, { minLength: 1, maxLength: 60 }).map((pairs) => ({
				count: params.EXPRESSION_ROWS + pairs.length,
				literal: pairs.map(([k, v]) => [params.literal(k), v]),
			})),
		},
	),
});

const segment = shape
	.filter((s) => s.bound.length > 0 || s.afterPayment !== 'absent' || s.metadata.count > 0)
	.chain((s) => {
		const defs = FIELDS.filter((d) => s.bound.includes(d.name));
		const rows = Math.min(s.metadata.count, params.EXPRESSION_ROWS);
		const extra = (pick) => ({
			afterPayment: s.afterPayment === 'expression' ? pick(afterPayment) : fc.constant(undefined),
			successUrl: s.afterPayment === 'absent' ? fc.constant(undefined) : pick(url),
			successMessage: s.afterPayment === 'absent' ? fc.constant(undefined) : pick(successMessage),
			metadata: fc.tuple(...Array.from({ length: rows }, () => pick(metaRow))),
		});
		const maxItems = s.metadata.count > 20 ? 20 : 400;
		return gen.segmentOf(s, defs, { goodId, anyId, extra, clean: 2, maxItems });
	});

const model = {
	provider: PROVIDER,
	segment,
	unknownStatus: 404,
	parameters(s) {
		const parameters = {
			checkoutSessionId: params.sessionIdFromItem(),
			updateFields: params.fromItem(s.bound),
		};
		if (s.metadata.count > 0)
			parameters.updateFields.metadata = { pair: params.rowParameters(s.metadata, 'm') };
		if (s.afterPayment !== 'absent') {
			parameters.afterPayment =
				s.afterPayment === 'expression' ? '={{ $json.afterPayment }}' : s.afterPayment;
			parameters.successUrl = '={{ $json.successUrl }}';
			parameters.successMessage = '={{ $json.successMessage }}';
		}
		return parameters;
	},
	materialize(s, recipe, n) {
		const defs = FIELDS.filter((d) => s.bound.includes(d.name));
		const id = idFor(recipe.id, n);
		const { json, tags, body } = oracle.classifyItem(defs, recipe.values, id, 'checkoutSessionId');

		// After payment: which of success_url / success_message the node reads.
		let chosen = s.afterPayment === 'absent' ? 'unchanged' : s.afterPayment;
		if (s.afterPayment === 'expression') {
			const mode = oracle.roundTrip(recipe.afterPayment);
			if (mode !== undefined) json.afterPayment = mode;
			chosen = AFTER_PAYMENT.includes(mode) ? mode : null;
			tags.push(
				oracle.tag(
					'afterPayment',
					chosen ? 'valid' : oracle.isBlank(mode) ? 'either' : 'invalid',
					false,
				),
			);
		}
		/** @type {Array<[string, string, (v: unknown) => string]>} */
		const successFields = [
			['successUrl', 'success_url', oracle.classifyUrl],
			['successMessage', 'success_message', (v) => oracle.classifyText(v, { min: 1 })],
		];
		for (const [name, wireKey, classify] of successFields) {
			const v = oracle.roundTrip(recipe[name]);
			if (v !== undefined) json[name] = v;
			if (
				(chosen === 'redirect' && name === 'successUrl') ||
				(chosen === 'message' && name === 'successMessage')
			) {
				const k = classify(v);
				tags.push(oracle.tag(name, k));
				if (k === 'valid') body[wireKey] = v;
			}
		}

		let reserved = [];
		if (s.metadata.count > 0) {
			const meta = classifyMetadata(params.rowValues(s.metadata, 'm', recipe.metadata, json));
			tags.push(oracle.tag('metadata', meta.k));
			if (meta.wire) body.metadata = meta.wire;
			reserved = meta.reserved;
		}
		const check = (request) => {
			const sent = request.body ?? {};
			if ('success_url' in sent && 'success_message' in sent)
				return 'success_url and success_message were sent together';
			if (chosen !== 'redirect' && 'success_url' in sent)
				return `success_url sent with After Payment "${chosen}"`;
			if (chosen !== 'message' && 'success_message' in sent)
				return `success_message sent with After Payment "${chosen}"`;
			const lost = reserved.filter(
				(key) => !Object.prototype.hasOwnProperty.call(sent.metadata ?? {}, key),
			);
			if (lost.length > 0)
				return `metadata key(s) ${lost.join(', ')} accepted but silently missing from the request (${JSON.stringify(sent.metadata)})`;
			return null;
		};
		return { json, expect: { wireId: id.wireId, exists: id.exists, tags, body, check } };
	},
	requestId: (request) => decodeURIComponent(request.path.replace(/^\/checkout-sessions\//, '')),
	isUpdate: (request) => request.method === 'POST',
};

suite.testUpdate(model);
