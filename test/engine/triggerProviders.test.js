// @ts-check
'use strict';
/** What is particular to each provider's trigger, through the same engine harness. */
const { createTrigger } = require('./triggerHarness');
const { TRIGGERS, asRequest } = require('./triggerCases');
const { prepare } = require('../../sandbox/webhooks/fire');
const {
	EVENTS,
	speedEvent,
	yunoEvent,
	sprintcheckoutEvent,
	upagEvent,
} = require('../../sandbox/webhooks/events');
const { SIGNERS, WEBHOOK_SECRETS } = require('../../sandbox/webhooks/signers');

const URL_BASE = 'http://127.0.0.1:5678/webhook/b5a7e0d2-7f6c-4c43-9d5e-1f0a3c2b4d6e';

/**
 * The provider's trigger alone, listening to `events`, with the test's own credential if given;
 * `send` delivers an event as the sandbox prepares it.
 * @param {string} provider
 * @param {{ events?: string[], credentials?: import('n8n-workflow').ICredentialDataDecryptedObject }} [options]
 */
function setUp(provider, { events = ['*'], credentials } = {}) {
	const spec = TRIGGERS[provider];
	const { deliver } = createTrigger({
		type: spec.type,
		parameters: { events },
		credentials: credentials ?? spec.credentials,
	});
	const url = `${URL_BASE}/${spec.path}`;
	const send = (event, options = {}) =>
		deliver(asRequest(spec.path, prepare({ provider, url, event, ...options })));
	return { deliver, send, url, spec };
}

test.each(Object.keys(TRIGGERS))(
	'%s: no secret of the credential reaches the output or the refusal',
	async (provider) => {
		const { send, spec } = setUp(provider);
		const accepted = await send(EVENTS[provider]());
		const refused = await send(EVENTS[provider](), { variant: 'wrongSecret' });
		const text = JSON.stringify([accepted.output.map((item) => item.json), refused.body]);
		const secrets = Object.values(spec.credentials).filter(
			(v) => typeof v === 'string' && v !== '',
		);
		expect(secrets.length).toBeGreaterThan(0);
		for (const secret of secrets) expect(text).not.toContain(secret);
		expect(accepted.started).toBe(true);
	},
);

test.each(Object.keys(TRIGGERS))(
	'%s: the production URL n8n computes is <base>/webhook/<node webhook id>/<path>',
	(provider) => {
		const spec = TRIGGERS[provider];
		const { webhookUrl } = createTrigger({
			type: spec.type,
			parameters: { events: ['*'] },
			credentials: spec.credentials,
		});
		// Upag's ends in /:secret, which the user replaces with the URL secret when entering it in Upag.
		expect(webhookUrl()).toBe(
			`http://localhost:5678/webhook/b5a7e0d2-7f6c-4c43-9d5e-1f0a3c2b4d6e/${spec.path}`,
		);
	},
);

describe('Speed', () => {
	test('a retry (new webhook-id, timestamp and signature, same event id) does not run twice', async () => {
		const { send } = setUp('speed');
		const event = speedEvent();
		expect((await send(event)).started).toBe(true);
		const retry = await send(event, { nowMs: Date.now() + 1000 });
		expect(retry).toMatchObject({ started: false, status: 200 });
	});

	test('the tolerance option widens the window for stale timestamps', async () => {
		const spec = TRIGGERS.speed;
		const wide = createTrigger({
			type: spec.type,
			parameters: { events: ['*'], options: { toleranceSeconds: 7200 } },
			credentials: spec.credentials,
		});
		const stale = prepare({
			provider: 'speed',
			url: `${URL_BASE}/webhook`,
			event: speedEvent(),
			variant: 'stale',
		});
		expect((await wide.deliver(asRequest(spec.path, stale))).started).toBe(true);
	});

	test('only the selected event types start an execution', async () => {
		const { send } = setUp('speed', { events: ['checkout_session.paid'] });
		expect((await send(speedEvent({ type: 'checkout_session.paid' }))).started).toBe(true);
		expect(
			(await send(speedEvent({ type: 'checkout_session.created', status: 'active' }))).started,
		).toBe(false);
	});
});

describe('Yuno', () => {
	test('type_event written as in the docs\' table ("purchase" beside type "payment") matches payment.purchase', async () => {
		const { send } = setUp('yuno', { events: ['payment.purchase'] });
		const event = { ...yunoEvent(), type_event: 'purchase' };
		const outcome = await send(event);
		expect(outcome.started).toBe(true);
		expect(outcome.output[0].json.eventType).toBe('payment.purchase');
	});

	test('a re-delivery (retry counter up, same idempotency key) does not run twice', async () => {
		const { send } = setUp('yuno');
		const event = yunoEvent();
		expect((await send(event)).started).toBe(true);
		expect((await send({ ...event, retry: 1 })).started).toBe(false);
	});

	test('with an HMAC secret only, the x-api-key / x-secret headers are not required', async () => {
		const hmacOnly = { hmacClientSecret: WEBHOOK_SECRETS.yuno.hmacClientSecret };
		const { deliver, url } = setUp('yuno', { credentials: hmacOnly });
		const request = SIGNERS.yuno({ url, body: JSON.stringify(yunoEvent()), secret: hmacOnly });
		expect(request.headers['x-api-key']).toBeUndefined();
		const outcome = await deliver(asRequest('webhook', request));
		expect(outcome.output[0].json.verifiedBy).toBe('hmac-sha256 (x-hmac-signature)');
	});

	test('verifiedBy names every method the credential made the trigger check', async () => {
		const outcome = await setUp('yuno').send(yunoEvent());
		expect(outcome.output[0].json.verifiedBy).toBe(
			'hmac-sha256 (x-hmac-signature), x-api-key, x-secret',
		);
	});

	test('with x-api-key / x-secret only, both must be present and match', async () => {
		const headersOnly = {
			apiKey: WEBHOOK_SECRETS.yuno.apiKey,
			secret: WEBHOOK_SECRETS.yuno.secret,
		};
		const { deliver, url } = setUp('yuno', { credentials: headersOnly });
		const body = JSON.stringify(yunoEvent());
		const good = SIGNERS.yuno({ url, body, secret: headersOnly });
		const accepted = await deliver(asRequest('webhook', good));
		expect(accepted.started).toBe(true);
		expect(accepted.output[0].json.verifiedBy).toBe('x-api-key, x-secret');
		const wrongSecret = SIGNERS.yuno({
			url,
			body: JSON.stringify(yunoEvent()),
			secret: { ...headersOnly, secret: 'other' },
		});
		expect(await deliver(asRequest('webhook', wrongSecret))).toMatchObject({
			started: false,
			status: 401,
		});
		const noApiKey = SIGNERS.yuno({
			url,
			body: JSON.stringify(yunoEvent()),
			secret: { secret: headersOnly.secret },
		});
		expect(await deliver(asRequest('webhook', noApiKey))).toMatchObject({
			started: false,
			status: 401,
		});
	});
});

describe('Sprintcheckout', () => {
	test('the same session PENDING then SUCCESS runs twice; SUCCESS again does not', async () => {
		const { send } = setUp('sprintcheckout');
		const pending = sprintcheckoutEvent({ status: 'PENDING' });
		const success = { ...pending, status: 'SUCCESS' };
		expect((await send(pending)).started).toBe(true);
		expect((await send(success)).started).toBe(true);
		expect((await send(success)).started).toBe(false);
	});

	test('a notification in the older format (no event name) runs only under Any Event', async () => {
		const old = {
			orderId: 'woo-12334',
			amount: 1,
			currency: 'GBP',
			paymentSessionId: 'NjQyYWRiN6Y0NTZiZjAzNDIxMWQxY2Vi',
			status: 'SUCCESS',
		};
		expect(
			(await setUp('sprintcheckout', { events: ['payment.succeeded'] }).send(old)).started,
		).toBe(false);
		const any = await setUp('sprintcheckout').send(old);
		expect(any.output[0].json).toMatchObject({
			eventType: null,
			sessionId: old.paymentSessionId,
			status: 'SUCCESS',
		});
	});
	test('repeats are told by the session id, else the order id; a notification with neither runs each time', async () => {
		const { send } = setUp('sprintcheckout');
		const { paymentSessionId, ...byOrder } = sprintcheckoutEvent({ status: 'SUCCESS' });
		expect(typeof paymentSessionId).toBe('string');
		expect((await send(byOrder)).started).toBe(true);
		expect((await send(byOrder)).started).toBe(false);
		const { orderId, ...anonymous } = byOrder;
		expect(typeof orderId).toBe('string');
		expect((await send(anonymous)).started).toBe(true);
		expect((await send(anonymous)).started).toBe(true);
	});
});

describe('Upag', () => {
	test('a URL secret shorter than 24 characters in the credential refuses everything', async () => {
		const weak = 'short_secret';
		const { deliver, url } = setUp('upag', { credentials: { pathSecret: weak } });
		const request = SIGNERS.upag({ url, body: JSON.stringify(upagEvent()), secret: weak });
		expect(await deliver(asRequest('webhook/:secret', request))).toMatchObject({
			started: false,
			status: 401,
			body: { reason: 'noSecretConfigured' },
		});
	});

	test('order.paid twice for the same order runs once; order.canceled for it still runs', async () => {
		const { send } = setUp('upag');
		const paid = upagEvent();
		expect((await send(paid)).started).toBe(true);
		expect((await send(paid)).started).toBe(false);
		expect(
			(await send({ ...paid, event: 'order.canceled', data: { ...paid.data, status: 'canceled' } }))
				.started,
		).toBe(true);
	});
});
