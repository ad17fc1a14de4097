// @ts-check
'use strict';

// Model of Speed (tryspeed) "Update a checkout session": POST /checkout-sessions/{id}.
const { randomBytes } = require('node:crypto');
const { checkBody } = require('../lib/check');

const KEYS = { secretKey: 'sk_test_sandbox_not_a_real_key_0001' };
const VERSIONS = ['2022-04-15', '2022-10-15'];
const DEFAULT_VERSION = '2022-04-15';
const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
const BULK = { prefix: 'cs_bulk_', width: 6 };
const SEEDED = {
	updatable: ['cs_active_1', 'cs_active_2', 'cs_active_3'],
	refusing: [
		{ id: 'cs_paid_1', state: 'paid', status: 400 },
		{ id: 'cs_deactivated_1', state: 'deactivated', status: 400 },
	],
	unknown: 'cs_unknown_1',
};

// The error `type` vocabulary is not in the documentation we have (see README).
const ERROR_TYPES = {
	400: 'invalid_request_error',
	401: 'authentication_error',
	404: 'invalid_request_error',
	413: 'invalid_request_error',
	429: 'rate_limit_error',
};

function error(status, messages) {
	const type = ERROR_TYPES[status] || 'api_error';
	return { status, body: { errors: [].concat(messages).map((message) => ({ type, message })) } };
}

function imageSize(value) {
	if (/^https?:\/\//i.test(value)) return 0; // a link: its size cannot be known here
	const dataUri = /^data:[^,]*;base64,(.*)$/s.exec(value);
	return Buffer.from(dataUri ? dataUri[1] : value, 'base64').length;
}

const text = { type: 'string' };
const UPDATE = {
	additional: false,
	fields: {
		description: text,
		success_message: text,
		success_url: text,
		cancel_url: text,
		title: text,
		title_description: text,
		title_image: {
			type: 'string',
			check: (v) =>
				imageSize(v) > MAX_IMAGE_BYTES
					? `must not be larger than 2 MB (got ${imageSize(v)} bytes)`
					: null,
		},
		metadata: {
			type: 'object',
			check: (v) =>
				Object.values(v).every((x) => typeof x === 'string') ? null : 'values must be strings',
		},
	},
};

const CREATE = {
	required: ['currency', 'amount'],
	additional: false,
	fields: {
		currency: { type: 'string', minLength: 1 },
		amount: { type: 'number', min: 0 },
		type: { type: 'string', enum: ['preset', 'options'] },
		ttl: { type: 'integer', min: 300 },
		payment_methods: { type: 'array', items: { type: 'string' } },
		target_currency: { type: 'string' },
		statement_descriptor: { type: 'string' },
		custom_fields: { type: 'array' },
		transfers: { type: 'array' },
	},
};

function newSession(id, fields = {}) {
	return {
		id,
		status: 'active',
		url: `https://checkout.tryspeed.com/${id}`,
		currency: 'USD',
		amount: 10,
		ttl: 3600,
		payments: [],
		amount_paid: 0,
		metadata: {},
		description: null,
		success_message: null,
		success_url: null,
		cancel_url: null,
		title: null,
		title_description: null,
		title_image: null,
		...fields,
	};
}

function seed() {
	return [
		...SEEDED.updatable.map((id, i) =>
			newSession(id, {
				description: `Sandbox session ${i + 1}`,
				metadata: { order: `order-${i + 1}` },
			}),
		),
		newSession('cs_paid_1', { status: 'paid', amount_paid: 10 }),
		newSession('cs_deactivated_1', { status: 'deactivated' }),
	];
}

const makeBulk = (id) => newSession(id);

function authenticate(headers) {
	const match = /^Basic\s+(\S+)$/i.exec(headers.authorization || '');
	if (!match)
		return error(401, 'No API key provided: use HTTP Basic auth with the secret key as user name');
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	const user = colon === -1 ? decoded : decoded.slice(0, colon);
	const password = colon === -1 ? null : decoded.slice(colon + 1);
	if (user !== KEYS.secretKey) return error(401, 'Invalid API key');
	if (password !== '')
		return error(401, 'The password must be empty: send "<secret key>:" base64-encoded');
	return null;
}

/** Fields added to the request record of every Speed request. */
function annotate(headers) {
	return { speedVersion: headers['speed-version'] ?? DEFAULT_VERSION };
}

function checkHeaders(headers) {
	const sent = headers['speed-version'];
	if (sent === undefined || VERSIONS.includes(sent)) return null;
	return error(400, `Invalid speed-version "${sent}": use one of ${VERSIONS.join(', ')}`);
}

function update({ params, body, store }) {
	const session = store.get(params.id);
	if (!session) return error(404, `No such checkout session: ${params.id}`);
	const problems = checkBody(body, UPDATE);
	if (problems.length === 0 && body.success_url !== undefined && body.success_message !== undefined)
		problems.push('success_url and success_message are mutually exclusive: send only one of them');
	if (problems.length) return error(400, problems);
	if (session.status !== 'active')
		return error(
			400,
			`Checkout session ${session.id} is ${session.status}; only active sessions can be updated`,
		);
	for (const [key, value] of Object.entries(body)) {
		session[key] = key === 'metadata' ? { ...session.metadata, ...value } : value;
	}
	return { status: 200, body: structuredClone(session) };
}

function create({ body, store }) {
	const problems = checkBody(body, CREATE);
	if (problems.length) return error(400, problems);
	const session = store.add(newSession(`cs_${randomBytes(12).toString('hex')}`, body));
	return { status: 200, body: structuredClone(session) };
}

module.exports = {
	name: 'speed',
	basePath: '/speed',
	keys: KEYS,
	seeded: SEEDED,
	bulk: BULK,
	seed,
	makeBulk,
	error,
	routeNotFound: () => error(404, 'Unrecognized request URL'),
	authenticate,
	annotate,
	checkHeaders,
	routes: [
		{ method: 'POST', path: '/checkout-sessions', handle: create },
		// "Swap available limit": a read of the account's remaining swaps (value assumed).
		{
			method: 'GET',
			path: '/balances/swap/limit',
			handle: () => ({ status: 200, body: { available_limit: 10 } }),
		},
		{
			method: 'POST',
			path: '/checkout-sessions/:id',
			update: true,
			sessionId: (params) => params.id,
			handle: update,
		},
	],
};
