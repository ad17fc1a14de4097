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

/** @typedef {{ status: number, headers?: http.OutgoingHttpHeaders, body?: string }} ScriptedAnswer */

/**
 * A JSON answer for a scripted server.
 * @param {number} status
 * @param {unknown} value the body, before serialising
 * @returns {ScriptedAnswer}
 */
function jsonAnswer(status, value) {
	return {
		status,
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(value),
	};
}

/**
 * A server answering every request with `answer(req)`: status, headers and body.
 * @param {(req: http.IncomingMessage) => ScriptedAnswer} answer
 */
async function scriptedServer(answer) {
	return await startRawServer((req, res) => {
		const { status, headers = {}, body = '' } = answer(req);
		res.writeHead(status, headers);
		res.end(body);
	});
}

/**
 * Runs `runTest` with the URL of a scripted server (see scriptedServer) and closes the server;
 * gives the test's result and the requests the server received.
 * @template T
 * @param {(req: http.IncomingMessage) => ScriptedAnswer} answer
 * @param {(baseUrl: string) => Promise<T>} runTest
 */
async function againstScriptedServer(answer, runTest) {
	const server = await scriptedServer(answer);
	try {
		return { result: await runTest(server.url), requests: server.requests };
	} finally {
		await server.close();
	}
}

/**
 * Runs a credential test against a base URL that answers 302 to another host, and returns
 * its result with what each of the two servers received.
 * @template T
 * @param {(baseUrl: string) => Promise<T>} runTest
 */
async function throughRedirect(runTest) {
	const elsewhere = await scriptedServer(() => jsonAnswer(200, []));
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

/**
 * A credential test whose base URL redirects to another host fails as a redirect, and the other
 * host receives nothing.
 * @param {(baseUrl: string) => Promise<{ status: string, message: string }>} runTest
 */
async function expectRedirectRefused(runTest) {
	const { result, redirected, elsewhere } = await throughRedirect(runTest);
	expect(result).toEqual({
		status: 'Error',
		message: expect.stringMatching(/answered with a redirect \(HTTP 302\)/),
	});
	expect(redirected).toHaveLength(1);
	expect(elsewhere).toHaveLength(0);
}

module.exports = {
	startRawServer,
	scriptedServer,
	jsonAnswer,
	againstScriptedServer,
	throughRedirect,
	expectRedirectRefused,
};
