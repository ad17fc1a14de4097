// @ts-check
'use strict';

/**
 * The error answer of a provider whose error bodies are not documented: `{ message }`, the
 * sandbox's minimal choice, with several problems joined by "; ".
 * @param {number} status
 * @param {string | string[]} messages
 */
function messageError(status, messages) {
	return { status, body: { message: [messages].flat().join('; ') } };
}

module.exports = { messageError };
