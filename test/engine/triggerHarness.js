// @ts-check
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

/** @typedef {import('n8n-workflow').INode} INode */
/** @typedef {import('n8n-workflow').ICredentialDataDecryptedObject} ICredentialDataDecryptedObject */

/**
 * @typedef {object} TriggerSetup
 * @property {string} [type] the trigger's short type ('speedTrigger'), for a workflow of the trigger alone
 * @property {import('n8n-workflow').INodeParameters} [parameters] the trigger's parameters, with `type`
 * @property {ICredentialDataDecryptedObject} [credentials] the trigger's credential, with `type`
 * @property {{ nodes: INode[], connections: import('n8n-workflow').IConnections }} [workflow] a whole workflow instead
 * @property {string} [triggerName] the trigger's node name
 * @property {Record<string, ICredentialDataDecryptedObject>} [credentialsByType] with `workflow`: every node's credentials
 * @property {string} [workflowId] repeats are remembered per workflow id + node id
 */

/**
 * A webhook request as n8n's server hands it on: headers, the raw body and the URL's params.
 * @typedef {{ headers?: Record<string, string>, rawBody?: Buffer, params?: Record<string, string> }} WebhookRequest
 */

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

/**
 * Node's own lower-casing of header names; values as given.
 * @param {WebhookRequest} request
 */
function fakeRequest({ headers = {}, rawBody, params = {} }) {
	const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
	let body = {};
	try {
		if (rawBody) body = JSON.parse(rawBody.toString('utf8'));
	} catch {}
	return { headers: lower, rawBody, params, query: {}, body, method: 'POST' };
}

/**
 * A trigger node set up once per test, as one node of one active workflow: repeats are
 * remembered per workflow id + node id, like in a running n8n. Either `type` + `parameters`
 * + `credentials` (a workflow of the trigger alone), or a whole `workflow` ({ nodes,
 * connections }) with the trigger's name and `credentialsByType` for every node.
 * @param {TriggerSetup} setup
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
	/** @type {INode[]} */
	let nodes;
	let store = credentialsByType;
	if (given) {
		nodes = given.nodes;
	} else {
		if (!type || !parameters || !credentials) {
			throw new Error('createTrigger needs a workflow, or a type, parameters and credentials');
		}
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
	const found = workflow.getNode(triggerName);
	if (!found) throw new Error(`The workflow has no node "${triggerName}"`);
	const node = found;
	const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const helper = new TestCredentialsHelper(store);
	/**
	 * The webhook n8n registers for the node.
	 * @param {import('n8n-workflow').IWorkflowExecuteAdditionalData} data
	 * @returns {import('n8n-workflow').IWebhookData}
	 */
	const webhookDataFor = (data) => ({
		httpMethod: 'POST',
		node: node.name,
		path: nodeType.description.webhooks[0].path,
		webhookDescription: nodeType.description.webhooks[0],
		workflowId: workflow.id,
		workflowExecuteAdditionalData: data,
	});

	/**
	 * Delivers `request`; resolves to what happened: the answer, the trigger's output items (none
	 * when the workflow did not start) and the run.
	 * @param {WebhookRequest} request
	 * @returns {Promise<{ started: boolean, status: number, body?: unknown, output: import('n8n-workflow').INodeExecutionData[], run?: import('n8n-workflow').IRun, result: import('n8n-workflow').IWebhookResponseData }>}
	 */
	async function deliver(request) {
		const data = additionalData(helper, undefined);
		const res = fakeResponse();
		data.httpRequest = fakeRequest(request);
		data.httpResponse = res;
		const webhookData = webhookDataFor(data);
		const context = new core.WebhookContext(workflow, node, data, 'webhook', webhookData, [], null);
		const result = await nodeType.webhook.call(context);
		if (!result.workflowData) {
			return { started: false, status: res.statusCode ?? 200, body: res.body, output: [], result };
		}
		const hooks = new core.ExecutionLifecycleHooks('webhook', 'exec-1', {
			id: workflow.id,
			name: 'trigger test',
			nodes,
			connections,
			active: true,
			isArchived: false,
			activeVersionId: null,
			settings: {},
			createdAt: new Date(),
			updatedAt: new Date(),
		});
		const execute = new core.WorkflowExecute(additionalData(helper, hooks), 'webhook');
		const run = await execute.run({
			workflow,
			startNode: node,
			triggerToStartFrom: {
				name: node.name,
				data: {
					startTime: Date.now(),
					executionTime: 0,
					executionIndex: 0,
					source: [],
					data: { main: result.workflowData },
				},
			},
		});
		const output = run.data.resultData.runData[triggerName]?.[0]?.data?.main?.[0] ?? [];
		return { started: true, status: 200, output, run, result };
	}

	/**
	 * Runs one of the node's webhookMethods with n8n-core's HookContext.
	 * @param {'checkExists' | 'create' | 'delete'} method
	 * @param {import('n8n-workflow').WorkflowActivateMode} [activation]
	 */
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
