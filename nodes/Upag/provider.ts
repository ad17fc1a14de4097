import { parseLooseError } from '../shared/errors';
import type { SessionUrlPattern } from '../shared/session';
import type { Provider } from '../shared/types';
import { authenticateUpag } from '../../credentials/UpagApi.credentials';

export const upag: Provider = {
	displayName: 'Upag',
	credentialType: 'upagApi',
	authenticate: authenticateUpag,
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
