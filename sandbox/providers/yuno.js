// @ts-check
'use strict';

// Model of Yuno "Update Checkout Session" (PATCH), plus the documented create and retrieve.
const { randomUUID } = require('node:crypto');
const { checkBody, UUID } = require('../lib/check');
const { withWebhooks, webhookRoutes, listedWebhooks } = require('../webhooks/yunoRegistrations');
const { YUNO_COUNTRIES } = require('./yunoCountries');

const KEYS = {
	publicApiKey: 'yuno_sandbox_public_not_a_real_key_0001',
	privateSecretKey: 'yuno_sandbox_private_not_a_real_key_0001',
	accountId: '0a0a0a0a-0000-4000-8000-000000000001',
	forbidden: {
		publicApiKey: 'yuno_sandbox_public_forbidden_0001',
		privateSecretKey: 'yuno_sandbox_private_forbidden_0001',
	},
};
const EXPIRES_AFTER_MS = 5 * 60 * 60 * 1000; // "expires 5 hours after its creation"
const BULK = { prefix: 'b0000000-0000-4000-8000-', width: 12 };
const SEEDED = {
	updatable: [
		'a0000000-0000-4000-8000-000000000001',
		'a0000000-0000-4000-8000-000000000002',
		'a0000000-0000-4000-8000-000000000003',
	],
	// Yuno publishes CHECKOUT_SESSION_NOT_FOUND, "Checkout session not found or inactive", under 400.
	refusing: [
		{
			id: 'e0000000-0000-4000-8000-000000000001',
			state: 'expired',
			status: 400,
			code: 'CHECKOUT_SESSION_NOT_FOUND',
		},
	],
	unknown: 'f0000000-0000-4000-8000-000000000001',
	// A session already paid through (`used: true`); an update is still accepted (see README).
	used: 'a0000000-0000-4000-8000-000000000004',
};

const currency = (nullable) => ({
	type: 'string',
	pattern: /^[A-Z]{3}$/,
	patternText: 'three upper-case letters (ISO 4217)',
	nullable,
});
const amount = (nullableCurrency) => ({
	type: 'object',
	required: ['currency', 'value'],
	additional: false,
	fields: { currency: currency(nullableCurrency), value: { type: 'number', multipleOf: 0.0001 } },
});

const FIELDS = {
	customer_id: { type: 'string', pattern: UUID, patternText: 'a UUID (36 characters)' },
	merchant_order_id: { type: 'string', minLength: 3, maxLength: 255 },
	payment_description: { type: 'string', minLength: 3, maxLength: 255 },
	callback_url: { type: 'string', minLength: 3, maxLength: 526 },
	country: { type: 'string', enum: YUNO_COUNTRIES },
	account_id: {
		type: 'string',
		check: (v) => (v === KEYS.accountId ? null : 'does not match the account of these credentials'),
	},
	amount: amount(false),
	alternative_amount: amount(true),
	metadata: {
		type: 'array',
		maxItems: 120,
		items: {
			type: 'object',
			required: ['key', 'value'],
			additional: false,
			fields: { key: { type: 'string', maxLength: 48 }, value: { type: 'string', maxLength: 512 } },
		},
	},
	workflow: { type: 'string', enum: ['SDK_CHECKOUT', 'CHECKOUT', 'SDK_SEAMLESS'] },
	installments: {
		type: 'object',
		additional: false,
		fields: {
			plan_id: { type: 'string' },
			plan: {
				type: 'array',
				items: {
					type: 'object',
					required: ['installment', 'rate'],
					additional: false,
					fields: { installment: { type: 'integer' }, rate: { type: 'number' } },
				},
			},
		},
	},
};
const REQUIRED = ['merchant_order_id', 'payment_description', 'country', 'account_id'];
const UPDATE = { required: REQUIRED, additional: false, fields: FIELDS };
const CREATE = {
	required: REQUIRED,
	additional: false,
	fields: { ...FIELDS, recurring_payment: { type: 'object' }, checkout_id: { type: 'string' } },
};

const DEFAULT_CODES = {
	400: 'INVALID_REQUEST',
	401: 'INVALID_CREDENTIALS',
	403: 'AUTHORIZATION_REQUIRED',
	413: 'INVALID_REQUEST',
	429: 'RATE_LIMIT',
};

function error(status, messages, code = DEFAULT_CODES[status] || 'INTERNAL_SERVER_ERROR') {
	return { status, body: { code, messages: [].concat(messages) } };
}

function authenticate(headers) {
	const pub = headers['public-api-key'];
	const secret = headers['private-secret-key'];
	if (pub === KEYS.publicApiKey && secret === KEYS.privateSecretKey) return null;
	if (pub === KEYS.forbidden.publicApiKey && secret === KEYS.forbidden.privateSecretKey)
		return error(403, 'The merchant has no authorization to use this API.');
	return error(401, 'Invalid credentials');
}

// "MAX 27; MIN 27": microsecond precision, e.g. 2025-11-14T00:43:22.719648Z
const timestamp = (ms) => new Date(ms).toISOString().replace('Z', '000Z');

function newSession(id, createdAt, fields = {}) {
	return {
		id,
		merchant_order_id: null,
		country: null,
		payment_description: null,
		customer_id: null,
		callback_url: null,
		amount: null,
		created_at: createdAt,
		metadata: null,
		workflow: 'SDK_CHECKOUT',
		installments: { plan_id: null, plan: null },
		used: false,
		checkout_id: randomUUID(),
		...fields,
	};
}

function seed() {
	const now = Date.now();
	const order = (i) => ({
		merchant_order_id: `order-000${i}`,
		payment_description: `Sandbox order ${i}`,
		country: 'BR',
		amount: { currency: 'BRL', value: 100 },
	});
	return [
		...SEEDED.updatable.map((id, i) => newSession(id, now, order(i + 1))),
		newSession(SEEDED.used, now, { ...order(4), used: true }),
		newSession(SEEDED.refusing[0].id, now - EXPIRES_AFTER_MS - 60 * 60 * 1000, order(9)),
	];
}

function makeBulk(id, i) {
	return newSession(id, Date.now(), {
		merchant_order_id: `bulk-${i}`,
		payment_description: `Bulk session ${i}`,
		country: 'BR',
		amount: { currency: 'BRL', value: 10 },
	});
}

/** The session object; `alternative_amount` only once it was set (no documented response shows it). */
function render(session, extra) {
	const body = {
		merchant_order_id: session.merchant_order_id,
		checkout_session: session.id,
		country: session.country,
		payment_description: session.payment_description,
		customer_id: session.customer_id,
		callback_url: session.callback_url,
		amount: session.amount,
	};
	if (session.alternative_amount !== undefined)
		body.alternative_amount = session.alternative_amount;
	Object.assign(body, {
		created_at: timestamp(session.created_at),
		metadata: session.metadata,
		workflow: session.workflow,
		installments: session.installments,
	});
	for (const key of extra) body[key] = session[key];
	return structuredClone(body);
}

function apply(session, body) {
	for (const [key, value] of Object.entries(body)) {
		if (key === 'account_id') continue;
		session[key] =
			key === 'installments'
				? { plan_id: value.plan_id ?? null, plan: value.plan ?? null }
				: structuredClone(value);
	}
}

const NOT_FOUND_OR_INACTIVE = () =>
	error(400, 'Checkout session not found or inactive', 'CHECKOUT_SESSION_NOT_FOUND');

function update({ params, body, store }) {
	const session = store.get(params.id);
	if (!session) return NOT_FOUND_OR_INACTIVE();
	const problems = checkBody(body, UPDATE);
	if (problems.length) return error(400, problems);
	// An expired session is "inactive": the published code for it is the same one.
	if (Date.now() - session.created_at >= EXPIRES_AFTER_MS) return NOT_FOUND_OR_INACTIVE();
	apply(session, body);
	return { status: 200, body: render(session, ['used']) };
}

function retrieve({ params, store }) {
	const session = store.get(params.id);
	if (!session) return NOT_FOUND_OR_INACTIVE();
	return { status: 200, body: render(session, ['used', 'checkout_id']) };
}

/*
 * GET /checkout/sessions/{checkout_session}/payment-methods: an array of payment methods
 * (fields from the payment-methods page). Which methods a session offers is not documented:
 * the sandbox offers a card and, for Brazil, Pix (an assumption, see README). `category`
 * filters on equality (the page says only "Optional category filter").
 */
const PAYMENT_METHODS = [
	{ name: 'Card', type: 'CARD', category: 'CARD', countries: null },
	{ name: 'Pix', type: 'PIX', category: 'BANK_TRANSFER', countries: ['BR'] },
];

function paymentMethods({ params, query, store }) {
	const session = store.get(params.id);
	if (!session || Date.now() - session.created_at >= EXPIRES_AFTER_MS)
		return NOT_FOUND_OR_INACTIVE();
	const offered = PAYMENT_METHODS.filter(
		(method) => method.countries === null || method.countries.includes(session.country),
	).filter((method) => query.category === undefined || method.category === query.category);
	return {
		status: 200,
		body: offered.map((method) => ({
			name: method.name,
			vaulted_token: null,
			description: method.name,
			type: method.type,
			category: method.category,
			icon: `https://icons.example.invalid/${method.type.toLowerCase()}.svg`,
			last_successfully_used: false,
			last_successfully_used_at: null,
			checkout: {
				session: session.id,
				sdk_required_action: false,
				conditions: { enabled: false, rules: [] },
			},
			preferred: false,
		})),
	};
}

// GET /webhooks?account_id=… (Yuno's webhook API): the account's webhooks.
function listWebhooks({ query, store }) {
	const accountId = query.account_id;
	if (typeof accountId !== 'string' || !UUID.test(accountId))
		return error(400, 'account_id must be a UUID', 'WEBHOOK_INVALID_REQUEST');
	if (accountId !== KEYS.accountId)
		return error(400, 'account_id is not an account of these credentials', 'INVALID_ACCOUNT_ID');
	return { status: 200, body: listedWebhooks(store) };
}

function create({ body, store }) {
	const problems = checkBody(body, CREATE);
	if (problems.length) return error(400, problems);
	const session = newSession(randomUUID(), Date.now());
	apply(session, body);
	store.add(session);
	return { status: 200, body: render(session, ['checkout_id']) };
}

module.exports = {
	name: 'yuno',
	basePath: '/yuno/v1',
	keys: KEYS,
	seeded: SEEDED,
	bulk: BULK,
	seed,
	makeBulk,
	extendStore: withWebhooks,
	error,
	// This project's assumption (no published page says): a path outside the API gets a 404 without a body.
	routeNotFound: () => ({ status: 404 }),
	authenticate,
	routes: [
		{ method: 'POST', path: '/checkout/sessions', handle: create },
		{ method: 'GET', path: '/checkout/sessions/:id', handle: retrieve },
		{ method: 'GET', path: '/checkout/sessions/:id/payment-methods', handle: paymentMethods },
		{ method: 'GET', path: '/webhooks', handle: listWebhooks },
		...webhookRoutes({ error, accountId: KEYS.accountId }),
		{
			method: 'PATCH',
			path: '/checkout/sessions/:id',
			update: true,
			sessionId: (params) => params.id,
			handle: update,
		},
	],
};
