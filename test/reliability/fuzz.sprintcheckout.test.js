// @ts-check
'use strict';
/**
 * Property-based "bad input" test of the Sprintcheckout node (fuzz/runner.js runs it, fuzz/checks.js lists
 * the properties).
 * Documented schema (PaymentSession): sessionId string (min 1, in the body); amount, minAmount
 * numbers; editable boolean; currency a three-letter fiat code; orderId, concept, successUrl,
 * failUrl, cancelUrl strings (all nullable).
 */
const fc = require('fast-check');
const gen = require('./fuzz/generators');
const oracle = require('./fuzz/oracle');
const params = require('./fuzz/parameters');
const { useFuzzSuite } = require('./fuzz/runner');

const suite = useFuzzSuite('fuzz.sprintcheckout');
const PROVIDER = 'sprintcheckout';

const freeText = {
	good: gen.mix({ anyText: 20, hugeText: 1, emptyValue: 1 }),
	any: gen.mix({ anyText: 8, hugeText: 1, anyNumber: 2, wrongType: 3, emptyValue: 2 }),
	classify: (v) => oracle.classifyText(v),
};

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
	any: gen.mix({ anyNumber: 4, numberishText: 4, wrongType: 2, anyText: 1, emptyValue: 1 }),
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

/** Values that read as true or false to a person but are no JSON boolean. */
const NOT_BOOLEANS = [0, 1, 'yes', 'no', 'TRUE', 'False', 'on', '1', '0', 'null', 'undefined'];

const editable = {
	good: fc.oneof(
		{ weight: 10, arbitrary: fc.boolean() },
		{ weight: 1, arbitrary: gen.emptyValue() },
	),
	any: fc.oneof(
		{ weight: 4, arbitrary: fc.boolean() },
		{ weight: 2, arbitrary: fc.constantFrom('true', 'false') },
		{ weight: 3, arbitrary: fc.constantFrom(...NOT_BOOLEANS) },
		{ weight: 2, arbitrary: gen.wrongType() },
		{ weight: 1, arbitrary: gen.emptyValue() },
	),
	classify: oracle.classifyBoolean,
};

const url = oracle.urlField([{ weight: 1, arbitrary: gen.longUrl() }]);

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
	checkoutUrl: true,
	badForms: ['number', 'foreignUrl'],
	badWeight: 2,
	rawWeight: 3,
});

const idFor = oracle.sessionIdFor(PROVIDER, {
	padded: (id) => ` ${id}\t`,
	missing: (n) => `sc_missing_${n}`,
	checkoutUrl: (id, n) =>
		n % 2
			? `https://app.sprintcheckout.com/?uid=${id}`
			: `https://app.sprintcheckout.com?lang=es&uid=${id}#pay`,
	forms: {
		number: (id, n) => oracle.unknownId(900_000_000 + n, 'either'),
		foreignUrl: (id, n) => oracle.unknownId(`https://pay.example.com/s/${n}`, 'either'),
	},
});

const shape = fc.record({
	bound: fc.shuffledSubarray(
		DEFS.map((d) => d.name),
		{ minLength: 1, maxLength: 2 },
	),
	idMode: fc.constantFrom('id', 'url'),
});

const segment = shape.chain((s) => {
	const defs = DEFS.filter((d) => s.bound.includes(d.name));
	return gen.segmentOf(s, defs, { goodId, anyId, clean: 2 });
});

const model = {
	provider: PROVIDER,
	segment,
	unknownStatus: 500,
	parameters: (s) => ({
		sessionId: params.sessionIdFromItem(s.idMode),
		updateFields: params.fromItem(s.bound),
	}),
	materialize(s, recipe, n) {
		const defs = DEFS.filter((d) => s.bound.includes(d.name));
		const id = idFor(recipe.id, n);
		const { json, tags, body } = oracle.classifyItem(defs, recipe.values, id, 'sessionId');
		body.sessionId = id.wireId;
		return { json, expect: { wireId: id.wireId, exists: id.exists, tags, body } };
	},
	requestId: (request) => request.body?.sessionId,
	isUpdate: (request) => request.method === 'PUT',
};

suite.testUpdate(model);
