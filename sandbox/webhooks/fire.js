// @ts-check
'use strict';
/**
 * Sends a provider's webhook to a URL, signed the way that provider signs, or spoiled on
 * purpose (`variant`) to check that the receiver refuses it. Also answers the sandbox's
 * control endpoint `POST /_webhooks/fire`.
 */
const http = require('node:http');
const https = require('node:https');
const { SIGNERS, WEBHOOK_SECRETS } = require('./signers');
const { EVENTS } = require('./events');

const FIRE_PATH = '/_webhooks/fire';
const VARIANTS = ['genuine', 'unsigned', 'wrongSecret', 'tampered', 'stale', 'future'];
const AUTH_HEADERS = [
	'webhook-signature',
	'x-hmac-signature',
	'x-api-key',
	'x-secret',
	'x-webhook-api-key',
];
const HOUR_MS = 3_600_000;

const WRONG_SECRETS = {
	speed: `wsec_${Buffer.from('not-the-endpoint-secret-000000001').toString('base64')}`,
	yuno: {
		hmacClientSecret: 'not_the_hmac_secret',
		apiKey: 'not_the_api_key',
		secret: 'not_the_x_secret',
	},
	sprintcheckout: 'not_the_webhook_api_key',
	upag: 'not_the_path_secret',
};

/**
 * The request a provider would send for `variant` (see VARIANTS). `event` is the payload (an
 * object, or text sent as it is; a sample event when absent), `secret` the one to sign with
 * (the sandbox's own when absent).
 * @param {{ provider: string, url: string, event?: object | string, secret?: string | { hmacClientSecret?: string, apiKey?: string, secret?: string }, variant?: string, nowMs?: number }} options
 * @returns {import('./signers').Delivery}
 */
function prepare({ provider, url, event, secret, variant = 'genuine', nowMs = Date.now() }) {
	const sign = SIGNERS[provider];
	if (!sign) throw new RangeError(`unknown provider "${provider}"`);
	if (!VARIANTS.includes(variant))
		throw new RangeError(`unknown variant "${variant}"; known: ${VARIANTS.join(', ')}`);
	const body = typeof event === 'string' ? event : JSON.stringify(event ?? EVENTS[provider]());
	const key =
		variant === 'wrongSecret' ? WRONG_SECRETS[provider] : (secret ?? WEBHOOK_SECRETS[provider]);
	const shift = { stale: -HOUR_MS, future: HOUR_MS }[variant] ?? 0;
	const request = sign({ url, body, secret: key, nowMs: nowMs + shift });
	if (variant === 'unsigned') {
		for (const name of Object.keys(request.headers)) {
			if (AUTH_HEADERS.includes(name.toLowerCase())) delete request.headers[name];
		}
		if (provider === 'upag') request.url = url.replace(':secret', 'none');
	}
	if (variant === 'tampered') {
		// One byte changed after signing: the last digit of the body, or its last character.
		const bytes = Buffer.from(request.body, 'utf8');
		const at = Math.max(
			0,
			bytes.findLastIndex((byte) => byte >= 0x30 && byte <= 0x39),
		);
		bytes[at] = bytes[at] === 0x39 ? 0x38 : bytes[at] + 1;
		request.body = bytes.toString('utf8');
	}
	return request;
}

/** POSTs a prepared request; resolves to `{ status, body }` of the receiver's answer. */
function send({ url, body, headers }) {
	const target = new URL(url);
	const client = target.protocol === 'https:' ? https : http;
	const payload = Buffer.from(body, 'utf8');
	return new Promise((resolve, reject) => {
		const req = client.request(
			target,
			{
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'content-length': payload.length,
					...headers,
				},
			},
			(res) => {
				const chunks = [];
				res.on('data', (chunk) => chunks.push(chunk));
				res.on('end', () =>
					resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }),
				);
			},
		);
		req.on('error', reject);
		req.end(payload);
	});
}

/** Prepares and sends one webhook; resolves to `{ status, body, sent }`. */
async function fireWebhook(options) {
	const sent = prepare(options);
	const answer = await send(sent);
	return { ...answer, sent };
}

/**
 * `POST /_webhooks/fire` with `{ provider, url, event?, secret?, variant? }`: fires the
 * webhook and answers 200 `{ status, body, sent }` (the receiver's answer), or 400.
 */
async function handleFireRequest(rawBody) {
	let options;
	try {
		options = JSON.parse(rawBody);
		return { status: 200, body: await fireWebhook(options) };
	} catch (err) {
		return { status: 400, body: { message: String(err && err.message) } };
	}
}

module.exports = {
	FIRE_PATH,
	VARIANTS,
	WRONG_SECRETS,
	prepare,
	send,
	fireWebhook,
	handleFireRequest,
};
