// @ts-check
/*
 * Issue 8: a base URL that misbehaves (a wrong override, a compromised proxy, a provider
 * incident), keys pasted with stray characters, odd option values. Each node runs in n8n's
 * real engine against a small scripted server on 127.0.0.1 that does what such a server
 * would: echo the key back, trickle bytes, send 50 MB, answer with `__proto__` keys.
 */
const { runNode } = require('../../harness/engine');
const { startRawServer } = require('../helpers/rawServer');
const { listenLocal } = require('../helpers/listen');
const { id } = require('./sandboxRun');

/** Per provider: the credential's secret fields and a valid one-call update. */
const PROVIDERS = {
	upag: {
		secrets: ['token'],
		credentials: {},
		parameters: { checkoutSessionId: id('cs_open_1'), updateFields: { paymentMethods: ['pix'] } },
		answer: { id: 'cs_open_1', status: 'open' },
	},
	sprintcheckout: {
		secrets: ['apiKey'],
		credentials: {},
		parameters: { sessionId: id('sc_open_1'), updateFields: { concept: 'x' } },
		answer: {
			sessionId: 'sc_open_1',
			redirectUrl: 'https://app.sprintcheckout.com/?uid=sc_open_1',
		},
	},
	speed: {
		secrets: ['secretKey'],
		credentials: { apiVersion: '2022-10-15' },
		parameters: { checkoutSessionId: id('cs_active_1'), updateFields: { title: 'x' } },
		answer: { id: 'cs_active_1', object: 'checkout_session' },
	},
	yuno: {
		secrets: ['publicApiKey', 'privateSecretKey'],
		credentials: { environment: 'sandbox', accountId: '0a0a0a0a-0000-4000-8000-000000000001' },
		parameters: {
			checkoutSessionId: id('a0000000-0000-4000-8000-000000000001'),
			updateFields: { merchantOrderId: 'order-001', paymentDescription: 'Order', country: 'BR' },
		},
		answer: { checkout_session: 'a0000000-0000-4000-8000-000000000001' },
	},
};
const TYPES = Object.keys(PROVIDERS);

/** A key with characters whose URL-encoded, JSON and HTML forms all differ from the key. */
const keyFor = (type, field) => `${type}_${field}_SECRET_Zq7+b/c"d\\e=f&<x>'`;

/** The five characters HTML escapes, and their escapes: written apart from the redaction they check. */
const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every form a key may take in an echo: as sent, in headers, Basic base64, URL-encoded, JSON-escaped, HTML. */
function wireFormsOf(key) {
	return [
		key,
		`Bearer ${key}`,
		Buffer.from(`${key}:`).toString('base64'),
		Buffer.from(key).toString('base64'),
		encodeURIComponent(key),
		JSON.stringify(key).slice(1, -1),
		key.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]),
	];
}

/** The credential values the server actually received, from whichever header carries them. */
function receivedKeys(headers) {
	const values = [headers['x-sc-apikey'], headers['public-api-key'], headers['private-secret-key']];
	const authorization = headers.authorization ?? '';
	if (authorization.startsWith('Bearer ')) values.push(authorization.slice(7));
	if (authorization.startsWith('Basic '))
		values.push(Buffer.from(authorization.slice(6), 'base64').toString().replace(/:$/, ''));
	return values.filter((value) => typeof value === 'string');
}

function run(type, server, overrides = {}) {
	const provider = PROVIDERS[type];
	const keys = Object.fromEntries(provider.secrets.map((field) => [field, keyFor(type, field)]));
	return runNode({
		type,
		parameters: { ...provider.parameters, ...overrides.parameters },
		items: overrides.items ?? [{}],
		credentials: {
			...keys,
			...provider.credentials,
			baseUrl: server?.url ?? 'http://127.0.0.1:9',
			...overrides.credentials,
		},
		onError: overrides.onError,
	});
}

const leakedIn = (text, type) =>
	PROVIDERS[type].secrets
		.flatMap((field) => wireFormsOf(keyFor(type, field)))
		.filter((form) => text.includes(form))
		.concat(text.includes('SECRET_Zq7') ? ['SECRET_Zq7'] : []);

const servers = [];
async function server(handler) {
	const started = await startRawServer(handler);
	servers.push(started);
	return started;
}
afterEach(async () => {
	await Promise.all(servers.splice(0).map((started) => started.close()));
});

describe.each(TYPES)('%s: keys as they travel (8.2)', (type) => {
	const stored = {
		'surrounded by spaces': (key) => `  ${key}  `,
		'with a trailing tab': (key) => `${key}\t`,
		'with a leading line break': (key) => `\n${key}`,
	};

	test.each(Object.keys(stored))(
		'a key stored %s is sent trimmed, and a 401 echoing it in every wire form leaks nothing',
		async (variant) => {
			const echo = await server((req, res) => {
				const forms = receivedKeys(req.headers).flatMap(wireFormsOf);
				res.writeHead(401, { 'content-type': 'application/json' });
				res.end(
					JSON.stringify({
						message: `invalid key ${forms.join(' | ')}`,
						code: `BAD_${forms[0]}`,
						details: forms,
						[forms[0]]: forms[1],
					}),
				);
			});
			const credentials = Object.fromEntries(
				PROVIDERS[type].secrets.map((field) => [field, stored[variant](keyFor(type, field))]),
			);

			const thrown = await run(type, echo, { credentials });
			expect(thrown.error.message).toMatch(/answered 401/);
			const sent = receivedKeys(echo.requests[0].headers);
			expect(sent.sort()).toEqual(
				PROVIDERS[type].secrets.map((field) => keyFor(type, field)).sort(),
			);
			const errorText = [
				thrown.error.message,
				thrown.error.description,
				JSON.stringify(thrown.error),
				JSON.stringify(thrown.run.data),
			].join('\n');
			expect(leakedIn(errorText, type)).toEqual([]);

			const continued = await run(type, echo, {
				credentials,
				onError: 'continueRegularOutput',
				items: [{}, {}],
			});
			expect(continued.output).toHaveLength(2);
			expect(continued.output[0].json.httpCode).toBe(401);
			expect(leakedIn(JSON.stringify(continued.output), type)).toEqual([]);
		},
	);

	test('an HTML error page quoting the key (as a proxy might) leaks nothing either', async () => {
		const echo = await server((req, res) => {
			res.writeHead(401, { 'content-type': 'text/html' });
			res.end(
				`<html><body><p>Bad key: ${receivedKeys(req.headers).flatMap(wireFormsOf).join('<br>')}</p></body></html>`,
			);
		});
		const { error } = await run(type, echo);
		expect(error.message).toMatch(/answered 401: Bad key/);
		expect(leakedIn(JSON.stringify(error), type)).toEqual([]);
	});

	test.each([
		['a line break inside', 'KEY\r\nX-Injected: 1'],
		['a tab inside', 'KEY\tMORE'],
		['a NUL', 'KEY\u0000MORE'],
		['a DEL', 'KEY\u007fMORE'],
		['an emoji', 'KEY\u{1F600}MORE'],
		['a no-break space inside', 'KEY\u00a0MORE'],
		['a space inside', 'KEY MORE'],
		['an accented letter', 'KEYéMORE'],
	])('a key with %s is refused before anything is sent, without echoing it', async (_, bad) => {
		const target = await server((req, res) => res.end('{}'));
		const [field] = PROVIDERS[type].secrets;
		const key = bad.replace('KEY', 'SECRET_Zq7');
		const { error } = await run(type, target, { credentials: { [field]: key } });
		expect(error.message).toBe(
			`The credential's ${field} contains a character that cannot be sent in an HTTP header`,
		);
		expect(JSON.stringify(error)).not.toContain('SECRET_Zq7');
		expect(target.requests).toEqual([]);

		const continued = await run(type, target, {
			credentials: { [field]: key },
			onError: 'continueRegularOutput',
			items: [{}, {}, {}],
		});
		expect(continued.error).toBeUndefined();
		expect(continued.output.map((item) => [item.pairedItem, item.json.code])).toEqual([
			[{ item: 0 }, 'INVALID_CREDENTIALS'],
			[{ item: 1 }, 'INVALID_CREDENTIALS'],
			[{ item: 2 }, 'INVALID_CREDENTIALS'],
		]);
		expect(target.requests).toEqual([]);
	});
});

describe('base URL overrides (8.3)', () => {
	const overrides = {
		'user and password': (url) => url.replace('http://', 'http://user:pa55word@') + '/v1',
		'a password only': (url) => url.replace('http://', 'http://:pa55word@') + '/v1',
		'a user only': (url) => url.replace('http://', 'http://pa55word@') + '/v1',
		'a query': (url) => `${url}/v1?pa55word=1`,
		'an empty query': (url) => `${url}/v1?`,
		'a fragment': (url) => `${url}/v1#pa55word`,
		'a tab inside': (url) => `${url}/v1\tpa55word`,
		'a space inside': (url) => `${url}/v1 pa55word`,
	};

	test.each(Object.keys(overrides))(
		'an override with %s is refused, nothing is sent, and the URL is not printed back',
		async (kind) => {
			const target = await server((req, res) => res.end('{}'));
			const baseUrl = overrides[kind](target.url);
			for (const type of TYPES) {
				const { error } = await run(type, target, { credentials: { baseUrl } });
				expect(error.message).toMatch(/^The credential's base URL must not contain/);
				expect(JSON.stringify(error)).not.toContain('pa55word');
				expect(JSON.stringify(error)).not.toContain(target.url.replace('http://', ''));
			}
			expect(target.requests).toEqual([]);
		},
	);

	test('under either Continue mode every input item gets the error, paired, with a code (8.9)', async () => {
		const target = await server((req, res) => res.end('{}'));
		const credentials = { baseUrl: `${target.url.replace('http://', 'http://u:pa55word@')}/v1` };
		const regular = await run('upag', target, {
			credentials,
			onError: 'continueRegularOutput',
			items: [{}, {}, {}, {}, {}],
		});
		expect(regular.error).toBeUndefined();
		expect(regular.output).toHaveLength(5);
		regular.output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toEqual({
				error: expect.stringMatching(/^The credential's base URL must not contain/),
				code: 'INVALID_BASE_URL',
			});
		});

		const routed = await run('upag', target, {
			credentials: { baseUrl: 'ftp://127.0.0.1/v1' },
			onError: 'continueErrorOutput',
			items: [{ n: 0 }, { n: 1 }],
		});
		expect(routed.error).toBeUndefined();
		const [success, failed] = routed.outputs;
		expect(success).toEqual([]);
		expect(failed.map((item) => [item.pairedItem, item.json.n, item.json.details])).toEqual([
			[{ item: 0 }, 0, { code: 'INVALID_BASE_URL' }],
			[{ item: 1 }, 1, { code: 'INVALID_BASE_URL' }],
		]);
		expect(target.requests).toEqual([]);
	});

	test('a plain override with a trailing slash still works, and only the credential keys authenticate', async () => {
		const target = await server((req, res) => {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify(PROVIDERS.upag.answer));
		});
		const { output, error } = await run('upag', target, {
			credentials: { baseUrl: `${target.url}/v1/` },
		});
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual(PROVIDERS.upag.answer);
		expect(target.requests[0].url).toBe('/v1/checkout-sessions/cs_open_1');
		expect(target.requests[0].headers.authorization).toBe(`Bearer ${keyFor('upag', 'token')}`);
	});
});

describe('answers with __proto__, constructor and prototype keys (8.4)', () => {
	const hostile = (echo) =>
		`{"id":"cs_open_1","__proto__":{"polluted":"yes","id":"inherited"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"},"nested":[{"__proto__":{"polluted":"yes"}}]${echo ? `,"note":${JSON.stringify(echo)}` : ''}}`;

	test.each([
		['as sent', false],
		['in the redacted copy (the answer also echoes the key)', true],
	])('stay plain own data in the output, %s', async (_, echoKey) => {
		const target = await server((req, res) => {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(hostile(echoKey ? receivedKeys(req.headers)[0] : undefined));
		});
		const { output, error } = await run('upag', target);
		expect(error).toBeUndefined();
		const { json } = output[0];
		expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
		expect(Object.prototype.hasOwnProperty.call(json, '__proto__')).toBe(true);
		expect(Object.getOwnPropertyDescriptor(json, '__proto__')?.value).toEqual({
			polluted: 'yes',
			id: 'inherited',
		});
		expect(json.polluted).toBeUndefined();
		expect(json.id).toBe('cs_open_1');
		expect(Object.getOwnPropertyDescriptor(json, 'constructor')?.value).toEqual({
			prototype: { polluted: 'yes' },
		});
		expect(Object.prototype.hasOwnProperty.call(json.nested[0], '__proto__')).toBe(true);
		expect(json.nested[0].polluted).toBeUndefined();
		expect({}.polluted).toBeUndefined();
		if (echoKey) expect(json.note).toBe('[redacted]');
	});

	test('in an error body they do not break the error message', async () => {
		const target = await server((req, res) => {
			res.writeHead(400, { 'content-type': 'application/json' });
			res.end('{"__proto__":{"message":"inherited"},"code":"BAD","message":"own message"}');
		});
		const { error } = await run('upag', target);
		expect(error.message).toBe('[item 0] Upag answered 400 BAD: own message');
	});
});

test('an answer nested 200,000 levels deep fails its item as unreadable, not as a bug', async () => {
	const depth = 200_000;
	const target = await server((req, res) => {
		res.writeHead(req.url.includes('cs_open_1') ? 200 : 400, {
			'content-type': 'application/json',
		});
		res.end(`{"id":"x","deep":${'['.repeat(depth)}${']'.repeat(depth)}}`);
	});
	const { output } = await run('upag', target, {
		parameters: { checkoutSessionId: id('={{ $json.session }}') },
		items: [{ session: 'cs_open_1' }, { session: 'cs_open_2' }],
		onError: 'continueRegularOutput',
	});
	expect(output[0].json).toMatchObject({ httpCode: 200, code: 'MALFORMED_RESPONSE' });
	expect(output[1].json).toMatchObject({ error: '[item 1] Upag answered 400', httpCode: 400 });
});

describe('only network failures are retried (8.11)', () => {
	/**
	 * Runs one Upag update against a TCP server that answers every request with `reply` (not
	 * HTTP); gives the output item and how many connections the server saw.
	 * @param {(socket: import('node:net').Socket) => void} reply
	 * @param {number} maxRetries
	 */
	async function runAgainstTcp(reply, maxRetries) {
		const net = require('node:net');
		/** @type {import('node:net').Socket[]} */
		const sockets = [];
		const tcp = net.createServer((socket) => {
			sockets.push(socket);
			socket.on('error', () => {});
			socket.on('data', () => reply(socket));
		});
		const port = await listenLocal(tcp);
		try {
			const { output } = await run(
				'upag',
				{ url: `http://127.0.0.1:${port}` },
				{ parameters: { options: { maxRetries } }, onError: 'continueRegularOutput' },
			);
			return { json: output[0].json, connections: sockets.length };
		} finally {
			sockets.forEach((socket) => socket.destroy());
			await new Promise((resolve) => tcp.close(resolve));
		}
	}

	test('an answer that is not HTTP is surfaced once with REQUEST_FAILED, not retried as a network failure', async () => {
		const { json, connections } = await runAgainstTcp(
			(socket) => socket.end('HELLO, THIS IS NOT HTTP\r\n\r\n'),
			3,
		);
		expect(json).toMatchObject({
			code: 'REQUEST_FAILED',
			error: expect.stringMatching(/^\[item 0\] Upag could not be reached: REQUEST_FAILED \(/),
		});
		expect(connections).toBe(1);
	});

	test('a connection closed without an answer is a network failure and is retried', async () => {
		const { json, connections } = await runAgainstTcp((socket) => socket.destroy(), 2);
		expect(json).toMatchObject({
			code: 'ECONNRESET',
			error: '[item 0] Upag could not be reached after 3 attempts: ECONNRESET',
		});
		expect(connections).toBe(3);
	});
});

describe('error bodies are summarised in linear time (8.5)', () => {
	const MB = 1024 * 1024;
	test.each([
		['all "<"', () => '<'.repeat(MB)],
		['nested tags', () => '<<<<a>>>>'.repeat(MB / 8)],
		['unclosed tags', () => '<a '.repeat(MB / 3)],
		['"<" and spaces', () => '< '.repeat(MB / 2)],
	])(
		'a 1 MB non-JSON 500 body of %s gives a short error promptly',
		async (_, body) => {
			const text = body();
			const target = await server((req, res) => {
				res.writeHead(500, { 'content-type': 'text/html' });
				res.end(text);
			});
			const { error } = await run('upag', target);
			expect(error.message).toMatch(/^\[item 0\] Upag answered 500/);
			expect(error.message.length).toBeLessThan(300);
		},
		10_000,
	);
});

describe('Timeout is a deadline for the whole request (8.6)', () => {
	const trickle = (socketWrite) => {
		let timer;
		return {
			start(res) {
				timer = setInterval(() => socketWrite(res), 300);
				res.on('close', () => clearInterval(timer));
			},
			stop: () => clearInterval(timer),
		};
	};

	test('a server trickling the body one byte every 300 ms is cut at the Timeout', async () => {
		const drip = trickle((res) => res.write(' '));
		const target = await server((req, res) => {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.write('{"id":"cs_open_1"');
			drip.start(res);
		});
		const started = Date.now();
		const { output, error } = await run('upag', target, {
			parameters: { options: { timeout: 1, maxRetries: 1 } },
			onError: 'continueRegularOutput',
		});
		drip.stop();
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({
			error: '[item 0] Upag could not be reached after 2 attempts: TIMEOUT',
			code: 'TIMEOUT',
			sessionId: 'cs_open_1',
		});
		expect(target.requests).toHaveLength(2);
		// Two attempts of 1 s plus a backoff of at most 250 ms; generous bound, not a timer assertion.
		expect(Date.now() - started).toBeLessThan(10_000);
	}, 20_000);

	test('a server trickling the status line and headers is cut at the Timeout too', async () => {
		const net = require('node:net');
		const sockets = [];
		const slow = net.createServer((socket) => {
			sockets.push(socket);
			socket.on('error', () => {});
			const text =
				'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Padding: ' + 'x'.repeat(1000);
			let index = 0;
			const timer = setInterval(() => {
				if (socket.destroyed || index >= text.length) return clearInterval(timer);
				socket.write(text[index++]);
			}, 300);
			socket.on('close', () => clearInterval(timer));
		});
		const port = await listenLocal(slow);
		try {
			const started = Date.now();
			const { error } = await run(
				'upag',
				{ url: `http://127.0.0.1:${port}` },
				{ parameters: { options: { timeout: 1, maxRetries: 0 } } },
			);
			expect(error.message).toBe('[item 0] Upag could not be reached: TIMEOUT');
			expect(Date.now() - started).toBeLessThan(10_000);
		} finally {
			sockets.forEach((socket) => socket.destroy());
			await new Promise((resolve) => slow.close(resolve));
		}
	}, 20_000);
});

describe('answer size cap (8.7)', () => {
	const MB = 1024 * 1024;

	/** Streams `size` bytes of a JSON answer in 64 KB chunks, as fast as the client reads. */
	function streamJson(res, size) {
		res.writeHead(200, { 'content-type': 'application/json' });
		const chunk = Buffer.alloc(64 * 1024, 'x');
		let sent = 0;
		res.write('{"id":"cs_open_1","pad":"');
		const pump = () => {
			while (sent < size) {
				sent += chunk.length;
				if (!res.write(chunk)) return res.once('drain', pump);
			}
			res.end('"}');
		};
		res.on('close', () => (sent = size + 1));
		pump();
	}

	test('eight 50 MB answers fail their items with RESPONSE_TOO_LARGE without being buffered', async () => {
		const target = await server((req, res) => streamJson(res, 50 * MB));
		global.gc?.();
		const before = process.memoryUsage().rss;
		let peak = before;
		const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
		try {
			const { output, error } = await run('upag', target, {
				items: Array.from({ length: 8 }, () => ({})),
				parameters: { options: { maxConcurrentRequests: 8 } },
				onError: 'continueRegularOutput',
			});
			expect(error).toBeUndefined();
			expect(output.map((item) => item.json.code)).toEqual(Array(8).fill('RESPONSE_TOO_LARGE'));
			expect(output[0].json.error).toBe('[item 0] Upag could not be reached: RESPONSE_TOO_LARGE');
		} finally {
			clearInterval(sampler);
		}
		// Buffering would hold 8 × 50 MB at once; reading stops after 4 MB per answer.
		expect((peak - before) / MB).toBeLessThan(150);
		expect(target.requests).toHaveLength(8);
	}, 30_000);

	test('an answer announcing a Content-Length above the cap fails without being read', async () => {
		const target = await server((req, res) => {
			res.writeHead(200, {
				'content-type': 'application/json',
				'content-length': String(100 * MB),
			});
			res.write('{"id":"cs_open_1"');
		});
		const { error } = await run('upag', target);
		expect(error.message).toBe('[item 0] Upag could not be reached: RESPONSE_TOO_LARGE');
	});

	test('an answer just under the cap is read whole', async () => {
		const target = await server((req, res) => streamJson(res, 3 * MB));
		const { output, error } = await run('upag', target);
		expect(error).toBeUndefined();
		expect(output[0].json.id).toBe('cs_open_1');
		expect(output[0].json.pad.length).toBeGreaterThanOrEqual(3 * MB);
	});
});

describe('option bounds, also from expressions (8.8)', () => {
	test.each([
		['timeout', '={{ 2147484 }}', 'Timeout (Seconds)'],
		['timeout', '={{ 0 }}', 'Timeout (Seconds)'],
		['timeout', '={{ "soon" }}', 'Timeout (Seconds)'],
		['maxConcurrentRequests', '={{ 100000 }}', 'Max Concurrent Requests'],
		['maxConcurrentRequests', '={{ 2.5 }}', 'Max Concurrent Requests'],
		['maxRetries', '={{ -1 }}', 'Max Retries'],
		['maxRetries', '={{ 1/0 }}', 'Max Retries'],
		['maxRetryWait', '={{ 1e12 }}', 'Max Retry Wait (Seconds)'],
		['maxRetryWait', '={{ NaN }}', 'Max Retry Wait (Seconds)'],
	])('%s = %s is refused by name before anything is sent', async (option, value, label) => {
		const target = await server((req, res) => res.end('{}'));
		const { error } = await run('upag', target, { parameters: { options: { [option]: value } } });
		expect(error.message).toMatch(
			new RegExp(`^The option "${label.replace(/[()]/g, '\\$&')}" must be a (whole )?number from`),
		);
		expect(target.requests).toEqual([]);

		const continued = await run('upag', target, {
			parameters: { options: { [option]: value } },
			items: [{}, {}],
			onError: 'continueRegularOutput',
		});
		expect(continued.output.map((item) => item.json.code)).toEqual([
			'INVALID_OPTION',
			'INVALID_OPTION',
		]);
	});

	test('values within the bounds, typed or from an expression (numbers as text too), are used', async () => {
		const target = await server((req, res) => {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{"id":"cs_open_1"}');
		});
		const { error } = await run('upag', target, {
			parameters: {
				options: {
					timeout: '={{ "300" }}',
					maxConcurrentRequests: 64,
					maxRetries: '={{ 10 }}',
					maxRetryWait: 600,
				},
			},
		});
		expect(error).toBeUndefined();
	});
});
