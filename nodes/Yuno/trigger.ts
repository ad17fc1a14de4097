import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { EventSummary, ReceivedCall, TriggerSpec } from '../shared/webhookTrigger';
import { textAt } from '../shared/webhookTrigger';
import type { Rejection } from '../shared/webhookVerify';
import { checkReceived, configuredSecrets, hmacSha256, safeEqual } from '../shared/webhookVerify';

function hmacSecretsOf(credentials: ICredentialDataDecryptedObject): string[] {
	return configuredSecrets(credentials.hmacClientSecret, credentials.previousHmacClientSecret);
}

/** A header that must equal a configured value; undefined when the value is not configured. */
function staticHeaderCheck(call: ReceivedCall, name: string, want: unknown): Rejection | undefined {
	const [expected] = configuredSecrets(want);
	if (expected === undefined) return undefined;
	const got = call.header(name);
	if (got === undefined) return 'missingSignature';
	return safeEqual(expected, got) ? undefined : 'signatureMismatch';
}

/*
 * Every method configured in the credential must pass (Yuno: "All the methods are optional
 * and you can combine them"). The HMAC is Base64(HMAC-SHA256(client secret, raw body)); no
 * timestamp is signed, so a captured call stays valid: only the repeat window stops a replay.
 */
function verify(
	call: ReceivedCall,
	credentials: ICredentialDataDecryptedObject,
): Rejection | undefined {
	const hmacSecrets = hmacSecretsOf(credentials);
	const staticOnes = configuredSecrets(credentials.apiKey, credentials.secret);
	if (hmacSecrets.length === 0 && staticOnes.length === 0) return 'noSecretConfigured';
	const headerProblem =
		staticHeaderCheck(call, 'x-api-key', credentials.apiKey) ??
		staticHeaderCheck(call, 'x-secret', credentials.secret);
	if (headerProblem !== undefined) return headerProblem;
	if (hmacSecrets.length === 0) return undefined;
	const expected = hmacSecrets.map((secret) =>
		hmacSha256(Buffer.from(secret, 'utf8'), call.rawBody).toString('base64'),
	);
	return checkReceived(expected, call.header('x-hmac-signature'));
}

/** The docs show type_event both as "payment.purchase" (examples) and "purchase" next to type "payment" (table). */
function eventTypeOf(event: IDataObject): string | undefined {
	const typeEvent = textAt(event, 'type_event');
	const type = textAt(event, 'type');
	if (typeEvent === undefined || typeEvent.includes('.') || type === undefined) return typeEvent;
	return `${type}.${typeEvent}`;
}

function summarize(event: IDataObject): EventSummary {
	return {
		eventType: eventTypeOf(event),
		// The docs name data.idempotency_key; their payment example has it under data.payment.
		eventId: textAt(event, 'data.idempotency_key') ?? textAt(event, 'data.payment.idempotency_key'),
		sessionId: textAt(event, 'data.payment.checkout.session'),
		status: textAt(event, 'data.payment.status'),
	};
}

export const yunoTrigger: TriggerSpec = {
	credentialType: 'yunoWebhookApi',
	verifiedBy: (credentials) =>
		[
			hmacSecretsOf(credentials).length > 0 ? 'hmac-sha256 (x-hmac-signature)' : undefined,
			configuredSecrets(credentials.apiKey).length > 0 ? 'x-api-key' : undefined,
			configuredSecrets(credentials.secret).length > 0 ? 'x-secret' : undefined,
		]
			.filter((method) => method !== undefined)
			.join(', '),
	verify,
	summarize,
	// Yuno: de-duplicate on type_event plus the idempotency key.
	repeatKey: (_event, summary) =>
		summary.eventId === undefined ? undefined : `${summary.eventType ?? ''}|${summary.eventId}`,
	credentialProblem(credentials) {
		if (hmacSecretsOf(credentials).length > 0) return undefined;
		return configuredSecrets(credentials.apiKey, credentials.secret).length > 0
			? undefined
			: 'Enter the HMAC client secret (recommended) or the x-api-key / x-secret values';
	},
};
