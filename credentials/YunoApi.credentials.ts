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
export async function authenticateYuno(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return {
		...requestOptions,
		headers: {
			...requestOptions.headers,
			'public-api-key': String(credentials.publicApiKey),
			'private-secret-key': String(credentials.privateSecretKey),
		},
	};
}

export class YunoApi implements ICredentialType {
	name = 'yunoApi';

	displayName = 'Yuno API';

	icon = { light: 'file:../icons/yuno.svg', dark: 'file:../icons/yuno.dark.svg' } as const;

	documentationUrl =
		'https://github.com/n8n-nodes-checkout-sessions/n8n-nodes-checkout-sessions#yuno';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Sandbox', value: 'sandbox', description: 'https://api-sandbox.y.uno/v1' },
				{ name: 'Production', value: 'production', description: 'https://api.y.uno/v1' },
				{ name: 'Production (EU)', value: 'eu', description: 'https://api.eu.y.uno/v1' },
			],
			default: 'sandbox',
			description: 'Keys differ per environment',
		},
		{
			displayName: 'Public API Key',
			name: 'publicApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Sent in the public-api-key header',
		},
		{
			displayName: 'Private Secret Key',
			name: 'privateSecretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Sent in the private-secret-key header',
		},
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			placeholder: '493e9374-510a-4201-9e09-de669d75f256',
			description:
				'Your Yuno account ID (UUID, from the dashboard), sent as account_id unless a node sets another',
		},
		{
			displayName: 'Base URL Override',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://api-sandbox.y.uno/v1',
			description:
				'Leave empty to use the URL of the environment above. Set it to use the local provider sandbox or a proxy: the keys are sent to this URL.',
		},
	];

	authenticate = authenticateYuno;
}
