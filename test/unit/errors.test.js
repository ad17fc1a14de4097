// @ts-check
const { NodeApiError, NodeOperationError } = require('n8n-workflow');
const {
	describeBody,
	errorItemJson,
	toItemError,
	providerError,
	InputError,
	formatIssuePath,
	parseLooseError,
} = require('../../nodes/shared/errors');
const { successJson } = require('../../nodes/shared/itemLoop');
const { testNode, testProvider } = require('../helpers/fakeContext');

const node = testNode({ id: '1', name: 'Upag', type: 'upag' });
const provider = testProvider();

describe('describeBody: summarising any error body is linear (8.5)', () => {
	const MB = 1024 * 1024;
	test.each([
		['all "<"', '<'.repeat(MB)],
		['nested tags', '<<<<a>>>>'.repeat(MB / 8)],
		['"<" without ">" after a tag', `<b>ok</b>${'<x'.repeat(MB / 2)}`],
		['only whitespace between tags', '<p>   </p>'.repeat(MB / 10)],
		['spaces', ' '.repeat(MB)],
		['no-break spaces', '\u00a0'.repeat(MB)],
		['tags and nothing else', '<p></p>'.repeat(MB / 7)],
	])(
		'1 MB of %s',
		(_, body) => {
			const text = describeBody(body);
			expect(text === undefined || text.length <= 201).toBe(true);
		},
		5_000,
	);

	test('keeps the text, drops the tags, shortens to 200 characters', () => {
		expect(describeBody('<html><body><h1>Bad Gateway</h1>\n<p>nginx</p></body></html>')).toBe(
			'Bad Gateway nginx',
		);
		expect(describeBody('a < b and c')).toBe('a < b and c');
		expect(describeBody('   ')).toBeUndefined();
		expect(describeBody({ message: 'x' })).toBeUndefined();
		expect(describeBody('x'.repeat(500))).toBe(`${'x'.repeat(200)}…`);
	});
});

describe('error codes are honest (8.11)', () => {
	test('a bug (TypeError) is INTERNAL_ERROR, not INVALID_INPUT, and says so', () => {
		const error = toItemError(
			node,
			3,
			new TypeError("Cannot read properties of undefined (reading 'x')"),
		);
		expect(errorItemJson(error)).toEqual({
			error:
				"[item 3] Unexpected error: TypeError: Cannot read properties of undefined (reading 'x')",
			code: 'INTERNAL_ERROR',
		});
	});

	test('an input problem is INVALID_INPUT', () => {
		expect(
			errorItemJson(toItemError(node, 0, new InputError('currency', 'must be a 3-letter code')))
				.code,
		).toBe('INVALID_INPUT');
	});

	test('a provider failure keeps its status as a number and its code; nothing is null (10.9)', () => {
		const withCode = providerError(
			node,
			{ ...provider, parseError: () => ({ code: 'SESSION_CLOSED', message: 'closed' }) },
			{ status: 409, body: {}, attempts: 1 },
			0,
		);
		expect(errorItemJson(withCode)).toEqual({
			error: '[item 0] Upag answered 409 SESSION_CLOSED: closed',
			httpCode: 409,
			code: 'SESSION_CLOSED',
		});
		const bare = providerError(node, provider, { status: 404, body: '', attempts: 1 }, 0);
		expect(errorItemJson(bare)).toEqual({ error: '[item 0] Upag answered 404', httpCode: 404 });
		const network = providerError(node, provider, { networkCode: 'ECONNRESET', attempts: 3 }, 0);
		expect(errorItemJson(network)).toEqual({
			error: '[item 0] Upag could not be reached after 3 attempts: ECONNRESET',
			code: 'ECONNRESET',
		});
		expect(
			JSON.stringify([errorItemJson(withCode), errorItemJson(bare), errorItemJson(network)]),
		).not.toContain('null');
	});

	test('no network failure is described as safe to repeat (8.19)', () => {
		const network = providerError(node, provider, { networkCode: 'ECONNRESET', attempts: 1 }, 0);
		expect(network.description).not.toMatch(/idempotent/i);
	});
});

describe('"not found" answers point at the session ID, whatever the status (10.2)', () => {
	test.each([
		[500, { message: 'Payment session sc_x not found' }],
		[400, { code: 'CHECKOUT_SESSION_NOT_FOUND' }],
		[404, { message: 'Not Found' }],
	])('%s %j', (status, details) => {
		const error = providerError(
			node,
			{ ...provider, parseError: () => details },
			{ status, body: {}, attempts: 1 },
			0,
		);
		expect(error.description).toMatch(/Check the session ID/);
		expect(error.description).toMatch(/environment/);
		expect(error.description).not.toMatch(/try again later/);
	});

	test('other server errors still say they may be temporary', () => {
		const error = providerError(
			node,
			{ ...provider, parseError: () => ({ message: 'database unavailable' }) },
			{ status: 500, body: {}, attempts: 1 },
			0,
		);
		expect(error.description).toMatch(/try again later/);
	});
});

describe('successful answers never read as error items (8.10)', () => {
	test.each([
		[{ error: 'none', message: 'updated' }],
		[{ error: true }],
		[{ error: { code: 0 }, details: {} }],
	])('%j is given under "response"', (answer) => {
		expect(successJson(answer)).toEqual({ response: answer });
	});

	test.each([
		[{ id: 'cs_1', error: null, message: 'ok' }],
		[{ error: '', message: 'x' }],
		[{}],
		[{ id: 'cs_1' }],
	])('%j stays as it came', (answer) => {
		expect(successJson(answer)).toBe(answer);
	});
});

test('n8n error classes pass through toItemError unchanged', () => {
	const api = new NodeApiError(node, {}, { message: 'x' });
	const operation = new NodeOperationError(node, 'y');
	expect(toItemError(node, 0, api)).toBe(api);
	expect(toItemError(node, 0, operation)).toBe(operation);
});

test('issue paths read like parameter names', () => {
	expect(formatIssuePath(['metadata', 2, 'key'])).toBe('metadata[2].key');
	expect(formatIssuePath(['currency'])).toBe('currency');
});

test('loose error bodies: common keys, otherwise the body as sent', () => {
	expect(parseLooseError({ code: 'SESSION_CLOSED', message: 'Session is not open' })).toEqual({
		code: 'SESSION_CLOSED',
		message: 'Session is not open',
	});
	expect(parseLooseError({ weird: true })).toEqual({ message: '{"weird":true}' });
	expect(parseLooseError(null)).toEqual({});
});

test('describeBody folds every ASCII whitespace, carriage returns and form feeds included', () => {
	expect(describeBody('<p>bad\r\n\tkey\f\vgiven</p>')).toBe('bad key given');
});

test('errorItemJson gives any other failure its message and nothing more', () => {
	expect(errorItemJson(new Error('boom'))).toEqual({ error: 'boom' });
	expect(errorItemJson('plain text')).toEqual({ error: 'plain text' });
});

test('errorItemJson leaves out an empty code or session ID', () => {
	const error = new NodeOperationError(node, '[item 0] failed');
	error.context.code = '';
	error.context.sessionId = '';
	expect(errorItemJson(error)).toEqual({ error: '[item 0] failed' });
	error.context.code = 'X';
	error.context.sessionId = 'cs_1';
	expect(errorItemJson(error)).toEqual({ error: '[item 0] failed', code: 'X', sessionId: 'cs_1' });
});

test('a problem with the item as a whole (no field path) is named "input"', () => {
	const { describeField } = require('../../nodes/shared/errors');
	expect(describeField([])).toBe('input');
	expect(describeField([], new Map([['', 'Whole item']]))).toBe('Whole item (input)');
	expect(describeField(['amount', 'value'], new Map([['amount.value', 'Amount › Value']]))).toBe(
		'Amount › Value (amount.value)',
	);
	expect(new InputError([{ path: [], message: 'is empty' }]).field).toBe('input');
});
