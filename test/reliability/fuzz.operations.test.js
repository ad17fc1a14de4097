// @ts-check
'use strict';
/**
 * Property-based "bad input" test of the operations beside Update (issue 12), with the same
 * properties as the update fuzz files (fuzz/checks.js): every generated input is either refused
 * before anything is sent, naming its field, or sent exactly once and accepted by the sandbox's
 * model of the documented schema, arriving as the documented wire value.
 * Creates are matched to their item by a field that carries the item's number; Gets by the id.
 */
const fc = require('fast-check');
const gen = require('./fuzz/generators');
const oracle = require('./fuzz/oracle');
const params = require('./fuzz/parameters');
const { useFuzzSuite } = require('./fuzz/runner');
const { bulkSessionId } = require('../../sandbox');

const suite = useFuzzSuite('fuzz.operations');
const INT32_MAX = 2 ** 31 - 1;

/* ---------------------------------------------------------------- oracles */

/** A required field: left blank, the item is refused. */
const required = (classify) => (v) => (classify(v) === 'unset' ? 'invalid' : classify(v));

function classifyAmount(v) {
	const k = oracle.classifyNumber(v);
	if (k === 'unset' || k === 'invalid') return k;
	return Number(v) >= 0 ? k : 'invalid';
}

function classifyCurrency(v) {
	if (oracle.isBlank(v)) return 'unset';
	return typeof v === 'string' && /^[A-Za-z]{3}$/.test(v) ? 'valid' : 'invalid';
}

function classifyWhole({ min, max }) {
	return (v) => {
		if (oracle.isBlank(v)) return 'unset';
		if (typeof v === 'number')
			return Number.isSafeInteger(v) && v >= min && v <= max ? 'valid' : 'invalid';
		if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) {
			const n = Number(v);
			return Number.isSafeInteger(n) && n >= min && n <= max ? 'either' : 'invalid';
		}
		return 'invalid';
	};
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const oneOf = (values) => (v) =>
	oracle.isBlank(v) ? 'unset' : values.includes(v) ? 'valid' : 'invalid';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const classifyUuid = (v) =>
	oracle.isBlank(v) ? 'unset' : typeof v === 'string' && UUID.test(v) ? 'valid' : 'invalid';

/** A URL with length limits (Yuno's callback_url: 3–526). */
const classifyUrlWithin = (max) => (v) => {
	const k = oracle.classifyUrl(v);
	return k !== 'unset' && typeof v === 'string' && v.length > max ? 'invalid' : k;
};

/* ----------------------------------------------------------------- values */

const goodAmount = fc.oneof(
	{ weight: 8, arbitrary: fc.integer({ min: 0, max: 100_000 }).map((cents) => cents / 100) },
	{ weight: 1, arbitrary: fc.constantFrom(0, 0.01, 1e9) },
);
const anyAmount = fc.oneof(
	{ weight: 5, arbitrary: goodAmount },
	{ weight: 2, arbitrary: fc.constantFrom(-1, -0.01, Number.NaN, Infinity, -Infinity, 1e308) },
	{ weight: 2, arbitrary: gen.numberishText() },
	{ weight: 1, arbitrary: fc.oneof(gen.wrongType(), gen.emptyValue(), gen.anyText()) },
);
const goodCurrency = fc.constantFrom('USD', 'usd', 'BRL', 'Mxn', 'EUR');
const anyCurrency = fc.oneof(
	{ weight: 5, arbitrary: goodCurrency },
	{ weight: 3, arbitrary: fc.constantFrom('US', 'USDT', ' USD', 'US1', 'ÜSD', 'SATS', '€', '') },
	{
		weight: 2,
		arbitrary: fc.oneof(gen.wrongType(), gen.anyNumber(), gen.emptyValue(), gen.anyText()),
	},
);
const sometimesBlank = (arbitrary) =>
	fc.oneof({ weight: 6, arbitrary }, { weight: 1, arbitrary: gen.emptyValue() });
const junk = () => fc.oneof(gen.wrongType(), gen.anyNumber(), gen.emptyValue(), gen.anyText());
const upper = (v) => v.toUpperCase();

const amountField = (name) =>
	oracle.fieldDef(name, {
		good: goodAmount,
		any: anyAmount,
		classify: required(classifyAmount),
		wire: Number,
	});
const optionalAmount = (name) =>
	oracle.fieldDef(name, {
		good: sometimesBlank(goodAmount),
		any: anyAmount,
		classify: classifyAmount,
		wire: Number,
	});
const currencyField = oracle.fieldDef('currency', {
	good: goodCurrency,
	any: anyCurrency,
	classify: required(classifyCurrency),
	wire: upper,
});
const urlField = (name, wireKey, max) =>
	oracle.fieldDef(name, {
		good: sometimesBlank(gen.goodUrl()),
		any: gen.url(),
		classify: max === undefined ? oracle.classifyUrl : classifyUrlWithin(max),
		wireKey,
	});
const enumField = (name, values, wireKey = name) =>
	oracle.fieldDef(name, {
		good: sometimesBlank(fc.constantFrom(...values)),
		any: fc.oneof(
			{ weight: 3, arbitrary: fc.constantFrom(...values) },
			{
				weight: 1,
				arbitrary: fc.constantFrom(...values.map((v) => v.toLowerCase()), 'OTHER', ' x'),
			},
			{ weight: 1, arbitrary: junk() },
		),
		classify: oneOf(values),
		wireKey,
	});
const uuidField = (name, wireKey) =>
	oracle.fieldDef(name, {
		good: sometimesBlank(fc.uuid()),
		any: fc.oneof(
			{ weight: 3, arbitrary: fc.uuid() },
			{
				weight: 1,
				arbitrary: fc.constantFrom(
					'c67ce158-6053-4661-a1de-aed5c945b93',
					'not-a-uuid',
					'c67ce158605346611a1deaed5c945b935',
				),
			},
			{ weight: 1, arbitrary: junk() },
		),
		classify: classifyUuid,
		wireKey,
	});
const textField = (name, wireKey, limits, isRequired = false) => {
	const around = gen.textAround(...[limits.min, limits.max].filter((n) => n !== undefined));
	const classify = (v) => oracle.classifyText(v, limits);
	return oracle.fieldDef(name, {
		good: isRequired
			? fc
					.string({ minLength: limits.min ?? 1, maxLength: 40 })
					.filter((v) => v.trim().length >= (limits.min ?? 1))
			: sometimesBlank(fc.string({ minLength: 3, maxLength: 40 })),
		any: fc.oneof({ weight: 3, arbitrary: around }, { weight: 1, arbitrary: junk() }),
		classify: isRequired ? required(classify) : classify,
		wire: (v) => String(v),
		wireKey,
	});
};

/**
 * Yuno's amount `{currency, value}` (a fixed collection; each part an expression). The value is
 * "a multiple of 0.0001"; float noise within 1e-6 of a step is sent as the step (the node's
 * documented rounding), beyond 1e11 the step check itself loses precision: undecided.
 */
function classifyStepValue(v) {
	const k = oracle.classifyNumber(v);
	if (k === 'unset') return 'invalid';
	if (k !== 'valid') return k;
	if (Math.abs(v) > 1e11) return 'either';
	return Math.abs(Math.round(v * 10000) - v * 10000) < 1e-6 ? 'valid' : 'invalid';
}
const yunoAmount = {
	...oracle.fieldDef('amount', {
		good: fc.record({
			currency: goodCurrency,
			value: fc.integer({ min: 0, max: 10_000_000 }).map((steps) => steps / 10000),
		}),
		any: fc.record({
			currency: anyCurrency,
			value: fc.oneof(
				{
					weight: 3,
					arbitrary: fc.integer({ min: -1000, max: 10_000_000 }).map((steps) => steps / 10000),
				},
				{
					weight: 1,
					arbitrary: fc.constantFrom(0.00001, 19.99 * 3, 0.1 + 0.2, 1e12 + 0.5, 1.23456),
				},
				{ weight: 1, arbitrary: anyAmount },
			),
		}),
		classify(v) {
			if (v === undefined) return 'unset';
			const currency = required(classifyCurrency)(v?.currency);
			const value = classifyStepValue(v?.value);
			return oracle.worst(currency, value);
		},
		wire: (v) => ({
			currency: v.currency.toUpperCase(),
			value: Math.round(v.value * 10000) / 10000,
		}),
	}),
	parameter: (name) => ({
		amount: { currency: `={{ $json.${name}.currency }}`, value: `={{ $json.${name}.value }}` },
	}),
};

/* ------------------------------------------------------------- create models */

/** A create model: `tagged` is the field that carries the item number (never fuzzed), so requests map to items. */
function createModel({ provider, fields, tagged, taggedOnTop = false, wireTag, okStatus = 200 }) {
	const mandatory = fields.filter((d) => d.classify(undefined) === 'invalid').map((d) => d.name);
	const optional = fields.filter((d) => !mandatory.includes(d.name)).map((d) => d.name);
	const segment = fc
		.shuffledSubarray(optional, { minLength: 0 })
		.map((picked) => [...mandatory, ...picked])
		.chain((bound) => {
			const defs = fields.filter((d) => bound.includes(d.name));
			const none = fc.constant({ form: 'plain' });
			return gen.segmentOf({ bound }, defs, { goodId: none, anyId: none, clean: 3, maxItems: 300 });
		});
	return {
		provider,
		okStatus,
		segment,
		parameters(shape) {
			const expression = (name) => `={{ $json.${name} }}`;
			const top = Object.fromEntries(mandatory.map((name) => [name, expression(name)]));
			const additionalFields = Object.fromEntries(
				fields
					.filter((d) => shape.bound.includes(d.name) && !mandatory.includes(d.name))
					.map((d) => [d.name, d.parameter ? d.parameter(d.name) : expression(d.name)]),
			);
			if (taggedOnTop) top[tagged] = expression(tagged);
			else additionalFields[tagged] = expression(tagged);
			return { resource: 'checkoutSession', operation: 'create', ...top, additionalFields };
		},
		materialize(shape, recipe, n) {
			const defs = fields.filter((d) => shape.bound.includes(d.name));
			const json = { [tagged]: `fz-${n}` };
			const { tags, body } = oracle.classifyFields(defs, recipe.values, json);
			tags.push(oracle.tag(tagged, 'valid'));
			return { json, expect: { wireId: `fz-${n}`, exists: true, get: false, tags, body } };
		},
		requestId: (request) => request.body?.[wireTag],
		isUpdate: (request) => request.method === 'POST',
	};
}

const CREATES = {
	sprintcheckout: createModel({
		provider: 'sprintcheckout',
		okStatus: 201,
		tagged: 'orderId',
		wireTag: 'orderId',
		fields: [
			amountField('amount'),
			currencyField,
			optionalAmount('minAmount'),
			oracle.fieldDef('editable', {
				good: sometimesBlank(fc.boolean()),
				any: fc.oneof(fc.boolean(), fc.constantFrom('true', 'false', 'yes', 0, 1), junk()),
				classify: oracle.classifyBoolean,
				wire: (v) => v === true || v === 'true',
			}),
			enumField('orderType', ['STATIC', 'TRANSIENT']),
			urlField('successUrl', 'successUrl'),
			urlField('cancelUrl', 'cancelUrl'),
		],
	}),
	speed: createModel({
		provider: 'speed',
		tagged: 'statementDescriptor',
		wireTag: 'statement_descriptor',
		fields: [
			amountField('amount'),
			currencyField,
			oracle.fieldDef('ttl', {
				good: sometimesBlank(fc.integer({ min: 300, max: 86_400 })),
				any: fc.oneof(
					fc.integer({ min: 300, max: 86_400 }),
					fc.constantFrom(299, 0, -300, 300.5, INT32_MAX, INT32_MAX + 1, '600', ' 900 ', '1e3'),
					junk(),
				),
				classify: classifyWhole({ min: 300, max: INT32_MAX }),
				wire: Number,
			}),
			enumField('targetCurrency', ['SATS', 'BTC'], 'target_currency'),
		],
	}),
	yuno: createModel({
		provider: 'yuno',
		tagged: 'merchantOrderId',
		taggedOnTop: true,
		wireTag: 'merchant_order_id',
		fields: [
			textField('paymentDescription', 'payment_description', { min: 3, max: 255 }, true),
			oracle.fieldDef('country', {
				good: fc.constantFrom('BR', 'MX', 'AR', 'US'),
				any: fc.oneof(
					fc.constantFrom('BR', 'MX', 'CO'),
					fc.constantFrom('br', 'ES', 'BRA', ' BR'),
					junk(),
				),
				classify: required(oneOf(oracle.YUNO_COUNTRIES)),
			}),
			urlField('callbackUrl', 'callback_url', 526),
			uuidField('customerId', 'customer_id'),
			uuidField('checkoutId', 'checkout_id'),
			enumField('workflow', ['SDK_CHECKOUT', 'CHECKOUT', 'SDK_SEAMLESS']),
			yunoAmount,
		],
	}),
};

test.each(Object.keys(CREATES))(
	'%s Create: every generated input is refused naming its field, or sent once and accepted',
	(provider) => suite.fuzz(CREATES[provider], 'create', { minValidShare: 0.2 }),
	600_000,
);

/* ---------------------------------------------------------------- get models */

/**
 * Session-id forms of a Get: the existing id as typed, padded or as a URL, an unknown one, and bad shapes.
 * @param {{
 *   provider: string,
 *   operation?: string,
 *   forms: Record<string, { good?: boolean, make: (id: string, n: number) => { value: unknown, wireId: string | null, exists?: boolean, k: string } }>,
 *   unknownStatus: number,
 *   path: (path: string) => string,
 *   extra?: Array<ReturnType<typeof oracle.fieldDef>>,
 * }} options
 */
function getModel({ provider, operation = 'get', forms, unknownStatus, path, extra = [] }) {
	const names = Object.keys(forms);
	const goodId = fc
		.constantFrom(...names.filter((name) => forms[name].good))
		.map((form) => ({ form }));
	const anyId = fc.oneof(
		{ weight: 8, arbitrary: goodId },
		{ weight: 2, arbitrary: fc.constantFrom(...names).map((form) => ({ form })) },
		{
			weight: 1,
			arbitrary: fc.oneof(gen.wrongType(), gen.emptyValue()).map((raw) => ({ form: 'raw', raw })),
		},
	);
	const segment = gen.segmentOf({}, extra, { goodId, anyId, clean: 5 });
	return {
		provider,
		operation,
		segment,
		unknownStatus,
		parameters: () => ({
			resource: 'checkoutSession',
			operation,
			checkoutSessionId: params.sessionIdFromItem(),
			...(extra.length > 0 ? { filters: params.fromItem(extra.map((d) => d.name)) } : {}),
		}),
		materialize(shape, recipe, n) {
			const form = forms[recipe.id.form];
			const id = form ? form.make(bulkSessionId(provider, n), n) : oracle.rawId(recipe.id.raw);
			const json = {};
			if (id.value !== undefined) json.sid = id.value;
			const { tags } = oracle.classifyFields(extra, recipe.values, json);
			tags.push(oracle.tag('checkoutSessionId', oracle.isBlank(id.value) ? 'invalid' : id.k));
			const check = (request) => {
				for (const d of extra) {
					const sent = request.query?.[d.name] ?? null;
					const k = d.classify(json[d.name]);
					if (k === 'either') continue;
					const expected = k === 'valid' ? json[d.name] : null;
					if (sent !== expected)
						return `${d.name} arrived in the query as ${JSON.stringify(sent)}, expected ${JSON.stringify(expected)}`;
				}
				return undefined;
			};
			return {
				json,
				expect: {
					wireId: id.wireId,
					exists: id.exists,
					get: false,
					tags,
					body: {},
					check,
				},
			};
		},
		requestId: (request) => decodeURIComponent(path(request.path.split('?')[0])),
		isUpdate: (request) => request.method === 'GET',
	};
}

const GETS = {
	'yuno get': getModel({
		provider: 'yuno',
		unknownStatus: 400,
		path: (p) => p.replace(/^\/checkout\/sessions\//, ''),
		forms: {
			plain: { good: true, make: (id) => oracle.existingId(id, id) },
			padded: { good: true, make: (id) => oracle.existingId(` ${id}\n`, id) },
			missing: {
				good: true,
				make: (id, n) => oracle.unknownId(`f0000000-0000-4000-8000-${gen.pad(n, 12)}`, 'valid'),
			},
			short: { make: (id) => oracle.unsentId(id.slice(1), 'invalid') },
			long: { make: (id, n) => oracle.unsentId(`f${gen.pad(n, 64)}`, 'invalid') },
			number: { make: (id, n) => oracle.unsentId(500_000_000 + n, 'invalid') },
		},
	}),
	'yuno getPaymentMethods': getModel({
		provider: 'yuno',
		operation: 'getPaymentMethods',
		unknownStatus: 400,
		path: (p) => p.replace(/^\/checkout\/sessions\//, '').replace(/\/payment-methods$/, ''),
		forms: {
			plain: { good: true, make: (id) => oracle.existingId(id, id) },
			missing: {
				good: true,
				make: (id, n) => oracle.unknownId(`f0000000-0000-4000-8000-${gen.pad(n, 12)}`, 'valid'),
			},
			short: { make: (id) => oracle.unsentId(id.slice(1), 'invalid') },
		},
		extra: [
			oracle.fieldDef('category', {
				good: sometimesBlank(fc.constantFrom('CARD', 'BANK_TRANSFER', 'WALLET')),
				any: fc.oneof(
					fc.constantFrom('CARD', 'a b', 'ñ', '&x=1', '%20', '😀'),
					gen.anyText(),
					junk(),
				),
				classify: (v) =>
					typeof v === 'string' && LONE_SURROGATE.test(v) ? 'invalid' : oracle.classifyText(v),
			}),
		],
	}),
	'upag get': getModel({
		provider: 'upag',
		unknownStatus: 404,
		path: (p) => p.replace(/^\/checkout-sessions\//, ''),
		forms: {
			plain: { good: true, make: (id) => oracle.existingId(id, id) },
			checkoutUrl: {
				good: true,
				make: (id) => oracle.existingId(`https://checkout.upag.io/${id}`, id),
			},
			missing: { good: true, make: (id, n) => oracle.unknownId(`cs_gone${n}`, 'valid') },
			noPrefix: { make: (id, n) => oracle.unsentId(`sess_${n}`, 'invalid') },
			foreignUrl: {
				make: (id) => oracle.unsentId(`https://pay.example.com/${id}`, 'invalid'),
			},
		},
	}),
};

test.each(Object.keys(GETS))(
	'%s: every generated input is refused naming its field, or sent once and answered',
	(name) => suite.fuzz(GETS[name], GETS[name].operation),
	600_000,
);
