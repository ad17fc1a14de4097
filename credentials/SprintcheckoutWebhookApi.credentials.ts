import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** The webhook API key from Sprintcheckout's dashboard, apart from the API key used to make calls. */
export class SprintcheckoutWebhookApi implements ICredentialType {
	name = 'sprintcheckoutWebhookApi';

	displayName = 'Sprintcheckout Webhook API';

	icon = {
		light: 'file:../icons/sprintcheckout.svg',
		dark: 'file:../icons/sprintcheckout.dark.svg',
	} as const;

	documentationUrl =
		'https://github.com/n8n-nodes-checkout-sessions/n8n-nodes-checkout-sessions#sprintcheckout-trigger';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook API Key',
			name: 'webhookApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"The webhook API key shown in Sprintcheckout's dashboard (Notifications); Sprintcheckout sends it in the X-Webhook-Api-Key header",
		},
		{
			displayName: 'Previous Webhook API Key',
			name: 'previousWebhookApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'While changing to a new key: the old one, also accepted until you clear this field',
		},
	];
}
