import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { EventSummary, ReceivedCall, TriggerSpec } from '../shared/webhookTrigger';
import { textAt } from '../shared/webhookTrigger';
import type { Rejection } from '../shared/webhookVerify';
import { checkReceived, configuredSecrets } from '../shared/webhookVerify';

export const WEBHOOK_PATH = 'webhook/:secret';
const SECRET_FORM = /^[A-Za-z0-9_-]{24,}$/;

function secretsOf(credentials: ICredentialDataDecryptedObject): string[] {
	return configuredSecrets(credentials.pathSecret, credentials.previousPathSecret);
}

/*
 * Upag documents neither a signature nor custom headers. What is checked is that the URL
 * carries the credential's secret: it keeps out whoever does not know the URL, but the body
 * is not covered and a copied call can be sent again.
 */
function verify(
	call: ReceivedCall,
	credentials: ICredentialDataDecryptedObject,
): Rejection | undefined {
	const secrets = secretsOf(credentials).filter((secret) => SECRET_FORM.test(secret));
	return checkReceived(secrets, call.params.secret);
}

function summarize(event: IDataObject): EventSummary {
	return {
		eventType: textAt(event, 'event'),
		eventId: textAt(event, 'data.id'),
		// Upag's documented events are about orders and carts; none names a checkout session.
		sessionId: undefined,
		status: textAt(event, 'data.status'),
	};
}

export const upagTrigger: TriggerSpec = {
	credentialType: 'upagWebhookApi',
	verifiedBy: () => 'secret in the URL (Upag signs nothing)',
	verify,
	summarize,
	// Upag documents no event id: the event name and the order (or cart) id stand in for one.
	repeatKey: (_event, summary) =>
		summary.eventId === undefined ? undefined : `${summary.eventType ?? ''}|${summary.eventId}`,
	credentialProblem(credentials) {
		const secrets = secretsOf(credentials);
		if (secrets.length === 0) return 'Enter a URL secret';
		return secrets.every((secret) => SECRET_FORM.test(secret))
			? undefined
			: 'A URL secret must be at least 24 letters, digits, - or _';
	},
};
