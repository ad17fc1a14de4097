// @ts-check
'use strict';
// Every example workflow runs in real n8n against the sandbox: the three with a manual
// trigger through `n8n execute` (headless CLI), the webhook one through its production URL
// on the running n8n. The sandbox's recorded requests and n8n's output are asserted.
const fs = require('node:fs');
const path = require('node:path');

const {
	loadState,
	nodeOutput,
	postOrderUpdated,
	postWebhook,
	sharedInstance,
	startSharedSandbox,
	wire,
} = require('./setup/context');

let state;
let sandbox;
let n8n;

beforeAll(async () => {
	state = loadState();
	n8n = sharedInstance(state);
	sandbox = await startSharedSandbox(state);
});

afterAll(async () => {
	await sandbox?.close();
});

beforeEach(() => sandbox.reset());

async function execute(id) {
	const { run, result } = await n8n.execute(id);
	if (!run)
		throw new Error(
			`n8n execute --id=${id} printed no result (${result.signal ?? result.code}):\n${result.stdout}\n${result.stderr}`,
		);
	expect(run.data.resultData.error).toBeUndefined();
	expect(run.status).toBe('success');
	return run;
}

/** A recorded Sprintcheckout update: the session id is in the body, not in the path. */
const sprintcheckoutUpdate = (status, body) => ({
	provider: 'sprintcheckout',
	method: 'PUT',
	path: '/api/checkout/v2/payment_session',
	status,
	body,
});

const bySession = (a, b) =>
	String(a.body?.sessionId ?? a.path).localeCompare(String(b.body?.sessionId ?? b.path));

test('example 1: a shop webhook updates the order’s Yuno session (amount, URL, metadata) and answers', async () => {
	await postOrderUpdated(state.mainUrl, {
		id: 'order-2002',
		session: 'a0000000-0000-4000-8000-000000000003',
		total: 99.5,
		returnUrl: 'https://shop.example.com/orders/2002/return',
		email: 'bo@example.com',
		items: 2,
	});
	// Yuno requires merchant_order_id, payment_description, country and account_id on every
	// update: the node reads the session first and sends them back with the changes.
	expect(wire(sandbox)).toEqual([
		{
			provider: 'yuno',
			method: 'GET',
			path: '/checkout/sessions/a0000000-0000-4000-8000-000000000003',
			status: 200,
			body: null,
		},
		{
			provider: 'yuno',
			method: 'PATCH',
			path: '/checkout/sessions/a0000000-0000-4000-8000-000000000003',
			status: 200,
			body: {
				merchant_order_id: 'order-2002',
				payment_description: 'Sandbox order 3',
				country: 'BR',
				account_id: '0a0a0a0a-0000-4000-8000-000000000001',
				callback_url: 'https://shop.example.com/orders/2002/return',
				amount: { currency: 'BRL', value: 99.5 },
				metadata: [
					{ key: 'shop_order', value: 'order-2002' },
					{ key: 'customer_email', value: 'bo@example.com' },
					{ key: 'items', value: '2' },
				],
			},
		},
	]);
	expect(sandbox.requests[1].headers['public-api-key']).toBe(
		'yuno_sandbox_public_not_a_real_key_0001',
	);
	expect(sandbox.session('yuno', 'a0000000-0000-4000-8000-000000000003').amount).toEqual({
		currency: 'BRL',
		value: 99.5,
	});
});

test('example 6: a shop order creates a Yuno checkout session in real n8n and the webhook answers with it', async () => {
	const order = {
		order: {
			id: 'order-3003',
			items: 2,
			country: 'BR',
			currency: 'BRL',
			total: 120.5,
			return_url: 'https://shop.example.com/orders/3003/return',
		},
	};
	const response = await postWebhook(`${state.mainUrl}/webhook/shop/order-created`, order);
	expect(response.status).toBe(200);
	const requests = wire(sandbox);
	expect(requests).toHaveLength(1);
	expect(requests[0]).toMatchObject({
		provider: 'yuno',
		method: 'POST',
		path: '/checkout/sessions',
		status: 200,
		body: {
			merchant_order_id: 'order-3003',
			payment_description: 'Order order-3003 (2 items)',
			country: 'BR',
			account_id: '0a0a0a0a-0000-4000-8000-000000000001',
			amount: { currency: 'BRL', value: 120.5 },
			callback_url: 'https://shop.example.com/orders/3003/return',
			metadata: [{ key: 'shop_order', value: 'order-3003' }],
		},
	});
	// The reply carries the session the sandbox created, which can then be read back.
	expect(response.json.order).toBe('order-3003');
	expect(typeof response.json.checkout_session).toBe('string');
	expect(sandbox.session('yuno', response.json.checkout_session)).toMatchObject({
		merchant_order_id: 'order-3003',
	});
});

test('example 2: a CSV of sessions is bulk-updated and the results are written back as CSV', async () => {
	const results = path.join(state.filesDir, 'checkout-sessions', 'results.csv');
	fs.rmSync(results, { force: true });
	const run = await execute('ExCsvBulkUpdate1');

	const sent = wire(sandbox).sort(bySession);
	expect(sent).toEqual([
		sprintcheckoutUpdate(200, {
			sessionId: 'sc_open_1',
			amount: 129.9,
			currency: 'USD',
			successUrl: 'https://shop.example.com/orders/1001/thanks',
		}),
		// "eur" in the sheet: the node's zod schema upper-cases currency codes.
		sprintcheckoutUpdate(200, {
			sessionId: 'sc_open_2',
			amount: 54,
			currency: 'EUR',
			successUrl: 'https://shop.example.com/orders/1002/thanks',
		}),
		// A payment link instead of an id, and empty cells: only the amount changes.
		sprintcheckoutUpdate(200, { sessionId: 'sc_open_3', amount: 18.5 }),
		sprintcheckoutUpdate(500, {
			sessionId: 'sc_unknown_1',
			amount: 10,
			currency: 'USD',
			successUrl: 'https://shop.example.com/orders/1004/thanks',
		}),
	]);
	expect(
		sandbox.requests.every(
			(request) => request.headers['x-sc-apikey'] === 'sc_sandbox_apikey_not_a_real_key_0001',
		),
	).toBe(true);
	expect(sandbox.session('sprintcheckout', 'sc_open_2')).toMatchObject({
		amount: 54,
		currency: 'EUR',
	});

	expect(nodeOutput(run, 'Result row')[0]).toEqual([
		{
			session_id: 'sc_open_1',
			new_amount: '129.90',
			result: 'updated',
			payment_link: 'https://app.sprintcheckout.com/?uid=sc_open_1',
			error: '',
		},
		{
			session_id: 'sc_open_2',
			new_amount: '54.00',
			result: 'updated',
			payment_link: 'https://app.sprintcheckout.com/?uid=sc_open_2',
			error: '',
		},
		{
			session_id: 'https://app.sprintcheckout.com/?uid=sc_open_3',
			new_amount: '18.50',
			result: 'updated',
			payment_link: 'https://app.sprintcheckout.com/?uid=sc_open_3',
			error: '',
		},
		{
			session_id: 'sc_unknown_1',
			new_amount: '10.00',
			result: 'failed',
			payment_link: '',
			error: '[item 3] Sprintcheckout answered 500: Payment session sc_unknown_1 not found',
		},
	]);
	const csv = fs
		.readFileSync(results, 'utf8')
		.replace(/^\uFEFF/, '')
		.trim()
		.split(/\r?\n/);
	expect(csv).toEqual([
		'session_id,new_amount,result,payment_link,error',
		'sc_open_1,129.90,updated,https://app.sprintcheckout.com/?uid=sc_open_1,',
		'sc_open_2,54.00,updated,https://app.sprintcheckout.com/?uid=sc_open_2,',
		'https://app.sprintcheckout.com/?uid=sc_open_3,18.50,updated,https://app.sprintcheckout.com/?uid=sc_open_3,',
		'sc_unknown_1,10.00,failed,,[item 3] Sprintcheckout answered 500: Payment session sc_unknown_1 not found',
	]);
});

test('example 3: one Edit Fields node drives an update at each of the four providers', async () => {
	const run = await execute('ExScheduledUpd01');
	const sent = wire(sandbox).sort((a, b) =>
		`${a.provider}${a.method}`.localeCompare(`${b.provider}${b.method}`),
	);
	expect(sent).toEqual([
		{
			provider: 'speed',
			method: 'POST',
			path: '/checkout-sessions/cs_active_1',
			status: 200,
			body: {
				success_message: 'Thanks! Your spring-sale order is on its way.',
				cancel_url: 'https://shop.example.com/cart',
				title: 'Spring sale',
				metadata: { campaign: 'spring-sale' },
			},
		},
		sprintcheckoutUpdate(200, {
			sessionId: 'sc_open_2',
			concept: 'spring-sale',
			amount: 89.9,
			currency: 'USD',
			successUrl: 'https://shop.example.com/thanks?campaign=spring-sale',
			cancelUrl: 'https://shop.example.com/cart',
		}),
		{
			provider: 'upag',
			method: 'PUT',
			path: '/checkout-sessions/cs_open_2',
			status: 200,
			body: {
				paymentMethods: ['pix', 'credit_card'],
				successUrl: 'https://shop.example.com/thanks?campaign=spring-sale',
				cancelUrl: 'https://shop.example.com/cart',
			},
		},
		{
			provider: 'yuno',
			method: 'GET',
			path: '/checkout/sessions/a0000000-0000-4000-8000-000000000002',
			status: 200,
			body: null,
		},
		{
			provider: 'yuno',
			method: 'PATCH',
			path: '/checkout/sessions/a0000000-0000-4000-8000-000000000002',
			status: 200,
			body: {
				merchant_order_id: 'order-0002',
				payment_description: 'Sandbox order 2',
				country: 'BR',
				account_id: '0a0a0a0a-0000-4000-8000-000000000001',
				callback_url: 'https://shop.example.com/thanks?campaign=spring-sale',
				amount: { currency: 'BRL', value: 449.5 },
				installments: {
					plan: [
						{ installment: 1, rate: 1 },
						{ installment: 3, rate: 1.05 },
					],
				},
			},
		},
	]);
	// Each provider's own authentication reached the sandbox.
	const speedAuth = sandbox.requests.find((request) => request.provider === 'speed').headers
		.authorization;
	expect(Buffer.from(speedAuth.replace(/^Basic /, ''), 'base64').toString()).toBe(
		'sk_test_sandbox_not_a_real_key_0001:',
	);
	expect(
		sandbox.requests.find((request) => request.provider === 'upag').headers.authorization,
	).toBe('Bearer upag_sandbox_token_not_a_real_token_0001');

	expect(nodeOutput(run, 'Speed')[0][0]).toMatchObject({
		id: 'cs_active_1',
		success_message: 'Thanks! Your spring-sale order is on its way.',
	});
	// Sprintcheckout answers only { sessionId, redirectUrl }; the fields sent confirm the change.
	expect(nodeOutput(run, 'Sprintcheckout')[0]).toEqual([
		{
			sessionId: 'sc_open_2',
			redirectUrl: 'https://app.sprintcheckout.com/?uid=sc_open_2',
			sent: {
				amount: 89.9,
				cancelUrl: 'https://shop.example.com/cart',
				concept: 'spring-sale',
				currency: 'USD',
				successUrl: 'https://shop.example.com/thanks?campaign=spring-sale',
			},
		},
	]);
	expect(nodeOutput(run, 'Yuno')[0][0]).toMatchObject({
		checkout_session: 'a0000000-0000-4000-8000-000000000002',
		installments: {
			plan_id: null,
			plan: [
				{ installment: 1, rate: 1 },
				{ installment: 3, rate: 1.05 },
			],
		},
	});
	expect(nodeOutput(run, 'Upag')[0][0]).toMatchObject({
		id: 'cs_open_2',
		status: 'open',
		successUrl: 'https://shop.example.com/thanks?campaign=spring-sale',
	});
	expect(sandbox.session('upag', 'cs_open_2').paymentMethods).toEqual(['pix', 'credit_card']);
});

test('example 4: continue-on-fail routes failed updates to a second branch; validation (zod, resolved inside n8n) stops a bad item before it is sent', async () => {
	const run = await execute('ExFailedUpdates1');
	expect(wire(sandbox).sort(bySession)).toEqual([
		{
			provider: 'upag',
			method: 'PUT',
			path: '/checkout-sessions/cs_expired_1',
			status: 400,
			body: { successUrl: 'https://shop.example.com/thanks' },
		},
		{
			provider: 'upag',
			method: 'PUT',
			path: '/checkout-sessions/cs_open_1',
			status: 200,
			body: { successUrl: 'https://shop.example.com/thanks' },
		},
		{
			provider: 'upag',
			method: 'PUT',
			path: '/checkout-sessions/cs_unknown_1',
			status: 404,
			body: { successUrl: 'https://shop.example.com/thanks' },
		},
	]);
	// Nothing was sent for cs_open_3: its success URL failed the node's zod schema in n8n.
	expect(sandbox.requests.some((request) => request.path.includes('cs_open_3'))).toBe(false);
	expect(sandbox.session('upag', 'cs_open_3').successUrl).toBe('https://example.com/success');

	expect(nodeOutput(run, 'Failed updates')[0]).toEqual([
		{
			session: 'cs_expired_1',
			error:
				'[item 1] Upag answered 400: Checkout session cs_expired_1 is expired; only open sessions can be updated',
			httpCode: '400',
			code: '',
		},
		{
			session: 'cs_unknown_1',
			error: '[item 2] Upag answered 404: Checkout session cs_unknown_1 not found',
			httpCode: '404',
			code: '',
		},
		{
			session: 'https://checkout.upag.io/cs_open_3',
			error:
				'[item 3] Success URL (successUrl): must be an absolute URL, e.g. https://shop.example.com/thanks or myapp://return',
			httpCode: '',
			code: 'INVALID_INPUT',
		},
	]);
	expect(nodeOutput(run, 'Updated sessions')[0]).toEqual([
		{ session: 'cs_open_1', status: 'open', successUrl: 'https://shop.example.com/thanks' },
	]);
});
