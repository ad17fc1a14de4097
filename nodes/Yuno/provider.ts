import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { Provider, ProviderErrorDetails } from '../shared/types';
import { YUNO_BASE_URLS } from '../../credentials/YunoApi.credentials';

export { YUNO_BASE_URLS };

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
