// @ts-check
'use strict';
/**
 * Stand-ins for what n8n hands to the core in unit tests: a node, and an execution context that
 * holds only the members the code under test reads.
 */

/** @typedef {import('n8n-workflow').INode} INode */
/** @typedef {import('n8n-workflow').IExecuteFunctions} IExecuteFunctions */
/** @typedef {import('../../nodes/shared/types').Provider} Provider */

/**
 * A node as n8n passes it to the core (errors name it, the item loop reads its On Error).
 * @param {Partial<INode>} [fields] what differs from the plain test node
 * @returns {INode}
 */
function testNode(fields = {}) {
	return {
		id: 'n',
		name: 'Node',
		type: 'test',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		...fields,
	};
}

/**
 * An execution context made of the given members only. The core is typed against n8n's whole
 * IExecuteFunctions; a test gives just what the code it calls reads, and a member it forgot fails
 * the test at run time.
 * @param {{ [member in keyof IExecuteFunctions]?: unknown }} members
 * @returns {IExecuteFunctions}
 */
function executeContext(members) {
	return /** @type {IExecuteFunctions} */ (/** @type {unknown} */ (members));
}

/**
 * A provider as the core sees it: Upag's names, a token credential, error bodies without details
 * and an `authenticate` that adds nothing.
 * @param {Partial<Provider>} [fields] what differs
 * @returns {Provider}
 */
function testProvider(fields = {}) {
	return {
		displayName: 'Upag',
		credentialType: 'upagApi',
		defaultBaseUrl: () => 'https://api.upag.io/v1',
		secretFields: ['token'],
		parseError: () => ({}),
		authenticate: async (_credentials, requestOptions) => requestOptions,
		...fields,
	};
}

module.exports = { testNode, executeContext, testProvider };
