// @ts-check
'use strict';
/**
 * Example 6 (examples/6-checkout-session-lifecycle.json) through n8n's engine against the
 * sandbox, from each of its triggers with the data pinned in the file: an order creates a
 * session and the reply carries it; the hourly check gets each session and updates only
 * those not used yet.
 */
const core = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const {
	nodeTypes,
	TestCredentialsHelper,
	additionalData,
	prepareContainer,
} = require('../../harness/engine');
const { startSandbox, SEEDED } = require('../../sandbox');
const { sandboxCredentials } = require('./sandboxRun');
const { exampleWorkflow } = require('../helpers/examples');

const example = exampleWorkflow('6-checkout-session-lifecycle.json');

let sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
});
afterEach(() => sandbox.reset());
afterAll(async () => sandbox.close());

async function runFrom(trigger) {
	prepareContainer();
	const workflow = new Workflow({
		id: example.id,
		name: example.name,
		nodes: structuredClone(example.nodes),
		connections: example.connections,
		active: false,
		nodeTypes,
		settings: example.settings,
		pinData: example.pinData,
	});
	const hooks = new core.ExecutionLifecycleHooks('manual', 'exec-6', {
		...example,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
	});
	const helper = new TestCredentialsHelper({ yunoApi: sandboxCredentials(sandbox).yuno });
	const run = await new core.WorkflowExecute(additionalData(helper, hooks), 'manual').run({
		workflow,
		startNode: workflow.getNode(trigger) ?? undefined,
		pinData: example.pinData,
	});
	const output = (name, index = 0) =>
		run.data.resultData.runData[name]?.[0]?.data?.main?.[index]?.map((item) => item.json);
	return { run, output };
}

test('an order creates one Yuno checkout session, and the reply carries it', async () => {
	const before = sandbox.sessionIds('yuno');
	const { run, output } = await runFrom('Shop order created');
	expect(run.data.resultData.error).toBeUndefined();
	const [created] = sandbox.sessionIds('yuno').filter((id) => !before.includes(id));
	const [post] = sandbox.requests;
	expect(post).toMatchObject({ method: 'POST', path: '/checkout/sessions', status: 200 });
	expect(post.body).toMatchObject({
		merchant_order_id: 'order-2001',
		payment_description: 'Order order-2001 (3 items)',
		country: 'BR',
		amount: { currency: 'BRL', value: 149.9 },
		callback_url: 'https://shop.example.com/orders/order-2001',
		metadata: [{ key: 'shop_order', value: 'order-2001' }],
	});
	expect(output('Reply with the session')).toEqual([
		{ order: 'order-2001', checkout_session: created, expires: expect.any(String) },
	]);
});

test("the hourly check gets each open order's session and updates only those not used, without an extra read", async () => {
	const { run, output } = await runFrom('Every hour');
	expect(run.data.resultData.error).toBeUndefined();
	const [first, second] = SEEDED.yuno.updatable;
	const used = SEEDED.yuno.used;
	expect(
		output('Get checkout session')?.map((session) => session.id ?? session.checkout_session),
	).toEqual([first, used, second]);
	expect(
		output('Still open?', 1)?.map((session) => session.id ?? session.checkout_session),
	).toEqual([used]);
	const calls = sandbox.requests.map((request) => `${request.method} ${request.path}`);
	expect(calls.filter((call) => call.startsWith('GET'))).toEqual(
		[first, used, second].map((id) => `GET /checkout/sessions/${id}`),
	);
	expect(calls.filter((call) => call.startsWith('PATCH'))).toEqual([
		`PATCH /checkout/sessions/${first}`,
		`PATCH /checkout/sessions/${second}`,
	]);
	const patch = sandbox.requests.find((request) => request.method === 'PATCH');
	expect(patch.body.metadata[0].key).toBe('reminded_at');
	expect(output('Update checkout session')).toHaveLength(2);
});
