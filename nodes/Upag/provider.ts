import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { parseLooseError } from '../shared/errors';
import type { SessionUrlPattern } from '../shared/session';
import type { CredentialProbe } from '../shared/credentialTest';
import type { Provider } from '../shared/types';

export const upag: Provider = {
	displayName: 'Upag',
	credentialType: 'upagApi',
	defaultBaseUrl: () => 'https://api.upag.io/v1',
	secretFields: ['token'],
	parseError: parseLooseError,
};

export const upagCheckoutUrls: SessionUrlPattern[] = [
	{
		example: 'https://checkout.upag.io/cs_abc123xyz',
		regex: /^https?:\/\/checkout\.upag\.io\/(cs_[^/?#\s]+)\/?(?:[?#].*)?$/i,
	},
];

/** GET of a session id that cannot exist: 404 with a good token, 401 with a bad one. */
export const upagCredentialProbe = (credentials: ICredentialDataDecryptedObject): CredentialProbe => ({
	call: { method: 'GET', path: '/checkout-sessions/cs_n8n_credential_test' },
	headers: { Authorization: `Bearer ${String(credentials.token)}` },
});
