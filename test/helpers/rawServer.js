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

/**
 * A server answering every request with `answer(req)`: status, headers and body.
 * @param {(req: http.IncomingMessage) => { status: number, headers?: http.OutgoingHttpHeaders, body?: string }} answer
 */
async function scriptedServer(answer) {
	return await startRawServer((req, res) => {
		const { status, headers = {}, body = '' } = answer(req);
		res.writeHead(status, headers);
		res.end(body);
	});
}

/**
 * Runs a credential test against a base URL that answers 302 to another host, and returns
 * its result with what each of the two servers received.
 * @template T
 * @param {(baseUrl: string) => Promise<T>} runTest
 */
async function throughRedirect(runTest) {
	const elsewhere = await scriptedServer(() => ({
		status: 200,
		headers: { 'content-type': 'application/json' },
		body: '[]',
	}));
	const redirecting = await scriptedServer((req) => ({
		status: 302,
		headers: { location: `${elsewhere.url}${req.url}` },
	}));
	try {
		const result = await runTest(redirecting.url);
		return { result, redirected: redirecting.requests, elsewhere: elsewhere.requests };
	} finally {
		await redirecting.close();
		await elsewhere.close();
	}
}

module.exports = { startRawServer, scriptedServer, throughRedirect };
