// @ts-check
'use strict';

// Model of https://docs.sprintcheckout.com "Update payment session" (and the documented create).
const { randomUUID } = require('node:crypto');
const { checkBody } = require('../lib/check');
// Error bodies are not documented: `{ message }` is the sandbox's minimal choice.
const { messageError: error } = require('../lib/errors');

const KEYS = { apiKey: 'sc_sandbox_apikey_not_a_real_key_0001' };
const BULK = { prefix: 'sc_bulk_', width: 6 };
const SEEDED = {
	updatable: ['sc_open_1', 'sc_open_2', 'sc_open_3'],
	// No state that refuses an update is documented; only a 500 is.
	refusing: [],
	unknown: 'sc_unknown_1',
};

const CURRENCY = {
	type: 'string',
	pattern: /^[A-Z]{3}$/,
	patternText: 'three upper-case letters (ISO 4217)',
};
const orNull = (spec) => ({ ...spec, nullable: true });

const UPDATE = {
	required: ['sessionId'],
	additional: false,
	fields: {
		sessionId: { type: 'string', minLength: 1 },
		orderId: orNull({ type: 'string' }),
		concept: orNull({ type: 'string' }),
		amount: orNull({ type: 'number' }),
		minAmount: orNull({ type: 'number' }),
		editable: orNull({ type: 'boolean' }),
		currency: orNull(CURRENCY),
		successUrl: orNull({ type: 'string' }),
		failUrl: orNull({ type: 'string' }),
		cancelUrl: orNull({ type: 'string' }),
	},
};

const CREATE = {
	required: ['amount', 'currency'],
	additional: false,
	fields: {
		amount: { type: 'number' },
		currency: CURRENCY,
		orderType: { type: 'string', enum: ['STATIC', 'TRANSIENT'] },
		minAmount: { type: 'number' },
		editable: { type: 'boolean' },
		orderId: { type: 'string' },
		successUrl: { type: 'string' },
		cancelUrl: { type: 'string' },
	},
};

function newSession(id, fields = {}) {
	return {
		id,
		orderType: 'TRANSIENT',
		orderId: null,
		concept: null,
		amount: null,
		minAmount: null,
		editable: null,
		currency: null,
		successUrl: null,
		failUrl: null,
		cancelUrl: null,
		...fields,
	};
}

function seed() {
	return SEEDED.updatable.map((id, i) =>
		newSession(id, {
			orderId: `order-${i + 1}`,
			concept: `Sandbox order ${i + 1}`,
			amount: 100.5,
			currency: 'USD',
		}),
	);
}

const makeBulk = (id, i) => newSession(id, { orderId: `bulk-${i}`, amount: 10, currency: 'USD' });

function authenticate(headers) {
	if (headers['x-sc-apikey'] === KEYS.apiKey) return null;
	return error(401, headers['x-sc-apikey'] ? 'Invalid API key' : 'Missing X-SC-ApiKey header');
}

const sessionResponse = (id) => ({
	sessionId: id,
	redirectUrl: `https://app.sprintcheckout.com/?uid=${encodeURIComponent(id)}`,
});

function update({ body, store }) {
	const problems = checkBody(body, UPDATE);
	if (problems.length) return error(400, problems);
	const session = store.get(body.sessionId);
	// The only documented error of this operation is a 500.
	if (!session) return error(500, `Payment session ${body.sessionId} not found`);
	// Every field but sessionId is documented nullable; that null clears the field is this sandbox's assumption.
	for (const [key, value] of Object.entries(body)) {
		if (key !== 'sessionId') session[key] = value;
	}
	return { status: 200, body: sessionResponse(session.id) };
}

function create({ body, store }) {
	const problems = checkBody(body, CREATE);
	if (problems.length) return error(400, problems);
	const session = store.add(newSession(randomUUID(), body));
	return { status: 201, body: sessionResponse(session.id) };
}

module.exports = {
	name: 'sprintcheckout',
	basePath: '/sprintcheckout',
	keys: KEYS,
	seeded: SEEDED,
	bulk: BULK,
	seed,
	makeBulk,
	error,
	routeNotFound: () => error(404, 'Not found'),
	authenticate,
	routes: [
		{
			method: 'PUT',
			path: '/api/checkout/v2/payment_session',
			update: true,
			sessionId: (_, body) => body?.sessionId,
			handle: update,
		},
		{ method: 'POST', path: '/api/checkout/v2/payment_session', handle: create },
	],
};
