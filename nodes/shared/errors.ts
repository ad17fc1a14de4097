import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
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

export function invalidItemError(
	node: INode,
	itemIndex: number,
	error: InputError,
	labels?: FieldLabels,
): NodeOperationError {
	const problems = error.issues.map(
		(issue) => `${describeField(issue.path, labels)}: ${issue.message}`,
	);
	return new NodeOperationError(node, `[item ${itemIndex}] ${problems.join('; ')}`, {
		itemIndex,
		description:
			'Nothing was sent for this item. Fix the value (or the expression that produces it) and run again.',
	});
}

/** Makes any failure of one item an n8n error that says which item it was. */
export function toItemError(
	node: INode,
	itemIndex: number,
	error: unknown,
	labels?: FieldLabels,
): NodeApiError | NodeOperationError {
	if (error instanceof InputError) return invalidItemError(node, itemIndex, error, labels);
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error), {
		itemIndex,
	});
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

function hintFor(status: number): string {
	if (status >= 500)
		return 'The provider had a server error. It may be temporary: try again later.';
	return statusHints[status] ?? 'The provider refused the request.';
}

export interface ApiFailure {
	status?: number;
	/** Network error code (ECONNRESET, ETIMEDOUT, …) when no response arrived. */
	networkCode?: string;
	body?: unknown;
	attempts: number;
}

interface ApiErrorFields {
	message: string;
	description: string;
	itemIndex: number;
	httpCode?: number;
	code: string | null;
}

/**
 * NodeApiError rewrites messages that mention common network codes; ours already say
 * which item failed and why, so message and status are set again after construction.
 */
function apiError(node: INode, fields: ApiErrorFields): NodeApiError {
	const error = new NodeApiError(node, { code: fields.code } as JsonObject, {
		message: fields.message,
		description: fields.description,
		httpCode: fields.httpCode === undefined ? undefined : String(fields.httpCode),
		itemIndex: fields.itemIndex,
	});
	error.message = fields.message;
	// NodeApiError would otherwise take a network code (ECONNRESET) for the HTTP status.
	error.httpCode = fields.httpCode === undefined ? null : String(fields.httpCode);
	error.context.providerCode = fields.code;
	return error;
}

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
	if (failure.status === undefined) {
		const code = failure.networkCode ?? 'NETWORK_ERROR';
		return apiError(node, {
			message: `[item ${itemIndex}] ${provider.displayName} could not be reached${tries}: ${code}`,
			description:
				'No answer came back from the provider (connection dropped or timed out). The update is idempotent, so running the item again is safe.',
			itemIndex,
			code,
		});
	}
	const details = provider.parseError(failure.body);
	const text = details.message ?? describeBody(failure.body);
	const label = [String(failure.status), details.code].filter(Boolean).join(' ');
	return apiError(node, {
		message: `[item ${itemIndex}] ${provider.displayName} answered ${label}${tries}${text ? `: ${text}` : ''}`,
		description: hintFor(failure.status),
		httpCode: failure.status,
		itemIndex,
		code: details.code ?? null,
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
		code: 'MALFORMED_RESPONSE',
	});
}

function describeBody(body: unknown): string | undefined {
	if (typeof body !== 'string' || body.trim() === '') return undefined;
	const text = body
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** The JSON of a failed item under "Continue On Fail". */
export function errorItemJson(error: unknown): {
	error: string;
	httpCode: string | null;
	code: string | null;
} {
	if (error instanceof NodeApiError) {
		return {
			error: error.message,
			httpCode: error.httpCode ?? null,
			code: (error.context.providerCode as string | null | undefined) ?? null,
		};
	}
	if (error instanceof NodeOperationError) {
		return { error: error.message, httpCode: null, code: 'INVALID_INPUT' };
	}
	return {
		error: error instanceof Error ? error.message : String(error),
		httpCode: null,
		code: null,
	};
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
