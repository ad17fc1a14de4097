// @ts-check
'use strict';
/**
 * A small scripted HTTP server on 127.0.0.1 for hostile-server tests: each request is
 * recorded (method, url, headers, body) and answered by the test's own handler, which
 * may do anything a broken or malicious server would (echo headers, trickle bytes, send
 * 50 MB, close the socket).
 */
const http = require('node:http');

/**
 * @param {(req: http.IncomingMessage, res: http.ServerResponse, body: string) => void} handler
 */
async function startRawServer(handler) {
	/** @type {Array<{ method?: string, url?: string, headers: http.IncomingHttpHeaders, body: string }>} */
	const requests = [];
	const sockets = new Set();
	const server = http.createServer((req, res) => {
		let body = '';
		req.setEncoding('utf8');
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			requests.push({ method: req.method, url: req.url, headers: req.headers, body });
			res.on('error', () => {});
			handler(req, res, body);
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('error', () => {});
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${address.port}`,
		requests,
		/** Sockets still open (a client that gave up closes its socket). */
		openSockets: () => sockets.size,
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise((resolve) => server.close(() => resolve(undefined)));
		},
	};
}

module.exports = { startRawServer };
