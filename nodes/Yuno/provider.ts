import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { Provider, ProviderErrorDetails } from '../shared/types';
import { authenticateYuno, YUNO_BASE_URLS } from '../../credentials/YunoApi.credentials';

export { YUNO_BASE_URLS };

/** Why an Environment value is unusable: only the three documented ones are (own keys, so not `__proto__`). */
function environmentProblem(environment: unknown): string | undefined {
	if (
		typeof environment === 'string' &&
		Object.prototype.hasOwnProperty.call(YUNO_BASE_URLS, environment)
	) {
		return undefined;
	}
	const shown =
		typeof environment === 'string' ? `"${environment.slice(0, 40)}"` : typeof environment;
	return `The credential's Environment ${shown} is not one of ${Object.keys(YUNO_BASE_URLS).join(', ')}`;
}

/** The documented base URL of an environment; anything else (`__proto__`, a typo) is refused by name. */
export function yunoBaseUrl(environment: unknown): string {
	const problem = environmentProblem(environment);
	if (problem !== undefined) throw new Error(problem);
	return YUNO_BASE_URLS[environment as string];
}

/**
 * Yuno's error bodies: `{ code, messages[] }` on the endpoint pages and its response-codes
 * page, `{ code, message, details }` in its whole-API OpenAPI file. Both are read.
 */
function parseYunoError(body: unknown): ProviderErrorDetails {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return {};
	const { code, messages, message } = body as Record<string, unknown>;
	const texts = (Array.isArray(messages) ? messages : [messages, message]).filter(
		(text): text is string => typeof text === 'string' && text !== '',
	);
	return {
		code: typeof code === 'string' && code !== '' ? code : undefined,
		message: texts.length > 0 ? texts.join('; ') : undefined,
	};
}

export const yuno: Provider = {
	displayName: 'Yuno',
	credentialType: 'yunoApi',
	// Base URL Override replaces the Environment, so an unknown one matters only without it.
	credentialProblem: (credentials: ICredentialDataDecryptedObject) =>
		typeof credentials.baseUrl === 'string' && credentials.baseUrl.trim() !== ''
			? undefined
			: environmentProblem(credentials.environment ?? 'sandbox'),
	authenticate: authenticateYuno,
	defaultBaseUrl: (credentials: ICredentialDataDecryptedObject) =>
		yunoBaseUrl(credentials.environment ?? 'sandbox'),
	secretFields: ['publicApiKey', 'privateSecretKey'],
	parseError: parseYunoError,
};

/** Countries listed by Yuno's update page, with their names for the option list. */
export const YUNO_COUNTRIES: Array<[code: string, name: string]> = [
	['AR', 'Argentina'],
	['BO', 'Bolivia'],
	['BR', 'Brazil'],
	['CL', 'Chile'],
	['CO', 'Colombia'],
	['CR', 'Costa Rica'],
	['EC', 'Ecuador'],
	['SV', 'El Salvador'],
	['GT', 'Guatemala'],
	['HN', 'Honduras'],
	['MX', 'Mexico'],
	['NI', 'Nicaragua'],
	['PA', 'Panama'],
	['PY', 'Paraguay'],
	['PE', 'Peru'],
	['US', 'United States'],
	['UY', 'Uruguay'],
];

/** Yuno's workflow values; the descriptions follow Yuno's SDK guides (the API reference names them only). */
export const YUNO_WORKFLOWS = [
	{
		name: 'SDK Checkout (Default)',
		value: 'SDK_CHECKOUT',
		description: "Yuno's SDK shows the payment methods and your server creates the payment",
	},
	{
		name: 'Checkout',
		value: 'CHECKOUT',
		description: 'Checkout without the SDK; Yuno documents no more about it',
	},
	{
		name: 'SDK Seamless',
		value: 'SDK_SEAMLESS',
		description: "Yuno's Seamless SDK creates the payment from the payer's browser or app",
	},
] as const;
