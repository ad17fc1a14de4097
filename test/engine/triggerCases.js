// @ts-check
'use strict';
/**
 * Per trigger: how to configure it, what the sandbox sends, and which spoiled calls the
 * provider's scheme can detect at all (a static key does not cover the body; nothing is
 * dated unless the provider signs a timestamp). Shared by the engine and e2e suites.
 */
const { WEBHOOK_SECRETS } = require('../../sandbox/webhooks/signers');

const SPEED_NEW_SECRET = `wsec_${Buffer.from('sandbox-speed-rotated-secret-00002').toString('base64')}`;
const YUNO = WEBHOOK_SECRETS.yuno;
const YUNO_NEW_HMAC = 'yuno_sandbox_rotated_hmac_secret_0002';
const SPRINTCHECKOUT_NEW_KEY = 'sc_sandbox_rotated_webhook_key_0002';
const UPAG_NEW_SECRET = 'upag_sandbox_rotated_path_secret_0002';

/**
 * Rotating a credential of one secret: the new secret in `field` with the old one in
 * `previous<Field>` is accepted, the sender signing with either; once the old one is cleared
 * (`retired`), what it signs is refused.
 * @param {string} field the credential's secret field, e.g. 'signingSecret'
 * @param {string} oldSecret
 * @param {string} newSecret
 */
function singleSecretRotation(field, oldSecret, newSecret) {
	const previousField = `previous${field[0].toUpperCase()}${field.slice(1)}`;
	return {
		credentials: { [field]: newSecret, [previousField]: oldSecret },
		senderSecrets: [oldSecret, newSecret],
		retired: { [field]: newSecret },
	};
}

const TRIGGERS = {
	speed: {
		type: 'speedTrigger',
		path: 'webhook',
		credentials: { signingSecret: WEBHOOK_SECRETS.speed },
		rotation: singleSecretRotation('signingSecret', WEBHOOK_SECRETS.speed, SPEED_NEW_SECRET),
		detects: ['unsigned', 'wrongSecret', 'tampered', 'stale', 'future'],
		summary: (event) => ({
			eventType: event.event_type,
			eventId: event.id,
			sessionId: event.data.object.id,
			status: event.data.object.status,
		}),
	},
	yuno: {
		type: 'yunoTrigger',
		path: 'webhook',
		credentials: {
			hmacClientSecret: YUNO.hmacClientSecret,
			apiKey: YUNO.apiKey,
			secret: YUNO.secret,
		},
		rotation: {
			credentials: {
				hmacClientSecret: YUNO_NEW_HMAC,
				previousHmacClientSecret: YUNO.hmacClientSecret,
				apiKey: YUNO.apiKey,
				secret: YUNO.secret,
			},
			senderSecrets: [YUNO, { ...YUNO, hmacClientSecret: YUNO_NEW_HMAC }],
			retired: { hmacClientSecret: YUNO_NEW_HMAC, apiKey: YUNO.apiKey, secret: YUNO.secret },
		},
		// No timestamp is signed: a stale or future copy is not detectable as such.
		detects: ['unsigned', 'wrongSecret', 'tampered'],
		summary: (event) => ({
			eventType: event.type_event,
			eventId: event.data.payment.idempotency_key,
			sessionId: event.data.payment.checkout.session,
			status: event.data.payment.status,
		}),
	},
	sprintcheckout: {
		type: 'sprintcheckoutTrigger',
		path: 'webhook',
		credentials: { webhookApiKey: WEBHOOK_SECRETS.sprintcheckout },
		rotation: singleSecretRotation(
			'webhookApiKey',
			WEBHOOK_SECRETS.sprintcheckout,
			SPRINTCHECKOUT_NEW_KEY,
		),
		// A static key: the body and the time of sending are not covered.
		detects: ['unsigned', 'wrongSecret'],
		summary: (event) => ({
			eventType: event.event,
			eventId: event.paymentSessionId,
			sessionId: event.paymentSessionId,
			status: event.status,
		}),
	},
	upag: {
		type: 'upagTrigger',
		path: 'webhook/:secret',
		credentials: { pathSecret: WEBHOOK_SECRETS.upag },
		rotation: singleSecretRotation('pathSecret', WEBHOOK_SECRETS.upag, UPAG_NEW_SECRET),
		// Only the URL carries a secret.
		detects: ['unsigned', 'wrongSecret'],
		summary: (event) => ({
			eventType: event.event,
			eventId: event.data.id,
			sessionId: null,
			status: event.data.status,
		}),
	},
};

/** The params n8n would take from the URL for a webhook path like "upag/:secret". */
function paramsFor(path, url) {
	const names = path.split('/');
	const values = new URL(url).pathname.split('/').slice(-names.length);
	return Object.fromEntries(
		names.flatMap((name, i) =>
			name.startsWith(':') ? [[name.slice(1), decodeURIComponent(values[i])]] : [],
		),
	);
}

/** A sandbox-prepared delivery as the request a webhook server receives. */
function asRequest(path, prepared) {
	return {
		headers: prepared.headers,
		rawBody: Buffer.from(prepared.body, 'utf8'),
		params: paramsFor(path, prepared.url),
	};
}

module.exports = { TRIGGERS, asRequest, paramsFor };
