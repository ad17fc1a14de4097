import type { INodeProperties } from 'n8n-workflow';

import { InputError } from './errors';

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

/** Turns a locator value, a plain id or a checkout URL into the bare session id. */
export function extractSessionId(field: string, raw: unknown, urls: SessionUrlPattern[]): string {
	const value =
		raw !== null && typeof raw === 'object' && 'value' in raw
			? (raw as { value: unknown }).value
			: raw;
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new InputError(field, 'must be a session ID or checkout URL (text)');
	}
	const text = String(value).trim();
	if (text === '') throw new InputError(field, 'is required');
	for (const url of urls) {
		const match = url.regex.exec(text);
		if (match?.[1]) return decodeURIComponent(match[1]);
	}
	if (/^https?:\/\//i.test(text)) {
		const hint = urls.length > 0 ? `; expected e.g. ${urls[0].example}` : '';
		throw new InputError(
			field,
			`is a URL this provider does not document as a checkout URL${hint}`,
		);
	}
	return text;
}
