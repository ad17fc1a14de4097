import type { INode, JsonObject } from 'n8n-workflow';
import { ExpressionError, NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { ZodError, ZodIssue } from 'zod/v3';

import type { Provider } from './types';

/** One problem with one input value; the path names the parameter (`amount.currency`, `metadata[0].key`). */
export interface InputIssue {
	path: Array<string | number>;
	message: string;
}

/** How the user sees a parameter: its label in the panel (`Amount › Currency`), by parameter path. */
export type FieldLabels = ReadonlyMap<string, string>;

/** Problems with the input values of one item, found before anything is sent. */
export class InputError extends Error {
	readonly issues: InputIssue[];

	constructor(field: string | InputIssue[], message = '') {
		const issues = typeof field === 'string' ? [{ path: field.split('.'), message }] : field;
		super(issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`).join('; '));
		this.issues = issues;
	}

	/** The parameter the first problem is about. */
	get field(): string {
		return formatIssuePath(this.issues[0]?.path ?? []) || 'input';
	}
}

export function formatIssuePath(path: Array<string | number>): string {
	return path.reduce<string>((text, part) => {
		if (typeof part === 'number') return `${text}[${part}]`;
		return text ? `${text}.${part}` : part;
	}, '');
}

/** `Label (path)`: the label from the node's description, the parameter path for the exact spot. */
export function describeField(path: Array<string | number>, labels?: FieldLabels): string {
	const name = formatIssuePath(path) || 'input';
	const key = path.filter((part) => typeof part === 'string').join('.');
	const label = labels?.get(key);
	return label === undefined ? name : `${label} (${name})`;
}

/** Every issue zod found, with union failures replaced by the useful message one level down. */
function issuesOf(error: ZodError): InputIssue[] {
	return error.issues.map((issue: ZodIssue) => {
		if (issue.code === 'invalid_union' && issue.unionErrors.length > 0) {
			const nested = issue.unionErrors[issue.unionErrors.length - 1].issues[0];
			if (nested)
				return { path: nested.path.length ? nested.path : issue.path, message: nested.message };
		}
		if (issue.code === 'invalid_type' && issue.received === 'undefined') {
			return { path: issue.path, message: 'is required' };
		}
		return { path: issue.path, message: issue.message };
	});
}

export function inputErrorFromZod(error: ZodError): InputError {
	return new InputError(issuesOf(error));
}

/** A message lists this many problems of an item (120 bad metadata rows would be unreadable). */
const MAX_LISTED_PROBLEMS = 10;

export function invalidItemError(
	node: INode,
	itemIndex: number,
	error: InputError,
	labels?: FieldLabels,
): NodeOperationError {
	const problems = error.issues
		.slice(0, MAX_LISTED_PROBLEMS)
		.map((issue) => `${describeField(issue.path, labels)}: ${issue.message}`);
	const more = error.issues.length - problems.length;
	if (more > 0) problems.push(`and ${more} more problem(s)`);
	return new NodeOperationError(node, `[item ${itemIndex}] ${problems.join('; ')}`, {
		itemIndex,
		description:
			'Nothing was sent for this item. Fix the value (or the expression that produces it) and run again.',
	});
}

/**
 * The codes this package gives failures of its own (the provider's code, or a network code
 * such as ECONNRESET, is used when there is one).
 */
export const FAILURE_CODES = {
	invalidInput: 'INVALID_INPUT',
	invalidCredentials: 'INVALID_CREDENTIALS',
	invalidBaseUrl: 'INVALID_BASE_URL',
	invalidOption: 'INVALID_OPTION',
	timeout: 'TIMEOUT',
	responseTooLarge: 'RESPONSE_TOO_LARGE',
	malformedResponse: 'MALFORMED_RESPONSE',
	requestFailed: 'REQUEST_FAILED',
	cancelled: 'EXECUTION_CANCELLED',
	internal: 'INTERNAL_ERROR',
} as const;

type ItemError = NodeApiError | NodeOperationError;

function withCode<E extends ItemError>(error: E, code: string | undefined): E {
	if (code !== undefined) error.context.code = code;
	return error;
}

/**
 * A failure before any request (credentials, base URL, run options). It is the same for every
 * item, so under "Continue On Fail" each item gets it as its error.
 */
export function setupError(
	node: INode,
	code: string,
	message: string,
	description: string,
): NodeOperationError {
	return withCode(new NodeOperationError(node, message, { description }), code);
}

/** Makes any failure of one item an n8n error that says which item it was. */
export function toItemError(
	node: INode,
	itemIndex: number,
	error: unknown,
	labels?: FieldLabels,
): ItemError {
	if (error instanceof InputError) {
		return withCode(invalidItemError(node, itemIndex, error, labels), FAILURE_CODES.invalidInput);
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof ExpressionError) {
		// An expression of this item's parameters failed: the item's values, not a bug.
		return withCode(new NodeOperationError(node, error, { itemIndex }), FAILURE_CODES.invalidInput);
	}
	// Anything else is a bug in this package, not a problem with the item's values.
	const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	return withCode(
		new NodeOperationError(node, `[item ${itemIndex}] Unexpected error: ${text}`, {
			itemIndex,
			description:
				'This is a bug in the node, not a problem with the values sent. Please report it with the message above.',
		}),
		FAILURE_CODES.internal,
	);
}

const statusHints: Record<number, string> = {
	400: 'The provider rejected the request. Check the values sent for this item.',
	401: "The provider rejected the credential. Check the key in the node's credential.",
	403: 'The credential is valid but not allowed to do this.',
	404: 'The checkout session was not found. Check the session ID and the environment of the credential.',
	409: 'The session is in a state that does not allow this change.',
	422: 'The provider could not process the values sent for this item.',
	429: 'The provider kept rate-limiting this item beyond the retry budget (see the node options).',
};

const NOT_FOUND_HINT =
	"The provider did not find the checkout session. Check the session ID, and that the credential's environment (test or live, sandbox or production) is the one the session was created in.";

function hintFor(status: number, providerText: string): string {
	// Whatever the status (Sprintcheckout documents a 500 for an unknown session), a retry never finds it.
	if (/not[\s_-]?found/i.test(providerText)) return NOT_FOUND_HINT;
	if (status >= 500)
		return 'The provider had a server error. It may be temporary: try again later.';
	return statusHints[status] ?? 'The provider refused the request.';
}

export interface ApiFailure {
	status?: number;
	/** Our code when no usable answer arrived: a network code (ECONNRESET, …), TIMEOUT, RESPONSE_TOO_LARGE. */
	networkCode?: string;
	/** What went wrong when the request could not be sent at all (redacted). */
	reason?: string;
	body?: unknown;
	attempts: number;
	/** A retryable failure of a call that is not safe to resend (a create), so not sent again. */
	notResent?: boolean;
}

interface ApiErrorFields {
	message: string;
	description: string;
	itemIndex: number;
	httpCode?: number;
	code?: string;
}

/**
 * NodeApiError rewrites messages that mention common network codes; ours already say
 * which item failed and why, so message and status are set again after construction.
 */
function apiError(node: INode, fields: ApiErrorFields): NodeApiError {
	const error = new NodeApiError(node, { code: fields.code ?? null } as JsonObject, {
		message: fields.message,
		description: fields.description,
		httpCode: fields.httpCode === undefined ? undefined : String(fields.httpCode),
		itemIndex: fields.itemIndex,
	});
	error.message = fields.message;
	// NodeApiError would otherwise take a network code (ECONNRESET) for the HTTP status.
	error.httpCode = fields.httpCode === undefined ? null : String(fields.httpCode);
	return withCode(error, fields.code);
}

const noAnswerDescriptions: Record<string, string> = {
	[FAILURE_CODES.timeout]:
		'The whole request (connect to last byte) took longer than the Timeout option. The request may or may not have been applied.',
	[FAILURE_CODES.responseTooLarge]:
		'The answer was larger than any documented answer, so it was not read. The request may have been applied: check the session at the provider.',
};

/**
 * Builds the error a user sees for a failed call. Only the provider's status, code and
 * message go in: never the request (its headers hold the credential).
 */
export function providerError(
	node: INode,
	provider: Provider,
	failure: ApiFailure,
	itemIndex: number,
): NodeApiError {
	const tries = failure.attempts > 1 ? ` after ${failure.attempts} attempts` : '';
	// Said in the message too: under "Continue On Fail" the item keeps only the message.
	const notResentNote = failure.notResent
		? ' (not sent again: the checkout session may have been created)'
		: '';
	const notResent = failure.notResent
		? ' It was not sent again, since a second request could create a second checkout session: check at the provider whether it was created before running this item again.'
		: '';
	if (failure.status === undefined) {
		const code = failure.networkCode ?? 'NETWORK_ERROR';
		const reason = failure.reason ? ` (${failure.reason})` : '';
		return apiError(node, {
			message: `[item ${itemIndex}] ${provider.displayName} could not be reached${tries}: ${code}${reason}${notResentNote}`,
			description:
				(noAnswerDescriptions[code] ??
					'No answer came back from the provider (connection dropped or refused). The request may or may not have been applied.') +
				notResent,
			itemIndex,
			code,
		});
	}
	const details = provider.parseError(failure.body);
	const text = details.message ?? describeBody(failure.body);
	const label = [String(failure.status), details.code].filter(Boolean).join(' ');
	return apiError(node, {
		message: `[item ${itemIndex}] ${provider.displayName} answered ${label}${tries}${text ? `: ${text}` : ''}${notResentNote}`,
		description: hintFor(failure.status, [details.code, text].join(' ')) + notResent,
		httpCode: failure.status,
		itemIndex,
		code: details.code,
	});
}

export function malformedResponseError(
	node: INode,
	provider: Provider,
	status: number,
	itemIndex: number,
): NodeApiError {
	return apiError(node, {
		message: `[item ${itemIndex}] ${provider.displayName} answered ${status} with a body that is not a JSON object`,
		description:
			'The update may have been applied, but its result could not be read. Check the session at the provider before running the item again.',
		httpCode: status,
		itemIndex,
		code: FAILURE_CODES.malformedResponse,
	});
}

const SUMMARY_LENGTH = 200;

const WHITESPACE = /\s/;

/**
 * Text of a non-JSON error body (an HTML error page, plain text): tags removed, whitespace
 * collapsed, first 200 characters. One pass that stops once the summary is full; a tag is
 * skipped with one search for the next `>`, and once none is left every `<` is plain text,
 * so no body makes this slower than linear (and most stop after a few hundred characters).
 */
export function describeBody(body: unknown): string | undefined {
	if (typeof body !== 'string') return undefined;
	let text = '';
	let space = false;
	let tagsLeft = true;
	let index = 0;
	while (index < body.length && text.length <= SUMMARY_LENGTH) {
		const char = body[index];
		if (char === '<' && tagsLeft) {
			const close = body.indexOf('>', index + 1);
			if (close !== -1) {
				space = true;
				index = close + 1;
				continue;
			}
			tagsLeft = false;
		}
		const code = char.charCodeAt(0);
		if (code === 32 || (code >= 9 && code <= 13) || (code > 127 && WHITESPACE.test(char))) {
			space = true;
		} else {
			if (space && text !== '') text += ' ';
			space = false;
			text += char;
		}
		index++;
	}
	if (text === '') return undefined;
	return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH)}…` : text;
}

/** The JSON of a failed item under "Continue On Fail": status as a number, no empty fields. */
export function errorItemJson(error: unknown): {
	error: string;
	httpCode?: number;
	code?: string;
	sessionId?: string;
} {
	if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) {
		return { error: error instanceof Error ? error.message : String(error) };
	}
	const json: ReturnType<typeof errorItemJson> = { error: error.message };
	const status =
		error instanceof NodeApiError && error.httpCode !== null ? Number(error.httpCode) : NaN;
	if (Number.isInteger(status)) json.httpCode = status;
	const { code, sessionId } = error.context;
	if (typeof code === 'string' && code !== '') json.code = code;
	if (typeof sessionId === 'string' && sessionId !== '') json.sessionId = sessionId;
	return json;
}

/**
 * For providers that document no error body: takes a code and message from the usual
 * top-level keys when present, otherwise the message stays the body as sent.
 */
export function parseLooseError(body: unknown): { code?: string; message?: string } {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return {};
	const record = body as Record<string, unknown>;
	const pick = (...keys: string[]) => {
		for (const key of keys) {
			const value = record[key];
			if (typeof value === 'string' && value !== '') return value;
		}
		return undefined;
	};
	const message = pick('message', 'error_description', 'detail', 'error', 'title');
	const code = pick('code', 'error_code', 'type');
	if (message === undefined && code === undefined) {
		const text = JSON.stringify(body);
		return { message: text.length > 200 ? `${text.slice(0, 200)}…` : text };
	}
	return { code, message };
}
