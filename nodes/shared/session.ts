import type { INodeProperties } from 'n8n-workflow';

import { z } from 'zod/v3';

import type { InputIssue } from './errors';
import { numberAsText } from './validation';

/** A documented checkout-page URL of a provider and where the session id sits in it. */
export interface SessionUrlPattern {
	example: string;
	/** Must capture the session id in group 1. */
	regex: RegExp;
}

/**
 * The session to update: a resource locator with an "ID" mode and, where the provider
 * documents its checkout URL, a "URL" mode. Either mode accepts either form, so a column
 * of URLs mapped into the ID field still works.
 */
export function sessionLocator(options: {
	name: string;
	displayName: string;
	idPlaceholder: string;
	description: string;
	urls: SessionUrlPattern[];
}): INodeProperties {
	const locator: INodeProperties = {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		required: true,
		description: options.description,
		modes: [{ displayName: 'ID', name: 'id', type: 'string', placeholder: options.idPlaceholder }],
	};
	const [url] = options.urls;
	if (url === undefined) return locator;
	return {
		...locator,
		modes: [
			{ displayName: 'ID', name: 'id', type: 'string', placeholder: options.idPlaceholder },
			{
				displayName: 'URL',
				name: 'url',
				type: 'string',
				placeholder: url.example,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: options.urls.map((pattern) => pattern.regex.source).join('|'),
							errorMessage: `Not a checkout URL, expected e.g. ${url.example}`,
						},
					},
				],
			},
		],
	};
}

/**
 * Turns a locator value, a plain id or a checkout URL into the bare session id; every
 * problem is a message for the field. A number counts only when its text is exact.
 */
export function parseSessionReference(
	raw: unknown,
	urls: SessionUrlPattern[],
): string | InputIssue {
	const value =
		raw !== null && typeof raw === 'object' && 'value' in raw
			? (raw as { value: unknown }).value
			: raw;
	const problem = (message: string): InputIssue => ({ path: [], message });
	if (value === undefined || value === null) return problem('is required');
	const text = typeof value === 'number' ? numberAsText(value) : value;
	if (typeof text !== 'string') {
		return problem(
			typeof value === 'number'
				? 'is a number that has no exact text form (give the session ID as text)'
				: 'must be a session ID or checkout URL (text)',
		);
	}
	const trimmed = text.trim();
	if (trimmed === '') return problem('is required');
	for (const url of urls) {
		const match = url.regex.exec(trimmed);
		if (match?.[1]) {
			try {
				return decodeURIComponent(match[1]);
			} catch {
				return problem(
					`is a checkout URL whose session ID has a malformed %-escape ("${match[1]}")`,
				);
			}
		}
	}
	if (/^https?:\/\//i.test(trimmed)) {
		const hint = urls.length > 0 ? `; expected e.g. ${urls[0].example}` : '';
		return problem(`is a URL this provider does not document as a checkout URL${hint}`);
	}
	return trimmed;
}

/** The session reference as a schema field: yields the bare id, for the provider's own id rules to check. */
export function sessionReference(urls: SessionUrlPattern[]) {
	return z.unknown().transform((raw, context) => {
		const parsed = parseSessionReference(raw, urls);
		if (typeof parsed === 'string') return parsed;
		context.addIssue({ code: 'custom', message: parsed.message });
		return z.NEVER;
	});
}
