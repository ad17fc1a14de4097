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
export async function authenticateUpag(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return {
		...requestOptions,
		headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.token)}` },
	};
}

export class UpagApi implements ICredentialType {
	name = 'upagApi';

	displayName = 'Upag API';

	icon = { light: 'file:../icons/upag.svg', dark: 'file:../icons/upag.dark.svg' } as const;

	documentationUrl =
		'https://github.com/n8n-nodes-checkout-sessions/n8n-nodes-checkout-sessions#upag';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"Upag's documentation does not say where the token is issued: ask Upag for your API token. Sent in the Authorization header as a Bearer token.",
		},
		{
			displayName: 'Base URL Override',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://api.upag.io/v1',
			description:
				'Leave empty to use https://api.upag.io/v1. Set it to use the local provider sandbox or a proxy: the token is sent to this URL.',
		},
	];

	// Upag documents no read that answers 2xx without an existing session, so this test can
	// only catch a refused token: it never passes (see the package README).
	test: ICredentialTestRequest = credentialTest({
		provider: 'Upag',
		documentedUrl: "'https://api.upag.io/v1'",
		method: 'GET',
		url: '/checkout-sessions/cs_n8n_credential_test',
		statuses: [400, 404, 405, 422].map((status): [number, string] => [
			status,
			`Not confirmed: Upag did not refuse this token (HTTP ${status} for a session that does not exist), but Upag documents no read that works without an existing session, so this test can only catch a refused token. A wrong Base URL Override answers the same way: keep it empty and run the node on a real session to confirm.`,
		]),
		no2xx:
			'Upag answers a read of a session that does not exist with an error, but the Base URL answered it with success: it is not the Upag API — check Base URL Override',
	});

	authenticate = authenticateUpag;
}
