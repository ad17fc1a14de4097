// @ts-check
'use strict';
/**
 * Example 5 (examples/5-signed-events-triggers.json) through the engine against the sandbox:
 * each trigger gets a call signed by the sandbox, and the nodes after it run.
 */
const { startSandbox } = require('../../sandbox');
const { createTrigger } = require('./triggerHarness');
const { TRIGGERS, asRequest } = require('./triggerCases');
const { sandboxCredentials } = require('./sandboxRun');
const { prepare } = require('../../sandbox/webhooks/fire');
const { speedEvent, yunoEvent } = require('../../sandbox/webhooks/events');
const { exampleWorkflow } = require('../helpers/examples');

const example = exampleWorkflow('5-signed-events-triggers.json');

/** @typedef {import('n8n-workflow').IRun} IRun */

const YUNO_SESSION = 'a0000000-0000-4000-8000-000000000001';
const URL = 'http://127.0.0.1:5678/webhook/example/webhook';

let sandbox;
let credentialsByType;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	credentialsByType = {
		speedWebhookApi: TRIGGERS.speed.credentials,
		yunoWebhookApi: TRIGGERS.yuno.credentials,
		yunoApi: sandboxCredentials(sandbox).yuno,
	};
});
afterEach(() => sandbox.reset());
afterAll(async () => sandbox.close());

const exampleWith = (triggerName) =>
	createTrigger({
		workflow: { nodes: structuredClone(example.nodes), connections: example.connections },
		triggerName,
		credentialsByType,
	});

/**
 * The items node `name` output in the run a delivery started.
 * @param {{ run?: IRun }} outcome
 * @param {string} name
 */
const runData = (outcome, name) =>
	/** @type {IRun} */ (outcome.run).data.resultData.runData[name]?.[0]?.data?.main?.[0]?.map(
		(item) => item.json,
	);

test("a signed Yuno purchase updates the metadata of the payment's checkout session", async () => {
	const event = yunoEvent({ sessionId: YUNO_SESSION, status: 'SUCCEEDED' });
	const outcome = await exampleWith('Yuno payment purchase').deliver(
		asRequest('webhook', prepare({ provider: 'yuno', url: URL, event })),
	);
	expect(outcome.started).toBe(true);
	expect(/** @type {IRun} */ (outcome.run).data.resultData.error).toBeUndefined();
	const patch = sandbox.requests.find((r) => r.method === 'PATCH');
	expect(patch).toMatchObject({
		provider: 'yuno',
		path: `/checkout/sessions/${YUNO_SESSION}`,
		status: 200,
	});
	expect(patch.body.metadata).toEqual([
		{ key: 'payment_status', value: 'SUCCEEDED' },
		{ key: 'payment_id', value: event.data.payment.id },
	]);
});

test('a forged Yuno purchase reaches no node after the trigger and sends nothing to Yuno', async () => {
	const event = yunoEvent({ sessionId: YUNO_SESSION });
	const outcome = await exampleWith('Yuno payment purchase').deliver(
		asRequest('webhook', prepare({ provider: 'yuno', url: URL, event, variant: 'wrongSecret' })),
	);
	expect(outcome).toMatchObject({ started: false, status: 401 });
	expect(sandbox.requests).toEqual([]);
});

test('a signed Speed "checkout_session.paid" composes the notification; other Speed events start nothing', async () => {
	const trigger = exampleWith('Speed session paid');
	const paid = speedEvent({
		type: 'checkout_session.paid',
		sessionId: 'cs_test_paid_1',
		status: 'paid',
	});
	const outcome = await trigger.deliver(
		asRequest('webhook', prepare({ provider: 'speed', url: URL, event: paid })),
	);
	expect(outcome.started).toBe(true);
	expect(runData(outcome, 'Compose notification')).toEqual([
		{
			text: `Speed checkout session cs_test_paid_1 is paid (event ${paid.id})`,
			sessionId: 'cs_test_paid_1',
			amount: '450.5 USD',
		},
	]);
	const created = speedEvent({ type: 'checkout_session.created', status: 'active' });
	expect(
		(
			await trigger.deliver(
				asRequest('webhook', prepare({ provider: 'speed', url: URL, event: created })),
			)
		).started,
	).toBe(false);
});
