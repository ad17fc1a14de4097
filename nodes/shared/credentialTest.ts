import type {
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialTestRequest,
	IDataObject,
	IHttpRequestMethods,
} from 'n8n-workflow';

/**
 * The Base URL rule of the nodes (transport.ts `baseUrlFor`) as an n8n expression: a
 * credential's declarative test is evaluated by n8n and cannot call into this package.
 * An empty override means the documented URL; an override must be an http(s) URL without
 * user name, password, query or fragment (trailing slashes dropped). A refused override
 * becomes a URL that cannot be requested, so the test fails before anything is sent.
 * test/unit/credentialTest.test.js checks that this expression and baseUrlFor agree.
 */
export function baseUrlExpression(documentedUrl: string): string {
	const override = "String($credentials.baseUrl || '').trim()";
	const allowed = String.raw`/^https?:\/\/[^\/?#@\\\s]+(\/[^?#\\\s]*)?$/i`;
	return (
		`={{ ${override} === '' ? ${documentedUrl} : ` +
		`${allowed}.test(${override}) ? ${override}.replace(/\\/+$/, '') : '${REFUSED_BASE_URL}' }}`
	);
}

/** What a refused Base URL Override turns into: not a URL, so no request is made. */
export const REFUSED_BASE_URL = 'refused-base-url-override';

export interface CredentialProbe {
	/** Provider name used in messages, e.g. "Yuno". */
	provider: string;
	/** Expression text (inside `{{ }}`) of the documented base URL, e.g. `'https://api.upag.io/v1'`. */
	documentedUrl: string;
	method: IHttpRequestMethods;
	url: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Read the answer as text (for answers that are JSON arrays: n8n splits those into items). */
	asText?: boolean;
	/** Rules for the provider's own statuses (checked first). */
	statuses?: Array<[status: number, message: string]>;
	/**
	 * A 2xx answer fails when the value at `key` equals `value` (`undefined`: the key is missing).
	 * Without these rules the probe cannot pass: any 2xx answer fails with `no2xx`.
	 */
	successBody?: Array<{ key: string; value: unknown; message: string }>;
	/** Why a 2xx answer to this probe cannot come from the provider (when it has no successBody). */
	no2xx?: string;
}

const REDIRECTS = [301, 302, 303, 307, 308];
const UNAVAILABLE = [429, 500, 502, 503, 504];

/**
 * A declarative credential test (n8n runs it through its RoutingNode, with the credential's
 * own authenticate function). n8n fails it on every non-2xx answer: the rules only choose
 * the message for a status. It never follows a redirect, so the keys stay with the Base URL.
 */
export function credentialTest(probe: CredentialProbe): ICredentialTestRequest {
	const { provider } = probe;
	const statuses: Array<[number, string]> = [
		...(probe.statuses ?? []),
		[
			401,
			`${provider} refused these credentials (HTTP 401): check the key and, where there is one, the environment`,
		],
		[
			403,
			`The keys are valid but not allowed to do this (HTTP 403): ${provider} refused this read for these keys`,
		],
		...REDIRECTS.map((status): [number, string] => [
			status,
			`The Base URL answered with a redirect (HTTP ${status}), which the test never follows because the keys would go along: check Base URL Override`,
		]),
		...UNAVAILABLE.map((status): [number, string] => [
			status,
			`${provider} could not answer right now (HTTP ${status}): try the test again later`,
		]),
	];
	const codeRules: IAuthenticateRuleResponseCode[] = statuses.map(([value, message]) => ({
		type: 'responseCode',
		properties: { value, message },
	}));
	// A provider without a 2xx probe gets one rule that every answer meets (the answer is read
	// as text, so no key is ever present): the test can then never pass.
	const successBody = probe.successBody ?? [
		{ key: 'absent', value: undefined, message: probe.no2xx ?? '' },
	];
	const bodyRules: IAuthenticateRuleResponseSuccessBody[] = successBody.map((rule) => ({
		type: 'responseSuccessBody',
		properties: rule,
	}));
	const asText = probe.asText === true || probe.successBody === undefined;
	return {
		request: {
			baseURL: baseUrlExpression(probe.documentedUrl),
			url: probe.url,
			method: probe.method,
			...(probe.qs ? { qs: probe.qs } : {}),
			...(probe.body ? { body: probe.body } : {}),
			...(asText ? { encoding: 'text' as const, json: false } : {}),
			disableFollowRedirect: true,
		},
		// n8n's tester reads both kinds from one list; its type names one kind per list.
		rules: [...codeRules, ...bodyRules] as IAuthenticateRuleResponseCode[],
	};
}

/** The answer for a status that does not tell a good key from a wrong Base URL. */
export function notAnsweringLike(provider: string, status: number): [number, string] {
	return [
		status,
		`Reached the Base URL, but it does not answer like the ${provider} API (HTTP ${status}): check Base URL Override`,
	];
}
