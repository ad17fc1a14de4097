import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { Provider, ProviderErrorDetails } from '../shared/types';
import { authenticateYuno } from '../../credentials/YunoApi.credentials';

export const YUNO_BASE_URLS: Record<string, string> = {
	sandbox: 'https://api-sandbox.y.uno/v1',
	production: 'https://api.y.uno/v1',
	eu: 'https://api.eu.y.uno/v1',
};

/** Yuno answers errors as `{ code, messages[] }`; a bare 404 may have no body at all. */
function parseYunoError(body: unknown): ProviderErrorDetails {
	if (body === null || typeof body !== 'object') return {};
	const { code, messages } = body as { code?: unknown; messages?: unknown };
	const texts = Array.isArray(messages)
		? messages.filter((message): message is string => typeof message === 'string')
		: [];
	return {
		code: typeof code === 'string' ? code : undefined,
		message: texts.length > 0 ? texts.join('; ') : undefined,
	};
}

export const yuno: Provider = {
	displayName: 'Yuno',
	credentialType: 'yunoApi',
	authenticate: authenticateYuno,
	// GET of a session id that cannot exist: CHECKOUT_SESSION_NOT_FOUND with good keys, 401/403 otherwise.
	credentialProbe: {
		method: 'GET',
		path: '/checkout/sessions/00000000-0000-4000-8000-000000000000',
	},
	defaultBaseUrl: (credentials: ICredentialDataDecryptedObject) =>
		YUNO_BASE_URLS[String(credentials.environment)] ?? YUNO_BASE_URLS.sandbox,
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

export const YUNO_WORKFLOWS = ['SDK_CHECKOUT', 'CHECKOUT', 'SDK_SEAMLESS'] as const;
