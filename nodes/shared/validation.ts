import { z } from 'zod/v3';

/*
 * Building blocks for the providers' payload schemas. Values arrive from the UI or from
 * expressions over spreadsheets and webhooks, so numbers may come as numeric text and text
 * may come as numbers; both are accepted, anything else gets a message naming what is
 * expected. Empty values never reach these schemas (see compact() in parameters.ts).
 */

const NUMERIC_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

/**
 * A number given where text is expected becomes its text only when that text is the number
 * exactly: NaN, Infinity, 2^53 + 1 or 1e21 would be sent as "NaN", "9007199254740992", "1e+21".
 */
export function numberAsText(value: number): string | undefined {
	if (Number.isSafeInteger(value)) return String(value);
	const text = String(value);
	return Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER && !/e/i.test(text)
		? text
		: undefined;
}

const NOT_EXACT_NUMBER = 'is a number that has no exact text form (give it as text)';

export function text(limits: { min?: number; max?: number } = {}) {
	let schema = z.string({
		errorMap: (issue, context) => ({
			message:
				issue.code === 'invalid_type' && typeof context.data === 'number'
					? NOT_EXACT_NUMBER
					: issue.code === 'invalid_type'
						? 'must be text'
						: context.defaultError,
		}),
	});
	if (limits.min !== undefined) {
		schema = schema.min(limits.min, `must be at least ${limits.min} characters`);
	}
	if (limits.max !== undefined) {
		schema = schema.max(limits.max, `must be at most ${limits.max} characters`);
	}
	return z.preprocess(
		(value) => (typeof value === 'number' ? (numberAsText(value) ?? value) : value),
		schema,
	);
}

export function number() {
	return z.preprocess(
		(value) => (typeof value === 'string' && NUMERIC_TEXT.test(value) ? Number(value) : value),
		z.number({ invalid_type_error: 'must be a number' }).finite('must be a finite number'),
	);
}

/** A whole number; always within the safe-integer range, narrower where the provider documents it. */
export function integer(limits: { min?: number; max?: number } = {}) {
	const min = Math.max(limits.min ?? Number.MIN_SAFE_INTEGER, Number.MIN_SAFE_INTEGER);
	const max = Math.min(limits.max ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
	const schema = z
		.number({ invalid_type_error: 'must be a whole number' })
		.int('must be a whole number')
		.min(min, `must be ${min} or more`)
		.max(max, `must be ${max} or less`);
	return z.preprocess(
		(value) => (typeof value === 'string' && NUMERIC_TEXT.test(value) ? Number(value) : value),
		schema,
	);
}

/** A documented `int32`. */
export const INT32_MAX = 2 ** 31 - 1;

export function boolean() {
	return z.preprocess(
		(value) => (value === 'true' ? true : value === 'false' ? false : value),
		z.boolean({ invalid_type_error: 'must be true or false' }),
	);
}

/** Schemes a payer's browser must never be sent to: they run code or open local files. */
export const REFUSED_URL_SCHEMES = ['javascript:', 'data:', 'vbscript:', 'file:'];

function parseUrl(value: string): URL | undefined {
	try {
		return new URL(value);
	} catch {
		return undefined;
	}
}

/**
 * Any absolute URI (`https://…`, or an app's deep link such as `myapp://return`), except the
 * schemes in REFUSED_URL_SCHEMES. The providers document these fields as strings or URLs.
 */
export function url(limits: { min?: number; max?: number } = {}) {
	return text(limits).superRefine((value, context) => {
		const parsed = parseUrl(value);
		if (parsed === undefined) {
			context.addIssue({
				code: 'custom',
				message: 'must be an absolute URL, e.g. https://shop.example.com/thanks or myapp://return',
			});
		} else if (REFUSED_URL_SCHEMES.includes(parsed.protocol)) {
			context.addIssue({
				code: 'custom',
				message: `must not be a ${parsed.protocol} URL (${REFUSED_URL_SCHEMES.join(', ')} are refused)`,
			});
		}
	});
}

/** An http(s) URL with a host: for what the provider fetches itself (an image). */
export function webUrl(limits: { min?: number; max?: number } = {}) {
	return text(limits).refine((value) => {
		const parsed = parseUrl(value);
		return (
			parsed !== undefined &&
			(parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
			parsed.hostname !== ''
		);
	}, 'must be a valid URL starting with http:// or https://');
}

export function currencyCode() {
	return text().pipe(
		z
			.string()
			.regex(/^[A-Za-z]{3}$/, 'must be a 3-letter code')
			.transform((code) => code.toUpperCase()),
	);
}

export function oneOf<T extends [string, ...string[]]>(values: T) {
	return z.enum(values, {
		errorMap: () => ({ message: `must be one of ${values.join(', ')}` }),
	});
}

/** The values of a multi-options field; an expression may give them as comma-separated text. */
export function list<T extends z.ZodTypeAny>(item: T) {
	return z.preprocess(
		(value) => (typeof value === 'string' ? value.split(',').map((entry) => entry.trim()) : value),
		z.array(item, { invalid_type_error: 'must be a list' }).min(1, 'must list at least one value'),
	);
}

/** A list of rows from a fixed collection, with a count limit. */
export function rows<T extends z.ZodTypeAny>(row: T, limits: { min?: number; max?: number }) {
	let schema = z.array(row, { invalid_type_error: 'must be a list' });
	if (limits.min !== undefined)
		schema = schema.min(limits.min, `must have at least ${limits.min} row(s)`);
	if (limits.max !== undefined)
		schema = schema.max(limits.max, `must have at most ${limits.max} rows`);
	return schema;
}
