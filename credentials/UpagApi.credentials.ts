import type { IAuthenticateGeneric, ICredentialType, INodeProperties } from 'n8n-workflow';

export class UpagApi implements ICredentialType {
	name = 'upagApi';

	displayName = 'Upag API';

	icon = { light: 'file:../icons/upag.svg', dark: 'file:../icons/upag.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-checkout-sessions/n8n-nodes-checkout-sessions#upag';

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

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.token}}' },
		},
	};
}
