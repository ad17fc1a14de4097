// @ts-check
'use strict';

const MAX_BODY_BYTES = 8 * 1024 * 1024;

class BodyTooLarge extends Error {}

// An oversized body is drained rather than cut off, so the client still gets an answer.
function readBody(req, limit = MAX_BODY_BYTES) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size <= limit) chunks.push(chunk);
		});
		req.on('end', () => {
			if (size > limit) reject(new BodyTooLarge(`request body is larger than ${limit} bytes`));
			else resolve(Buffer.concat(chunks).toString('utf8'));
		});
		req.on('error', reject);
	});
}

/** `{ ok: true, value }` for JSON text, `{ ok: true, value: undefined }` for no body, else `{ ok: false }`. */
function parseJson(raw) {
	if (raw === '') return { ok: true, value: undefined };
	try {
		return { ok: true, value: JSON.parse(raw) };
	} catch {
		return { ok: false };
	}
}

function parseQuery(searchParams) {
	const query = {};
	for (const [key, value] of searchParams) {
		if (!(key in query)) query[key] = value;
		else if (Array.isArray(query[key])) query[key].push(value);
		else query[key] = [query[key], value];
	}
	return query;
}

/** A handler result: `{ status, body?, headers? }`. `body` undefined means an empty body. */
function serialize(result) {
	const headers = { ...(result.headers || {}) };
	let payload = '';
	if (typeof result.rawBody === 'string') {
		payload = result.rawBody;
	} else if (result.body !== undefined) {
		payload = JSON.stringify(result.body);
		headers['content-type'] = 'application/json; charset=utf-8';
	}
	headers['content-length'] = Buffer.byteLength(payload);
	return { status: result.status, headers, payload };
}

module.exports = { MAX_BODY_BYTES, BodyTooLarge, readBody, parseJson, parseQuery, serialize };
