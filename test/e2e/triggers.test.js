// @ts-check
'use strict';
// The four triggers in real n8n: one published workflow per trigger, its credential holding
// the sandbox's webhook secrets. The sandbox's control endpoint fires a signed event at the
// production webhook URL: one execution. A forged or unsigned one: answered 401, and n8n's
// executions API shows no new execution.
const crypto = require('node:crypto');

const {
	eventually,
	loadState,
	nodeType,
	openSignedInEditor,
	screenshotPath,
	signedIn,
	startSharedSandbox,
} = require('./setup/context');
const { CREDENTIALS } = require('../../scripts/n8n/examples');
const { TRIGGERS } = require('../engine/triggerCases');
const { yunoEvent } = require('../../sandbox/webhooks/events');
const example = require('../../examples/5-signed-events-triggers.json');

const FORGED = ['wrongSecret', 'unsigned'];

let state;
let sandbox;
let rest;
const workflows = {};

async function createTriggerWorkflow(provider, spec) {
	const credentialType = `${provider}WebhookApi`;
	const credential = await rest.ok('POST', '/rest/credentials', {
		name: `${provider} webhook (e2e)`,
		type: credentialType,
		data: spec.credentials,
	});
	const webhookId = crypto.randomUUID();
	const created = await rest.ok('POST', '/rest/workflows', {
		name: `e2e ${spec.type}`,
		nodes: [
			{
				id: crypto.randomUUID(),
				name: 'Trigger',
				type: nodeType(spec.type),
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters: { events: ['*'] },
				credentials: { [credentialType]: { id: credential.id, name: credential.name } },
			},
		],
		connections: {},
		active: false,
		settings: {
			executionOrder: 'v1',
			saveDataSuccessExecution: 'all',
			saveDataErrorExecution: 'all',
		},
	});
	await rest.ok('POST', `/rest/workflows/${created.id}/activate`, { versionId: created.versionId });
	return { id: created.id, url: `${state.mainUrl}/webhook/${webhookId}/${spec.path}` };
}

async function executionsOf(workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	return (await rest.ok('GET', `/rest/executions?filter=${filter}`)).results;
}

/** Fires through the sandbox's control endpoint; retries while n8n has not registered the webhook yet. */
async function fire(provider, url, variant) {
	return await eventually(
		async () => {
			const response = await fetch(`${sandbox.url}/_webhooks/fire`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ provider, url, variant }),
			});
			return await response.json();
		},
		(answer) => expect(answer.status === 404 && /not registered/.test(answer.body)).toBe(false),
		{ timeoutMs: 30000, intervalMs: 500 },
	);
}

beforeAll(async () => {
	state = loadState();
	sandbox = await startSharedSandbox(state);
	rest = await signedIn(state.mainUrl);
	for (const [provider, spec] of Object.entries(TRIGGERS)) {
		workflows[provider] = await createTriggerWorkflow(provider, spec);
	}
});

afterAll(async () => {
	for (const { id } of Object.values(workflows)) {
		await rest?.request('POST', `/rest/workflows/${id}/deactivate`);
	}
	await sandbox?.close();
});

describe.each(Object.keys(TRIGGERS))('%s trigger in real n8n', (provider) => {
	test('a signed event starts one execution; forged and unsigned ones are answered 401 and start none', async () => {
		const { id, url } = workflows[provider];

		const genuine = await fire(provider, url, 'genuine');
		expect(genuine.status).toBe(200);
		const [execution] = await eventually(
			() => executionsOf(id),
			(list) => expect(list).toHaveLength(1),
			{ timeoutMs: 30000 },
		);
		expect(execution).toMatchObject({ mode: 'webhook', workflowId: id });
		// The execution is listed as soon as it starts; its status settles a moment later.
		const details = await eventually(
			() => rest.ok('GET', `/rest/executions/${execution.id}`),
			(found) => expect(['new', 'running']).not.toContain(found.status),
			{ timeoutMs: 30000 },
		);
		expect(details.status).toBe('success');
		// The event the sandbox sent is in the execution's data.
		expect(details.data).toContain(
			JSON.parse(genuine.sent.body)[
				provider === 'yuno' ? 'type_event' : provider === 'speed' ? 'event_type' : 'event'
			],
		);

		for (const variant of FORGED) {
			const refused = await fire(provider, url, variant);
			expect({ variant, status: refused.status }).toEqual({ variant, status: 401 });
		}
		// Give n8n time to (wrongly) start something, then check that nothing was added.
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect(await executionsOf(id)).toHaveLength(1);
	});
});

test('Yuno Trigger with "Register through Yuno\'s API": publishing creates the webhook at Yuno for the production URL, unpublishing deletes it', async () => {
	const spec = TRIGGERS.yuno;
	const hook = await rest.ok('POST', '/rest/credentials', {
		name: 'yuno webhook (e2e api)',
		type: 'yunoWebhookApi',
		data: spec.credentials,
	});
	const webhookId = crypto.randomUUID();
	const created = await rest.ok('POST', '/rest/workflows', {
		name: 'e2e yunoTrigger registered through the API',
		nodes: [
			{
				id: crypto.randomUUID(),
				name: 'Trigger',
				type: nodeType('yunoTrigger'),
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters: { registration: 'api', events: ['payment.purchase'] },
				credentials: {
					yunoWebhookApi: { id: hook.id, name: hook.name },
					// Imported by the e2e set-up, pointing at this sandbox.
					yunoApi: { id: CREDENTIALS.yuno.id, name: CREDENTIALS.yuno.name },
				},
			},
		],
		connections: {},
		active: false,
		settings: { executionOrder: 'v1' },
	});
	const url = `${state.mainUrl}/webhook/${webhookId}/webhook`;
	await rest.ok('POST', `/rest/workflows/${created.id}/activate`, { versionId: created.versionId });
	// Publishing goes live a moment later (n8n's publication outbox).
	const post = await eventually(
		() =>
			sandbox.requests.find(
				(r) => r.provider === 'yuno' && r.method === 'POST' && r.path === '/webhooks',
			),
		(found) => expect(found).toBeDefined(),
		{ timeoutMs: 30000 },
	);
	// n8n's own idea of its webhook URL (host "localhost" unless WEBHOOK_URL is set) is what Yuno gets.
	expect(post).toMatchObject({
		status: 201,
		body: { payment_triggers: ['PURCHASE'], hmac_client_secret: spec.credentials.hmacClientSecret },
	});
	expect(post.body.url).toMatch(new RegExp(`^https?://[^/]+/webhook/${webhookId}/webhook$`));

	expect((await fire('yuno', url, 'genuine')).status).toBe(200);
	await eventually(
		() => executionsOf(created.id),
		(list) => expect(list).toHaveLength(1),
		{ timeoutMs: 30000 },
	);

	await rest.ok('POST', `/rest/workflows/${created.id}/deactivate`);
	await eventually(
		() => sandbox.requests.filter((r) => r.provider === 'yuno' && r.method === 'DELETE'),
		(deletes) => expect(deletes).toHaveLength(1),
		{ timeoutMs: 30000 },
	);
});

/*
 * One screenshot per trigger's panel (the events, the set-up note, the webhook URLs) for the
 * README: docs/screenshots/<provider>-trigger.png, written when missing or with
 * UPDATE_SCREENSHOTS=1, else into .tmp/e2e/screenshots. The workflows are copies that are not
 * published, so the editor opens them without its publishing checklist.
 */
test("each trigger's panel in the editor (screenshots)", async () => {
	const { browser, page } = await openSignedInEditor(state.mainUrl);
	try {
		for (const [provider, { id }] of Object.entries(workflows)) {
			const original = await rest.ok('GET', `/rest/workflows/${id}`);
			const copy = await rest.ok('POST', '/rest/workflows', {
				name: `${original.name} (panel)`,
				nodes: original.nodes.map((node) => ({ ...node, webhookId: crypto.randomUUID() })),
				connections: {},
				settings: original.settings,
			});
			await page.goto(`${state.mainUrl}/workflow/${copy.id}`);
			const node = page.locator('[data-test-id="canvas-node"][data-node-name="Trigger"]');
			await node.waitFor({ timeout: 60000 });
			await node.dblclick();
			await page.locator('[data-test-id="ndv"] [data-test-id="parameter-input-events"]').waitFor();
			await page.screenshot({ path: screenshotPath(`${provider}-trigger.png`) });
			await page.keyboard.press('Escape');
		}
	} finally {
		await browser.close();
	}
});

test('example 5 published: a signed Speed payment composes the notification, a signed Yuno purchase updates its session at Yuno', async () => {
	const hookOf = (type) =>
		/** @type {{ webhookId: string }} */ (
			example.nodes.find((node) => node.type.endsWith(`.${type}`))
		).webhookId;
	const current = await rest.ok('GET', `/rest/workflows/${example.id}`);
	await rest.ok('POST', `/rest/workflows/${example.id}/activate`, { versionId: current.versionId });
	try {
		const before = (await executionsOf(example.id)).length;
		const speedUrl = `${state.mainUrl}/webhook/${hookOf('speedTrigger')}/webhook`;
		const paid = await fire('speed', speedUrl, 'genuine');
		expect(paid.status).toBe(200);
		const yunoSession = 'a0000000-0000-4000-8000-000000000001';
		const purchase = yunoEvent({ sessionId: yunoSession });
		const answer = await eventually(
			async () =>
				(
					await fetch(`${sandbox.url}/_webhooks/fire`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({
							provider: 'yuno',
							url: `${state.mainUrl}/webhook/${hookOf('yunoTrigger')}/webhook`,
							event: purchase,
						}),
					})
				).json(),
			(result) => expect(result.status).toBe(200),
			{ timeoutMs: 30000, intervalMs: 500 },
		);
		expect(answer.status).toBe(200);
		// Listed as soon as they start; wait until both have finished.
		const runs = await eventually(
			() => executionsOf(example.id),
			(list) => {
				expect(list.length - before).toBe(2);
				for (const run of list.slice(0, 2)) expect(['new', 'running']).not.toContain(run.status);
			},
			{ timeoutMs: 60000 },
		);
		for (const run of runs.slice(0, 2)) expect(run.status).toBe('success');
		const patch = await eventually(
			() =>
				sandbox.requests.find(
					(r) =>
						r.provider === 'yuno' &&
						r.method === 'PATCH' &&
						r.path === `/checkout/sessions/${yunoSession}`,
				),
			(found) => expect(found).toBeDefined(),
		);
		expect(patch.body.metadata).toEqual([
			{ key: 'payment_status', value: purchase.data.payment.status },
			{ key: 'payment_id', value: purchase.data.payment.id },
		]);
	} finally {
		await rest.request('POST', `/rest/workflows/${example.id}/deactivate`);
	}
});
