// @ts-check
'use strict';

/**
 * Listens on 127.0.0.1 on a free port; resolves to the port.
 * @param {import('node:net').Server} server
 * @returns {Promise<number>}
 */
async function listenLocal(server) {
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	return /** @type {import('node:net').AddressInfo} */ (server.address()).port;
}

module.exports = { listenLocal };
