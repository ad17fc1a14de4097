import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	receiveWebhook,
	secretCredentialTest,
	triggerProperties,
	webhookDescription,
} from '../shared/webhookTrigger';
import { yunoTrigger } from './trigger';
import { registeredThroughYunoApi } from './webhookRegistration';

export class YunoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Yuno Trigger',
		name: 'yunoTrigger',
		icon: { light: 'file:../../icons/yuno.svg', dark: 'file:../../icons/yuno.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description:
			'Starts the workflow on Yuno payment events whose HMAC signature or headers check out',
		defaults: { name: 'Yuno Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'yunoWebhookApi', required: true, testedBy: 'yunoWebhookSecretTest' },
			{ name: 'yunoApi', required: true, displayOptions: { show: { registration: ['api'] } } },
		],
		webhooks: [webhookDescription()],
		properties: [
			{
				displayName: 'Registration',
				name: 'registration',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Paste the URL in Yuno’s Dashboard',
						value: 'dashboard',
						description: 'Developers → Webhooks → Add webhook, with HMAC authentication on',
					},
					{
						name: 'Register Through Yuno’s API',
						value: 'api',
						description:
							'Activating the workflow creates the webhook at Yuno (with the HMAC client secret of the webhook credential); deactivating deletes it. Needs the Yuno API credential.',
					},
				],
				default: 'dashboard',
			},
			...triggerProperties({
				setup:
					'With the dashboard: Developers → Webhooks → Add webhook, paste this node\'s Production URL, turn on "Use HMAC Authentication" with the client secret of the webhook credential, and choose the payment triggers. Yuno signs no timestamp: a copied call stays valid, and only the repeat window below stops it running twice.',
				events: [
					{ name: 'Payment Authorize', value: 'payment.authorize' },
					{ name: 'Payment Cancel', value: 'payment.cancel' },
					{ name: 'Payment Capture', value: 'payment.capture' },
					{ name: 'Payment Chargeback', value: 'payment.chargeback' },
					{ name: 'Payment Fraud Screening', value: 'payment.fraud_screening' },
					{ name: 'Payment Purchase', value: 'payment.purchase' },
					{ name: 'Payment Refund', value: 'payment.refund' },
					{ name: 'Payment Verify', value: 'payment.verify' },
				],
				eventsDescription:
					"Yuno's type_event values to start on. Yuno has no checkout-session events: payment events carry the session at data.payment.checkout.session.",
			}),
		],
	};

	methods = {
		credentialTest: { yunoWebhookSecretTest: secretCredentialTest(yunoTrigger) },
	};

	webhookMethods = { default: registeredThroughYunoApi };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook(this, yunoTrigger);
	}
}
