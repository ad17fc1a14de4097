import type { IAuthenticateGeneric, ICredentialType, INodeProperties } from 'n8n-workflow';

export class SprintcheckoutApi implements ICredentialType {
	name = 'sprintcheckoutApi';

	displayName = 'Sprintcheckout API';

	icon = { light: 'file:../icons/sprintcheckout.svg', dark: 'file:../icons/sprintcheckout.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-checkout-sessions/n8n-nodes-checkout-sessions#sprintcheckout';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The key from the Sprintcheckout dashboard ("Get paid"), sent in the X-SC-ApiKey header',
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

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { 'X-SC-ApiKey': '={{$credentials.apiKey}}' },
		},
	};
}
