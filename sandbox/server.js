'use strict';

const http = require('node:http');
const PROVIDERS = require('./providers');
const {
	readBody,
	parseJson,
	parseQuery,
	serialize,
	BodyTooLarge,
	MAX_BODY_BYTES,
} = require('./lib/http');
const { compileRoutes, matchRoute } = require('./lib/router');
const { Recorder } = require('./lib/recorder');
const { RateLimiter, retryAfterHeaders } = require('./lib/rate-limiter');
const { FaultPlan, HTML_502 } = require('./lib/faults');
const { Capacity } = require('./lib/capacity');
const { FIRE_PATH, handleFireRequest } = require('./webhooks/fire');

const OPTION_KEYS = [
	'port',
	'host',
	'latencyMs',
	'capacity',
	'rateLimit',
	'faults',
	'record',
	'timelineMs',
	'bulkSessions',
];
const RUNTIME_KEYS = OPTION_KEYS.filter((k) => k !== 'port' && k !== 'host');
const DEFAULT_BULK_SESSIONS = 10000;
const FAULT_MESSAGES = {
	500: 'Internal server error',
	502: 'Bad gateway',
	503: 'Service unavailable',
	504: 'Gateway timeout',
};

const ROUTES = Object.fromEntries(PROVIDERS.map((p) => [p.name, compileRoutes(p.routes)]));

function providerFor(pathname) {
	return PROVIDERS.find((p) => pathname === p.basePath || pathname.startsWith(`${p.basePath}/`));
}

function checkOptionKeys(opts, allowed) {
	for (const key of Object.keys(opts)) {
		if (!allowed.includes(key))
			throw new TypeError(`unknown sandbox option "${key}"; known: ${allowed.join(', ')}`);
	}
}

function checkBulkSessions(count) {
	const max = Math.min(...PROVIDERS.map((p) => 10 ** p.bulk.width));
	if (!Number.isInteger(count) || count < 0 || count > max)
		throw new RangeError(`bulkSessions must be an integer between 0 and ${max}`);
}

/**
 * Starts the sandbox: one HTTP server, each provider under its own path prefix.
 * Resolves to `{ url, port, baseUrls, requests, stats, configure, reset, close, session }`.
 */
async function startSandbox(options = {}) {
	checkOptionKeys(options, OPTION_KEYS);
	const baseline = { bulkSessions: DEFAULT_BULK_SESSIONS };
	for (const key of RUNTIME_KEYS) if (key in options) baseline[key] = options[key];

	const recorder = new Recorder();
	const stores = Object.fromEntries(
		PROVIDERS.map((p) => [p.name, p.createStore({ bulkSessions: DEFAULT_BULK_SESSIONS })]),
	);
	const control = { latencyMs: 0, capacity: null, limiter: null, faults: null };
	const timers = new Set();
	const hung = new Set();
	let closed = false;

	function configure(opts = {}) {
		checkOptionKeys(opts, RUNTIME_KEYS);
		if ('latencyMs' in opts) {
			if (!(opts.latencyMs >= 0)) throw new RangeError('latencyMs must be a number >= 0');
			control.latencyMs = opts.latencyMs;
		}
		if ('capacity' in opts)
			control.capacity = opts.capacity ? new Capacity(opts.capacity) : null;
		if ('timelineMs' in opts) {
			if (!(opts.timelineMs >= 0)) throw new RangeError('timelineMs must be a number >= 0');
			recorder.timelineMs = opts.timelineMs;
		}
		if ('rateLimit' in opts)
			control.limiter = opts.rateLimit ? new RateLimiter(opts.rateLimit) : null;
		if ('faults' in opts) control.faults = opts.faults ? new FaultPlan(opts.faults) : null;
		if ('record' in opts) recorder.record = opts.record !== false;
		if ('bulkSessions' in opts) {
			checkBulkSessions(opts.bulkSessions);
			for (const store of Object.values(stores)) store.bulkSessions = opts.bulkSessions;
		}
	}

	/** Back to the state right after startSandbox(): sessions, log, stats and options. */
	function reset() {
		recorder.reset();
		for (const store of Object.values(stores)) store.reset();
		Object.assign(control, { latencyMs: 0, capacity: null, limiter: null, faults: null });
		recorder.record = true;
		recorder.timelineMs = 0;
		configure(baseline);
	}

	function delay(ms) {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve();
			}, ms);
			timers.add(timer);
		});
	}

	// byStatus counts complete responses only; dropped and hung ones show up in faultsInjected.
	function send(call, result) {
		const { status, headers, payload } = serialize(result);
		call.entry.status = status;
		if (call.res.destroyed) return;
		call.res.writeHead(status, headers).end(payload);
		recorder.countStatus(status);
		call.done();
	}

	// Writes the status line, headers and part of the body straight to the socket, then drops it.
	function sendPartialThenDrop(call, result) {
		const { status, headers, payload } = serialize(result);
		call.entry.status = status;
		const announced = Math.max(Buffer.byteLength(payload), 2);
		const head = Object.entries({ ...headers, 'content-length': announced })
			.map(([name, value]) => `${name}: ${value}\r\n`)
			.join('');
		const part = payload.slice(0, Math.floor(payload.length / 2));
		const socket = call.res.socket;
		if (!socket || socket.destroyed) return;
		socket.write(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n${head}\r\n${part}`, () =>
			socket.destroy(),
		);
	}

	function injectFault(call, kind) {
		const { provider } = call;
		switch (kind) {
			case '500':
			case '502':
			case '503':
			case '504':
				return send(call, provider.error(Number(kind), FAULT_MESSAGES[kind]));
			case '429-seconds':
			case '429-date':
			case '429-none': {
				const result = provider.error(429, 'Too many requests');
				result.headers = retryAfterHeaders(kind.slice(4), 1000);
				return send(call, result);
			}
			case 'reset':
				return sendPartialThenDrop(call, {
					status: 200,
					body: { truncated: 'by the sandbox reset fault' },
				});
			case 'hang': {
				const socket = call.res.socket;
				hung.add(socket);
				socket.once('close', () => hung.delete(socket));
				return undefined;
			}
			case 'malformed-json':
				return send(call, {
					status: 200,
					headers: { 'content-type': 'application/json; charset=utf-8' },
					rawBody: '{"id":"',
				});
			case 'html':
				return send(call, {
					status: 502,
					headers: { 'content-type': 'text/html' },
					rawBody: HTML_502,
				});
			case 'bare-404':
				return send(call, { status: 404 });
			default:
				throw new Error(`no injector for fault ${kind}`);
		}
	}

	function overCapacity(provider, status) {
		if (status === 503) return provider.error(503, FAULT_MESSAGES[503]);
		recorder.stats.throttled += 1;
		const result = provider.error(429, 'Too many requests');
		result.headers = retryAfterHeaders('seconds', 1000);
		return result;
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

	configure(baseline);

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
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
	});

	const { address, port } = server.address();
	const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;

	function close() {
		closed = true;
		for (const timer of timers) clearTimeout(timer);
		timers.clear();
		for (const socket of hung) socket.destroy();
		return new Promise((resolve) => {
			server.close(() => resolve());
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
