// @ts-check
'use strict';
/**
 * Runs our nodes inside n8n-core's real WorkflowExecute, the way n8n's server does:
 * an input node feeds items to the node under test, parameters are resolved as
 * expressions by the engine, and credentials are applied like n8n's own
 * CredentialsHelper does: a function `authenticate` is called, a generic block has its
 * `={{$credentials…}}` values evaluated by the workflow's expression engine.
 */
require('reflect-metadata');
const { Container } = require('@n8n/di');
const core = require('n8n-core');
const { Workflow, ICredentialsHelper, NodeConnectionTypes } = require('n8n-workflow');

const path = require('node:path');
const { providers } = require('./providers');

// Engine tests name node types with this prefix; the published type names are
// `<package>.<node>` (nodeType() below), and both are registered.
const PACKAGE = 'n8n-nodes-checkout-sessions';
const { listPackages } = require('../scripts/lib/packages');

/** Provider ('speed') → the package that ships its nodes ('n8n-nodes-tryspeed'). */
const PACKAGE_OF = Object.fromEntries(
	listPackages().flatMap(({ name, manifest }) =>
		manifest.n8n.nodes.map((file) => [path.basename(path.dirname(file)).toLowerCase(), name]),
	),
);

/** The published type of a node: nodeType('speedTrigger') === 'n8n-nodes-tryspeed.speedTrigger'. */
const nodeType = (node) => `${PACKAGE_OF[node.replace(/Trigger$/, '')]}.${node}`;

/** A fixture node that emits the items it is given (stands in for a trigger or a Set node). */
class InputItems {
	constructor() {
		this.description = {
			displayName: 'Input Items',
			name: 'inputItems',
			group: ['input'],
			version: 1,
			description: 'Emits fixed items',
			defaults: { name: 'Input' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
		};
	}
	/** @this {import('n8n-workflow').IExecuteFunctions} */
	async execute() {
		const items = JSON.parse(String(this.getNodeParameter('items', 0)));
		return [items.map((json) => ({ json, pairedItem: { item: 0 } }))];
	}
}

/** Our node classes by short type ('speed', 'speedTrigger'), read from the provider registry. */
function ourNodes() {
	return Object.fromEntries(
		providers().flatMap((row) => [
			[row.name, row.Node()],
			...(row.trigger ? [[row.trigger.type, row.trigger.Node()]] : []),
		]),
	);
}

/** Node classes by full type: `<PACKAGE>.<node>` and, for shipped nodes, the published type. */
function nodeClass(type) {
	if (type === 'test.inputItems') return InputItems;
	for (const [name, Node] of Object.entries(ourNodes())) {
		if (type === `${PACKAGE}.${name}` || type === nodeType(name)) return Node;
	}
	return undefined;
}

/** Our credential classes by credential type name, read from the provider registry. */
function credentialClasses() {
	return Object.fromEntries(
		providers()
			.flatMap((row) => [row.Credential(), ...(row.trigger ? [row.trigger.Credential()] : [])])
			.map((Credential) => [new Credential().name, Credential]),
	);
}

// Looked up for every request of a bulk run; a registered provider only adds names.
const credentialClassCache = new Map();
function credentialClass(typeName) {
	if (!credentialClassCache.has(typeName)) {
		const found = credentialClasses()[typeName] ?? n8nNodesBase.load('credentials', typeName);
		if (!found) return undefined;
		credentialClassCache.set(typeName, found);
	}
	return credentialClassCache.get(typeName);
}

/** n8n's own nodes, loaded only when a test or benchmark compares against them. */
const n8nNodesBase = {
	nodes: {
		'n8n-nodes-base.httpRequest': ['nodes/HttpRequest/HttpRequest.node', 'HttpRequest'],
		'n8n-nodes-base.set': ['nodes/Set/Set.node', 'Set'],
		'n8n-nodes-base.noOp': ['nodes/NoOp/NoOp.node', 'NoOp'],
		'n8n-nodes-base.stickyNote': ['nodes/StickyNote/StickyNote.node', 'StickyNote'],
		'n8n-nodes-base.webhook': ['nodes/Webhook/Webhook.node', 'Webhook'],
		'n8n-nodes-base.scheduleTrigger': ['nodes/Schedule/ScheduleTrigger.node', 'ScheduleTrigger'],
		'n8n-nodes-base.splitOut': ['nodes/Transform/SplitOut/SplitOut.node', 'SplitOut'],
		'n8n-nodes-base.if': ['nodes/If/If.node', 'If'],
	},
	credentials: { httpHeaderAuth: ['credentials/HttpHeaderAuth.credentials', 'HttpHeaderAuth'] },
	load(kind, name) {
		const [file, exported] = this[kind][name] ?? [];
		return file ? require(`n8n-nodes-base/dist/${file}`)[exported] : undefined;
	},
};

const nodeTypeCache = new Map();
const nodeTypes = {
	getByName(type) {
		return this.getByNameAndVersion(type);
	},
	getByNameAndVersion(type, version) {
		if (!nodeTypeCache.has(type)) {
			const NodeClass = nodeClass(type) ?? n8nNodesBase.load('nodes', type);
			if (!NodeClass) throw new Error(`Unknown node type ${type}`);
			nodeTypeCache.set(type, new NodeClass());
		}
		const nodeType = nodeTypeCache.get(type);
		return typeof nodeType.getNodeType === 'function' ? nodeType.getNodeType(version) : nodeType;
	},
	getKnownTypes() {
		return {};
	},
};

/** Credentials the workflow may use, by credential type; set per test. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(store) {
		super();
		this.store = store;
	}
	getParentTypes() {
		return [];
	}
	isCredentialUsableByNode() {
		return true;
	}
	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const type = new (credentialClass(typeName))();
		const { authenticate } = type;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate || authenticate.type !== 'generic') return requestOptions;
		const resolve = (value) =>
			typeof value === 'string' && value.startsWith('=')
				? workflow.expression.getSimpleParameterValue(node, value, 'internal', {
						$credentials: credentials,
					})
				: value;
		for (const [outerKey, entries] of Object.entries(authenticate.properties)) {
			requestOptions[outerKey] = requestOptions[outerKey] ?? {};
			for (const [key, value] of Object.entries(entries)) {
				requestOptions[outerKey][resolve(key)] = resolve(value);
			}
		}
		return requestOptions;
	}
	async preAuthentication() {
		return undefined;
	}
	async runPreAuthentication() {
		return undefined;
	}
	/** @returns {Promise<any>} */
	async getCredentials() {
		throw new Error('not used');
	}
	async getDecrypted(_additionalData, _nodeCredentials, type) {
		const data = this.store[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		return { ...data };
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties(type) {
		return new (credentialClass(type))().properties;
	}
}

let containerReady = false;
function prepareContainer() {
	if (containerReady) return;
	// Without a quiet reporter every node error prints a stack trace.
	const quiet = /** @type {any} */ ({ error() {}, warn() {}, info() {} });
	Container.set(core.ErrorReporter, quiet);
	containerReady = true;
}

/** @returns {import('n8n-workflow').IWorkflowExecuteAdditionalData} */
function additionalData(credentialsHelper, hooks) {
	const url = 'http://localhost:5678/';
	return /** @type {any} */ ({
		credentialsHelper,
		hooks,
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${url}rest`,
		instanceBaseUrl: url,
		formBaseUrl: `${url}form`,
		formWaitingBaseUrl: `${url}form-waiting`,
		formTestBaseUrl: `${url}form-test`,
		webhookBaseUrl: `${url}webhook`,
		webhookWaitingBaseUrl: `${url}webhook-waiting`,
		webhookTestBaseUrl: `${url}webhook-test`,
		mcpBaseUrl: `${url}mcp`,
		mcpTestBaseUrl: `${url}mcp-test`,
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	});
}

/**
 * @typedef {object} RunNodeOptions
 * @property {string} [type] short node type ('upag'), registered as `<PACKAGE>.<type>`
 * @property {string} [nodeType] the full node type, when not `<PACKAGE>.<type>`
 * @property {number} [typeVersion]
 * @property {any} [parameters]
 * @property {object[]} [items] the input items (their json)
 * @property {any} [credentials] the decrypted credential data
 * @property {string} [onError] the node's On Error setting
 * @property {string} [credentialType] when not `<type>Api`
 */

/**
 * Runs a two-node workflow: Input (emits `items`) -> the provider node (with `parameters`).
 * Returns { output, outputs, error, run } where output is the provider node's items.
 * @param {RunNodeOptions} options
 * @returns {Promise<{ output: any[], outputs: any[], error: any, run: any }>}
 */
async function runNode({
	type,
	nodeType = `${PACKAGE}.${type}`,
	typeVersion = 1,
	parameters,
	items = [{}],
	credentials,
	onError,
	credentialType,
}) {
	prepareContainer();
	const credType = credentialType ?? `${type}Api`;
	/** @type {import('n8n-workflow').INode[]} */
	const nodes = [
		{
			id: 'input',
			name: 'Input',
			type: 'test.inputItems',
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(items) },
		},
		{
			id: 'provider',
			name: 'Provider',
			type: nodeType,
			typeVersion,
			position: [200, 0],
			parameters,
			credentials: { [credType]: { id: '1', name: 'Test credential' } },
			...(onError
				? { onError: /** @type {import('n8n-workflow').INode['onError']} */ (onError) }
				: {}),
		},
	];
	/** @type {import('n8n-workflow').IConnections} */
	const connections = { Input: { main: [[{ node: 'Provider', type: 'main', index: 0 }]] } };
	const workflow = new Workflow({
		id: 'test',
		name: 'test',
		nodes,
		connections,
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const hooks = new core.ExecutionLifecycleHooks(
		'manual',
		'exec-1',
		/** @type {any} */ ({
			id: 'test',
			name: 'test',
			nodes,
			connections,
			active: false,
			settings: {},
			createdAt: new Date(),
			updatedAt: new Date(),
		}),
	);
	const helper = new TestCredentialsHelper({ [credType]: credentials });
	const data = additionalData(helper, hooks);
	const execute = new core.WorkflowExecute(data, 'manual');
	const run = await execute.run({
		workflow,
		startNode: workflow.getNode('Input') ?? undefined,
		destinationNode: { nodeName: 'Provider', mode: 'inclusive' },
	});
	const runData = run.data.resultData.runData;
	const providerRun = runData.Provider?.[0];
	return {
		output: providerRun?.data?.main?.[0] ?? [],
		outputs: providerRun?.data?.main ?? [],
		error: run.data.resultData.error ?? providerRun?.error,
		run,
	};
}

/** What the credential's own `authenticate` block adds to a request, resolved by n8n's expression engine. */
async function authenticateWith(credentialType, credentials) {
	const workflow = new Workflow({
		id: 'auth',
		nodes: [],
		connections: {},
		active: false,
		nodeTypes,
	});
	const node = {
		id: 'n',
		name: 'n',
		type: 'test.inputItems',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	return await new TestCredentialsHelper({}).authenticate(
		credentials,
		credentialType,
		{},
		workflow,
		node,
	);
}

module.exports = {
	runNode,
	nodeTypes,
	credentialClasses,
	credentialClass,
	PACKAGE,
	nodeType,
	authenticateWith,
	TestCredentialsHelper,
	additionalData,
	prepareContainer,
};
