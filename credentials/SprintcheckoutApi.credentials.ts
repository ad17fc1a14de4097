import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { credentialTest } from '../nodes/shared/credentialTest';

/**
 * Adds the credential to a request. A function rather than a declarative block: n8n would
 * otherwise evaluate the block's expressions for every request of a bulk run.
 */
export async function authenticateSprintcheckout(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return {
		...requestOptions,
		headers: { ...requestOptions.headers, 'X-SC-ApiKey': String(credentials.apiKey) },
	};
}

export class SprintcheckoutApi implements ICredentialType {
	name = 'sprintcheckoutApi';

	displayName = 'Sprintcheckout API';

	icon = {
		light: 'file:../icons/sprintcheckout.svg',
		dark: 'file:../icons/sprintcheckout.dark.svg',
	} as const;

	documentationUrl =
		'https://github.com/n8n-nodes-checkout-sessions/n8n-nodes-checkout-sessions#sprintcheckout';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'In the Sprintcheckout dashboard under "Get paid". Sent in the X-SC-ApiKey header.',
		},
		{
			displayName: 'Base URL Override',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://api.sprintcheckout.com',
			description:
				'Leave empty to use https://api.sprintcheckout.com. Set it to use the local provider sandbox or a proxy: the key is sent to this URL.',
		},
	];

	// Sprintcheckout documents no read at all, so this test can only catch a refused key: it
	// sends an update without a session ID (nothing to change) and never passes (see the
	// package README).
	test: ICredentialTestRequest = credentialTest({
		provider: 'Sprintcheckout',
		documentedUrl: "'https://api.sprintcheckout.com'",
		method: 'PUT',
		url: '/api/checkout/v2/payment_session',
		body: {},
		statuses: [400, 404, 405, 422, 500].map((status): [number, string] => [
			status,
			`Not confirmed: Sprintcheckout did not refuse this key (HTTP ${status} for an update without a session ID), but Sprintcheckout documents no read, so this test can only catch a refused key. A wrong Base URL Override answers the same way: keep it empty and run the node on a real session to confirm.`,
		]),
		no2xx:
			'The Base URL accepted an update without a session ID, which Sprintcheckout does not document: it is not the Sprintcheckout API — check Base URL Override',
	});

	authenticate = authenticateSprintcheckout;
}
