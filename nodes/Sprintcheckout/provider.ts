import { parseLooseError } from '../shared/errors';
import type { SessionUrlPattern } from '../shared/session';
import type { Provider } from '../shared/types';
import { authenticateSprintcheckout } from '../../credentials/SprintcheckoutApi.credentials';

export const sprintcheckout: Provider = {
	displayName: 'Sprintcheckout',
	credentialType: 'sprintcheckoutApi',
	authenticate: authenticateSprintcheckout,
	defaultBaseUrl: () => 'https://api.sprintcheckout.com',
	secretFields: ['apiKey'],
	parseError: parseLooseError,
};

/** The session's redirectUrl, as the create and update answers document it. */
export const sprintcheckoutCheckoutUrls: SessionUrlPattern[] = [
	{
		example: 'https://app.sprintcheckout.com/?uid=3f1c2a9e-4b7d-4e21-9c55-0a8f6d2b7e13',
		regex: /^https?:\/\/app\.sprintcheckout\.com\/?\?(?:[^#]*&)?uid=([^&#\s]+)/i,
	},
];
