// @ts-check
const {
	parseRetryAfter,
	backoffMs,
	createApiClient,
	checkBaseUrl,
	baseUrlFor,
	MAX_RESPONSE_BYTES,
} = require('../../nodes/shared/transport');
const { testNode, executeContext, testProvider } = require('../helpers/fakeContext');

describe('Retry-After', () => {
	test('seconds, fractions and HTTP dates', () => {
		const now = Date.parse('2026-11-23T10:00:00Z');
		expect(parseRetryAfter('2', now)).toBe(2000);
		expect(parseRetryAfter(' 2 ', now)).toBe(2000);
		expect(parseRetryAfter(['3', '9'], now)).toBe(3000);
		expect(parseRetryAfter(' ', now)).toBeUndefined();
		expect(parseRetryAfter('0.5', now)).toBe(500);
		expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:03 GMT', now)).toBe(3000);
		expect(parseRetryAfter('Mon, 23 Nov 2026 09:59:00 GMT', now)).toBe(0);
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
		expect(parseRetryAfter('soon', now)).toBeUndefined();
	});
});

test('backoff grows exponentially under a cap, with full jitter', () => {
	expect(backoffMs(1, () => 1)).toBe(250);
	expect(backoffMs(3, () => 1)).toBe(1000);
	expect(backoffMs(20, () => 1)).toBe(10000);
	expect(backoffMs(3, () => 0)).toBe(0);
});

/** A provider as the core sees it, and a stand-in for n8n's execution context and HTTP helper. */
const provider = testProvider();

/**
 * @param {import('n8n-workflow').ICredentialDataDecryptedObject} credentials
 * @param {(...args: any[]) => Promise<unknown>} helper n8n's httpRequestWithAuthentication
 */
function fakeContext(credentials, helper) {
	const node = testNode({
		name: 'Upag',
		type: 'upag',
		credentials: { upagApi: { id: '7', name: 'Upag' } },
	});
	return executeContext({
		getNode: () => node,
		getCredentials: async () => credentials,
		getExecutionCancelSignal: () => undefined,
		helpers: { httpRequestWithAuthentication: helper },
	});
}

describe("the API client, with a stand-in for n8n's HTTP helper", () => {
	const policy = { timeoutMs: 1000, maxRetries: 3, maxRetryWaitMs: 0 };
	/** A client over `helper` for a token credential, allowed to wait before retries. */
	const clientOver = (helper) =>
		createApiClient(fakeContext({ token: 'tok_SECRET_1' }, helper), provider, {
			...policy,
			maxRetryWaitMs: 10_000,
		});

	test('a bug in the HTTP layer (a TypeError) is surfaced once, not retried as a network failure (8.11)', async () => {
		const helper = jest.fn(async () => {
			throw new TypeError('options.headers is not iterable');
		});
		const api = await clientOver(helper);
		const error = await api
			.call({ method: 'GET', path: '/x', safeToResend: true }, 0)
			.catch((caught) => caught);
		expect(helper).toHaveBeenCalledTimes(1);
		expect(error.message).toBe(
			'[item 0] Upag could not be reached: REQUEST_FAILED (options.headers is not iterable)',
		);
		expect(error.context.code).toBe('REQUEST_FAILED');
	});

	test('a real network failure is retried', async () => {
		const helper = jest.fn(async () => {
			throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		});
		const api = await clientOver(helper);
		const error = await api
			.call({ method: 'GET', path: '/x', safeToResend: true }, 0)
			.catch((caught) => caught);
		expect(helper).toHaveBeenCalledTimes(4);
		expect(error.context.code).toBe('ECONNRESET');
	});

	test('a call that is not safe to resend (a create) is retried only when it never left: refused or unresolved', async () => {
		const failWith = (code, status) =>
			jest.fn(async () => {
				if (status) return { statusCode: status, headers: {}, body: '' };
				throw Object.assign(new Error(code), { code });
			});
		/** @type {import('../../nodes/shared/types').ApiCall} */
		const create = { method: 'POST', path: '/x', body: { amount: 1 }, safeToResend: false };
		for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']) {
			const helper = failWith(code);
			const api = await clientOver(helper);
			const error = await api.call(create, 0).catch((caught) => caught);
			expect(helper).toHaveBeenCalledTimes(4);
			expect(error.context.code).toBe(code);
		}
		for (const [code, status] of [
			['ECONNRESET'],
			['ETIMEDOUT'],
			['EPIPE'],
			[undefined, 502],
			[undefined, 503],
			[undefined, 429],
		]) {
			const helper = failWith(code, status);
			const api = await clientOver(helper);
			const error = await api.call(create, 0).catch((caught) => caught);
			expect(helper).toHaveBeenCalledTimes(1);
			expect(error.description).toMatch(
				/not sent again, since a second request could create a second checkout session/,
			);
			// The same failure of a call that is safe to resend is retried.
			const again = failWith(code, status);
			const safe = await clientOver(again);
			await safe.call({ ...create, safeToResend: true }, 0).catch(() => undefined);
			expect(again).toHaveBeenCalledTimes(4);
		}
	});

	test("a preview shows method, full URL, the credential's headers masked and the body, and sends nothing", async () => {
		const helper = jest.fn();
		const withAuth = {
			...provider,
			authenticate: async (credentials, options) => ({
				...options,
				headers: { ...options.headers, Authorization: `Bearer ${credentials.token}` },
			}),
			headers: () => ({ 'x-version': '2' }),
		};
		const api = await createApiClient(
			fakeContext({ token: 'tok_SECRET_1' }, helper),
			withAuth,
			policy,
		);
		expect(
			await api.preview({
				method: 'POST',
				path: '/checkout-sessions',
				body: { a: 1 },
				safeToResend: false,
			}),
		).toEqual({
			method: 'POST',
			url: 'https://api.upag.io/v1/checkout-sessions',
			headers: { 'x-version': '2', Authorization: 'Bearer [redacted]' },
			body: { a: 1 },
		});
		const basic = {
			...provider,
			authenticate: async (credentials, options) => ({
				...options,
				auth: { username: credentials.token, password: '' },
			}),
		};
		const speedLike = await createApiClient(
			fakeContext({ token: 'tok_SECRET_1' }, helper),
			basic,
			policy,
		);
		expect(
			(await speedLike.preview({ method: 'GET', path: '/x', safeToResend: true })).headers,
		).toEqual({ Authorization: 'Basic [redacted]' });
		expect(helper).not.toHaveBeenCalled();
	});

	test('of all 4xx and 5xx answers, exactly 429, 502, 503 and 504 are retried', async () => {
		const random = jest.spyOn(Math, 'random').mockReturnValue(0);
		try {
			const retried = [];
			for (let status = 400; status < 600; status++) {
				const helper = jest.fn(async () => ({
					statusCode: status,
					headers: { 'retry-after': '0' },
					body: '{}',
				}));
				const api = await createApiClient(
					fakeContext({ token: 'tok_SECRET_1' }, helper),
					provider,
					{ ...policy, maxRetries: 1, maxRetryWaitMs: 10_000 },
				);
				const error = await api
					.call({ method: 'PUT', path: '/x', safeToResend: true }, 0)
					.catch((caught) => caught);
				expect(error.httpCode).toBe(String(status));
				expect(helper.mock.calls.length).toBeLessThanOrEqual(2);
				if (helper.mock.calls.length === 2) retried.push(status);
			}
			expect(retried).toEqual([429, 502, 503, 504]);
		} finally {
			random.mockRestore();
		}
	});

	test('each attempt reports its status and latency to the concurrency controller; a timed-out one reports "timeout"', async () => {
		/** @type {Array<{ latencyMs: number, status: number | 'timeout' }>} */
		const answers = [];
		const onAnswer = (answer) => answers.push(answer);
		const answering = jest.fn(async () => ({
			statusCode: 201,
			headers: {},
			body: '{"id":"cs_1"}',
		}));
		const fast = await createApiClient(fakeContext({ token: 't' }, answering), provider, {
			...policy,
			onAnswer,
		});
		await fast.call({ method: 'GET', path: '/x', safeToResend: true }, 0);
		// A helper that never answers until the request is aborted.
		const hanging = jest.fn(
			(_type, options) =>
				new Promise((_, reject) =>
					options.abortSignal.addEventListener('abort', () =>
						reject(Object.assign(new Error('aborted'), { code: 'ABORT_ERR' })),
					),
				),
		);
		const slow = await createApiClient(fakeContext({ token: 't' }, hanging), provider, {
			...policy,
			timeoutMs: 20,
			maxRetries: 0,
			onAnswer,
		});
		const error = await slow
			.call({ method: 'GET', path: '/x', safeToResend: true }, 0)
			.catch((caught) => caught);
		expect(error.context.code).toBe('TIMEOUT');
		expect(answers).toEqual([
			{ latencyMs: expect.any(Number), status: 201 },
			{ latencyMs: expect.any(Number), status: 'timeout' },
		]);
		expect(answers[1].latencyMs).toBeGreaterThanOrEqual(15);
	});

	test('the credential handed to n8n is the trimmed one, so what is sent is what is redacted (8.2)', async () => {
		// n8n's helper is called with the credential type, the request and the credential.
		const helper = jest.fn(async (_credentialType, _request, _credential) => ({
			statusCode: 200,
			headers: {},
			body: '{"echo":"tok_SECRET_1"}',
		}));
		const api = await createApiClient(
			fakeContext({ token: ' \ttok_SECRET_1 \n' }, helper),
			provider,
			policy,
		);
		expect(await api.call({ method: 'GET', path: '/x', safeToResend: true }, 0)).toEqual({
			echo: '[redacted]',
		});
		const [, options, extra] = helper.mock.calls[0];
		expect(extra.credentialsDecrypted).toMatchObject({
			id: '7',
			type: 'upagApi',
			data: { token: 'tok_SECRET_1' },
		});
		expect(options).toMatchObject({
			baseURL: 'https://api.upag.io/v1',
			url: '/x',
			disableFollowRedirect: true,
			encoding: 'stream',
		});
		expect(options.abortSignal).toBeDefined();
		expect(api.credentials.token).toBe('tok_SECRET_1');
	});
});

describe('answers the HTTP helper did not stream', () => {
	/** A context whose HTTP helper answers 200 with `body` (and `headers`). */
	const contextAnswering = (body, headers = {}) =>
		fakeContext({ token: 'tok_SECRET_1' }, async () => ({ statusCode: 200, headers, body }));
	const policy = { timeoutMs: 1000, maxRetries: 0, maxRetryWaitMs: 0 };

	test.each([
		['already parsed', { id: 'cs_1' }],
		['a Buffer', Buffer.from('{"id":"cs_1"}')],
		['text with a byte-order mark', '\ufeff{"id":"cs_1"}'],
	])('%s is read the same way', async (_, body) => {
		const api = await createApiClient(contextAnswering(body), provider, policy);
		expect(await api.call({ method: 'GET', path: '/x', safeToResend: true }, 0)).toEqual({
			id: 'cs_1',
		});
	});

	test('a call that lists (listAs) names an array answer; any other answer is taken as an object or refused', async () => {
		/** @type {import('../../nodes/shared/types').ApiCall} */
		const listing = { method: 'GET', path: '/x', safeToResend: true, listAs: 'items' };
		const answer = async (body) =>
			(await createApiClient(contextAnswering(body), provider, policy))
				.call(listing, 0)
				.catch((caught) => caught);
		expect(await answer('[{"id":"pm_1"}]')).toEqual({ items: [{ id: 'pm_1' }] });
		expect(await answer('{"id":"cs_1"}')).toEqual({ id: 'cs_1' });
		expect((await answer('"text"')).context.code).toBe('MALFORMED_RESPONSE');
		// Without listAs, an array answer is malformed.
		const { listAs, ...plain } = listing;
		const api = await createApiClient(contextAnswering('[{"id":"pm_1"}]'), provider, policy);
		const error = await api.call(plain, 0).catch((caught) => caught);
		expect(error.context.code).toBe('MALFORMED_RESPONSE');
	});

	test('an empty or blank 2xx answer is an empty result', async () => {
		for (const body of ['', '  \r\n', '\ufeff', null, undefined]) {
			const api = await createApiClient(contextAnswering(body), provider, policy);
			expect(await api.call({ method: 'GET', path: '/x', safeToResend: true }, 0)).toEqual({});
		}
	});

	test('an answer of exactly the cap is read, one byte more is refused, declared or not', async () => {
		/** JSON text of exactly `size` bytes. */
		const jsonOf = (size) => `{"pad":"${'x'.repeat(size - 10)}"}`;
		expect(Buffer.byteLength(jsonOf(MAX_RESPONSE_BYTES))).toBe(MAX_RESPONSE_BYTES);
		/** @param {string} body @param {Record<string, string>} headers */
		const outcome = async (body, headers) => {
			const api = await createApiClient(contextAnswering(body, headers), provider, policy);
			return await api
				.call({ method: 'GET', path: '/x', safeToResend: true }, 0)
				.catch((caught) => caught.context.code);
		};
		for (const declared of [false, true]) {
			/** @type {(size: number) => Record<string, string>} */
			const headers = (size) => (declared ? { 'content-length': String(size) } : {});
			const atCap = await outcome(jsonOf(MAX_RESPONSE_BYTES), headers(MAX_RESPONSE_BYTES));
			expect(atCap.pad).toHaveLength(MAX_RESPONSE_BYTES - 10);
			expect(await outcome(jsonOf(MAX_RESPONSE_BYTES + 1), headers(MAX_RESPONSE_BYTES + 1))).toBe(
				'RESPONSE_TOO_LARGE',
			);
		}
		// A declared length over the cap is refused before the body is read.
		expect(await outcome('{}', { 'content-length': String(MAX_RESPONSE_BYTES + 1) })).toBe(
			'RESPONSE_TOO_LARGE',
		);
	});

	test('text over the cap fails with RESPONSE_TOO_LARGE', async () => {
		const api = await createApiClient(
			contextAnswering(`{"pad":"${'x'.repeat(MAX_RESPONSE_BYTES)}"}`),
			provider,
			policy,
		);
		const error = await api
			.call({ method: 'GET', path: '/x', safeToResend: true }, 0)
			.catch((caught) => caught);
		expect(error.context.code).toBe('RESPONSE_TOO_LARGE');
	});
});

describe('base URL rule (8.3), shared with the credential test', () => {
	test.each([
		['', 'https://api.upag.io/v1'],
		['http://127.0.0.1:4010/upag/', 'http://127.0.0.1:4010/upag'],
		['HTTPS://Example.COM/v1//', 'HTTPS://Example.COM/v1'],
	])('%j gives %s', (baseUrl, expected) => {
		expect(baseUrlFor(provider, { baseUrl })).toBe(expected);
	});
	test.each([
		['ftp://example.com', /http:\/\/ or https:\/\//],
		['http://u:p@example.com', /user name or password/],
		['http://example.com@evil.example', /user name or password/],
		['http://example.com/v1?x', /query/],
		['http://example.com/v1#x', /fragment/],
		['http://example.com/v1\nx', /control characters/],
		['http://example.com\\@evil.example/v1', /user name or password/],
		['http://example.com\\v1', /backslashes/],
	])('%j is refused', (baseUrl, problem) => {
		const check = checkBaseUrl(provider, { baseUrl });
		expect(check.url).toBeUndefined();
		expect(check.problem).toMatch(problem);
		expect(baseUrlFor(provider, { baseUrl })).toBeUndefined();
	});
});
