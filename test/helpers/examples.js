// @ts-check
'use strict';

/**
 * A workflow of examples/ as n8n exports it: the parts the engine tests give to n8n-core.
 * @typedef {Pick<import('n8n-workflow').IWorkflowBase, 'id' | 'name' | 'active' | 'nodes' | 'connections' | 'settings' | 'pinData'>} ExampleWorkflow
 */

/**
 * @param {string} file the file in examples/, e.g. '5-signed-events-triggers.json'
 * @returns {ExampleWorkflow}
 */
function exampleWorkflow(file) {
	return require(`../../examples/${file}`);
}

module.exports = { exampleWorkflow };
