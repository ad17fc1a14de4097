import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { EventSummary, ReceivedCall, TriggerSpec } from '../shared/webhookTrigger';
import { textAt } from '../shared/webhookTrigger';
import type { Rejection } from '../shared/webhookVerify';
import { checkReceived, configuredSecrets } from '../shared/webhookVerify';

function keysOf(credentials: ICredentialDataDecryptedObject): string[] {
	return configuredSecrets(credentials.webhookApiKey, credentials.previousWebhookApiKey);
}

/*
 * Sprintcheckout documents a static key in X-Webhook-Api-Key and no signature: the key
 * proves the sender knows it, but nothing covers the body or the time of sending.
 */
function verify(
	call: ReceivedCall,
	credentials: ICredentialDataDecryptedObject,
): Rejection | undefined {
	return checkReceived(keysOf(credentials), call.header('x-webhook-api-key'));
}

function summarize(event: IDataObject): EventSummary {
	const sessionId = textAt(event, 'paymentSessionId');
	return {
		eventType: textAt(event, 'event'),
		eventId: sessionId ?? textAt(event, 'orderId'),
		sessionId,
		status: textAt(event, 'status'),
	};
}

export const sprintcheckoutTrigger: TriggerSpec = {
	credentialType: 'sprintcheckoutWebhookApi',
	verifiedBy: () => 'static key (X-Webhook-Api-Key)',
	verify,
	summarize,
	// Sprintcheckout: "Use the paymentSessionId or orderId to ensure you process each Event only
	// once". With the event and status in the key, a session's PENDING and SUCCESS both run.
	repeatKey: (_event, summary) =>
		summary.eventId === undefined
			? undefined
			: `${summary.eventType ?? ''}|${summary.status ?? ''}|${summary.eventId}`,
	credentialProblem: (credentials) =>
		keysOf(credentials).length > 0 ? undefined : 'Enter the webhook API key',
};
