// @ts-check
'use strict';

const http = require('node:http');
const PROVIDERS = require('./providers');
const { readBody, parseJson, parseQuery, BodyTooLarge, MAX_BODY_BYTES } = require('./lib/http');
const { compileRoutes, matchRoute } = require('./lib/router');
const { retryAfterHeaders } = require('./lib/rate-limiter');
const { createControl } = require('./lib/control');
const { createResponder } = require('./lib/respond');
const { FIRE_PATH, handleFireRequest } = require('./webhooks/fire');

const ROUTES = Object.fromEntries(PROVIDERS.map((p) => [p.name, compileRoutes(p.routes)]));

function providerFor(pathname) {
	return PROVIDERS.find((p) => pathname === p.basePath || pathname.startsWith(`${p.basePath}/`));
}

/**
 * Starts the sandbox: one HTTP server, each provider under its own path prefix.
 * Resolves to `{ url, port, baseUrls, requests, stats, configure, reset, close, session }`.
 */
async function startSandbox(options = {}) {
	const { control, recorder, stores, configure, reset } = createControl(PROVIDERS, options);
	const timers = new Set();
	const hung = new Set();
	const { send, sendPartialThenDrop, injectFault, overCapacity } = createResponder(recorder, hung);
	let closed = false;

	function delay(ms) {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve(undefined);
			}, ms);
			timers.add(timer);
		});
	}

	/** What the provider itself answers: auth, headers, route, JSON, then the handler. */
	function answer(call) {
		const { provider, req, matched, parsed } = call;
		const denied = provider.authenticate(req.headers);
		if (denied) return denied;
		const badHeaders = provider.checkHeaders ? provider.checkHeaders(req.headers) : null;
		if (badHeaders) return badHeaders;
		if (!matched) return provider.routeNotFound();
		if (call.tooLarge)
			return provider.error(413, `Request body is larger than ${MAX_BODY_BYTES} bytes`);
		if (!parsed.ok && req.method !== 'GET')
			return provider.error(400, 'Malformed JSON in request body');
		try {
			return matched.route.handle({
				params: matched.params,
				query: call.entry.query,
				body: parsed.value,
				store: stores[provider.name],
			});
		} catch (err) {
			process.stderr.write(`sandbox: ${provider.name} handler failed: ${err.stack}\n`);
			return provider.error(500, 'Sandbox handler failed');
		}
	}

	async function receive(req, res) {
		const startedAt = recorder.started();
		let counted = true;
		let leaveCapacity = null;
		// Counted out when the answer is written (not when the socket closes), so stats are
		// exact as soon as a client has its response; hung and dropped requests count out on close.
		const done = () => {
			if (counted) recorder.ended(startedAt);
			counted = false;
			leaveCapacity?.();
		};
		res.once('close', done);

		const url = new URL(req.url, 'http://sandbox.invalid');
		const provider = providerFor(url.pathname);
		const path = provider ? url.pathname.slice(provider.basePath.length) || '/' : url.pathname;
		let raw = '';
		let tooLarge = false;
		try {
			raw = await readBody(req);
		} catch (err) {
			if (!(err instanceof BodyTooLarge)) return; // the client went away
			tooLarge = true;
		}
		const parsed = parseJson(raw);
		const entry = recorder.open({
			provider: provider ? provider.name : null,
			method: req.method,
			path,
			url: req.url,
			query: parseQuery(url.searchParams),
			headers: { ...req.headers },
			body: parsed.ok && parsed.value !== undefined ? parsed.value : null,
			rawBody: raw,
		});
		if (provider && provider.annotate) Object.assign(entry, provider.annotate(req.headers));
		/** @type {any} */
		const call = { req, res, entry, done, provider, parsed, tooLarge, matched: null };
		if (!provider)
			return send(call, {
				status: 404,
				body: { message: `No sandbox provider under ${url.pathname}` },
			});

		call.matched = matchRoute(ROUTES[provider.name], req.method, path);
		if (call.matched && call.matched.route.update) {
			const sessionId = call.matched.route.sessionId(call.matched.params, parsed.value);
			if (typeof sessionId === 'string' && sessionId !== '')
				recorder.countUpdate(provider.name, sessionId);
		}

		if (control.capacity) {
			const capacity = control.capacity;
			leaveCapacity = await capacity.enter();
			if (leaveCapacity === null) return send(call, overCapacity(provider, capacity.overflow));
			if (res.destroyed) return leaveCapacity();
		}
		if (control.latencyMs > 0) await delay(control.latencyMs);
		if (closed) return;

		if (control.limiter) {
			const taken = control.limiter.take();
			if (!taken.ok) {
				recorder.stats.throttled += 1;
				const result = provider.error(429, 'Too many requests');
				result.headers = retryAfterHeaders(control.limiter.retryAfter, taken.waitMs);
				return send(call, result);
			}
		}

		// Faults come before the provider sees the request, so a faulted request changes nothing
		// except `reset-after-apply`, which models losing the answer to an applied write.
		const fault = control.faults ? control.faults.next() : null;
		if (fault) {
			entry.fault = fault;
			recorder.countFault(fault);
			if (fault !== 'reset-after-apply') return injectFault(call, fault);
		}
		const result = answer(call);
		return fault === 'reset-after-apply' ? sendPartialThenDrop(call, result) : send(call, result);
	}

	// The webhook control endpoint: the sandbox sends a provider's signed event to a URL.
	async function fire(req, res) {
		const { status, body } = await handleFireRequest(await readBody(req));
		res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
	}

	const server = http.createServer((req, res) => {
		const handle = req.method === 'POST' && req.url === FIRE_PATH ? fire : receive;
		handle(req, res).catch((err) => {
			process.stderr.write(`sandbox: request failed: ${err.stack}\n`);
			if (!res.headersSent) res.writeHead(500).end();
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve(undefined));
	});

	const { address, port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;

	function close() {
		closed = true;
		for (const timer of timers) clearTimeout(timer);
		timers.clear();
		for (const socket of hung) socket.destroy();
		return new Promise((resolve) => {
			server.close(() => resolve(undefined));
			server.closeAllConnections();
		});
	}

	return {
		url,
		port,
		baseUrls: Object.fromEntries(PROVIDERS.map((p) => [p.name, url + p.basePath])),
		requests: recorder.requests,
		stats: recorder.stats,
		timeline: recorder.timeline,
		configure,
		reset,
		close,
		/** A copy of a session's stored state (also for providers without a documented GET), or undefined. */
		session(providerName, id) {
			const store = stores[providerName];
			if (!store) throw new RangeError(`unknown provider "${providerName}"`);
			return store.peek(id);
		},
		/** The ids of every session a provider holds now (seeded, touched bulk, created). */
		sessionIds(providerName) {
			const store = stores[providerName];
			if (!store) throw new RangeError(`unknown provider "${providerName}"`);
			return [...store.sessions.keys()];
		},
	};
}

module.exports = { startSandbox, PROVIDERS };
