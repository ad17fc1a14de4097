import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { Answer } from './concurrency';
import type { ApiFailure } from './errors';
import { FAILURE_CODES, malformedResponseError, providerError, setupError } from './errors';
import { Pacer } from './pacing';
import { createRedactor } from './redact';
import type { ApiCall, ApiClient, Provider, RequestPreview } from './types';

export interface RetryPolicy {
	timeoutMs: number;
	/** Retries after the first attempt. */
	maxRetries: number;
	/** Total time one item may spend waiting between attempts. */
	maxRetryWaitMs: number;
	/** Told each attempt's latency and status (Auto concurrency learns from them). */
	onAnswer?: (answer: Answer) => void;
}

interface FullResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

/*
 * Retry policy. A call that is safe to resend (a GET, or an update sent to one session id
 * with the same body each time: PUT, PATCH, or Speed's POST to /checkout-sessions/{id}) sets
 * the same values again when sent twice. That is this project's reasoning from the documented
 * endpoints: no provider documents idempotency for checkout sessions. Retried: 429 (after
 * Retry-After when given), 502/503/504, network failures (reset, refused, DNS, socket timeout)
 * and a request cut at the Timeout. Never retried: any other 4xx, 500 (the provider may have
 * failed half-way and says nothing more), unreadable or oversized 2xx bodies, and anything
 * else the HTTP helper throws. Waits grow exponentially with full jitter, within the attempt
 * and total-wait budgets of the node's options.
 *
 * A call that is not safe to resend (a create: sent twice, it makes two sessions) is retried
 * only when it certainly never reached the provider: the connection was refused or the host
 * name did not resolve. Any answer, a reset, a timeout or a gateway error may come after the
 * provider applied it, so the item fails and says so.
 */
const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const BASE_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 10_000;

export function parseRetryAfter(
	value: string | string[] | undefined,
	now = Date.now(),
): number | undefined {
	const text = Array.isArray(value) ? value[0] : value;
	if (text === undefined || text.trim() === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(text.trim())) return Number(text.trim()) * 1000;
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

export function backoffMs(attempt: number, random = Math.random): number {
	const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (attempt - 1));
	return Math.round(random() * ceiling);
}

/**
 * Failures with no answer that are worth another attempt: the connection could not be made
 * or broke (reset, refused, DNS, timeout of the socket). Anything else thrown by the HTTP
 * helper is not a network failure and is surfaced once.
 */
const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EPIPE',
	'EHOSTUNREACH',
	'EHOSTDOWN',
	'ENETUNREACH',
	'ENETDOWN',
	'ENETRESET',
	'ERR_STREAM_PREMATURE_CLOSE',
	'UND_ERR_SOCKET',
]);

/** Failures that happen before a single byte of the request left this machine. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

function neverSent(failure: ApiFailure): boolean {
	return failure.status === undefined && NEVER_SENT_CODES.has(failure.networkCode ?? '');
}

function networkCode(error: unknown): string | undefined {
	const candidates = [error, (error as { cause?: unknown })?.cause];
	for (const candidate of candidates) {
		const code = (candidate as { code?: unknown } | undefined)?.code;
		if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
	}
	return undefined;
}

/** Larger answers fail the item: the documented answers are a few kilobytes. */
export const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/** Visible ASCII: what a key can hold and still reach the provider exactly as stored. */
const KEY_PATTERN = /^[\x21-\x7e]*$/;

function trimTrailingSlashes(text: string): string {
	let end = text.length;
	while (end > 0 && text[end - 1] === '/') end--;
	return text.slice(0, end);
}

function hasSpaceOrControl(text: string): boolean {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code <= 0x20 || code === 0x7f) return true;
	}
	return false;
}

export type BaseUrlCheck =
	| { url: string; problem?: undefined }
	| { url?: undefined; problem: string };

/**
 * The base URL requests go to: the credential's override when set, else the provider's
 * documented URL. Only a plain http(s) URL is accepted: a user name or password would replace
 * the provider's authentication (and be printed back), and a query or fragment would change
 * the path of every request. Problems are described without repeating the URL.
 */
export function checkBaseUrl(
	provider: Provider,
	credentials: ICredentialDataDecryptedObject,
): BaseUrlCheck {
	const override = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
	const text = override !== '' ? override : provider.defaultBaseUrl(credentials);
	const notHttp = { problem: 'must be a URL starting with http:// or https://' };
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return notHttp;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return notHttp;
	if (url.username !== '' || url.password !== '' || text.includes('@')) {
		return {
			problem:
				'must not contain a user name or password (user:password@): the keys of the credential are the only authentication sent',
		};
	}
	if (url.search !== '' || url.hash !== '' || text.includes('?') || text.includes('#')) {
		return { problem: 'must not contain a query (?…) or a fragment (#…)' };
	}
	if (hasSpaceOrControl(text) || text.includes('\\')) {
		return {
			problem:
				'must not contain spaces, tabs, line breaks, backslashes or other control characters',
		};
	}
	// With those refused, the text as typed and the parsed URL name the same address.
	return { url: trimTrailingSlashes(text) };
}

/** The base URL requests go to, or undefined when `checkBaseUrl` finds a problem. */
export function baseUrlFor(
	provider: Provider,
	credentials: ICredentialDataDecryptedObject,
): string | undefined {
	return checkBaseUrl(provider, credentials).url;
}

/**
 * The credential as it is sent: each key trimmed once, here, so that what goes on the wire
 * is exactly what is redacted. A key with characters a header cannot carry unchanged is
 * refused (HTTP clients drop or reject them, so the stored key and the sent key would differ).
 */
export function normaliseCredentials(
	provider: Provider,
	credentials: ICredentialDataDecryptedObject,
): { credentials: ICredentialDataDecryptedObject; badField?: undefined } | { badField: string } {
	const normalised: ICredentialDataDecryptedObject = { ...credentials };
	for (const field of provider.secretFields) {
		const value = credentials[field];
		if (typeof value !== 'string') continue;
		const key = value.trim();
		if (!KEY_PATTERN.test(key)) return { badField: field };
		normalised[field] = key;
	}
	return { credentials: normalised };
}

/**
 * The secrets of a normalised credential as they may travel: each key, its Basic-auth forms
 * (`<key>:` and `<key>` in base64, whatever the provider's scheme) and the provider's own
 * variants. The redactor adds the encoded forms of each (URL, JSON, HTML).
 */
function secretsOf(provider: Provider, credentials: ICredentialDataDecryptedObject): string[] {
	const keys = provider.secretFields
		.map((field) => credentials[field])
		.filter((value): value is string => typeof value === 'string' && value !== '');
	return keys
		.flatMap((key) => [
			key,
			Buffer.from(`${key}:`).toString('base64'),
			Buffer.from(key).toString('base64'),
		])
		.concat(provider.secretVariants?.(credentials) ?? []);
}

type StopReason = 'timeout' | 'cancelled' | 'tooLarge';

/**
 * One request's deadline: aborts the request (connect, headers and body alike) when the
 * Timeout is over, when the execution is cancelled, or when the answer is too large.
 */
function requestDeadline(timeoutMs: number, cancel: AbortSignal | undefined) {
	const controller = new AbortController();
	const timer = AbortSignal.timeout(timeoutMs);
	let reason: StopReason | undefined;
	const stop = (why: StopReason) => {
		reason ??= why;
		controller.abort();
	};
	const onTimeout = () => stop('timeout');
	const onCancel = () => stop('cancelled');
	timer.addEventListener('abort', onTimeout);
	cancel?.addEventListener('abort', onCancel);
	if (cancel?.aborted) onCancel();
	return {
		signal: controller.signal,
		stop,
		reason: () => reason,
		dispose() {
			timer.removeEventListener('abort', onTimeout);
			cancel?.removeEventListener('abort', onCancel);
		},
	};
}

class ResponseTooLarge extends Error {}

/**
 * The answer's body, read up to `limit` bytes: a stream (what `encoding: 'stream'` gives) is
 * read chunk by chunk and left as soon as it is too large; text is parsed as JSON when it is
 * JSON. A value the HTTP helper has already parsed is taken as it is.
 */
async function readBody(body: unknown, limit: number): Promise<unknown> {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string' || Buffer.isBuffer(body)) {
		if (body.length > limit) throw new ResponseTooLarge();
		return parseBody(body.toString('utf8'));
	}
	if (typeof body !== 'object' || !(Symbol.asyncIterator in body)) return body;
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of body as AsyncIterable<Buffer | string>) {
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		size += bytes.length;
		// Leaving the loop destroys the stream, which closes the connection.
		if (size > limit) throw new ResponseTooLarge();
		chunks.push(bytes);
	}
	return parseBody(Buffer.concat(chunks).toString('utf8'));
}

/** A JSON body as parsed data, anything else as its text (as n8n's `json: true` would). */
function parseBody(text: string): unknown {
	const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (clean.trim() === '') return '';
	try {
		return JSON.parse(clean) as unknown;
	} catch {
		return clean;
	}
}

function contentLength(headers: FullResponse['headers']): number {
	const value = headers['content-length'];
	return Number(Array.isArray(value) ? value[0] : value);
}

/** Reads the credential once per run and returns a client that items share. */
export async function createApiClient(
	ctx: IExecuteFunctions,
	provider: Provider,
	policy: RetryPolicy,
): Promise<ApiClient> {
	const node = ctx.getNode();
	let stored: ICredentialDataDecryptedObject;
	try {
		stored = await ctx.getCredentials(provider.credentialType);
	} catch (error) {
		throw setupError(
			node,
			FAILURE_CODES.invalidCredentials,
			error instanceof Error ? error.message : String(error),
			'Select a credential for this node (or check that it can still be read).',
		);
	}
	const normalised = normaliseCredentials(provider, stored);
	if (normalised.badField !== undefined) {
		throw setupError(
			node,
			FAILURE_CODES.invalidCredentials,
			`The credential's ${normalised.badField} contains a character that cannot be sent in an HTTP header`,
			"Keys are sent as they are stored, without spaces, tabs, line breaks, control characters or non-ASCII characters (such as an emoji) inside. Paste the key again from the provider's dashboard.",
		);
	}
	const { credentials } = normalised;
	const credentialProblem = provider.credentialProblem?.(credentials);
	if (credentialProblem !== undefined) {
		throw setupError(
			node,
			FAILURE_CODES.invalidCredentials,
			credentialProblem,
			'Fix the credential: pick one of the values its field offers.',
		);
	}
	const base = checkBaseUrl(provider, credentials);
	if (base.url === undefined) {
		throw setupError(
			node,
			FAILURE_CODES.invalidBaseUrl,
			`The credential's base URL ${base.problem}`,
			"Fix the Base URL Override in the credential, or leave it empty to use the provider's documented URL.",
		);
	}
	const baseURL = base.url;
	const headers = provider.headers?.(credentials) ?? {};
	const redact = createRedactor(secretsOf(provider, credentials));
	const pacer = new Pacer();
	// Handing the decrypted credential to every request saves n8n from loading and decrypting it
	// again per item, and makes sure the normalised keys are the ones sent.
	const credentialDetails = node.credentials?.[provider.credentialType];
	const credentialsDecrypted: ICredentialsDecrypted = {
		id: credentialDetails?.id ?? '',
		name: credentialDetails?.name ?? provider.credentialType,
		type: provider.credentialType,
		data: credentials,
	};

	async function send(call: ApiCall, deadline: ReturnType<typeof requestDeadline>) {
		const options: IHttpRequestOptions = {
			method: call.method,
			baseURL,
			url: call.path,
			headers,
			json: true,
			// Streamed, so that an oversized answer is cut off instead of buffered whole.
			encoding: 'stream',
			timeout: policy.timeoutMs,
			abortSignal: deadline.signal,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			// None of these endpoints redirects; following one would resend the key elsewhere.
			disableFollowRedirect: true,
		};
		if (call.body !== undefined) options.body = call.body;
		if (call.query !== undefined) options.qs = call.query;
		// n8n's helper replaces `abortSignal` with the execution's cancel signal; the request's
		// own context answers with the deadline's signal instead (which the cancel signal also aborts).
		const requestContext = Object.create(ctx, {
			getExecutionCancelSignal: { value: () => deadline.signal },
		}) as IExecuteFunctions;
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(
			requestContext,
			provider.credentialType,
			options,
			{ credentialsDecrypted },
		)) as FullResponse;
		if (contentLength(response.headers) > MAX_RESPONSE_BYTES) {
			deadline.stop('tooLarge');
			throw new ResponseTooLarge();
		}
		return { ...response, body: await readBody(response.body, MAX_RESPONSE_BYTES) };
	}

	type Outcome =
		| { done: true; body: IDataObject }
		| { done: false; failure: ApiFailure; retryable: boolean; retryAfterMs?: number };

	async function attempt(apiCall: ApiCall, attempts: number, itemIndex: number): Promise<Outcome> {
		let response: FullResponse;
		const deadline = requestDeadline(policy.timeoutMs, ctx.getExecutionCancelSignal?.());
		const sentAt = Date.now();
		try {
			response = await send(apiCall, deadline);
			policy.onAnswer?.({ latencyMs: Date.now() - sentAt, status: response.statusCode });
		} catch (error) {
			// No usable answer. The error object holds the request (and its auth header): only its code is kept.
			const stopped = error instanceof ResponseTooLarge ? 'tooLarge' : deadline.reason();
			if (stopped === 'tooLarge' || stopped === 'cancelled') {
				const code =
					stopped === 'tooLarge' ? FAILURE_CODES.responseTooLarge : FAILURE_CODES.cancelled;
				return { done: false, failure: { networkCode: code, attempts }, retryable: false };
			}
			if (stopped === 'timeout') {
				policy.onAnswer?.({ latencyMs: Date.now() - sentAt, status: 'timeout' });
				return {
					done: false,
					failure: { networkCode: FAILURE_CODES.timeout, attempts },
					retryable: true,
				};
			}
			const code = networkCode(error);
			if (code !== undefined) {
				return { done: false, failure: { networkCode: code, attempts }, retryable: true };
			}
			const reason = redact(error instanceof Error ? error.message : String(error));
			return {
				done: false,
				failure: { networkCode: FAILURE_CODES.requestFailed, reason, attempts },
				retryable: false,
			};
		} finally {
			deadline.dispose();
		}
		const { statusCode: status } = response;
		// An answer nested too deeply to walk (thousands of levels) cannot be checked for echoed keys: it is not used.
		let body: unknown;
		try {
			body = redact(response.body);
		} catch {
			body = undefined;
			if (status >= 200 && status < 300)
				throw malformedResponseError(node, provider, status, itemIndex);
		}
		if (status >= 200 && status < 300) {
			pacer.onSuccess();
			if (body === '' || body === undefined) return { done: true, body: {} };
			if (apiCall.listAs !== undefined && Array.isArray(body)) {
				return { done: true, body: { [apiCall.listAs]: redact(body as IDataObject[]) } };
			}
			if (typeof body !== 'object' || body === null || Array.isArray(body)) {
				throw malformedResponseError(node, provider, status, itemIndex);
			}
			return { done: true, body: body as IDataObject };
		}
		if (status === 429) pacer.onThrottled();
		return {
			done: false,
			failure: { status, body, attempts },
			retryable: RETRYABLE_STATUS.has(status),
			retryAfterMs: status === 429 ? parseRetryAfter(response.headers['retry-after']) : undefined,
		};
	}

	async function call(apiCall: ApiCall, itemIndex: number): Promise<IDataObject> {
		let waited = 0;
		for (let attempts = 1; ; attempts++) {
			await pacer.waitForTurn();
			const outcome = await attempt(apiCall, attempts, itemIndex);
			if (outcome.done) return outcome.body;
			const wait = outcome.retryAfterMs ?? backoffMs(attempts);
			const withinBudget = attempts <= policy.maxRetries && waited + wait <= policy.maxRetryWaitMs;
			const resendable = apiCall.safeToResend || neverSent(outcome.failure);
			if (outcome.retryable && !resendable) {
				throw providerError(node, provider, { ...outcome.failure, notResent: true }, itemIndex);
			}
			if (!outcome.retryable || !withinBudget) {
				throw providerError(node, provider, outcome.failure, itemIndex);
			}
			waited += wait;
			await sleep(wait);
		}
	}

	/** Everything the node itself puts on the request; n8n's HTTP helper adds only transport headers. */
	async function preview(apiCall: ApiCall): Promise<RequestPreview> {
		const authenticated = await provider.authenticate(credentials, {
			url: apiCall.path,
			headers: {},
		});
		const sent: Record<string, string> = { ...headers };
		for (const [name, value] of Object.entries(authenticated.headers ?? {})) {
			sent[name] = String(value);
		}
		if (authenticated.auth !== undefined) {
			const { username, password } = authenticated.auth;
			sent.Authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
		}
		const request: RequestPreview = {
			method: apiCall.method,
			url: `${baseURL}${apiCall.path}${apiCall.query ? `?${new URLSearchParams(apiCall.query).toString()}` : ''}`,
			headers: redact(sent),
		};
		if (apiCall.body !== undefined) request.body = redact(apiCall.body);
		return request;
	}

	return { call, preview, credentials };
}
