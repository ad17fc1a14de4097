import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { EventSummary, ReceivedCall, TriggerSpec } from '../shared/webhookTrigger';
import { textAt } from '../shared/webhookTrigger';
import type { Rejection } from '../shared/webhookVerify';
import { anyMatch, checkTimestamp, configuredSecrets, hmacSha256 } from '../shared/webhookVerify';

export const DEFAULT_TOLERANCE_SECONDS = 300;
const SECRET_PREFIX = 'wsec_';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Speed's steps: drop the `wsec_` prefix, base64-decode the rest; the bytes are the HMAC key. */
function signingKey(secret: string): Buffer | undefined {
	const encoded = secret.trim().replace(/^wsec_/, '');
	return BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : undefined;
}

function secretsOf(credentials: ICredentialDataDecryptedObject): string[] {
	return configuredSecrets(credentials.signingSecret, credentials.previousSigningSecret);
}

/** The base64 parts of `v1,<signature>` entries; the header may list several, space-separated. */
function v1Signatures(header: string): string[] {
	return header
		.split(' ')
		.filter((entry) => entry.startsWith('v1,'))
		.map((entry) => entry.slice('v1,'.length))
		.filter((signature) => signature !== '');
}

function verify(
	call: ReceivedCall,
	credentials: ICredentialDataDecryptedObject,
): Rejection | undefined {
	const keys = secretsOf(credentials)
		.map(signingKey)
		.filter((key): key is Buffer => key !== undefined && key.length > 0);
	if (keys.length === 0) return 'noSecretConfigured';
	const id = call.header('webhook-id');
	const timestamp = call.header('webhook-timestamp');
	const signatures = v1Signatures(call.header('webhook-signature') ?? '');
	if (id === undefined || id === '' || signatures.length === 0) return 'missingSignature';
	const tolerance = Number(call.options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS);
	const late = checkTimestamp(timestamp, call.nowMs, tolerance);
	if (late !== undefined) return late;
	// Signed content: "<webhook-id>.<webhook-timestamp>.<raw body>".
	const signed = Buffer.concat([Buffer.from(`${id}.${timestamp}.`, 'utf8'), call.rawBody]);
	const expected = keys.map((key) => hmacSha256(key, signed).toString('base64'));
	return anyMatch(expected, signatures) ? undefined : 'signatureMismatch';
}

function summarize(event: IDataObject): EventSummary {
	const isSession = textAt(event, 'data.object.object') === 'checkout_session';
	return {
		eventType: textAt(event, 'event_type'),
		eventId: textAt(event, 'id'),
		sessionId: isSession ? textAt(event, 'data.object.id') : undefined,
		status: textAt(event, 'data.object.status'),
	};
}

export const speedTrigger: TriggerSpec = {
	credentialType: 'speedWebhookApi',
	verifiedBy: () => 'hmac-sha256 (webhook-signature)',
	verify,
	summarize,
	// Speed sends a new webhook-id with every retry: the event's own id is what repeats.
	repeatKey: (_event, summary) => summary.eventId,
	credentialProblem(credentials) {
		const secrets = secretsOf(credentials);
		if (secrets.length === 0) return 'Enter the signing secret';
		const bad = secrets.find((secret) => signingKey(secret) === undefined);
		return bad === undefined
			? undefined
			: `A signing secret is not "${SECRET_PREFIX}" followed by base64 text`;
	},
};
