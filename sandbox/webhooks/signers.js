// @ts-check
'use strict';
/**
 * How each provider authenticates the webhooks it sends, written from the providers' pages
 * only (never from node code), so the triggers are checked against an independent reading.
 * Each `deliver` returns the exact request the provider would send: the body as a string
 * (the bytes that are signed), the headers, and the URL.
 */
const crypto = require('node:crypto');

/** Fixed, fake secrets the sandbox signs with unless told otherwise. */
const WEBHOOK_SECRETS = Object.freeze({
	// "wsec_" + base64 of 32 bytes, the form Speed shows (docs: "wsec_/35OeRymnQzGvej6PSURUDQYoZLwhp").
	speed: `wsec_${Buffer.from('sandbox-speed-webhook-secret-0001').toString('base64')}`,
	yuno: Object.freeze({
		hmacClientSecret: 'yuno_sandbox_hmac_client_secret_0001',
		apiKey: 'yuno_sandbox_webhook_api_key_0001',
		secret: 'yuno_sandbox_webhook_x_secret_0001',
	}),
	sprintcheckout: 'sc_sandbox_webhook_api_key_0001',
	upag: 'upag_sandbox_path_secret_0001_Zq7',
});

/**
 * The request a provider sends: `body` is the exact text that is signed.
 * @typedef {{ url: string, body: string, headers: Record<string, string> }} Delivery
 */

/**
 * Speed (verify-signatures page; the Standard Webhooks spec for the steps our copy cuts off):
 * key = base64-decode(secret without "wsec_"); signature = base64(HMAC-SHA256(key,
 * "<webhook-id>.<webhook-timestamp>.<body>")); header "webhook-signature: v1,<signature>",
 * several space-separated when more than one key signs.
 * @param {{ url: string, body: string, secret?: string, extraSecrets?: string[], nowMs?: number, messageId?: string }} delivery
 * @returns {Delivery}
 */
function deliverSpeed({
	url,
	body,
	secret = WEBHOOK_SECRETS.speed,
	extraSecrets = [],
	nowMs = Date.now(),
	messageId,
}) {
	const id = messageId ?? `msg_${crypto.randomBytes(12).toString('hex')}`;
	const timestamp = String(Math.floor(nowMs / 1000));
	const signatures = [secret, ...extraSecrets].map((each) => {
		const key = Buffer.from(String(each).replace(/^wsec_/, ''), 'base64');
		const mac = crypto.createHmac('sha256', key).update(`${id}.${timestamp}.${body}`, 'utf8');
		return `v1,${mac.digest('base64')}`;
	});
	return {
		url,
		body,
		headers: {
			'webhook-id': id,
			'webhook-timestamp': timestamp,
			'webhook-signature': signatures.join(' '),
		},
	};
}

/**
 * Yuno (webhooks API "Delivery authentication" + verify-webhook-signatures-hmac):
 * x-hmac-signature = Base64(HMAC-SHA256(key = hmac_client_secret, msg = raw body)), and
 * x-api-key / x-secret as configured. Each method is optional; unset ones are not sent.
 * @param {{ url: string, body: string, secret?: { hmacClientSecret?: string, apiKey?: string, secret?: string } }} delivery
 * @returns {Delivery}
 */
function deliverYuno({ url, body, secret = WEBHOOK_SECRETS.yuno }) {
	/** @type {Record<string, string>} */
	const headers = {};
	if (secret.hmacClientSecret) {
		headers['x-hmac-signature'] = crypto
			.createHmac('sha256', Buffer.from(secret.hmacClientSecret, 'utf8'))
			.update(Buffer.from(body, 'utf8'))
			.digest('base64');
	}
	if (secret.apiKey) headers['x-api-key'] = secret.apiKey;
	if (secret.secret) headers['x-secret'] = secret.secret;
	return { url, body, headers };
}

/**
 * Sprintcheckout (quick start): the dashboard's webhook API key in `X-Webhook-Api-Key`; nothing is signed.
 * @param {{ url: string, body: string, secret?: string }} delivery
 * @returns {Delivery}
 */
function deliverSprintcheckout({ url, body, secret = WEBHOOK_SECRETS.sprintcheckout }) {
	return { url, body, headers: { 'X-Webhook-Api-Key': secret } };
}

/**
 * Upag documents no signature and no custom headers: the only secret a merchant controls is
 * the URL entered in the dashboard. A `:secret` segment in the URL is replaced by the secret.
 * @param {{ url: string, body: string, secret?: string }} delivery
 * @returns {Delivery}
 */
function deliverUpag({ url, body, secret = WEBHOOK_SECRETS.upag }) {
	return { url: url.replace(':secret', encodeURIComponent(secret)), body, headers: {} };
}

const SIGNERS = {
	speed: deliverSpeed,
	yuno: deliverYuno,
	sprintcheckout: deliverSprintcheckout,
	upag: deliverUpag,
};

module.exports = {
	WEBHOOK_SECRETS,
	SIGNERS,
	deliverSpeed,
	deliverYuno,
	deliverSprintcheckout,
	deliverUpag,
};
