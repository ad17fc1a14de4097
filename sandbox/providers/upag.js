// @ts-check
'use strict';

// Model of Upag "Atualizar Sessão de Checkout": PUT /checkout-sessions/{id}, and GET of the same path.
const { checkBody, isAbsoluteUrl } = require('../lib/check');
// Error bodies are not documented: `{ message }` is the sandbox's minimal choice.
const { messageError: error } = require('../lib/errors');

const KEYS = { token: 'upag_sandbox_token_not_a_real_token_0001' };
const BULK = { prefix: 'cs_bulk_', width: 6 };
const SEEDED = {
	updatable: ['cs_open_1', 'cs_open_2', 'cs_open_3'],
	refusing: [
		{ id: 'cs_expired_1', state: 'expired', status: 400 },
		{ id: 'cs_complete_1', state: 'complete', status: 400 },
	],
	unknown: 'cs_unknown_1',
};
const DAY_MS = 24 * 60 * 60 * 1000;

const url = { type: 'string', check: (v) => (isAbsoluteUrl(v) ? null : 'must be a valid URL') };
const UPDATE = {
	additional: false,
	fields: {
		customerId: { type: 'string', pattern: /^cus_.+/, patternText: 'cus_…' },
		items: {
			type: 'array',
			minItems: 1,
			items: {
				type: 'object',
				required: ['priceId', 'quantity'],
				additional: false,
				fields: {
					priceId: { type: 'string', minLength: 1 },
					quantity: { type: 'integer', min: 1 },
				},
			},
		},
		paymentMethods: { type: 'array', items: { type: 'string', enum: ['credit_card', 'pix'] } },
		successUrl: url,
		cancelUrl: url,
	},
};

function authenticate(headers) {
	const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization || '');
	if (match && match[1] === KEYS.token) return null;
	return error(401, match ? 'Invalid token' : 'Missing bearer token');
}

function newSession(id, createdAt, fields = {}) {
	return {
		id,
		status: 'open',
		customerId: null,
		url: `https://checkout.upag.io/${id}`,
		billingAddressCollection: false,
		successUrl: null,
		cancelUrl: null,
		latitude: null,
		longitude: null,
		country: null,
		region: null,
		city: null,
		expiresAt: createdAt + DAY_MS,
		createdAt,
		updatedAt: createdAt,
		items: [],
		paymentMethods: ['credit_card', 'pix'],
		...fields,
	};
}

function seed() {
	const now = Date.now();
	const urls = {
		successUrl: 'https://example.com/success',
		cancelUrl: 'https://example.com/cancel',
	};
	return [
		...SEEDED.updatable.map((id, i) =>
			newSession(id, now, { customerId: `cus_sandbox000${i + 1}`, ...urls }),
		),
		newSession('cs_expired_1', now - 2 * DAY_MS, { status: 'expired', ...urls }),
		newSession('cs_complete_1', now, {
			status: 'complete',
			customerId: 'cus_sandbox0009',
			...urls,
		}),
	];
}

const makeBulk = (id) => newSession(id, Date.now());

/** The documented response: every stored field except paymentMethods (not in the documented object). */
function render(session) {
	const { paymentMethods, ...shown } = session;
	return structuredClone({
		...shown,
		expiresAt: new Date(session.expiresAt).toISOString(),
		createdAt: new Date(session.createdAt).toISOString(),
		updatedAt: new Date(session.updatedAt).toISOString(),
	});
}

function findSession(id, store) {
	if (!id.startsWith('cs_')) return { failure: error(400, 'id must start with cs_') };
	const session = store.get(id);
	return session ? { session } : { failure: error(404, `Checkout session ${id} not found`) };
}

function update({ params, body, store }) {
	const { session, failure } = findSession(params.id, store);
	if (failure) return failure;
	const problems = checkBody(body, UPDATE);
	if (problems.length) return error(400, problems);
	if (session.status !== 'open')
		return error(
			400,
			`Checkout session ${session.id} is ${session.status}; only open sessions can be updated`,
		);
	Object.assign(session, structuredClone(body), { updatedAt: Date.now() });
	return { status: 200, body: render(session) };
}

function retrieve({ params, store }) {
	const { session, failure } = findSession(params.id, store);
	return failure || { status: 200, body: render(session) };
}

module.exports = {
	name: 'upag',
	basePath: '/upag/v1',
	keys: KEYS,
	seeded: SEEDED,
	bulk: BULK,
	seed,
	makeBulk,
	error,
	routeNotFound: () => error(404, 'Not found'),
	authenticate,
	routes: [
		{ method: 'GET', path: '/checkout-sessions/:id', handle: retrieve },
		{
			method: 'PUT',
			path: '/checkout-sessions/:id',
			update: true,
			sessionId: (params) => params.id,
			handle: update,
		},
	],
};
