// @ts-check
'use strict';
/**
 * Property-based "bad input" test of the Yuno node (fuzz/runner.js runs it, fuzz/checks.js lists
 * the properties).
 * Documented (PATCH /checkout/sessions/{checkout_session}, id 36–64 characters):
 * merchant_order_id, payment_description, country, account_id required on every update;
 * merchant_order_id and payment_description 3–255 characters; callback_url 3–526; country one
 * of the listed ISO codes; account_id and customer_id UUIDs (36 characters); amount and
 * alternative_amount { currency (3 letters; nullable in alternative_amount), value (multiple of
 * 0.0001) }; metadata at most 120 { key (≤ 48), value (≤ 512) }; workflow SDK_CHECKOUT,
 * CHECKOUT or SDK_SEAMLESS; installments { plan_id, plan [{ installment (integer), rate }] }.
 */
const fc = require('fast-check');
const gen = require('./fuzz/generators');
const oracle = require('./fuzz/oracle');
const params = require('./fuzz/parameters');
const { useFuzzSuite } = require('./fuzz/runner');
const { SANDBOX_KEYS } = require('../../sandbox');

const suite = useFuzzSuite('fuzz.yuno');
const PROVIDER = 'yuno';
const ACCOUNT = SANDBOX_KEYS.yuno.accountId;
const COUNTRIES = oracle.YUNO_COUNTRIES;
const WORKFLOWS = ['SDK_CHECKOUT', 'CHECKOUT', 'SDK_SEAMLESS'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/* ------------------------------------------------------------------ fields */

const orderText = {
	good: fc.oneof(
		{ weight: 6, arbitrary: fc.integer({ min: 3, max: 255 }).chain(gen.textOfLength) },
		{
			weight: 6,
			arbitrary: gen.anyText().filter((text) => text.length >= 3 && text.trim() !== ''),
		},
		{ weight: 1, arbitrary: gen.emptyValue() },
	),
	any: fc.oneof(
		{ weight: 4, arbitrary: gen.textAround(3, 255) },
		{ weight: 4, arbitrary: gen.anyText() },
		{ weight: 1, arbitrary: gen.hugeText() },
		{ weight: 1, arbitrary: fc.oneof(gen.anyNumber(), fc.constantFrom(1, 12, 123, 1234)) },
		{ weight: 2, arbitrary: gen.wrongType() },
		{ weight: 1, arbitrary: gen.emptyValue() },
	),
	classify: (v) => oracle.classifyText(v, { min: 3, max: 255 }),
};

const enumField = (values, wrong) => ({
	good: fc.oneof(
		{ weight: 10, arbitrary: fc.constantFrom(...values) },
		{ weight: 1, arbitrary: gen.emptyValue() },
	),
	any: fc.oneof(
		{ weight: 4, arbitrary: fc.constantFrom(...values) },
		{
			weight: 3,
			arbitrary: fc.constantFrom(
				...wrong,
				...values.map((value) => value.toLowerCase()),
				...values.map((value) => ` ${value}`),
			),
		},
		{ weight: 2, arbitrary: fc.oneof(gen.anyText(), gen.anyNumber(), gen.wrongType()) },
		{ weight: 1, arbitrary: gen.emptyValue() },
	),
	classify: (v) => (oracle.isBlank(v) ? 'unset' : values.includes(v) ? 'valid' : 'invalid'),
});

/* account_id / customer_id: "UUID, 36 chars". A 36-character non-UUID is invalid per the page. */
const notUuid36 = fc
	.constantFrom(
		'x'.repeat(36),
		'0a0a0a0a_0000_4000_8000_000000000001',
		'not-a-uuid-but-exactly-36-characters',
		'{0a0a0a0a-0000-4000-8000-0000000001}',
		'gggggggg-gggg-gggg-gggg-gggggggggggg',
		'                                    a',
	)
	.map((text) => text.padEnd(36, 'x').slice(0, 36));
const notUuidText = gen.anyText();
const accountId = {
	good: fc.oneof(
		{ weight: 3, arbitrary: fc.constant(ACCOUNT) },
		{ weight: 2, arbitrary: gen.emptyValue() },
	),
	any: fc.oneof(
		{ weight: 3, arbitrary: fc.constant(ACCOUNT) },
		{
			weight: 2,
			arbitrary: fc.constantFrom(
				ACCOUNT.slice(1),
				`${ACCOUNT}0`,
				` ${ACCOUNT}`,
				ACCOUNT.replace(/-/g, ''),
				'acc_123',
			),
		},
		{ weight: 1, arbitrary: notUuid36 },
		{ weight: 2, arbitrary: fc.oneof(gen.anyNumber(), gen.wrongType(), notUuidText) },
		{ weight: 1, arbitrary: gen.emptyValue() },
	),
	// Other well-formed UUIDs are not generated: the sandbox refuses a foreign account (not a schema matter).
	classify: (v) => (oracle.isBlank(v) ? 'unset' : v === ACCOUNT ? 'valid' : 'invalid'),
};
const customerId = {
	good: fc.oneof(
		{ weight: 10, arbitrary: fc.uuid() },
		{ weight: 1, arbitrary: fc.uuid().map((id) => id.toUpperCase()) },
		{ weight: 1, arbitrary: gen.emptyValue() },
	),
	any: fc.oneof(
		{ weight: 4, arbitrary: fc.uuid() },
		{
			weight: 2,
			arbitrary: fc
				.uuid()
				.map(
					(id) =>
						[id.slice(1), `${id}a`, id.replace(/-/g, ''), `{${id}}`, ` ${id}`][
							id.charCodeAt(0) % 5
						],
				),
		},
		{
			weight: 1,
			arbitrary: fc.oneof(
				notUuid36,
				fc.uuid().map((id) => `${id.slice(0, 35)}g`),
			),
		},
		{ weight: 2, arbitrary: fc.oneof(gen.anyNumber(), gen.wrongType(), notUuidText) },
		{ weight: 1, arbitrary: gen.emptyValue() },
	),
	classify: (v) =>
		oracle.isBlank(v) ? 'unset' : typeof v === 'string' && UUID.test(v) ? 'valid' : 'invalid',
};

const callbackUrl = {
	good: fc.oneof(
		{ weight: 10, arbitrary: gen.goodUrl() },
		{ weight: 1, arbitrary: fc.constantFrom(525, 526).chain(gen.goodUrlOfLength) },
		{ weight: 1, arbitrary: gen.emptyValue() },
	),
	any: gen.url([
		{ weight: 2, arbitrary: fc.constantFrom(525, 526, 527, 528, 5000).chain(gen.goodUrlOfLength) },
		{ weight: 1, arbitrary: fc.constantFrom('a', 'ab', 'abc', 'x:/') },
		{ weight: 1, arbitrary: gen.longUrl() },
	]),
	classify(v) {
		if (typeof v === 'string' && v.trim() !== '' && (v.length < 3 || v.length > 526))
			return 'invalid';
		return oracle.classifyUrl(v);
	},
};

const FIELDS = [
	oracle.fieldDef('merchantOrderId', { ...orderText, wireKey: 'merchant_order_id' }),
	oracle.fieldDef('paymentDescription', { ...orderText, wireKey: 'payment_description' }),
	oracle.fieldDef('country', enumField(COUNTRIES, ['XX', 'DE', 'BRA', 'B', 'Brazil', 'ZZ', 'br '])),
	oracle.fieldDef('accountId', { ...accountId, wireKey: 'account_id' }),
	oracle.fieldDef('customerId', { ...customerId, wireKey: 'customer_id' }),
	oracle.fieldDef('callbackUrl', { ...callbackUrl, wireKey: 'callback_url' }),
	oracle.fieldDef(
		'workflow',
		enumField(WORKFLOWS, ['SDK', 'checkout', 'SDK-CHECKOUT', 'PAYMENT_LINK', 'sdk_seamless']),
	),
];
const REQUIRED = ['merchantOrderId', 'paymentDescription', 'country'];

/* Amounts: { currency, value (a multiple of 0.0001) }, both required inside. */
const goodCurrency = fc.constantFrom('BRL', 'USD', 'MXN', 'ARS', 'COP', 'CLP', 'PEN');
const currency = {
	good: goodCurrency,
	any: fc.oneof(
		{ weight: 6, arbitrary: goodCurrency },
		{
			weight: 3,
			arbitrary: fc.constantFrom(
				'brl',
				'Usd',
				'BR',
				'BRLL',
				'R$',
				'123',
				' BRL',
				'BRL ',
				'',
				'ÀBC',
			),
		},
		{
			weight: 1,
			arbitrary: fc.oneof(
				gen.anyNumber(),
				gen.wrongType(),
				fc.constant(null),
				fc.constant(undefined),
			),
		},
	),
};
const tenThousandths = fc.integer({ min: -1_000_000, max: 100_000_000_000 }).map((k) => k / 10_000);

const amountValue = {
	good: fc.oneof(
		{ weight: 10, arbitrary: tenThousandths },
		{ weight: 2, arbitrary: fc.integer({ min: 0, max: 1_000_000 }) },
		{ weight: 1, arbitrary: fc.constantFrom(0, 0.0001, 23.5676, 520.5, 99999999.9999, 1e21) },
	),
	any: fc.oneof(
		{ weight: 5, arbitrary: tenThousandths },
		{
			weight: 3,
			arbitrary: fc
				.tuple(tenThousandths, fc.constantFrom(0.00005, 0.00001, 0.00009, 0.000001, 1e-9))
				.map(([v, d]) => v + d),
		},
		{
			weight: 2,
			arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
		},
		// Float noise near zero (0.00000000005): the node lets it through, Yuno refuses it (see the report).
		{
			weight: 1,
			arbitrary: fc.constantFrom(5e-11, -5e-11, 1.8e-11, 0.0001 - 5e-11, 9e-11),
		},
		{ weight: 2, arbitrary: gen.numberishText() },
		{
			weight: 1,
			arbitrary: fc.oneof(
				gen.wrongType(),
				fc.constant(null),
				fc.constant(undefined),
				fc.constant(''),
			),
		},
	),
};

/** Decimal places of a number as written (its shortest round-trip form). */
function decimals(v) {
	const [, fraction = '', exponent = '0'] =
		/^\d+(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(v))) ?? [];
	return Math.max(0, fraction.length - Number(exponent));
}

function classifyAmount([cur, value], { nullableCurrency }) {
	const missing = (v) =>
		v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
	if (missing(cur) && missing(value) && !(nullableCurrency && cur === null)) return 'either'; // an empty "Set Amount" group
	let c;
	if (cur === null && nullableCurrency)
		c = 'either'; // documented as nullable; the node asks for a code
	else if (missing(cur)) c = 'invalid';
	else if (typeof cur === 'string' && /^[A-Z]{3}$/.test(cur)) c = 'valid';
	else c = typeof cur === 'string' && /^[A-Za-z]{3}$/.test(cur) ? 'either' : 'invalid';
	let k = oracle.classifyNumber(value);
	if (k === 'unset') k = 'invalid';
	if (k !== 'invalid') {
		const number = Number(value);
		const strict = decimals(number) <= 4;
		// Binary floats: 0.1 + 0.2 is "a multiple" to any tolerant check, not as written.
		const tolerant = Math.abs(Math.round(number * 10_000) - number * 10_000) < 1e-6;
		if (strict !== tolerant) k = 'either';
		else if (!strict) k = 'invalid';
	}
	return oracle.worst(c, k);
}

/* Metadata rows: at most 120, key ≤ 48, value ≤ 512 (both required strings). */
const metaRow = {
	good: fc.tuple(
		fc.oneof(
			{ weight: 4, arbitrary: fc.integer({ min: 1, max: 48 }).chain(gen.textOfLength) },
			{ weight: 4, arbitrary: gen.anyText().filter((t) => t.length <= 40) },
		),
		fc.oneof(
			{ weight: 4, arbitrary: fc.integer({ min: 0, max: 512 }).map((n) => 'v'.repeat(n)) },
			{ weight: 4, arbitrary: gen.anyText() },
		),
	),
	any: fc.tuple(
		fc.oneof(
			{ weight: 4, arbitrary: gen.textAround(48) },
			{ weight: 3, arbitrary: gen.anyText() },
			{ weight: 2, arbitrary: fc.oneof(gen.emptyValue(), gen.anyNumber(), gen.wrongType()) },
		),
		fc.oneof(
			{ weight: 4, arbitrary: gen.textAround(512) },
			{ weight: 3, arbitrary: gen.anyText() },
			{ weight: 2, arbitrary: fc.oneof(gen.emptyValue(), gen.anyNumber(), gen.wrongType()) },
		),
	),
};

function classifyMetadata(rows) {
	if (rows.length === 0) return { k: 'unset' };
	const verdicts = [rows.length > 120 ? 'invalid' : 'valid'];
	for (const [key, value] of rows) {
		// No minimum is documented for the key; the node wants one character at least.
		verdicts.push(key === '' ? 'either' : oracle.classifyRowText(key, { max: 48 }));
		verdicts.push(oracle.classifyRowText(value, { max: 512 }));
	}
	const k = oracle.worst(...verdicts);
	return { k, wire: k === 'valid' ? rows.map(([key, value]) => ({ key, value })) : undefined };
}

/* Installments: a plan id, or a plan of { installment (integer), rate }. */
const INSTALLMENTS = ['unchanged', 'planId', 'plan'];
const installmentsMode = {
	good: fc.constantFrom(...INSTALLMENTS),
	any: fc.oneof(
		{ weight: 6, arbitrary: fc.constantFrom(...INSTALLMENTS) },
		{ weight: 1, arbitrary: fc.constantFrom('PLAN', 'plan_id', 'none', '', 1, null) },
	),
};
const planId = {
	good: fc.oneof(
		{ weight: 8, arbitrary: fc.integer({ min: 1, max: 64 }).chain(gen.textOfLength) },
		{ weight: 1, arbitrary: gen.emptyValue() },
	),
	any: fc.oneof(
		{ weight: 4, arbitrary: gen.textAround(64) },
		{ weight: 2, arbitrary: gen.anyText() },
		{ weight: 2, arbitrary: fc.oneof(gen.anyNumber(), gen.wrongType(), gen.emptyValue()) },
	),
};
const planRow = {
	good: fc.tuple(
		fc.integer({ min: 1, max: 48 }),
		fc.integer({ min: 50, max: 300 }).map((n) => n / 100),
	),
	any: fc.tuple(
		fc.oneof(
			{ weight: 4, arbitrary: fc.integer({ min: 1, max: 48 }) },
			{
				weight: 3,
				arbitrary: fc.constantFrom(
					0,
					-3,
					1.5,
					'3',
					'0',
					'x',
					2147483648,
					3e9,
					1e21,
					null,
					undefined,
					true,
				),
			},
		),
		fc.oneof(
			{
				weight: 4,
				arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -10, max: 10 }),
			},
			{ weight: 3, arbitrary: fc.constantFrom('1.2', 'abc', '1e309', null, undefined, {}, '') },
		),
	),
};

function classifyPlan(rows) {
	if (rows.length === 0) return { k: 'unset' };
	const verdicts = [];
	for (const [installment, rate] of rows) {
		if (typeof installment === 'number' && Number.isInteger(installment)) {
			// int32 per the page; < 1 is no plan anyone could choose, but only "integer" is documented
			if (installment > 2147483647) verdicts.push('invalid');
			else verdicts.push(installment >= 1 ? 'valid' : 'either');
		} else if (typeof installment === 'string' && /^\s*\d+\s*$/.test(installment))
			verdicts.push(Number(installment) > 2147483647 ? 'invalid' : 'either');
		else verdicts.push('invalid');
		const r = oracle.classifyNumber(rate);
		verdicts.push(r === 'unset' ? 'invalid' : r);
	}
	const k = oracle.worst(...verdicts);
	return {
		k,
		wire: k === 'valid' ? rows.map(([installment, rate]) => ({ installment, rate })) : undefined,
	};
}

/* ------------------------------------------------------------------- ids */

const { goodId, anyId } = gen.idRecipes({
	badForms: ['short', 'long', 'max', 'upper', 'url', 'number'],
	badWeight: 2,
});

const idFor = oracle.sessionIdFor(PROVIDER, {
	padded: (id) => `  ${id} `,
	missing: (n) => `f0000000-0000-4000-8000-${gen.pad(n, 12)}`,
	forms: {
		max: (id, n) => oracle.unknownId(`f${gen.pad(n, 63)}`, 'valid'),
		upper: (id) => oracle.unknownId(id.toUpperCase(), 'valid'),
		short: (id) => oracle.unknownId(id.slice(1), 'invalid'),
		long: (id, n) => oracle.unknownId(`f${gen.pad(n, 64)}`, 'invalid'),
		url: (id, n) => oracle.unknownId(`https://pay.example.com/${gen.pad(n, 16)}`, 'either'),
		number: (id, n) => oracle.unknownId(500_000_000 + n, 'invalid'),
	},
});

/* ----------------------------------------------------------------- shapes */

const EXTRAS = ['amount', 'alternativeAmount', 'metadata', 'installments'];
const shape = fc
	.record({
		bound: fc.shuffledSubarray([...FIELDS.map((d) => d.name), ...EXTRAS], {
			minLength: 1,
			maxLength: 2,
		}),
		fill: fc.oneof(
			{ weight: 7, arbitrary: fc.constant(true) },
			{ weight: 3, arbitrary: fc.constant(false) },
		),
		metadataRows: fc.oneof(
			{ weight: 3, arbitrary: fc.constant(1) },
			{ weight: 1, arbitrary: fc.constant(2) },
			{ weight: 1, arbitrary: fc.constantFrom(119, 120, 121, 130) },
		),
		metadataLiteral: fc.oneof(
			{ weight: 8, arbitrary: fc.constant('short') },
			{ weight: 1, arbitrary: fc.constantFrom('key49', 'value513', 'key48', 'value512') },
		),
		planRows: fc.oneof(
			{ weight: 3, arbitrary: fc.constant(1) },
			{ weight: 1, arbitrary: fc.constant(2) },
		),
	})
	.map((s) => {
		// Without "Auto-Fill Required Fields", the required fields come from the item.
		const bound = s.fill ? s.bound : [...new Set([...s.bound, ...REQUIRED])];
		const count = bound.includes('metadata') ? s.metadataRows : 0;
		const literal = Array.from({ length: Math.max(0, count - params.EXPRESSION_ROWS) }, (_, r) => {
			if (r === 0 && s.metadataLiteral === 'key49') return ['k'.repeat(49), 'v'];
			if (r === 0 && s.metadataLiteral === 'key48') return ['k'.repeat(48), 'v'];
			if (r === 0 && s.metadataLiteral === 'value513') return ['k', 'v'.repeat(513)];
			if (r === 0 && s.metadataLiteral === 'value512') return ['k', 'v'.repeat(512)];
			return [`key${r}`, `value ${r}`];
		});
		return { bound, fill: s.fill, metadata: { count, literal }, planRows: s.planRows };
	});

const segment = shape.chain((s) => {
	const defs = FIELDS.filter((d) => s.bound.includes(d.name));
	const has = (name) => s.bound.includes(name);
	const extra = (pick) => ({
		amount: has('amount') ? fc.tuple(pick(currency), pick(amountValue)) : fc.constant(undefined),
		alternativeAmount: has('alternativeAmount')
			? fc.tuple(pick(currency), pick(amountValue))
			: fc.constant(undefined),
		metadata: fc.tuple(
			...Array.from({ length: Math.min(s.metadata.count, params.EXPRESSION_ROWS) }, () =>
				pick(metaRow),
			),
		),
		installments: has('installments') ? pick(installmentsMode) : fc.constant(undefined),
		planId: has('installments') ? pick(planId) : fc.constant(undefined),
		plan: fc.tuple(
			...Array.from({ length: has('installments') ? s.planRows : 0 }, () => pick(planRow)),
		),
	});
	const maxItems = s.metadata.count > 20 ? 15 : 400;
	return gen.segmentOf(s, defs, { goodId, anyId, extra, clean: 4, maxItems });
});

const model = {
	provider: PROVIDER,
	segment,
	unknownStatus: 400, // CHECKOUT_SESSION_NOT_FOUND is published under 400
	parameters(s) {
		const has = (name) => s.bound.includes(name);
		const updateFields = params.fromItem(FIELDS.filter((d) => has(d.name)).map((d) => d.name));
		for (const name of ['amount', 'alternativeAmount']) {
			if (has(name))
				updateFields[name] = {
					amount: { currency: `={{ $json.${name}Currency }}`, value: `={{ $json.${name}Value }}` },
				};
		}
		if (s.metadata.count > 0)
			updateFields.metadata = { pair: params.rowParameters(s.metadata, 'm') };
		const parameters = {
			checkoutSessionId: params.sessionIdFromItem(),
			updateFields,
			options: { fillRequiredFields: s.fill },
		};
		if (has('installments')) {
			parameters.installments = '={{ $json.installments }}';
			parameters.installmentsPlanId = '={{ $json.planId }}';
			parameters.installmentsPlan = {
				installment: params.rowParameters({ count: s.planRows, literal: [] }, 'p', [
					'installment',
					'rate',
				]),
			};
		}
		return parameters;
	},
	materialize(s, recipe, n) {
		const defs = FIELDS.filter((d) => s.bound.includes(d.name));
		const has = (name) => s.bound.includes(name);
		const id = idFor(recipe.id, n);
		const { json, tags, body } = oracle.classifyItem(defs, recipe.values, id, 'checkoutSessionId');

		for (const name of ['amount', 'alternativeAmount']) {
			if (!has(name)) continue;
			const [cur, value] = recipe[name].map(oracle.roundTrip);
			if (cur !== undefined) json[`${name}Currency`] = cur;
			if (value !== undefined) json[`${name}Value`] = value;
			const k = classifyAmount([cur, value], { nullableCurrency: name === 'alternativeAmount' });
			tags.push(oracle.tag(name, k));
			if (k === 'valid')
				body[name === 'amount' ? 'amount' : 'alternative_amount'] = { currency: cur, value };
		}
		if (s.metadata.count > 0) {
			const meta = classifyMetadata(params.rowValues(s.metadata, 'm', recipe.metadata, json));
			tags.push(oracle.tag('metadata', meta.k));
			if (meta.wire) body.metadata = meta.wire;
		}
		if (has('installments')) {
			const mode = oracle.roundTrip(recipe.installments);
			if (mode !== undefined) json.installments = mode;
			const plan = oracle.roundTrip(recipe.planId);
			if (plan !== undefined) json.planId = plan;
			const rows = params.rowValues({ count: s.planRows, literal: [] }, 'p', recipe.plan, json);
			if (!INSTALLMENTS.includes(mode))
				tags.push(oracle.tag('installments', oracle.isBlank(mode) ? 'either' : 'invalid', false));
			else if (mode === 'planId') {
				let k = oracle.classifyText(plan, { min: 1, max: 64 });
				if (k === 'invalid' && typeof plan === 'string') k = 'either'; // longer than 64: only the object page gives a length
				if (k === 'unset') k = 'invalid'; // "Use a Plan Created in Yuno" without a plan id is refused
				tags.push(oracle.tag('installmentsPlanId', k));
				if (k === 'valid') body.installments = { plan_id: plan };
			} else if (mode === 'plan') {
				const result = classifyPlan(rows);
				// "Define the Plan Here" without rows is refused, not silently ignored.
				tags.push(oracle.tag('installmentsPlan', result.k === 'unset' ? 'invalid' : result.k));
				if (result.wire) body.installments = { plan: result.wire };
			}
		}

		// Required on every update: from the item, else (option on) from a GET of the session.
		const given = Object.fromEntries(tags.map((t) => [t.field, t.k]));
		const missing = REQUIRED.filter((name) => !given[name] || given[name] === 'unset');
		if (!s.fill) for (const name of missing) tags.push(oracle.tag(name, 'invalid', false));
		if (id.exists) {
			body.account_id = ACCOUNT;
			if (missing.includes('merchantOrderId')) body.merchant_order_id = `bulk-${n}`;
			if (missing.includes('paymentDescription')) body.payment_description = `Bulk session ${n}`;
			if (missing.includes('country')) body.country = 'BR';
		}
		const get = s.fill && missing.length > 0;
		return { json, expect: { wireId: id.wireId, exists: id.exists, tags, body, get } };
	},
	requestId: (request) => decodeURIComponent(request.path.replace(/^\/checkout\/sessions\//, '')),
	isUpdate: (request) => request.method === 'PATCH',
};

suite.testUpdate(model);
