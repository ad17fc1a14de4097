import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { Provider, ProviderErrorDetails } from '../shared/types';
import { authenticateSpeed } from '../../credentials/SpeedApi.credentials';

/** Speed answers errors as `{ errors: [{ type, message }] }`. */
function parseSpeedError(body: unknown): ProviderErrorDetails {
	const errors = (body as { errors?: unknown } | null)?.errors;
	if (!Array.isArray(errors) || errors.length === 0) return {};
	const entries = errors.filter(
		(entry): entry is { type?: unknown; message?: unknown } =>
			typeof entry === 'object' && entry !== null,
	);
	const messages = entries
		.map((entry) => entry.message)
		.filter((message): message is string => typeof message === 'string');
	const type = entries[0]?.type;
	return {
		code: typeof type === 'string' ? type : undefined,
		message: messages.length > 0 ? messages.join('; ') : undefined,
	};
}

export const speed: Provider = {
	displayName: 'Speed',
	credentialType: 'speedApi',
	authenticate: authenticateSpeed,
	defaultBaseUrl: () => 'https://api.tryspeed.com',
	secretFields: ['secretKey'],
	// The Basic-auth header carries base64("<secret key>:"); an echo of it must be caught too.
	secretVariants: (credentials: ICredentialDataDecryptedObject) =>
		typeof credentials.secretKey === 'string' && credentials.secretKey !== ''
			? [Buffer.from(`${credentials.secretKey}:`).toString('base64')]
			: [],
	headers: (credentials: ICredentialDataDecryptedObject): Record<string, string> =>
		typeof credentials.apiVersion === 'string' && credentials.apiVersion !== ''
			? { 'speed-version': credentials.apiVersion }
			: {},
	parseError: parseSpeedError,
};
