// @ts-check
'use strict';
/**
 * Yuno's webhooks API (reference "Webhooks": create, retrieve, delete), for the Yuno
 * Trigger's "Register through Yuno's API". Registrations live on the Yuno store and go on
 * reset(). What `POST /_webhooks/fire` then sends is up to the caller (URL and secret).
 *
 * Modelled from the OpenAPI file `manage-webhooks.json`: `account_id`, `name` ("must be unique
 * within the account", else 409 WEBHOOK_ALREADY_EXISTS), `url` (http or https), at least one
 * trigger ("It requires at least one trigger", else 400 WEBHOOK_INVALID_TRIGGER), 201 with the
 * webhook, secrets masked as `***` (null when not set). Assumption: the sandbox accepts any
 * http(s) URL, including 127.0.0.1, where Yuno requires "a public, routable address"
 * (WEBHOOK_URL_UNSAFE is not modelled).
 */
const crypto = require('node:crypto');
const { UUID } = require('../lib/check');

const TRIGGERS = {
	payment_triggers: [
		'AUTHORIZE',
		'CANCEL',
		'CAPTURE',
		'CHARGEBACK',
		'PRECHARGEBACK',
		'PURCHASE',
		'REFUND',
		'VERIFY',
	],
	enrollment_triggers: ['ENROLL', 'UNENROLL'],
	report_triggers: ['CREATE', 'UPDATE'],
	subscription_triggers: [
		'ACTIVE',
		'CANCEL',
		'CLOSE_TO_RENEWAL',
		'COMPLETE',
		'CREATE',
		'PAUSE',
		'RESUME',
	],
	onboarding_triggers: [
		'BLOCKED',
		'CANCELLED',
		'CREATED',
		'DECLINED',
		'ERROR',
		'EXPIRED',
		'INACTIVE',
		'PENDING',
		'SUCCEEDED',
		'TRANSFERRED',
		'UNBLOCKED',
	],
};
const SECRETS = ['api_key', 'secret', 'hmac_client_secret'];

/** Gives a session store a `webhooks` map that its reset() empties too. */
function withWebhooks(store) {
	const reset = store.reset.bind(store);
	store.webhooks = new Map();
	store.reset = () => {
		reset();
		store.webhooks.clear();
	};
	return store;
}

/** The webhook as Yuno shows it: secrets masked. */
function render(webhook) {
	const shown = { ...webhook };
	for (const key of SECRETS) shown[key] = webhook[key] ? '***' : null;
	return shown;
}

/** Routes for the Yuno provider; `error` is its error shape, `accountId` the sandbox account. */
function webhookRoutes({ error, accountId }) {
	function checkAccount(value) {
		if (typeof value !== 'string' || !UUID.test(value))
			return error(400, 'account_id must be a UUID', 'WEBHOOK_INVALID_REQUEST');
		if (value !== accountId)
			return error(400, 'account_id is not an account of these credentials', 'INVALID_ACCOUNT_ID');
		return null;
	}
	function found(store, params, query) {
		const bad = checkAccount(query.account_id);
		if (bad) return { answer: bad };
		const webhook = store.webhooks.get(params.id);
		return webhook ? { webhook } : { answer: error(404, 'Webhook not found', 'WEBHOOK_NOT_FOUND') };
	}

	function createWebhook({ body, store }) {
		const input = body && typeof body === 'object' ? body : {};
		const bad = checkAccount(input.account_id);
		if (bad) return bad;
		if (typeof input.name !== 'string' || input.name.trim() === '')
			return error(400, 'name is required', 'WEBHOOK_INVALID_REQUEST');
		let url;
		try {
			url = new URL(input.url);
		} catch {
			return error(400, 'url must be an http or https URL', 'WEBHOOK_INVALID_REQUEST');
		}
		if (url.protocol !== 'http:' && url.protocol !== 'https:')
			return error(400, 'url must be an http or https URL', 'WEBHOOK_INVALID_REQUEST');
		let count = 0;
		for (const [field, allowed] of Object.entries(TRIGGERS)) {
			const values = input[field] ?? [];
			if (!Array.isArray(values) || values.some((v) => !allowed.includes(v)))
				return error(400, `${field} has an unknown trigger`, 'WEBHOOK_INVALID_TRIGGER');
			count += values.length;
		}
		if (count === 0)
			return error(400, 'At least one trigger is required', 'WEBHOOK_INVALID_TRIGGER');
		if ([...store.webhooks.values()].some((w) => w.name === input.name))
			return error(409, 'A webhook with this name already exists', 'WEBHOOK_ALREADY_EXISTS');
		const now = new Date().toISOString();
		const webhook = {
			id: String(crypto.randomInt(10000, 99999999)),
			account_id: input.account_id,
			name: input.name,
			state: 'ACTIVE',
			url: input.url,
			...Object.fromEntries(
				SECRETS.map((key) => [
					key,
					typeof input[key] === 'string' && input[key] !== '' ? input[key] : null,
				]),
			),
			...Object.fromEntries(Object.keys(TRIGGERS).map((field) => [field, input[field] ?? []])),
			created_at: now,
			updated_at: now,
		};
		store.webhooks.set(webhook.id, webhook);
		return { status: 201, body: render(webhook) };
	}

	function retrieveWebhook({ params, query, store }) {
		const { answer, webhook } = found(store, params, query);
		return answer ?? { status: 200, body: render(webhook) };
	}

	function deleteWebhook({ params, query, store }) {
		const { answer, webhook } = found(store, params, query);
		if (answer) return answer;
		store.webhooks.delete(webhook.id);
		return { status: 200, body: render(webhook) };
	}

	return [
		{ method: 'POST', path: '/webhooks', handle: createWebhook },
		{ method: 'GET', path: '/webhooks/:id', handle: retrieveWebhook },
		{ method: 'DELETE', path: '/webhooks/:id', handle: deleteWebhook },
	];
}

/** What `GET /webhooks` lists: every registration, masked. */
function listedWebhooks(store) {
	return [...store.webhooks.values()].map(render);
}

module.exports = { withWebhooks, webhookRoutes, listedWebhooks, WEBHOOK_TRIGGERS: TRIGGERS };
