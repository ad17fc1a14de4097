import { z } from 'zod';

/*
 * Building blocks for the providers' payload schemas. Values arrive from the UI or from
 * expressions over spreadsheets and webhooks, so numbers may come as numeric text and text
 * may come as numbers; both are accepted, anything else gets a message naming what is
 * expected. Empty values never reach these schemas (see compact() in parameters.ts).
 */

const NUMERIC_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

export function text(limits: { min?: number; max?: number } = {}) {
	let schema = z.string({ invalid_type_error: 'must be text' });
	if (limits.min !== undefined) {
		schema = schema.min(limits.min, `must be at least ${limits.min} characters`);
	}
	if (limits.max !== undefined) {
		schema = schema.max(limits.max, `must be at most ${limits.max} characters`);
	}
	return z.preprocess(
		(value) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value),
		schema,
	);
}

export function number() {
	return z.preprocess(
		(value) => (typeof value === 'string' && NUMERIC_TEXT.test(value) ? Number(value) : value),
		z.number({ invalid_type_error: 'must be a number' }).finite('must be a finite number'),
	);
}

export function integer(limits: { min?: number; max?: number } = {}) {
	let schema = z
		.number({ invalid_type_error: 'must be a whole number' })
		.int('must be a whole number');
	if (limits.min !== undefined) schema = schema.min(limits.min, `must be ${limits.min} or more`);
	if (limits.max !== undefined) schema = schema.max(limits.max, `must be ${limits.max} or less`);
	return z.preprocess(
		(value) => (typeof value === 'string' && NUMERIC_TEXT.test(value) ? Number(value) : value),
		schema,
	);
}

export function boolean() {
	return z.preprocess(
		(value) => (value === 'true' ? true : value === 'false' ? false : value),
		z.boolean({ invalid_type_error: 'must be true or false' }),
	);
}

export function url(limits: { min?: number; max?: number } = {}) {
	return text(limits).refine((value) => {
		try {
			const parsed = new URL(value);
			return (
				(parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== ''
			);
		} catch {
			return false;
		}
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

/** A list of rows from a fixed collection, with a count limit. */
export function rows<T extends z.ZodTypeAny>(row: T, limits: { min?: number; max?: number }) {
	let schema = z.array(row, { invalid_type_error: 'must be a list' });
	if (limits.min !== undefined)
		schema = schema.min(limits.min, `must have at least ${limits.min} row(s)`);
	if (limits.max !== undefined)
		schema = schema.max(limits.max, `must have at most ${limits.max} rows`);
	return schema;
}
