// @ts-check
'use strict';
/**
 * Runs a credential type's declarative `test` the way n8n's server does
 * (packages/cli/src/services/credentials-tester.service.ts, n8n 2.41): a temporary node whose
 * one property routes `test.request`, run by n8n-core's RoutingNode with the decrypted
 * credential (so the request goes through httpRequestWithAuthentication and the credential's
 * authenticate function), then the same evaluation of `test.rules`.
 */
require('reflect-metadata');
const core = require('n8n-core');
const { Workflow, NodeHelpers, createEmptyRunExecutionData } = require('n8n-workflow');
const get = require('lodash/get');
const {
	credentialClass,
	TestCredentialsHelper,
	additionalData,
	prepareContainer,
} = require('../../harness/engine');

/**
 * @param {string} credentialType
 * @param {import('n8n-workflow').ICredentialDataDecryptedObject} data the credential's values
 * @returns {Promise<{ status: 'OK' | 'Error', message: string }>}
 */
async function runCredentialTest(credentialType, data) {
	prepareContainer();
	const { test } = new (credentialClass(credentialType))();
	const credentialsDecrypted = {
		id: '1',
		name: 'Test credential',
		type: credentialType,
		data: { ...data },
	};
	/** @type {import('n8n-workflow').INodeType} */
	const nodeType = {
		description: {
			displayName: 'Temp',
			name: 'temp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.request },
					default: '',
				},
			],
		},
	};
	/** @type {import('n8n-workflow').INode} */
	const node = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: 'temp',
		typeVersion: 1,
		position: [0, 0],
		credentials: { [credentialType]: { id: '1', name: 'Test credential' } },
	};
	/** @type {import('n8n-workflow').INodeTypes} */
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(nodeType, 1),
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const runExecutionData = createEmptyRunExecutionData();
	const inputData = { main: [[{ json: {} }]] };
	const executeData = { node, data: {}, source: null };
	const hooks = new core.ExecutionLifecycleHooks('internal', 'cred-test', {
		id: 'w',
		name: 'Credential test',
		nodes: [node],
		connections: {},
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
	});
	const extra = additionalData(new TestCredentialsHelper({ [credentialType]: data }), hooks);
	const context = new core.ExecuteContext(
		workflow,
		node,
		extra,
		'internal',
		runExecutionData,
		0,
		[],
		inputData,
		executeData,
		[],
	);
	const routingNode = new core.RoutingNode(context, nodeType, credentialsDecrypted);

	let response;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		if (error.cause?.response) {
			const statusCode = error.cause.response.status;
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && statusCode === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (statusCode < 199 || statusCode > 299) {
				return {
					status: 'Error',
					message: error.cause.response.statusText || `Received HTTP status code: ${statusCode}`,
				};
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: error.message.toString() };
	}
	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			// A request routed by the node's one property always gives one item.
			const json = /** @type {import('n8n-workflow').INodeExecutionData[][]} */ (response)[0][0]
				.json;
			if (get(json, rule.properties.key) === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

module.exports = { runCredentialTest };
