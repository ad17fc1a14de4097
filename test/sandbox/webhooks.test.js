// @ts-check
'use strict';
/** The sandbox's webhook sender and its control endpoint `POST /_webhooks/fire`. */
const http = require('node:http');
const crypto = require('node:crypto');
const { startSandbox } = require('../../sandbox');
const { WEBHOOK_SECRETS } = require('../../sandbox/webhooks/signers');
const { VARIANTS } = require('../../sandbox/webhooks/fire');

let sandbox;
let receiver;
let received;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	receiver = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			received.push({ url: req.url, headers: req.headers, body: Buffer.concat(chunks) });
			res.writeHead(202, { 'content-type': 'text/plain' }).end('got it');
		});
	});
	await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});
beforeEach(() => {
	received = [];
});
afterAll(async () => {
	await sandbox.close();
	await new Promise((resolve) => receiver.close(resolve));
});

const receiverUrl = (path = '/hook') => `http://127.0.0.1:${receiver.address().port}${path}`;

async function fire(options) {
	const response = await fetch(`${sandbox.url}/_webhooks/fire`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(options),
	});
	/** @type {any} the control endpoint's JSON answer */
	const json = await response.json();
	return { status: response.status, json };
}

test("fires a Speed event signed as the docs describe and reports the receiver's answer", async () => {
	const { status, json } = await fire({ provider: 'speed', url: receiverUrl() });
	expect(status).toBe(200);
	expect(json).toMatchObject({ status: 202, body: 'got it' });
	const [call] = received;
	const {
		'webhook-id': id,
		'webhook-timestamp': ts,
		'webhook-signature': signature,
	} = call.headers;
	const key = Buffer.from(WEBHOOK_SECRETS.speed.slice('wsec_'.length), 'base64');
	const expected = crypto
		.createHmac('sha256', key)
		.update(Buffer.concat([Buffer.from(`${id}.${ts}.`), call.body]))
		.digest('base64');
	expect(signature).toBe(`v1,${expected}`);
	expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(60);
	expect(JSON.parse(call.body.toString())).toMatchObject({
		object: 'events',
		event_type: 'checkout_session.paid',
	});
	expect(call.body.toString()).toBe(json.sent.body);
});

test('Yuno: x-hmac-signature over the raw body, x-api-key and x-secret', async () => {
	await fire({ provider: 'yuno', url: receiverUrl() });
	const [call] = received;
	const hmac = crypto
		.createHmac('sha256', WEBHOOK_SECRETS.yuno.hmacClientSecret)
		.update(call.body)
		.digest('base64');
	expect(call.headers).toMatchObject({
		'x-hmac-signature': hmac,
		'x-api-key': WEBHOOK_SECRETS.yuno.apiKey,
		'x-secret': WEBHOOK_SECRETS.yuno.secret,
	});
});

test('Sprintcheckout: the key in X-Webhook-Api-Key; Upag: the secret in the URL', async () => {
	await fire({ provider: 'sprintcheckout', url: receiverUrl() });
	await fire({ provider: 'upag', url: receiverUrl('/hook/:secret') });
	expect(received[0].headers['x-webhook-api-key']).toBe(WEBHOOK_SECRETS.sprintcheckout);
	expect(received[1].url).toBe(`/hook/${WEBHOOK_SECRETS.upag}`);
});

test('a given event is sent byte for byte', async () => {
	const event = '{"event":"order.paid","data":{"id":"or_1","status":"paid"}}';
	await fire({ provider: 'upag', url: receiverUrl('/hook/:secret'), event });
	expect(received[0].body.toString()).toBe(event);
});

test('spoiled variants: no auth headers, another secret, one changed byte, an hour off', async () => {
	const event = JSON.stringify({
		id: 'evt_1',
		event_type: 'payment.created',
		data: { object: { amount: 12 } },
	});
	const sent = {};
	for (const variant of VARIANTS) {
		sent[variant] = (
			await fire({ provider: 'speed', url: receiverUrl(), event, variant })
		).json.sent;
	}
	expect(sent.unsigned.headers['webhook-signature']).toBeUndefined();
	expect(sent.wrongSecret.headers['webhook-signature']).not.toBe(
		sent.genuine.headers['webhook-signature'],
	);
	const diff = [...Buffer.from(sent.tampered.body)].filter(
		(byte, i) => byte !== Buffer.from(event)[i],
	);
	expect(diff).toHaveLength(1);
	expect(Number(sent.stale.headers['webhook-timestamp'])).toBeCloseTo(
		Number(sent.genuine.headers['webhook-timestamp']) - 3600,
		-1,
	);
	expect(Number(sent.future.headers['webhook-timestamp'])).toBeCloseTo(
		Number(sent.genuine.headers['webhook-timestamp']) + 3600,
		-1,
	);
	expect(received).toHaveLength(VARIANTS.length);
});

test('bad requests to the control endpoint are answered 400', async () => {
	expect((await fire({ provider: 'nope', url: receiverUrl() })).status).toBe(400);
	expect((await fire({ provider: 'speed', url: receiverUrl(), variant: 'nope' })).status).toBe(400);
	const raw = await fetch(`${sandbox.url}/_webhooks/fire`, { method: 'POST', body: 'not json' });
	expect(raw.status).toBe(400);
});

describe("Yuno's webhooks API (create, retrieve, delete)", () => {
	const { SANDBOX_KEYS } = require('../../sandbox');
	const keys = SANDBOX_KEYS.yuno;
	const headers = {
		'public-api-key': keys.publicApiKey,
		'private-secret-key': keys.privateSecretKey,
		'content-type': 'application/json',
	};
	const yuno = async (method, path, body) => {
		const response = await fetch(`${sandbox.baseUrls.yuno}${path}`, {
			method,
			headers,
			body: body && JSON.stringify(body),
		});
		/** @type {any} the sandbox's JSON answer */
		const answer = await response.json().catch(() => null);
		return { status: response.status, body: answer };
	};
	const input = {
		account_id: keys.accountId,
		name: 'listener',
		url: 'https://shop.example/hook',
		hmac_client_secret: 'h',
		payment_triggers: ['PURCHASE'],
	};
	const q = `?account_id=${keys.accountId}`;

	afterEach(() => sandbox.reset());

	test('create answers 201 with the secrets masked; retrieve, list and delete see it; reset forgets it', async () => {
		const created = await yuno('POST', '/webhooks', input);
		expect(created).toMatchObject({
			status: 201,
			body: {
				name: 'listener',
				state: 'ACTIVE',
				url: input.url,
				hmac_client_secret: '***',
				api_key: null,
				payment_triggers: ['PURCHASE'],
			},
		});
		const { id } = created.body;
		expect(await yuno('GET', `/webhooks/${id}${q}`)).toMatchObject({ status: 200, body: { id } });
		expect((await yuno('GET', `/webhooks${q}`)).body.map((w) => w.id)).toEqual([id]);
		expect(await yuno('DELETE', `/webhooks/${id}${q}`)).toMatchObject({
			status: 200,
			body: { id },
		});
		expect(await yuno('GET', `/webhooks/${id}${q}`)).toMatchObject({
			status: 404,
			body: { code: 'WEBHOOK_NOT_FOUND' },
		});
		await yuno('POST', '/webhooks', input);
		sandbox.reset();
		expect((await yuno('GET', `/webhooks${q}`)).body).toEqual([]);
	});

	test('refusals: no trigger, an unknown trigger, a bad URL, another account, a name taken', async () => {
		expect((await yuno('POST', '/webhooks', { ...input, payment_triggers: [] })).body.code).toBe(
			'WEBHOOK_INVALID_TRIGGER',
		);
		expect(
			(await yuno('POST', '/webhooks', { ...input, payment_triggers: ['FRAUD_SCREENING'] })).body
				.code,
		).toBe('WEBHOOK_INVALID_TRIGGER');
		expect((await yuno('POST', '/webhooks', { ...input, url: 'ftp://x' })).status).toBe(400);
		expect(
			(
				await yuno('POST', '/webhooks', {
					...input,
					account_id: '11111111-1111-4111-8111-111111111111',
				})
			).body.code,
		).toBe('INVALID_ACCOUNT_ID');
		expect((await yuno('POST', '/webhooks', input)).status).toBe(201);
		expect(await yuno('POST', '/webhooks', input)).toMatchObject({
			status: 409,
			body: { code: 'WEBHOOK_ALREADY_EXISTS' },
		});
		expect((await yuno('GET', '/webhooks/1')).body.code).toBe('WEBHOOK_INVALID_REQUEST');
	});
});
