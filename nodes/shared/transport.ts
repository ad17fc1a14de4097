import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { ApiFailure } from './errors';
import { malformedResponseError, providerError } from './errors';
import { Pacer } from './pacing';
import { createRedactor } from './redact';
import type { ApiCall, ApiClient, Provider } from './types';

export interface RetryPolicy {
	timeoutMs: number;
	/** Retries after the first attempt. */
	maxRetries: number;
	/** Total time one item may spend waiting between attempts. */
	maxRetryWaitMs: number;
}

interface FullResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

/*
 * Retry policy. Every call these nodes make is a GET, or an update sent to one session id
 * with the same body each time (PUT, PATCH, or Speed's POST to /checkout-sessions/{id}),
 * so sending it again cannot apply a change twice. Retried: 429 (after Retry-After when
 * given), 502/503/504 and network errors (reset, refused, timed out). Never retried: any
 * other 4xx, 500 (the provider may have failed half-way and says nothing more) and
 * unreadable 2xx bodies. Waits grow exponentially with full jitter, within the attempt
 * and total-wait budgets of the node's options.
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

function networkCode(error: unknown): string {
	const candidates = [error, (error as { cause?: unknown })?.cause];
	for (const candidate of candidates) {
		const code = (candidate as { code?: unknown } | undefined)?.code;
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
	}
	return 'NETWORK_ERROR';
}

/**
 * The base URL requests go to: the credential's override when set, else the provider's
 * documented URL. Only http(s) URLs; undefined for anything else.
 */
export function baseUrlFor(
	provider: Provider,
	credentials: ICredentialDataDecryptedObject,
): string | undefined {
	const override = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
	const text = override !== '' ? override : provider.defaultBaseUrl(credentials);
	try {
		const { protocol } = new URL(text);
		return protocol === 'http:' || protocol === 'https:' ? text.replace(/\/+$/, '') : undefined;
	} catch {
		return undefined;
	}
}

/** Reads the credential once per run and returns a client that items share. */
export async function createApiClient(
	ctx: IExecuteFunctions,
	provider: Provider,
	policy: RetryPolicy,
): Promise<ApiClient> {
	const credentials = await ctx.getCredentials(provider.credentialType);
	const baseURL = baseUrlFor(provider, credentials);
	if (baseURL === undefined) {
		throw new NodeOperationError(
			ctx.getNode(),
			"The credential's base URL must be a URL starting with http:// or https://",
		);
	}
	const headers = provider.headers?.(credentials) ?? {};
	const secrets = provider.secretFields
		.map((field) => credentials[field])
		.filter((value): value is string => typeof value === 'string' && value !== '')
		.concat(provider.secretVariants?.(credentials) ?? []);
	const redact = createRedactor(secrets);
	const pacer = new Pacer();
	const node = ctx.getNode();
	// Handing the decrypted credential to every request saves n8n from loading and decrypting it again per item.
	const credentialDetails = node.credentials?.[provider.credentialType];
	const credentialsDecrypted: ICredentialsDecrypted = {
		id: credentialDetails?.id ?? '',
		name: credentialDetails?.name ?? provider.credentialType,
		type: provider.credentialType,
		data: credentials,
	};

	async function send(call: ApiCall): Promise<FullResponse> {
		const options: IHttpRequestOptions = {
			method: call.method,
			baseURL,
			url: call.path,
			headers,
			json: true,
			timeout: policy.timeoutMs,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			// None of these endpoints redirects; following one would resend the key elsewhere.
			disableFollowRedirect: true,
		};
		if (call.body !== undefined) options.body = call.body;
		return (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			provider.credentialType,
			options,
			{
				credentialsDecrypted,
			},
		)) as FullResponse;
	}

	type Outcome =
		| { done: true; body: IDataObject }
		| { done: false; failure: ApiFailure; retryable: boolean; retryAfterMs?: number };

	async function attempt(apiCall: ApiCall, attempts: number, itemIndex: number): Promise<Outcome> {
		let response: FullResponse;
		try {
			response = await send(apiCall);
		} catch (error) {
			// No response at all: the error object holds the request (and its auth header), so only its code is kept.
			return {
				done: false,
				failure: { networkCode: networkCode(error), attempts },
				retryable: true,
			};
		}
		const { statusCode: status, body } = response;
		if (status >= 200 && status < 300) {
			pacer.onSuccess();
			if (body === '' || body === undefined) return { done: true, body: {} };
			if (typeof body !== 'object' || body === null || Array.isArray(body)) {
				throw malformedResponseError(node, provider, status, itemIndex);
			}
			return { done: true, body: redact(body as IDataObject) };
		}
		if (status === 429) pacer.onThrottled();
		return {
			done: false,
			failure: { status, body: redact(body), attempts },
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
			if (!outcome.retryable || !withinBudget) {
				throw providerError(node, provider, outcome.failure, itemIndex);
			}
			waited += wait;
			await sleep(wait);
		}
	}

	return { call, credentials };
}
