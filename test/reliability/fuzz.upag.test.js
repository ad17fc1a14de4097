// @ts-check
'use strict';
/**
 * Property-based "bad input" test of the Upag node (fuzz/runner.js runs it, fuzz/checks.js lists
 * the properties).
 * Documented (PUT /checkout-sessions/{id}, id starting with cs_, only open sessions): customerId
 * (cus_…), items (if sent, at least one { priceId, quantity ≥ 1 }), paymentMethods (credit_card,
 * pix), successUrl and cancelUrl (valid URLs).
 */
const fc = require('fast-check');
const gen = require('./fuzz/generators');
const oracle = require('./fuzz/oracle');
const params = require('./fuzz/parameters');
const { useFuzzSuite } = require('./fuzz/runner');

const suite = useFuzzSuite('fuzz.upag');
const PROVIDER = 'upag';

/* ------------------------------------------------------------------ fields */

const alnum = fc.string({
	unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
	minLength: 1,
	maxLength: 20,
});

const customerId = {
	good: fc.oneof(
		{ weight: 10, arbitrary: alnum.map((id) => `cus_${id}`) },
		{ weight: 1, arbitrary: gen.emptyValue() },
	),
	any: fc.oneof(
		{ weight: 4, arbitrary: alnum.map((id) => `cus_${id}`) },
		{
			weight: 3,
			arbitrary: fc.constantFrom(
				'cus_',
				'cus_a-b',
				'cus_ñandu',
				'cus_a b',
				'CUS_abc',
				'cust_1',
				' cus_abc',
				'cus_abc ',
				'cs_abc',
				'abc',
				'cus_😀',
				'cus__',
				'cus_a_b',
			),
		},
		{ weight: 1, arbitrary: gen.anyText().map((text) => `cus_${text}`) },
		{ weight: 2, arbitrary: fc.oneof(gen.anyNumber(), gen.wrongType(), gen.anyText()) },
		{ weight: 1, arbitrary: gen.emptyValue() },
	),
	// "cus_…": the ids Upag shows are cus_ + letters and digits; anything else after cus_ is left open.
	classify(v) {
		if (oracle.isBlank(v)) return 'unset';
		if (typeof v !== 'string') return 'invalid';
		if (/^cus_[A-Za-z0-9_]+$/.test(v)) return 'valid';
		return /^cus_.+/s.test(v) ? 'either' : 'invalid';
	},
};

const url = oracle.urlField();

const METHODS = ['credit_card', 'pix'];
const paymentMethods = {
	good: fc.oneof(
		{ weight: 10, arbitrary: fc.shuffledSubarray(METHODS, { minLength: 1 }) },
		{ weight: 1, arbitrary: fc.constantFrom([], undefined) },
	),
	any: fc.oneof(
		{ weight: 4, arbitrary: fc.shuffledSubarray(METHODS, { minLength: 1 }) },
		{
			weight: 2,
			arbitrary: fc.constantFrom(
				'pix',
				'credit_card',
				'pix,credit_card',
				' pix , credit_card ',
				'pix,',
				'boleto',
				'pix;credit_card',
				'PIX',
				',',
			),
		},
		{
			weight: 2,
			arbitrary: fc.array(
				fc.constantFrom(
					'pix',
					'credit_card',
					'boleto',
					'debit_card',
					'PIX',
					'',
					' pix',
					'credit card',
				),
				{ minLength: 1, maxLength: 4 },
			),
		},
		{
			weight: 1,
			arbitrary: fc.constantFrom(['pix', 'pix'], ['credit_card', 'pix', 'credit_card']),
		},
		{
			weight: 1,
			arbitrary: fc.oneof(
				fc.constant([1]),
				fc.constant([null]),
				fc.constant([['pix']]),
				fc.constant({ pix: true }),
				gen.anyNumber(),
				fc.boolean(),
			),
		},
		{ weight: 1, arbitrary: gen.emptyValue() },
	),
	classify(v) {
		if (oracle.isBlank(v)) return 'unset';
		if (Array.isArray(v)) {
			if (!v.every((method) => METHODS.includes(method))) return 'invalid';
			return new Set(v).size === v.length ? 'valid' : 'either';
		}
		if (typeof v === 'string')
			return v.split(',').every((method) => METHODS.includes(method.trim())) ? 'either' : 'invalid';
		return 'invalid';
	},
};

const FIELDS = [
	oracle.fieldDef('customerId', customerId),
	oracle.fieldDef('successUrl', url),
	oracle.fieldDef('cancelUrl', url),
	oracle.fieldDef('paymentMethods', paymentMethods),
];

/* Items: rows of { priceId, quantity (integer ≥ 1) }; the node never sends an empty list. */
const priceId = {
	good: alnum.map((id) => `price_${id}`),
	any: fc.oneof(
		{ weight: 6, arbitrary: alnum.map((id) => `price_${id}`) },
		{ weight: 2, arbitrary: gen.anyText() },
		{ weight: 2, arbitrary: fc.oneof(gen.emptyValue(), gen.anyNumber(), gen.wrongType()) },
	),
};
const quantity = {
	good: fc.oneof(
		{ weight: 10, arbitrary: fc.integer({ min: 1, max: 1000 }) },
		{ weight: 1, arbitrary: fc.constantFrom(1, 2147483647, 9007199254740991) },
	),
	any: fc.oneof(
		{ weight: 5, arbitrary: fc.integer({ min: 1, max: 1000 }) },
		{
			weight: 3,
			arbitrary: fc.constantFrom(
				0,
				-1,
				-0,
				1.5,
				0.5,
				1.0000001,
				2147483648,
				Number.MIN_VALUE,
				2 ** 53,
				1e21,
			),
		},
		{
			weight: 2,
			arbitrary: fc.constantFrom('2', ' 3 ', '0', '1.5', '-1', 'abc', '1e3', '1e309', ''),
		},
		{ weight: 1, arbitrary: fc.oneof(gen.wrongType(), fc.constant(null), fc.constant(undefined)) },
	),
};

function classifyItems(rows) {
	if (rows.length === 0) return { k: 'unset' };
	const verdicts = [];
	for (const [price, qty] of rows) {
		if (typeof price === 'string' && price.trim() !== '') verdicts.push('valid');
		else if (typeof price === 'string' && price !== '')
			verdicts.push('either'); // blanks: a priceId nobody has, but text
		else if (typeof price === 'number') verdicts.push('either');
		else verdicts.push('invalid'); // missing, empty, null or not text: "priceId and quantity" are required
		// Beyond the safe integers a number is not the one typed (a guard beyond the docs).
		if (typeof qty === 'number')
			verdicts.push(Number.isSafeInteger(qty) && qty >= 1 ? 'valid' : 'invalid');
		else if (typeof qty === 'string' && /^\s*\d+\s*$/.test(qty))
			verdicts.push(Number(qty) >= 1 && Number.isSafeInteger(Number(qty)) ? 'either' : 'invalid');
		else verdicts.push('invalid');
	}
	const k = oracle.worst(...verdicts);
	return {
		k,
		wire:
			k === 'valid' ? rows.map(([price, qty]) => ({ priceId: price, quantity: qty })) : undefined,
	};
}

/* ------------------------------------------------------------------- ids */

const { goodId, anyId } = gen.idRecipes({
	checkoutUrl: true,
	badForms: ['hyphen', 'upper', 'noPrefix', 'number', 'foreignUrl', 'prefixOnly', 'unicode'],
	badWeight: 2,
});

const idFor = oracle.sessionIdFor(PROVIDER, {
	padded: (id) => ` ${id}\n`,
	missing: (n) => `cs_missing${n}`,
	checkoutUrl: (id, n) =>
		n % 2 ? `https://checkout.upag.io/${id}` : `HTTP://Checkout.Upag.io/${id}/?utm=n8n#pay`,
	forms: {
		hyphen: (id, n) => oracle.unknownId(`cs_x-${n}`, 'either'),
		unicode: (id, n) => oracle.unknownId(`cs_ñ${n}`, 'either'),
		upper: (id, n) => oracle.unknownId(`CS_bulk_${n}`, 'invalid'),
		noPrefix: (id, n) => oracle.unknownId(`sess_${n}`, 'invalid'),
		number: (id, n) => oracle.unknownId(600_000_000 + n, 'invalid'),
		foreignUrl: (id) => oracle.unknownId(`https://pay.example.com/${id}`, 'invalid'),
		prefixOnly: () => oracle.unsentId('cs_', 'either'),
	},
});

/* ----------------------------------------------------------------- shapes */

const shape = fc.record({
	bound: fc.shuffledSubarray(
		FIELDS.map((d) => d.name),
		{ maxLength: 2 },
	),
	idMode: fc.constantFrom('id', 'url'),
	items: fc.oneof(
		{ weight: 6, arbitrary: fc.constant(0) },
		{ weight: 3, arbitrary: fc.constant(1) },
		{ weight: 1, arbitrary: fc.constant(2) },
	),
});

const segment = shape
	.filter((s) => s.bound.length > 0 || s.items > 0)
	.chain((s) => {
		const defs = FIELDS.filter((d) => s.bound.includes(d.name));
		const rows = (pick) =>
			fc.tuple(...Array.from({ length: s.items }, () => fc.tuple(pick(priceId), pick(quantity))));
		const extra = (pick) => ({ items: rows(pick) });
		return gen.segmentOf(s, defs, { goodId, anyId, extra, clean: 2 });
	});

const model = {
	provider: PROVIDER,
	segment,
	unknownStatus: 404,
	parameters(s) {
		const updateFields = params.fromItem(s.bound);
		if (s.items > 0)
			updateFields.items = {
				item: params.rowParameters({ count: s.items, literal: [] }, 'i', ['priceId', 'quantity']),
			};
		return {
			checkoutSessionId: params.sessionIdFromItem(s.idMode),
			updateFields,
		};
	},
	materialize(s, recipe, n) {
		const defs = FIELDS.filter((d) => s.bound.includes(d.name));
		const id = idFor(recipe.id, n);
		const { json, tags, body } = oracle.classifyItem(defs, recipe.values, id, 'checkoutSessionId');
		if (s.items > 0) {
			const items = classifyItems(
				params.rowValues({ count: s.items, literal: [] }, 'i', recipe.items, json),
			);
			tags.push(oracle.tag('items', items.k));
			if (items.wire) body.items = items.wire;
		}
		return { json, expect: { wireId: id.wireId, exists: id.exists, tags, body } };
	},
	requestId: (request) => decodeURIComponent(request.path.replace(/^\/checkout-sessions\//, '')),
	isUpdate: (request) => request.method === 'PUT',
};

suite.testUpdate(model);
