// @ts-check
'use strict';
/**
 * A minimal fifth provider, "Fakepay", built on the core the way the real four are: one
 * update operation (PUT /sessions/{id}: a note and a return URL), an API-key credential and
 * a small scripted server on 127.0.0.1. The core's engine tests run over it, so they test the
 * core rather than one provider; `useFakeProvider()` registers it in the provider registry.
 */
const http = require('node:http');
const { NodeConnectionTypes, updateDisplayOptions } = require('n8n-workflow');
const { z } = require('zod/v3');

const {
	checkoutSessionOperations,
	checkoutSessionResource,
	requestOptions,
	updateFields,
} = require('../../nodes/shared/description');
const { parseLooseError } = require('../../nodes/shared/errors');
const { route, singleCallUpdate } = require('../../nodes/shared/operation');
const { compact, readCollection, readParameter } = require('../../nodes/shared/parameters');
const { sessionLocator, sessionReference } = require('../../nodes/shared/session');
const { text, url } = require('../../nodes/shared/validation');
const { registerProvider } = require('../../harness/providers');
const { runNode } = require('../../harness/engine');
const { listenLocal } = require('./listen');

const API_KEY = 'fakepay_secret_key_0001';

async function authenticate(credentials, requestOptions) {
	return {
		...requestOptions,
		headers: { ...requestOptions.headers, 'X-Api-Key': String(credentials.apiKey) },
	};
}

const fakepay = {
	displayName: 'Fakepay',
	credentialType: 'fakepayApi',
	defaultBaseUrl: () => 'https://api.fakepay.invalid/v1',
	secretFields: ['apiKey'],
	parseError: parseLooseError,
	authenticate,
};

const properties = [
	sessionLocator({
		name: 'checkoutSessionId',
		displayName: 'Checkout Session',
		idPlaceholder: 'fp_123',
		description: 'The session to update',
		urls: [],
	}),
	updateFields([
		{ displayName: 'Note', name: 'note', type: 'string', default: '' },
		{ displayName: 'Return URL', name: 'returnUrl', type: 'string', default: '' },
	]),
];

const update = singleCallUpdate({
	provider: fakepay,
	description: updateDisplayOptions(
		{ show: { resource: ['checkoutSession'], operation: ['update'] } },
		properties,
	),
	sessionField: 'checkoutSessionId',
	read: (ctx, itemIndex) =>
		compact({
			...readCollection(ctx, itemIndex, 'updateFields'),
			checkoutSessionId: readParameter(ctx, itemIndex, 'checkoutSessionId'),
		}),
	schema: z.object({
		checkoutSessionId: sessionReference([]).pipe(
			z.string().regex(/^fp_\w+$/, 'must be a session ID starting with fp_'),
		),
		note: text({ min: 3 }).optional(),
		returnUrl: url().optional(),
	}),
	buildRequest: ({ checkoutSessionId, ...body }) => ({
		method: 'PUT',
		safeToResend: true,
		path: `/sessions/${encodeURIComponent(checkoutSessionId)}`,
		body,
	}),
});

class Fakepay {
	constructor() {
		this.description = {
			displayName: 'Fakepay',
			name: 'fakepay',
			group: ['transform'],
			version: 1,
			description: 'A fake provider on the shared core',
			defaults: { name: 'Fakepay' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: 'fakepayApi', required: true }],
			properties: [
				checkoutSessionResource,
				checkoutSessionOperations(['update']),
				...update.description,
				requestOptions(),
			],
		};
	}
	/** @this {import('n8n-workflow').IExecuteFunctions} */
	async execute() {
		return await route(this, { checkoutSession: { update } });
	}
}

class FakepayApi {
	constructor() {
		this.name = 'fakepayApi';
		this.displayName = 'Fakepay API';
		this.properties = [
			{
				displayName: 'API Key',
				name: 'apiKey',
				type: 'string',
				typeOptions: { password: true },
				default: '',
			},
			{ displayName: 'Base URL Override', name: 'baseUrl', type: 'string', default: '' },
		];
		this.authenticate = authenticate;
	}
}

/**
 * Fakepay's server: PUT /sessions/fp_<anything but "unknown"> with the right key answers the
 * session with the body applied; an unknown session is a 404, a wrong key a 401. Counts the
 * requests in flight; `latencyMs` holds each answer back.
 */
async function startFakepayServer() {
	/**
	 * @type {{ requests: Array<{ method?: string, path?: string, body: any }>, latencyMs: number,
	 *   inFlight: number, maxInFlight: number, baseUrl: string, reset: () => void,
	 *   close: () => Promise<void> }}
	 */
	const server = {
		requests: [], // bodies as parsed JSON
		latencyMs: 0,
		inFlight: 0,
		maxInFlight: 0,
		baseUrl: '',
		reset: () => Object.assign(server, { requests: [], latencyMs: 0, inFlight: 0, maxInFlight: 0 }),
		close: () => new Promise((resolve) => http_.close(() => resolve())),
	};
	const answer = (request, headers) => {
		const [, id] = /^\/v1\/sessions\/([^/?]+)$/.exec(request.path) ?? [];
		if (headers['x-api-key'] !== API_KEY) return [401, { message: 'invalid API key' }];
		if (request.method !== 'PUT' || id === undefined) return [404, { message: 'no such endpoint' }];
		if (id === 'fp_unknown') return [404, { code: 'NOT_FOUND', message: 'no such session' }];
		return [200, { id: decodeURIComponent(id), ...request.body }];
	};
	const http_ = http.createServer((req, res) => {
		server.inFlight += 1;
		server.maxInFlight = Math.max(server.maxInFlight, server.inFlight);
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			const request = {
				method: req.method,
				path: req.url,
				body: raw ? JSON.parse(raw) : undefined,
			};
			server.requests.push(request);
			const [status, body] = answer(request, req.headers);
			setTimeout(() => {
				server.inFlight -= 1;
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(body));
			}, server.latencyMs);
		});
	});
	server.baseUrl = `http://127.0.0.1:${await listenLocal(http_)}/v1`;
	return server;
}

/** The registry row: the same plumbing the shipped providers have. */
const FAKEPAY = {
	name: 'fakepay',
	displayName: 'Fakepay',
	credentialType: 'fakepayApi',
	Node: () => Fakepay,
	Credential: () => FakepayApi,
	sandboxCredentials: (baseUrl) => ({ apiKey: API_KEY, baseUrl }),
	secrets: [API_KEY],
};

/**
 * For one test file: registers Fakepay, starts its server, and gives
 * `ctx.run(parameters, items, overrides)` (the node through n8n's engine) and `ctx.requests()`.
 */
function useFakeProvider() {
	const ctx = {};
	let unregister;
	beforeAll(async () => {
		unregister = registerProvider(FAKEPAY);
		ctx.server = await startFakepayServer();
		ctx.run = (parameters, items = [{}], overrides = {}) =>
			runNode({
				type: FAKEPAY.name,
				parameters,
				items,
				credentials: {
					...FAKEPAY.sandboxCredentials(ctx.server.baseUrl),
					...overrides.credentials,
				},
				onError: overrides.onError,
			});
		ctx.requests = () => ctx.server.requests;
	});
	afterEach(() => ctx.server.reset());
	afterAll(async () => {
		unregister();
		await ctx.server.close();
	});
	return ctx;
}

module.exports = { useFakeProvider, FAKEPAY, API_KEY };
