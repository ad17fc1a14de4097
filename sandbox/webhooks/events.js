// @ts-check
'use strict';
/**
 * Sample events in the shapes the providers' pages show. Fields the pages cut off or leave
 * out are marked in sandbox/README.md ("Webhooks"). Each call makes fresh ids.
 */
const crypto = require('node:crypto');

const hex = (bytes) => crypto.randomBytes(bytes).toString('hex');

/** Speed events page: `id`, `event_type`, the resource under `data.object`. */
function speedEvent({
	type = 'checkout_session.paid',
	sessionId = `cs_test_${hex(8)}`,
	status = 'paid',
} = {}) {
	const now = Date.now();
	return {
		id: `evt_${hex(10)}`,
		object: 'events',
		api_version: '2022-10-15',
		event_type: type,
		data: {
			object: {
				id: sessionId,
				object: 'checkout_session',
				status,
				currency: 'USD',
				amount: 450.5,
				metadata: {},
			},
		},
		livemode: false,
		request: { id: `NL_${hex(10)}` },
		created: now,
		modified: now,
	};
}

/** Yuno payment webhook V2 (object-and-examples page): the checkout session at data.payment.checkout.session. */
function yunoEvent({
	type = 'payment.purchase',
	sessionId = crypto.randomUUID(),
	status = 'SUCCEEDED',
	idempotencyKey = crypto.randomUUID(),
} = {}) {
	const accountId = '0a0a0a0a-0000-4000-8000-000000000001';
	return {
		type: 'payment',
		type_event: type,
		account_id: accountId,
		retry: 0,
		version: 2,
		data: {
			payment: {
				id: crypto.randomUUID(),
				account_id: accountId,
				description: 'Sandbox payment',
				country: 'UY',
				status,
				sub_status: 'APPROVED',
				order_id: `Order${hex(3)}`,
				merchant_order_id: `Test${hex(3)}`,
				idempotency_key: idempotencyKey,
				amount: { currency: 'UYU', value: 1458, refunded: 0, captured: 0 },
				checkout: { session: sessionId, sdk_action_required: false },
			},
		},
	};
}

/** Sprintcheckout quick start (event, timestamp, orderId, amount, currency) + the older page's session fields. */
function sprintcheckoutEvent({
	type = 'payment.succeeded',
	sessionId = hex(12),
	status = 'SUCCESS',
	orderId = `inv-${hex(3)}`,
} = {}) {
	return {
		event: type,
		timestamp: Math.floor(Date.now() / 1000),
		orderId,
		amount: 100.5,
		currency: 'USD',
		paymentSessionId: sessionId,
		status,
	};
}

/** Upag webhooks page: `event`, the order under `data`. */
function upagEvent({ type = 'order.paid', orderId = `or_${hex(8)}`, status = 'paid' } = {}) {
	return {
		event: type,
		data: {
			id: orderId,
			status,
			payment_method: 'card',
			currency: 'brl',
			paid_amount: 1045,
			product_amount: 1000,
			customer: { id: `cus_${hex(8)}`, name: 'Teste' },
		},
	};
}

const EVENTS = {
	speed: speedEvent,
	yuno: yunoEvent,
	sprintcheckout: sprintcheckoutEvent,
	upag: upagEvent,
};

module.exports = { EVENTS, speedEvent, yunoEvent, sprintcheckoutEvent, upagEvent };
