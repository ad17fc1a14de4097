import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

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
			description: 'Sent as "Authorization: Bearer <token>"',
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

	authenticate = authenticateUpag;
}
