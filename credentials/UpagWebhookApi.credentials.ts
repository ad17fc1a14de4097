import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Upag documents no webhook signature and no custom headers, so the only secret a call can
 * carry is one inside the URL the merchant enters. Weaker than a signature: see the README.
 */
export class UpagWebhookApi implements ICredentialType {
	name = 'upagWebhookApi';

	displayName = 'Upag Webhook API';

	icon = { light: 'file:../icons/upag.svg', dark: 'file:../icons/upag.dark.svg' } as const;

	documentationUrl =
		'https://github.com/n8n-nodes-checkout-sessions/n8n-nodes-checkout-sessions#upag-trigger';

	properties: INodeProperties[] = [
		{
			displayName: 'URL Secret',
			name: 'pathSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A random value of at least 24 letters, digits, - or _ (e.g. from a password generator). It replaces :secret at the end of the URL you enter in Upag.',
		},
		{
			displayName: 'Previous URL Secret',
			name: 'previousPathSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'While changing the URL in Upag: the old secret, also accepted until you clear this field',
		},
	];
}
