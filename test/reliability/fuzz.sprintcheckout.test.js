// @ts-check
'use strict';
/**
 * Property-based "bad input" test of the Sprintcheckout node (see fuzz/runner.js and fuzz/checks.js for the properties).
 * Documented schema (PaymentSession): sessionId string (min 1, in the body); amount, minAmount
 * numbers; editable boolean; currency a three-letter fiat code; orderId, concept, successUrl,
 * failUrl, cancelUrl strings (all nullable).
 */
const fc = require('fast-check');
const gen = require('./fuzz/generators');
const oracle = require('./fuzz/oracle');
const { useFuzzSuite } = require('./fuzz/runner');
const { bulkSessionId } = require('../../sandbox');

const suite = useFuzzSuite('fuzz.sprintcheckout');
const PROVIDER = 'sprintcheckout';

const freeText = fieldOptions();
function fieldOptions() {
	return {
		good: fc.oneof(
			{ weight: 20, arbitrary: gen.anyText() },
			{ weight: 1, arbitrary: gen.hugeText() },
			{ weight: 1, arbitrary: gen.emptyValue() },
		),
		any: fc.oneof(
			{ weight: 8, arbitrary: gen.anyText() },
			{ weight: 1, arbitrary: gen.hugeText() },
			{ weight: 2, arbitrary: gen.anyNumber() },
			{ weight: 3, arbitrary: gen.wrongType() },
			{ weight: 2, arbitrary: gen.emptyValue() },
		),
		classify: (v) => oracle.classifyText(v),
	};
}

const amount = {
	good: fc.oneof(
		{ weight: 8, arbitrary: fc.integer({ min: 0, max: 1_000_000 }) },
		{ weight: 8, arbitrary: fc.double({ min: 0, max: 1e9, noNaN: true }) },
		{
			weight: 1,
			arbitrary: fc.constantFrom(0, 0.01, 100.5, 1e21, Number.MAX_VALUE, Number.MIN_VALUE),
		},
		{ weight: 1, arbitrary: gen.emptyValue() },
	),
	any: fc.oneof(
		{ weight: 4, arbitrary: gen.anyNumber() },
		{ weight: 4, arbitrary: gen.numberishText() },
		{ weight: 2, arbitrary: gen.wrongType() },
		{ weight: 1, arbitrary: gen.anyText() },
		{ weight: 1, arbitrary: gen.emptyValue() },
	),
	// The page documents a number, with no lower bound: a negative one is left undecided.
	classify: (v) => {
		const k = oracle.classifyNumber(v);
		return k === 'valid' && v < 0 ? 'either' : k;
	},
};

const CURRENCIES = ['USD', 'EUR', 'BRL', 'ARS', 'JPY', 'GBP', 'MXN'];
const currency = {
	good: fc.oneof(
		{ weight: 10, arbitrary: fc.constantFrom(...CURRENCIES) },
		{ weight: 1, arbitrary: gen.emptyValue() },
	),
	any: fc.oneof(
		{ weight: 3, arbitrary: fc.constantFrom(...CURRENCIES) },
		{ weight: 1, arbitrary: fc.constantFrom('usd', 'Eur', 'bRl') },
		{
			weight: 4,
			arbitrary: fc.constantFrom(
				'US',
				'USDT',
				'U$D',
				'123',
				'€',
				'ÜSD',
				' USD',
				'USD ',
				'U S',
				'BTC1',
				'usdt',
				'D',
				'EURO',
			),
		},
		{ weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 5 }) },
		{ weight: 2, arbitrary: fc.oneof(gen.anyNumber(), gen.wrongType()) },
		{ weight: 1, arbitrary: gen.emptyValue() },
	),
	// "Three letter FIAT currency code"; the sandbox (like ISO 4217) wants upper case, the node upper-cases.
	classify: (v) => {
		if (oracle.isBlank(v)) return 'unset';
		if (typeof v !== 'string') return 'invalid';
		if (/^[A-Z]{3}$/.test(v)) return 'valid';
		return /^[A-Za-z]{3}$/.test(v) ? 'either' : 'invalid';
	},
};

const editable = {
	good: fc.oneof(
		{ weight: 10, arbitrary: fc.boolean() },
		{ weight: 1, arbitrary: gen.emptyValue() },
	),
	any: fc.oneof(
		{ weight: 4, arbitrary: fc.boolean() },
		{ weight: 2, arbitrary: fc.constantFrom('true', 'false') },
		{
			weight: 3,
			arbitrary: fc.constantFrom(
				0,
				1,
				'yes',
				'no',
				'TRUE',
				'False',
				'on',
				'1',
				'0',
				'null',
				'undefined',
			),
		},
		{ weight: 2, arbitrary: gen.wrongType() },
		{ weight: 1, arbitrary: gen.emptyValue() },
	),
	classify: oracle.classifyBoolean,
};

const url = {
	good: fc.oneof(
		{ weight: 20, arbitrary: gen.goodUrl() },
		{ weight: 1, arbitrary: gen.longUrl() },
		{ weight: 1, arbitrary: gen.emptyValue() },
	),
	any: gen.url([{ weight: 1, arbitrary: gen.longUrl() }]),
	classify: oracle.classifyUrl,
};

const DEFS = [
	oracle.fieldDef('orderId', freeText),
	oracle.fieldDef('concept', freeText),
	oracle.fieldDef('amount', amount),
	oracle.fieldDef('minAmount', amount),
	oracle.fieldDef('editable', editable),
	oracle.fieldDef('currency', currency),
	oracle.fieldDef('successUrl', url),
	oracle.fieldDef('failUrl', url),
	oracle.fieldDef('cancelUrl', url),
];

/* Session ids: the page documents any non-empty string; the node also takes the redirect URL. */
const { goodId, anyId } = gen.idRecipes({
	urlForm: 'redirectUrl',
	badForms: ['number', 'foreignUrl'],
	badWeight: 2,
	rawWeight: 3,
});

function idFor(recipe, n) {
	const id = bulkSessionId(PROVIDER, n);
	switch (recipe.form) {
		case 'plain':
			return { value: id, wireId: id, exists: true, k: 'valid' };
		case 'padded':
			return { value: ` ${id}\t`, wireId: id, exists: true, k: 'valid' };
		case 'redirectUrl':
			return {
				value:
					n % 2
						? `https://app.sprintcheckout.com/?uid=${id}`
						: `https://app.sprintcheckout.com?lang=es&uid=${id}#pay`,
				wireId: id,
				exists: true,
				k: 'valid',
			};
		case 'missing':
			return { value: `sc_missing_${n}`, wireId: `sc_missing_${n}`, exists: false, k: 'valid' };
		case 'number':
			return {
				value: 900_000_000 + n,
				wireId: String(900_000_000 + n),
				exists: false,
				k: 'either',
			};
		case 'foreignUrl':
			return {
				value: `https://pay.example.com/s/${n}`,
				wireId: `https://pay.example.com/s/${n}`,
				exists: false,
				k: 'either',
			};
		default: {
			const raw = oracle.roundTrip(recipe.raw);
			return { value: raw, wireId: null, exists: false, k: 'invalid' };
		}
	}
}

const shape = fc.record({
	bound: fc.shuffledSubarray(
		DEFS.map((d) => d.name),
		{ minLength: 1, maxLength: 2 },
	),
	idMode: fc.constantFrom('id', 'url'),
});

const segment = shape.chain((s) => {
	const defs = DEFS.filter((d) => s.bound.includes(d.name));
	return fc
		.array(gen.itemRecipes(defs, { goodId, anyId, clean: 2 }), {
			minLength: 1,
			maxLength: 400,
			size: 'max',
		})
		.map((items) => ({ shape: s, items }));
});

const model = {
	provider: PROVIDER,
	segment,
	unknownStatus: 500,
	parameters: (s) => ({
		sessionId: { __rl: true, mode: s.idMode, value: '={{ $json.sid }}' },
		updateFields: Object.fromEntries(s.bound.map((name) => [name, `={{ $json.${name} }}`])),
	}),
	materialize(s, recipe, n) {
		const defs = DEFS.filter((d) => s.bound.includes(d.name));
		const id = idFor(recipe.id, n);
		const json = {};
		if (id.value !== undefined) json.sid = id.value;
		const { tags, body } = oracle.classifyFields(defs, recipe.values, json);
		tags.push(oracle.tag('sessionId', oracle.isBlank(id.value) ? 'invalid' : id.k, false));
		return {
			json,
			expect: {
				wireId: id.wireId,
				exists: id.exists,
				tags,
				body: { ...body, sessionId: id.wireId },
			},
		};
	},
	requestId: (request) => request.body?.sessionId,
	isUpdate: (request) => request.method === 'PUT',
};

test(
	'Sprintcheckout: every generated input is either refused naming its field or sent and accepted by the documented schema',
	() => suite.fuzz(model, 'update'),
	300_000,
);
