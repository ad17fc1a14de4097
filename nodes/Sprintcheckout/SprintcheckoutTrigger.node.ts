import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	receiveWebhook,
	registeredInDashboard,
	secretCredentialTest,
	triggerProperties,
	webhookDescription,
} from '../shared/webhookTrigger';
import { sprintcheckoutTrigger } from './trigger';

export class SprintcheckoutTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sprintcheckout Trigger',
		name: 'sprintcheckoutTrigger',
		icon: {
			light: 'file:../../icons/sprintcheckout.svg',
			dark: 'file:../../icons/sprintcheckout.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description:
			'Starts the workflow on Sprintcheckout payment notifications that carry your webhook API key',
		defaults: { name: 'Sprintcheckout Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'sprintcheckoutWebhookApi',
				required: true,
				testedBy: 'sprintcheckoutWebhookKeyTest',
			},
		],
		webhooks: [webhookDescription()],
		properties: triggerProperties({
			setup:
				"In Sprintcheckout's dashboard (Notifications), set this node's Production URL as the webhook URL. Calls without the dashboard's key in X-Webhook-Api-Key are answered 401. Sprintcheckout signs nothing: the key does not protect the body, nor against a copied call being sent again.",
			events: [{ name: 'Payment Succeeded', value: 'payment.succeeded' }],
			eventsDescription:
				'Sprintcheckout documents one event name. Notifications in the older format carry no event name: only Any Event starts on them.',
		}),
	};

	methods = {
		credentialTest: { sprintcheckoutWebhookKeyTest: secretCredentialTest(sprintcheckoutTrigger) },
	};

	webhookMethods = { default: registeredInDashboard };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook(this, sprintcheckoutTrigger);
	}
}
