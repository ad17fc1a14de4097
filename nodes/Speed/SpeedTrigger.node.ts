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
import { DEFAULT_TOLERANCE_SECONDS, speedTrigger } from './trigger';

export class SpeedTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Speed Trigger',
		name: 'speedTrigger',
		icon: { light: 'file:../../icons/speed.svg', dark: 'file:../../icons/speed.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: 'Starts the workflow on Speed events whose signature checks out',
		defaults: { name: 'Speed Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'speedWebhookApi', required: true, testedBy: 'speedWebhookSecretTest' }],
		webhooks: [webhookDescription()],
		properties: triggerProperties({
			setup:
				"In Speed's dashboard (Developers → Webhooks → Add endpoint), paste this node's Production URL and select the same events. Calls without a valid webhook-signature are answered 401 and start nothing.",
			events: [
				{ name: 'Checkout Link Created', value: 'checkout_link.created' },
				{ name: 'Checkout Link Paid', value: 'checkout_link.paid' },
				{ name: 'Checkout Session Created', value: 'checkout_session.created' },
				{
					name: 'Checkout Session Paid',
					value: 'checkout_session.paid',
					description:
						"Named in Speed's own plugin code; the events page we could read does not list it",
				},
				{ name: 'Payment Created', value: 'payment.created' },
				{ name: 'Payment Expired', value: 'payment.expired' },
			],
			eventsDescription:
				"Speed's event_type values to start on. Speed sends only the events selected for the endpoint in its dashboard.",
			options: [
				{
					displayName: 'Timestamp Tolerance (Seconds)',
					name: 'toleranceSeconds',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: DEFAULT_TOLERANCE_SECONDS,
					description:
						'Calls whose webhook-timestamp is further than this from the current time, past or future, are refused',
				},
			],
		}),
	};

	methods = {
		credentialTest: { speedWebhookSecretTest: secretCredentialTest(speedTrigger) },
	};

	webhookMethods = { default: registeredInDashboard };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook(this, speedTrigger);
	}
}
