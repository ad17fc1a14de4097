'use strict';
/**
 * Delivers one webhook call to a trigger node the way n8n's webhook server does: n8n-core's
 * real WebhookContext (IWebhookFunctions) around a request that carries the raw body, the
 * node's webhook() decides, and when it returns workflowData the workflow is run by
 * WorkflowExecute starting from the trigger with that data, as n8n does for a webhook
 * execution. The request and response are small stand-ins for Express's: headers, params,
 * rawBody; status()/json() recorded.
 */
const core = require('n8n-core');
const { Workflow } = require('n8n-workflow');
const {
	nodeTypes,
	nodeType: publishedType,
	TestCredentialsHelper,
	additionalData,
	prepareContainer,
} = require('../../harness/engine');

function fakeResponse() {
	const res = {
		statusCode: undefined,
		body: undefined,
		status(code) {
			res.statusCode = code;
			return res;
		},
		json(body) {
			res.body = body;
			return res;
		},
		send(body) {
			res.body = body;
			return res;
		},
		end() {
			return res;
		},
	};
	return res;
}

/** Node's own lower-casing of header names; values as given. */
function fakeRequest({ headers = {}, rawBody, params = {} }) {
	const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
	let body = {};
	try {
		body = JSON.parse(rawBody.toString('utf8'));
	} catch {}
	return { headers: lower, rawBody, params, query: {}, body, method: 'POST' };
}

/**
 * A trigger node set up once per test, as one node of one active workflow: repeats are
 * remembered per workflow id + node id, like in a running n8n. Either `type` + `parameters`
 * + `credentials` (a workflow of the trigger alone), or a whole `workflow` ({ nodes,
 * connections }) with the trigger's name and `credentialsByType` for every node.
 */
function createTrigger({
	type,
	parameters,
	credentials,
	workflow: given,
	triggerName = 'Trigger',
	credentialsByType,
	workflowId = `wf-${Math.random().toString(36).slice(2)}`,
}) {
	prepareContainer();
	let nodes = given?.nodes;
	let store = credentialsByType;
	if (!given) {
		const credentialType = nodeTypes.getByNameAndVersion(publishedType(type)).description
			.credentials[0].name;
		nodes = [
			{
				id: 'trigger-node',
				name: triggerName,
				type: publishedType(type),
				typeVersion: 1,
				position: [0, 0],
				webhookId: 'b5a7e0d2-7f6c-4c43-9d5e-1f0a3c2b4d6e',
				parameters,
				credentials: { [credentialType]: { id: '1', name: 'Webhook secret' } },
			},
		];
		store = { [credentialType]: credentials };
	}
	const connections = given?.connections ?? {};
	const workflow = new Workflow({
		id: workflowId,
		name: 'trigger test',
		nodes,
		connections,
		active: true,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const node = workflow.getNode(triggerName);
	const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const helper = new TestCredentialsHelper(store);
	const webhookDataFor = (data) => ({
		httpMethod: 'POST',
		node: node.name,
		path: nodeType.description.webhooks[0].path,
		webhookDescription: nodeType.description.webhooks[0],
		workflowId: workflow.id,
		workflowExecuteAdditionalData: data,
	});

	/** Delivers `request` ({ headers, rawBody: Buffer, params }); resolves to what happened. */
	async function deliver(request) {
		const data = additionalData(helper, undefined);
		const res = fakeResponse();
		data.httpRequest = fakeRequest(request);
		data.httpResponse = res;
		const webhookData = webhookDataFor(data);
		const context = new core.WebhookContext(workflow, node, data, 'webhook', webhookData, [], null);
		const result = await nodeType.webhook.call(context);
		if (!result.workflowData) {
			return { started: false, status: res.statusCode ?? 200, body: res.body, result };
		}
		const hooks = new core.ExecutionLifecycleHooks('webhook', 'exec-1', {
			id: workflow.id,
			name: 'trigger test',
			nodes,
			connections,
			active: true,
			settings: {},
			createdAt: new Date(),
			updatedAt: new Date(),
		});
		const execute = new core.WorkflowExecute(additionalData(helper, hooks), 'webhook');
		const run = await execute.run({
			workflow,
			startNode: node,
			triggerToStartFrom: { name: node.name, data: { data: { main: result.workflowData } } },
		});
		const output = run.data.resultData.runData[triggerName]?.[0]?.data?.main?.[0] ?? [];
		return { started: true, status: 200, output, run, result };
	}

	/** Runs one of the node's webhookMethods (checkExists, create, delete) with n8n-core's HookContext. */
	async function hook(method, activation = 'activate') {
		const data = additionalData(helper, undefined);
		const webhookData = webhookDataFor(data);
		const context = new core.HookContext(workflow, node, data, 'trigger', activation, webhookData);
		return await nodeType.webhookMethods.default[method].call(context);
	}

	/** The production URL n8n computes for the node (what its panel shows and Yuno gets). */
	function webhookUrl() {
		const context = new core.HookContext(
			workflow,
			node,
			additionalData(helper, undefined),
			'trigger',
			'activate',
			undefined,
		);
		return context.getNodeWebhookUrl('default');
	}

	return { deliver, hook, webhookUrl, workflow, node };
}

module.exports = { createTrigger };
