import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The endpoint's signing secret, apart from the API key: receiving Speed's events needs
 * only this, and the API key need not be stored in a workflow that only listens.
 */
export class SpeedWebhookApi implements ICredentialType {
	name = 'speedWebhookApi';

	displayName = 'Speed Webhook API';

	icon = { light: 'file:../icons/speed.svg', dark: 'file:../icons/speed.dark.svg' } as const;

	documentationUrl =
		'https://github.com/n8n-nodes-checkout-sessions/n8n-nodes-checkout-sessions#speed-trigger';

	properties: INodeProperties[] = [
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'wsec_…',
			description:
				"The webhook endpoint's secret (wsec_…) from Speed's dashboard: Developers → Webhooks → your endpoint → reveal",
		},
		{
			displayName: 'Previous Signing Secret',
			name: 'previousSigningSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'While changing to a new secret: the old one, also accepted until you clear this field',
		},
	];
}
