// @ts-check
'use strict';
// How the sandbox writes an answer: whole, cut off mid-body, or as an injected fault.
const http = require('node:http');
const { serialize } = require('./http');
const { retryAfterHeaders } = require('./rate-limiter');
const { HTML_502 } = require('./faults');

const FAULT_MESSAGES = {
	500: 'Internal server error',
	502: 'Bad gateway',
	503: 'Service unavailable',
	504: 'Gateway timeout',
};

/**
 * Writers for one sandbox. A `call` is `{ res, entry, done, provider }`; `hung` collects the
 * sockets of hung answers so that close() can end them.
 */
function createResponder(recorder, hung) {
	// byStatus counts complete responses only; dropped and hung ones show up in faultsInjected.
	function send(call, result) {
		const { status, headers, payload } = serialize(result);
		call.entry.status = status;
		if (call.res.destroyed) return;
		call.res.writeHead(status, headers).end(payload);
		recorder.countStatus(status);
		call.done();
	}

	// Writes the status line, headers and part of the body straight to the socket, then drops it.
	function sendPartialThenDrop(call, result) {
		const { status, headers, payload } = serialize(result);
		call.entry.status = status;
		const announced = Math.max(Buffer.byteLength(payload), 2);
		const head = Object.entries({ ...headers, 'content-length': announced })
			.map(([name, value]) => `${name}: ${value}\r\n`)
			.join('');
		const part = payload.slice(0, Math.floor(payload.length / 2));
		const socket = call.res.socket;
		if (!socket || socket.destroyed) return;
		socket.write(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n${head}\r\n${part}`, () =>
			socket.destroy(),
		);
	}

	function injectFault(call, kind) {
		const { provider } = call;
		switch (kind) {
			case '500':
			case '502':
			case '503':
			case '504':
				return send(call, provider.error(Number(kind), FAULT_MESSAGES[kind]));
			case '429-seconds':
			case '429-date':
			case '429-none': {
				const result = provider.error(429, 'Too many requests');
				result.headers = retryAfterHeaders(kind.slice(4), 1000);
				return send(call, result);
			}
			case 'reset':
				return sendPartialThenDrop(call, {
					status: 200,
					body: { truncated: 'by the sandbox reset fault' },
				});
			case 'hang': {
				const socket = call.res.socket;
				hung.add(socket);
				socket.once('close', () => hung.delete(socket));
				return undefined;
			}
			case 'malformed-json':
				return send(call, {
					status: 200,
					headers: { 'content-type': 'application/json; charset=utf-8' },
					rawBody: '{"id":"',
				});
			case 'html':
				return send(call, {
					status: 502,
					headers: { 'content-type': 'text/html' },
					rawBody: HTML_502,
				});
			case 'bare-404':
				return send(call, { status: 404 });
			default:
				throw new Error(`no injector for fault ${kind}`);
		}
	}

	function overCapacity(provider, status) {
		if (status === 503) return provider.error(503, FAULT_MESSAGES[503]);
		recorder.stats.throttled += 1;
		const result = provider.error(429, 'Too many requests');
		result.headers = retryAfterHeaders('seconds', 1000);
		return result;
	}

	return { send, sendPartialThenDrop, injectFault, overCapacity };
}

module.exports = { createResponder };
