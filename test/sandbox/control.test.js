// @ts-check
'use strict';

const http = require('node:http');
const axios = require('axios').default;
const { startSandbox, SANDBOX_KEYS, SEEDED, bulkSessionId, FAULT_KINDS } = require('../../sandbox');
const { sandboxClient, useSandbox, waitFor } = require('./helpers');

const UPAG_OPEN = SEEDED.upag.updatable[0];
const YUNO_OPEN = SEEDED.yuno.updatable[0];
const YUNO_BODY = {
	merchant_order_id: 'order-new',
	payment_description: 'New description',
	country: 'MX',
	account_id: SANDBOX_KEYS.yuno.accountId,
};
const TOO_MANY = {
	sprintcheckout: { message: 'Too many requests' },
	speed: { errors: [{ type: 'rate_limit_error', message: 'Too many requests' }] },
	yuno: { code: 'RATE_LIMIT', messages: ['Too many requests'] },
	upag: { message: 'Too many requests' },
};

describe('sandbox control', () => {
	const ctx = useSandbox();
	const upag = () => ctx.api('upag');
	const getUpag = (config) => upag().get(`/checkout-sessions/${UPAG_OPEN}`, config);
	const putUpag = (body, config) => upag().put(`/checkout-sessions/${UPAG_OPEN}`, body, config);
	const upagCancelUrl = () => ctx.sandbox.session('upag', UPAG_OPEN).cancelUrl;

	describe('recording and stats', () => {
		test('records every request with lower-cased headers, parsed query and body', async () => {
			await upag().get(`/checkout-sessions/${UPAG_OPEN}?expand=items&expand=customer&x=1`, {
				headers: { 'X-Trace-Id': 'T-1' },
			});
			await putUpag({ cancelUrl: 'https://shop.test/c' });
			expect(ctx.sandbox.requests).toHaveLength(2);
			const [get, put] = ctx.sandbox.requests;
			expect(get).toMatchObject({
				provider: 'upag',
				method: 'GET',
				path: `/checkout-sessions/${UPAG_OPEN}`,
				query: { expand: ['items', 'customer'], x: '1' },
				body: null,
				rawBody: '',
				status: 200,
			});
			expect(get.headers['x-trace-id']).toBe('T-1');
			expect(Object.keys(get.headers).every((name) => name === name.toLowerCase())).toBe(true);
			expect(put).toMatchObject({
				method: 'PUT',
				body: { cancelUrl: 'https://shop.test/c' },
				rawBody: '{"cancelUrl":"https://shop.test/c"}',
				status: 200,
			});
			expect(put.fault).toBeUndefined();
			expect(put.at).toBeGreaterThanOrEqual(get.at);
			expect(ctx.sandbox.stats).toEqual({
				requests: 2,
				byStatus: { 200: 2 },
				throttled: 0,
				faultsInjected: {},
				inFlight: 0,
				maxInFlight: 1,
				perSession: { [`upag:${UPAG_OPEN}`]: 1 },
			});
		});

		test('a path outside every provider is a 404 recorded with provider null', async () => {
			const res = await axios.get(`${ctx.sandbox.url}/stripe/v1/checkout`, {
				httpAgent: ctx.agent,
				validateStatus: () => true,
			});
			expect(res.status).toBe(404);
			expect(res.data).toEqual({ message: 'No sandbox provider under /stripe/v1/checkout' });
			expect(ctx.sandbox.requests[0]).toMatchObject({
				provider: null,
				path: '/stripe/v1/checkout',
				status: 404,
			});
		});

		test('record: false keeps counting stats but logs nothing', async () => {
			ctx.sandbox.configure({ record: false });
			await getUpag();
			await putUpag({ items: [] });
			expect(ctx.sandbox.requests).toHaveLength(0);
			expect(ctx.sandbox.stats).toMatchObject({
				requests: 2,
				byStatus: { 200: 1, 400: 1 },
				perSession: { [`upag:${UPAG_OPEN}`]: 1 },
			});
		});

		test('perSession counts update attempts per provider and id (GETs excluded)', async () => {
			ctx.sandbox.configure({ faults: { sequence: ['503'] } });
			await putUpag({ cancelUrl: 'https://shop.test/1' });
			await putUpag({ cancelUrl: 'https://shop.test/2' });
			await ctx.api('yuno').patch(`/checkout/sessions/${YUNO_OPEN}`, YUNO_BODY);
			await ctx.api('speed').post(`/checkout-sessions/${SEEDED.speed.unknown}`, { title: 'x' });
			await ctx
				.api('sprintcheckout')
				.put('/api/checkout/v2/payment_session', { sessionId: 'sc_open_2', amount: 1 });
			await getUpag();
			expect(ctx.sandbox.stats.perSession).toEqual({
				[`upag:${UPAG_OPEN}`]: 2,
				[`yuno:${YUNO_OPEN}`]: 1,
				[`speed:${SEEDED.speed.unknown}`]: 1,
				'sprintcheckout:sc_open_2': 1,
			});
			expect(ctx.sandbox.stats.byStatus).toEqual({ 200: 4, 404: 1, 503: 1 });
		});

		test('2,000 distinct bulk sessions updated concurrently, each exactly once', async () => {
			ctx.sandbox.configure({ record: false, latencyMs: 2 });
			const ids = Array.from({ length: 2000 }, (_, i) => bulkSessionId('upag', i));
			const client = upag();
			for (let i = 0; i < ids.length; i += 100) {
				const statuses = await Promise.all(
					ids
						.slice(i, i + 100)
						.map((id) =>
							client
								.put(`/checkout-sessions/${id}`, { cancelUrl: `https://shop.test/${id}` })
								.then((r) => r.status),
						),
				);
				expect(statuses.every((s) => s === 200)).toBe(true);
			}
			const { perSession, byStatus, maxInFlight } = ctx.sandbox.stats;
			expect(Object.keys(perSession)).toHaveLength(2000);
			expect(Object.values(perSession).every((n) => n === 1)).toBe(true);
			expect(byStatus).toEqual({ 200: 2000 });
			expect(maxInFlight).toBeGreaterThan(1);
			expect(maxInFlight).toBeLessThanOrEqual(100);
			expect(ctx.sandbox.session('upag', ids[1999]).cancelUrl).toBe(
				`https://shop.test/${ids[1999]}`,
			);
		});

		test('maxInFlight counts concurrent requests; inFlight returns to 0', async () => {
			ctx.sandbox.configure({ latencyMs: 100 });
			const pending = Array.from({ length: 6 }, () => getUpag());
			await waitFor(() => ctx.sandbox.stats.inFlight === 6);
			const statuses = (await Promise.all(pending)).map((r) => r.status);
			expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
			expect(ctx.sandbox.stats).toMatchObject({ inFlight: 0, maxInFlight: 6 });
		});
	});

	test('latencyMs delays every answer', async () => {
		ctx.sandbox.configure({ latencyMs: 150 });
		const started = Date.now();
		const res = await getUpag();
		expect(res.status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(145);
	});

	describe('rate limiter', () => {
		test('over the bucket: 429 with Retry-After in seconds, then tokens come back', async () => {
			ctx.sandbox.configure({ rateLimit: { rps: 10, burst: 2, retryAfter: 'seconds' } });
			const statuses = (await Promise.all([getUpag(), getUpag(), getUpag()]))
				.map((r) => r.status)
				.sort();
			expect(statuses).toEqual([200, 200, 429]);
			const throttled = ctx.sandbox.requests.find((r) => r.status === 429);
			expect(throttled).toBeDefined();
			expect(ctx.sandbox.stats.throttled).toBe(1);
			await new Promise((resolve) => setTimeout(resolve, 120));
			expect((await getUpag()).status).toBe(200);
		});

		test.each([
			['seconds', (value) => expect(value).toBe('1')],
			[
				'date',
				(value) => {
					const ms = Date.parse(value) - Date.now();
					expect(value).toMatch(/^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/);
					expect(ms).toBeGreaterThan(0);
					expect(ms).toBeLessThanOrEqual(2000);
				},
			],
			['none', (value) => expect(value).toBeUndefined()],
		])('Retry-After form "%s"', async (form, checkHeader) => {
			ctx.sandbox.configure({ rateLimit: { rps: 1, burst: 1, retryAfter: form } });
			expect((await getUpag()).status).toBe(200);
			const res = await getUpag();
			expect(res.status).toBe(429);
			checkHeader(res.headers['retry-after']);
		});

		test('the bucket is shared by all providers and 429s use each provider error shape', async () => {
			ctx.sandbox.configure({ rateLimit: { rps: 0.001, burst: 1 } });
			expect((await getUpag()).status).toBe(200);
			const answers = {
				sprintcheckout: await ctx
					.api('sprintcheckout')
					.put('/api/checkout/v2/payment_session', { sessionId: 'sc_open_1', amount: 1 }),
				speed: await ctx.api('speed').post('/checkout-sessions/cs_active_1', { title: 'x' }),
				yuno: await ctx.api('yuno').patch(`/checkout/sessions/${YUNO_OPEN}`, YUNO_BODY),
				upag: await getUpag(),
			};
			for (const [provider, res] of Object.entries(answers)) {
				expect([provider, res.status, res.data]).toEqual([provider, 429, TOO_MANY[provider]]);
			}
			expect(ctx.sandbox.stats.throttled).toBe(4);
			expect(ctx.sandbox.session('speed', 'cs_active_1').title).toBeNull();
			expect(ctx.sandbox.session('sprintcheckout', 'sc_open_1').amount).toBe(100.5);
		});
	});

	describe('faults', () => {
		const SHAPES = {
			speed: (status, message) => ({
				errors: [{ type: status === 429 ? 'rate_limit_error' : 'api_error', message }],
			}),
			yuno: (status, message) => ({
				code: status === 429 ? 'RATE_LIMIT' : 'INTERNAL_SERVER_ERROR',
				messages: [message],
			}),
			upag: (_, message) => ({ message }),
			sprintcheckout: (_, message) => ({ message }),
		};
		const send = {
			speed: () => ctx.api('speed').post('/checkout-sessions/cs_active_1', { title: 'faulted' }),
			yuno: () => ctx.api('yuno').patch(`/checkout/sessions/${YUNO_OPEN}`, YUNO_BODY),
			upag: () => putUpag({ cancelUrl: 'https://shop.test/faulted' }),
			sprintcheckout: () =>
				ctx
					.api('sprintcheckout')
					.put('/api/checkout/v2/payment_session', { sessionId: 'sc_open_1', amount: 1 }),
		};
		const unchanged = {
			speed: () => expect(ctx.sandbox.session('speed', 'cs_active_1').title).toBeNull(),
			yuno: () =>
				expect(ctx.sandbox.session('yuno', YUNO_OPEN).merchant_order_id).toBe('order-0001'),
			upag: () => expect(upagCancelUrl()).toBe('https://example.com/cancel'),
			sprintcheckout: () =>
				expect(ctx.sandbox.session('sprintcheckout', 'sc_open_1').amount).toBe(100.5),
		};
		const cases = [];
		for (const provider of Object.keys(SHAPES)) {
			for (const [kind, status, message] of [
				['500', 500, 'Internal server error'],
				['502', 502, 'Bad gateway'],
				['503', 503, 'Service unavailable'],
				['504', 504, 'Gateway timeout'],
			]) {
				cases.push([provider, kind, status, message]);
			}
		}

		test.each(cases)(
			'%s: fault %s answers %i in the provider shape and changes nothing',
			async (provider, kind, status, message) => {
				ctx.sandbox.configure({ faults: { sequence: [kind] } });
				const res = await send[provider]();
				expect(res.status).toBe(status);
				expect(res.data).toEqual(SHAPES[provider](status, message));
				unchanged[provider]();
				expect(ctx.sandbox.requests[0]).toMatchObject({ provider, status, fault: kind });
				expect(ctx.sandbox.stats.faultsInjected).toEqual({ [kind]: 1 });
				expect((await send[provider]()).status).toBe(200);
			},
		);

		test.each([
			['429-seconds', (v) => expect(v).toBe('1')],
			['429-date', (v) => expect(Date.parse(v)).toBeGreaterThan(Date.now())],
			['429-none', (v) => expect(v).toBeUndefined()],
		])('%s: 429 in the provider shape with that Retry-After form', async (kind, checkHeader) => {
			ctx.sandbox.configure({ faults: { sequence: [kind, kind] } });
			const yuno = await send.yuno();
			expect(yuno.status).toBe(429);
			expect(yuno.data).toEqual({ code: 'RATE_LIMIT', messages: ['Too many requests'] });
			checkHeader(yuno.headers['retry-after']);
			const speed = await send.speed();
			expect(speed.status).toBe(429);
			expect(speed.data).toEqual({
				errors: [{ type: 'rate_limit_error', message: 'Too many requests' }],
			});
			unchanged.yuno();
			unchanged.speed();
			expect(ctx.sandbox.stats).toMatchObject({
				throttled: 0,
				faultsInjected: { [kind]: 2 },
				byStatus: { 429: 2 },
			});
		});

		test('reset: headers and part of a body, then the connection drops; nothing changed', async () => {
			ctx.sandbox.configure({ faults: { sequence: ['reset'] } });
			const err = await putUpag({ cancelUrl: 'https://shop.test/x' }).catch((e) => e);
			expect(err).toBeInstanceOf(axios.AxiosError);
			expect(err.message).toBe('stream has been aborted');
			expect(upagCancelUrl()).toBe('https://example.com/cancel');
			expect(ctx.sandbox.requests[0]).toMatchObject({ fault: 'reset', status: 200 });
			expect(ctx.sandbox.stats.byStatus).toEqual({});
			await waitFor(() => ctx.sandbox.stats.inFlight === 0);
			expect((await getUpag()).status).toBe(200);
		});

		test('reset-after-apply: the write is applied but the answer is lost', async () => {
			ctx.sandbox.configure({ faults: { sequence: ['reset-after-apply'] } });
			const err = await putUpag({ cancelUrl: 'https://shop.test/applied' }).catch((e) => e);
			expect(err.message).toBe('stream has been aborted');
			expect(upagCancelUrl()).toBe('https://shop.test/applied');
			expect(ctx.sandbox.requests[0]).toMatchObject({ fault: 'reset-after-apply', status: 200 });
		});

		test('hang: no answer, the request stays in flight until the client gives up', async () => {
			ctx.sandbox.configure({ faults: { sequence: ['hang'] } });
			const pending = putUpag({ cancelUrl: 'https://shop.test/x' }, { timeout: 300 }).catch(
				(e) => e,
			);
			await waitFor(() => ctx.sandbox.requests.length === 1);
			expect(ctx.sandbox.stats.inFlight).toBe(1);
			expect(ctx.sandbox.requests[0]).toMatchObject({ fault: 'hang', status: null });
			const err = await pending;
			expect(err.code).toBe('ECONNABORTED');
			await waitFor(() => ctx.sandbox.stats.inFlight === 0);
			expect(upagCancelUrl()).toBe('https://example.com/cancel');
		});

		test('malformed-json: 200 with a truncated JSON body', async () => {
			ctx.sandbox.configure({ faults: { sequence: ['malformed-json'] } });
			const res = await putUpag({ cancelUrl: 'https://shop.test/x' }, { responseType: 'text' });
			expect(res.status).toBe(200);
			expect(res.headers['content-type']).toMatch(/^application\/json/);
			expect(res.data).toBe('{"id":"');
			expect(() => JSON.parse(res.data)).toThrow();
			expect(upagCancelUrl()).toBe('https://example.com/cancel');
		});

		test('html: 502 with an HTML page', async () => {
			ctx.sandbox.configure({ faults: { sequence: ['html'] } });
			const res = await send.yuno();
			expect(res.status).toBe(502);
			expect(res.headers['content-type']).toBe('text/html');
			expect(res.data).toContain('<title>502 Bad Gateway</title>');
			unchanged.yuno();
		});

		test('bare-404: 404 with an empty body', async () => {
			ctx.sandbox.configure({ faults: { sequence: ['bare-404'] } });
			const res = await ctx
				.api('yuno')
				.patch(`/checkout/sessions/${YUNO_OPEN}`, YUNO_BODY, { responseType: 'text' });
			expect(res.status).toBe(404);
			expect(res.data).toBe('');
			expect(res.headers['content-type']).toBeUndefined();
			unchanged.yuno();
		});

		test('a sequence is used in order, then requests are normal', async () => {
			ctx.sandbox.configure({ faults: { sequence: ['503', 'html', '500'] } });
			const statuses = [];
			for (let i = 0; i < 5; i += 1) statuses.push((await getUpag()).status);
			expect(statuses).toEqual([503, 502, 500, 200, 200]);
			expect(ctx.sandbox.requests.map((r) => r.fault)).toEqual([
				'503',
				'html',
				'500',
				undefined,
				undefined,
			]);
			expect(ctx.sandbox.stats.faultsInjected).toEqual({ 503: 1, html: 1, 500: 1 });
		});

		test('random faults are deterministic for a seed and close to the rate', async () => {
			const run = async (seed) => {
				ctx.sandbox.reset();
				ctx.sandbox.configure({ faults: { rate: 0.3, kinds: ['500', '503'], seed } });
				const statuses = [];
				for (let i = 0; i < 200; i += 1) statuses.push((await getUpag()).status);
				return statuses;
			};
			const first = await run(7);
			expect(await run(7)).toEqual(first);
			expect(await run(8)).not.toEqual(first);
			const faulted = first.filter((s) => s !== 200).length;
			expect(faulted).toBeGreaterThan(30);
			expect(faulted).toBeLessThan(90);
			expect(new Set(first)).toEqual(new Set([200, 500, 503]));
		});

		test('the default random kinds exclude hang and reset-after-apply', () => {
			const { DEFAULT_RANDOM_KINDS } = require('../../sandbox');
			expect(FAULT_KINDS).toHaveLength(13);
			expect(DEFAULT_RANDOM_KINDS).toEqual(
				FAULT_KINDS.filter((k) => k !== 'hang' && k !== 'reset-after-apply'),
			);
		});
	});

	test('configure() refuses unknown options and fault kinds', () => {
		expect(() => ctx.sandbox.configure({ latency: 5 })).toThrow('unknown sandbox option "latency"');
		expect(() => ctx.sandbox.configure({ faults: { sequence: ['teapot'] } })).toThrow(
			'unknown fault kind "teapot"',
		);
		expect(() => ctx.sandbox.configure({ rateLimit: { rps: 5, retryAfter: 'minutes' } })).toThrow(
			'rateLimit.retryAfter',
		);
		expect(() => ctx.sandbox.configure({ port: 1 })).toThrow('unknown sandbox option "port"');
	});

	test('a body over 8 MB is answered 413 in the provider shape', async () => {
		const res = await ctx
			.api('speed')
			.post('/checkout-sessions/cs_active_1', { title_image: 'A'.repeat(9 * 1024 * 1024) });
		expect(res.status).toBe(413);
		expect(res.data).toEqual({
			errors: [
				{ type: 'invalid_request_error', message: 'Request body is larger than 8388608 bytes' },
			],
		});
	});
});

describe('reset() and close()', () => {
	test('reset() restores sessions, clears the log and stats in place, and restores the start options', async () => {
		const sandbox = await startSandbox({ latencyMs: 40, bulkSessions: 5 });
		const agent = new http.Agent({ keepAlive: true });
		const api = sandboxClient(sandbox, 'upag', agent);
		try {
			const { requests, stats } = sandbox;
			sandbox.configure({
				latencyMs: 0,
				bulkSessions: 100,
				faults: { sequence: ['500', '500'] },
				rateLimit: { rps: 1, burst: 1 },
			});
			expect((await api.put(`/checkout-sessions/${bulkSessionId('upag', 50)}`, {})).status).toBe(
				500,
			);
			expect(
				(await api.put(`/checkout-sessions/${UPAG_OPEN}`, { cancelUrl: 'https://shop.test/x' }))
					.status,
			).toBe(429);
			sandbox.session('upag', UPAG_OPEN);
			sandbox.reset();
			expect(requests).toHaveLength(0);
			expect(sandbox.requests).toBe(requests);
			expect(sandbox.stats).toBe(stats);
			expect(stats).toEqual({
				requests: 0,
				byStatus: {},
				throttled: 0,
				faultsInjected: {},
				inFlight: 0,
				maxInFlight: 0,
				perSession: {},
			});

			const started = Date.now();
			const put = await api.put(`/checkout-sessions/${UPAG_OPEN}`, {
				cancelUrl: 'https://shop.test/y',
			});
			expect(put.status).toBe(200); // neither the fault sequence nor the rate limit survived
			expect(Date.now() - started).toBeGreaterThanOrEqual(35); // start option latencyMs: 40 is back
			sandbox.reset();
			expect(sandbox.session('upag', UPAG_OPEN).cancelUrl).toBe('https://example.com/cancel');
			expect((await api.get(`/checkout-sessions/${bulkSessionId('upag', 5)}`)).status).toBe(404); // bulkSessions: 5 is back
			expect((await api.get(`/checkout-sessions/${bulkSessionId('upag', 4)}`)).status).toBe(200);
		} finally {
			agent.destroy();
			await sandbox.close();
		}
	});

	test('close() ends hung requests and idle keep-alive sockets, and resolves', async () => {
		const sandbox = await startSandbox();
		const agent = new http.Agent({ keepAlive: true });
		const api = sandboxClient(sandbox, 'upag', agent);
		expect((await api.get(`/checkout-sessions/${UPAG_OPEN}`)).status).toBe(200);
		sandbox.configure({ faults: { sequence: ['hang', 'hang'] } });
		const hung = [
			api.get(`/checkout-sessions/${UPAG_OPEN}`).catch((e) => e),
			api.get(`/checkout-sessions/${UPAG_OPEN}`).catch((e) => e),
		];
		await waitFor(() => sandbox.stats.inFlight === 2);
		const started = Date.now();
		await sandbox.close();
		expect(Date.now() - started).toBeLessThan(1000);
		for (const err of await Promise.all(hung)) {
			expect(err).toBeInstanceOf(axios.AxiosError);
			expect(err.response).toBeUndefined();
		}
		agent.destroy();
	});
});
