// @ts-check
'use strict';
const http = require('node:http');
const { listenLocal } = require('../helpers/listen');

/**
 * A local server on 127.0.0.1 that answers each request with `answer(request)`:
 * `{ status, body }`. Records every request (method, path, parsed body).
 */
async function scriptedServer(answer) {
	/** @type {{ method?: string, path?: string, body: any }[]} */
	const requests = [];
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			const request = {
				method: req.method,
				path: req.url,
				body: raw ? JSON.parse(raw) : undefined,
			};
			requests.push(request);
			const { status = 200, body = {} } = answer(request);
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(body));
		});
	});
	const port = await listenLocal(server);
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}

module.exports = { scriptedServer };
