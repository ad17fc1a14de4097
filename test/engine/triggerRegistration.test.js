// @ts-check
'use strict';
/**
 * Yuno Trigger, "Register through Yuno's API": n8n-core's HookContext runs the node's
 * checkExists / create / delete against the sandbox's model of Yuno's webhooks API, and the
 * registered URL then receives a signed event.
 */
const { startSandbox } = require('../../sandbox');
const { createTrigger } = require('./triggerHarness');
const { nodeType } = require('../../harness/engine');
const { TRIGGERS, asRequest } = require('./triggerCases');
const { sandboxCredentials } = require('./sandboxRun');
const { SIGNERS } = require('../../sandbox/webhooks/signers');
const { yunoEvent } = require('../../sandbox/webhooks/events');
const { WEBHOOK_TRIGGERS } = require('../../sandbox/webhooks/yunoRegistrations');

const WEBHOOK_URL = 'http://localhost:5678/webhook/b5a7e0d2-7f6c-4c43-9d5e-1f0a3c2b4d6e/webhook';

let sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
});
afterEach(() => sandbox.reset());
afterAll(async () => sandbox.close());

const wire = () =>
	sandbox.requests.map(({ method, path, query, status, body }) => ({
		method,
		path,
		query,
		status,
		body,
	}));

describe('Yuno Trigger registration through the API', () => {
	let api;
	beforeAll(() => {
		api = sandboxCredentials(sandbox).yuno;
	});

	const trigger = (options) =>
		createTrigger({
			workflow: {
				nodes: [
					{
						id: 'yuno-trigger',
						name: 'Trigger',
						type: nodeType('yunoTrigger'),
						typeVersion: 1,
						position: [0, 0],
						webhookId: 'b5a7e0d2-7f6c-4c43-9d5e-1f0a3c2b4d6e',
						parameters: {
							registration: 'api',
							events: ['payment.purchase'],
							...options?.parameters,
						},
						credentials: {
							yunoWebhookApi: { id: '1', name: 'hook' },
							yunoApi: { id: '2', name: 'api' },
						},
					},
				],
				connections: {},
			},
			workflowId: options?.workflowId ?? 'wf-registration',
			credentialsByType: {
				yunoWebhookApi: options?.webhookCredential ?? TRIGGERS.yuno.credentials,
				yunoApi: options?.apiCredential ?? api,
			},
		});

	test('activation creates one webhook at Yuno for the node URL, signed with the credential secret; deactivation deletes it', async () => {
		const { hook, deliver, workflow, node } = trigger();
		expect(await hook('checkExists')).toBe(false);
		expect(await hook('create')).toBe(true);
		const { yunoWebhookId } = workflow.getStaticData('node', node);
		expect(typeof yunoWebhookId).toBe('string');
		const [post] = wire();
		expect(post).toMatchObject({ method: 'POST', path: '/webhooks', status: 201 });
		expect(post.body).toEqual({
			account_id: api.accountId,
			name: 'n8n wf-registration yuno-trigger',
			url: WEBHOOK_URL,
			hmac_client_secret: TRIGGERS.yuno.credentials.hmacClientSecret,
			api_key: TRIGGERS.yuno.credentials.apiKey,
			secret: TRIGGERS.yuno.credentials.secret,
			payment_triggers: ['PURCHASE'],
		});
		expect(await hook('checkExists')).toBe(true);

		// Yuno now sends to that URL, signed with that secret: the trigger accepts it.
		const delivery = SIGNERS.yuno({
			url: WEBHOOK_URL,
			body: JSON.stringify(yunoEvent()),
			secret: {
				hmacClientSecret: post.body.hmac_client_secret,
				apiKey: post.body.api_key,
				secret: post.body.secret,
			},
		});
		expect((await deliver(asRequest('webhook', delivery))).started).toBe(true);

		expect(await hook('delete', 'update')).toBe(true);
		expect(workflow.getStaticData('node', node).yunoWebhookId).toBeUndefined();
		const del = sandbox.requests.find((r) => r.method === 'DELETE');
		expect(del).toMatchObject({
			path: `/webhooks/${yunoWebhookId}`,
			query: { account_id: api.accountId },
			status: 200,
		});
		expect(await hook('checkExists')).toBe(false);
	});

	test('a webhook deleted at Yuno meanwhile is found missing and created again', async () => {
		const { hook, workflow, node } = trigger({ workflowId: 'wf-gone' });
		await hook('create');
		const first = workflow.getStaticData('node', node).yunoWebhookId;
		sandbox.reset();
		expect(await hook('checkExists')).toBe(false);
		expect(await hook('create')).toBe(true);
		expect(workflow.getStaticData('node', node).yunoWebhookId).not.toBe(first);
	});

	test('Any Event subscribes every payment trigger', async () => {
		const { hook } = trigger({ parameters: { events: ['*'] }, workflowId: 'wf-any' });
		await hook('create');
		// Every payment trigger of the sandbox's model of Yuno's webhooks API.
		expect(sandbox.requests[0].body.payment_triggers).toEqual(WEBHOOK_TRIGGERS.payment_triggers);
	});

	test('without an HMAC client secret, or with only fraud screening selected, nothing is sent and the activation fails with a reason', async () => {
		const noHmac = trigger({
			webhookCredential: { apiKey: 'k', secret: 's' },
			workflowId: 'wf-nohmac',
		});
		await expect(noHmac.hook('create')).rejects.toThrow(/HMAC client secret/);
		const fraudOnly = trigger({
			parameters: { events: ['payment.fraud_screening'] },
			workflowId: 'wf-fraud',
		});
		await expect(fraudOnly.hook('create')).rejects.toThrow(/fraud screening/);
		expect(sandbox.requests).toEqual([]);
	});

	test('Yuno refusing (a name already taken) fails the activation with its code, no key in the message', async () => {
		await trigger({ workflowId: 'wf-dup' }).hook('create');
		const twin = trigger({ workflowId: 'wf-dup' });
		const error = await twin.hook('create').catch((e) => e);
		expect(error.message).toBe('Yuno refused to create the webhook (409 WEBHOOK_ALREADY_EXISTS)');
		expect(JSON.stringify({ ...error, message: error.message })).not.toContain(
			api.privateSecretKey,
		);
	});

	test("an answer without a webhook id fails the activation with the webhook's name; a numeric id is kept as text", async () => {
		const { jsonAnswer, againstScriptedServer } = require('../helpers/rawServer');
		/** Activates a trigger against a server answering every call with `answer`. */
		const activate = (answer, workflowId) =>
			againstScriptedServer(
				() => answer,
				async (baseUrl) => {
					const registration = trigger({ workflowId, apiCredential: { ...api, baseUrl } });
					const outcome = await registration.hook('create').catch((error) => error);
					return { outcome, registration };
				},
			);
		for (const body of [{}, { id: null }, { id: { nested: 'x' } }, []]) {
			const { result, requests } = await activate(jsonAnswer(201, body), 'wf-noid');
			expect(result.outcome.message).toBe(
				'Yuno answered 201 without a webhook id, so the node could not delete the webhook later: delete "n8n wf-noid yuno-trigger" in Yuno\'s dashboard if it is listed there',
			);
			expect(requests.map((request) => request.method)).toEqual(['POST']);
			const { workflow, node } = result.registration;
			expect(workflow.getStaticData('node', node).yunoWebhookId).toBeUndefined();
		}
		const { result } = await activate(jsonAnswer(201, { id: 42 }), 'wf-numeric');
		expect(result.outcome).toBe(true);
		const { workflow, node } = result.registration;
		expect(workflow.getStaticData('node', node).yunoWebhookId).toBe('42');
	});

	test('with dashboard registration nothing is called', async () => {
		const { hook } = trigger({ parameters: { registration: 'dashboard' }, workflowId: 'wf-dash' });
		expect(await hook('checkExists')).toBe(true);
		expect(await hook('create')).toBe(true);
		expect(await hook('delete')).toBe(true);
		expect(sandbox.requests).toEqual([]);
	});
});
