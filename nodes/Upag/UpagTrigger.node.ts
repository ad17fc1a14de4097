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
import { WEBHOOK_PATH, upagTrigger } from './trigger';

export class UpagTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Upag Trigger',
		name: 'upagTrigger',
		icon: { light: 'file:../../icons/upag.svg', dark: 'file:../../icons/upag.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: 'Starts the workflow on Upag events sent to a URL that carries your secret',
		defaults: { name: 'Upag Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'upagWebhookApi', required: true, testedBy: 'upagWebhookSecretTest' }],
		webhooks: [webhookDescription(WEBHOOK_PATH)],
		properties: triggerProperties({
			setup:
				"Upag documents no webhook signature. In Upag's dashboard (Integrações), add a webhook with this node's Production URL, :secret replaced by the credential's URL secret. Calls to any other URL are answered 401. This is weaker than a signature: anyone who learns the URL can send events, and bodies are not protected.",
			events: [
				{ name: 'Cart Abandoned', value: 'cart.abandoned' },
				{ name: 'Order Canceled', value: 'order.canceled' },
				{ name: 'Order Created', value: 'order.created' },
				{ name: 'Order Failed', value: 'order.failed' },
				{ name: 'Order Paid', value: 'order.paid' },
				{ name: 'Order Pending', value: 'order.pending' },
			],
			eventsDescription: "Upag's event names to start on, as its webhooks page lists them",
		}),
	};

	methods = {
		credentialTest: { upagWebhookSecretTest: secretCredentialTest(upagTrigger) },
	};

	webhookMethods = { default: registeredInDashboard };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook(this, upagTrigger);
	}
}
