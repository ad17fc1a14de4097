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
				'The key from the Sprintcheckout dashboard ("Get paid"), sent in the X-SC-ApiKey header',
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

	authenticate = authenticateSprintcheckout;
}
