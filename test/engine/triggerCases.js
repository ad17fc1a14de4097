'use strict';
/**
 * Per trigger: how to configure it, what the sandbox sends, and which spoiled calls the
 * provider's scheme can detect at all (a static key does not cover the body; nothing is
 * dated unless the provider signs a timestamp). Shared by the engine and e2e suites.
 */
const { WEBHOOK_SECRETS } = require('../../sandbox/webhooks/signers');

const SPEED_NEW_SECRET = `wsec_${Buffer.from('sandbox-speed-rotated-secret-00002').toString('base64')}`;

const TRIGGERS = {
	speed: {
		type: 'speedTrigger',
		path: 'webhook',
		credentials: { signingSecret: WEBHOOK_SECRETS.speed },
		// The secret being replaced stays accepted next to the new one.
		rotation: {
			credentials: { signingSecret: SPEED_NEW_SECRET, previousSigningSecret: WEBHOOK_SECRETS.speed },
			senderSecrets: [WEBHOOK_SECRETS.speed, SPEED_NEW_SECRET],
			// The old secret cleared: what it signs is refused.
			retired: { signingSecret: SPEED_NEW_SECRET },
		},
		detects: ['unsigned', 'wrongSecret', 'tampered', 'stale', 'future'],
		summary: (event) => ({
			eventType: event.event_type,
			eventId: event.id,
			sessionId: event.data.object.id,
			status: event.data.object.status,
		}),
	},
};

/** The params n8n would take from the URL for a webhook path like "upag/:secret". */
function paramsFor(path, url) {
	const names = path.split('/');
	const values = new URL(url).pathname.split('/').slice(-names.length);
	return Object.fromEntries(
		names.flatMap((name, i) => (name.startsWith(':') ? [[name.slice(1), decodeURIComponent(values[i])]] : [])),
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
