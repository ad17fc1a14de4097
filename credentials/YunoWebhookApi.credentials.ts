import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * What Yuno sends with each webhook (the HMAC client secret, x-api-key, x-secret), apart
 * from the API keys: a workflow that only listens needs none of those.
 */
export class YunoWebhookApi implements ICredentialType {
	name = 'yunoWebhookApi';

	displayName = 'Yuno Webhook API';

	icon = { light: 'file:../icons/yuno.svg', dark: 'file:../icons/yuno.dark.svg' } as const;

	documentationUrl =
		'https://github.com/n8n-nodes-checkout-sessions/n8n-nodes-checkout-sessions#yuno-trigger';

	properties: INodeProperties[] = [
		{
			displayName: 'HMAC Client Secret',
			name: 'hmacClientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The client secret entered under "Use HMAC Authentication" for the webhook in Yuno\'s dashboard. Yuno signs each body with it (x-hmac-signature). Strongly recommended.',
		},
		{
			displayName: 'Previous HMAC Client Secret',
			name: 'previousHmacClientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'While changing to a new client secret: the old one, also accepted until you clear this field',
		},
		{
			displayName: 'X-API-Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"The x-api-key entered for the webhook in Yuno's dashboard; when set, calls must carry it",
		},
		{
			displayName: 'X-Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"The x-secret entered for the webhook in Yuno's dashboard; when set, calls must carry it",
		},
	];
}
