// @ts-check
'use strict';
/**
 * The properties checked on every engine run of the fuzz suites, one checker each:
 *   P1 one output item per input item, in order, `pairedItem: { item: i }`, and the run itself
 *      does not fail;
 *   P2 a rejected item is `{ error: '[item i] <Label> (<field>): …', code: 'INVALID_INPUT' }` (plus
 *      `sessionId` when the session id itself was valid),
 *      <field> is one the model marked invalid/either, and no request carried its session id;
 *   P3 an accepted item sent exactly one update (Yuno: and one GET when it had to fill required
 *      fields), answered 200 by the sandbox (which validates the documented schema itself), or
 *      404/500 for an id the model knows does not exist; the sandbox never answered 400;
 *   P4 known-invalid items are rejected, known-valid ones accepted, and valid values arrive on
 *      the wire unchanged (no expression or coercion mangled them);
 *   P5 no credential secret appears in any output item or error.
 */
const { SECRETS } = require('../../../harness/providers');
const { expectationOf } = require('./oracle');

/** The first credential secret found in a text, if any. */
function leakedSecret(text) {
	return SECRETS.find((secret) => text.includes(secret));
}

const ERROR_LINE = /^\[item (\d+)\] /;
/** Each problem of a refused item names its field: `Label (path): message`; the path's top parameter is taken. */
const NAMED_FIELD = /(?:^\[item \d+\] |; )[^();]+ \(([A-Za-z]+)(?:[.[][^()]*)?\): /g;

/** What a fuzz run counted: verdicts of the oracle, what the node did, refusals per field. */
function newCounts() {
	return {
		total: 0,
		valid: 0,
		invalid: 0,
		either: 0,
		accepted: 0,
		rejected: 0,
		engineRuns: 0,
		byField: {},
	};
}

/** A value as JSON text for a failure message, long strings shortened. */
function describeItem(json) {
	// `undefined` (a field that never arrived) has no JSON text.
	const text = String(
		JSON.stringify(json, (key, value) =>
			typeof value === 'string' && value.length > 300
				? `${value.slice(0, 60)}…(${value.length} chars)`
				: value,
		),
	);
	return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

/** P1: the run itself went through, with one output item per input item. */
function checkRun(cases, { output, error }) {
	const problems = [];
	if (error) problems.push(`the run itself failed: ${error.message}`);
	if (output.length !== cases.length)
		problems.push(`${output.length} output items for ${cases.length} input items`);
	return problems;
}

/** The requests of each item, by the session it asked for; a request no item asked for is a problem. */
function requestsByItem(model, cases, requests) {
	const byId = new Map();
	cases.forEach((c, i) => {
		if (c.expect.wireId !== null) byId.set(c.expect.wireId, i);
	});
	const perItem = cases.map(() => []);
	const problems = [];
	for (const request of requests) {
		const id = model.requestId(request);
		if (byId.has(id)) perItem[byId.get(id)].push(request);
		else
			problems.push(
				`a request for a session no item asked for: ${request.method} ${request.path} ${describeItem(request.body)}`,
			);
	}
	return { perItem, problems };
}

/** P1 (per item): the output item is paired with its input; P5: it holds no credential secret. */
function checkPairedAndClean(i, out, text) {
	const problems = [];
	if (JSON.stringify(out.pairedItem) !== JSON.stringify({ item: i }))
		problems.push(`pairedItem ${JSON.stringify(out.pairedItem)}`);
	const secret = leakedSecret(text);
	if (secret) problems.push(`output contains a credential secret (${secret.slice(0, 6)}…)`);
	return problems;
}

/**
 * P2: a refused item is `{ error, code, sessionId? }`, its message starts with its index and
 * names only fields that are wrong, the input was not documented-valid, and nothing was sent.
 */
function checkRejected(i, json, text, { verdict, allowed }, mine, counts) {
	const problems = [];
	const match = ERROR_LINE.exec(typeof json.error === 'string' ? json.error : '');
	const extra = Object.keys(json).filter((key) => !['error', 'code', 'sessionId'].includes(key));
	if (json.httpCode !== undefined || typeof json.error !== 'string' || extra.length > 0)
		problems.push(`malformed error item ${text.slice(0, 300)}`);
	const named = match ? [...json.error.matchAll(NAMED_FIELD)].map((found) => found[1]) : [];
	if (!match || Number(match[1]) !== i || named.length === 0) {
		problems.push(
			`error does not start with "[item ${i}] <label> (<field>):": ${String(json.error).slice(0, 300)}`,
		);
	} else {
		counts.byField[named[0]] = (counts.byField[named[0]] ?? 0) + 1;
		for (const field of named.filter((each) => !allowed.has(each)))
			problems.push(
				`rejected naming "${field}", but the wrong field(s) are ${[...allowed].join(', ')}: ${json.error.slice(0, 300)}`,
			);
	}
	if (verdict === 'accept')
		problems.push(`a documented-valid input was rejected: ${String(json.error).slice(0, 300)}`);
	if (mine.length > 0) problems.push(`rejected, yet ${mine.length} request(s) were sent for it`);
	return problems;
}

/**
 * P3 and P4: an accepted item of an existing session made exactly one update (after its reads),
 * every answer was a success, the output is no error, and each value arrived on the wire as
 * the oracle expects.
 */
function checkAccepted(model, c, json, text, mine) {
	const problems = [];
	const updates = mine.filter((r) => model.isUpdate(r));
	const others = mine.filter((r) => !model.isUpdate(r));
	if (updates.length !== 1)
		problems.push(`accepted, but ${updates.length} update requests were sent`);
	const gets = c.expect.get === undefined ? others.length : c.expect.get ? 1 : 0;
	if (others.length !== gets)
		problems.push(`accepted, with ${others.length} other requests (expected ${gets})`);
	if (others.length > 0 && updates.length > 0 && mine.indexOf(others[0]) > mine.indexOf(updates[0]))
		problems.push(`${others[0].method} came after the update`);
	for (const r of mine.filter((each) => each.status !== (model.okStatus ?? 200)))
		problems.push(
			`the sandbox answered ${r.status} to ${r.method} ${r.path} with body ${describeItem(r.body)}; node output ${text.slice(0, 400)}`,
		);
	if (json.error !== undefined || json.code !== undefined)
		problems.push(`accepted and answered 200, but the output is an error: ${text.slice(0, 300)}`);
	if (updates.length === 1 && updates[0].status === 200) {
		const [update] = updates;
		for (const [key, value] of Object.entries(c.expect.body ?? {})) {
			if (JSON.stringify(update.body?.[key]) !== JSON.stringify(value))
				problems.push(
					`"${key}" arrived as ${describeItem(update.body?.[key])}, expected ${describeItem(value)}`,
				);
		}
		const problem = c.expect.check?.(update);
		if (problem) problems.push(problem);
	}
	return problems;
}

/** An accepted item of an unknown session: at most one read and one update, the provider's status in the output. */
function checkUnknownSession(model, json, text, mine) {
	const problems = [];
	const updates = mine.filter((r) => model.isUpdate(r));
	const others = mine.filter((r) => !model.isUpdate(r));
	if (mine.length === 0 || updates.length > 1 || others.length > 1)
		problems.push(`unknown session: ${mine.length} requests (${updates.length} updates)`);
	const last = mine[mine.length - 1];
	if (last && json.httpCode !== last.status)
		problems.push(`unknown session answered ${last.status}, output ${text.slice(0, 300)}`);
	for (const r of mine.filter((each) => each.status !== model.unknownStatus))
		problems.push(
			`unknown session answered ${r.status} with body ${describeItem(r.body)}; node output ${text.slice(0, 400)}`,
		);
	return problems;
}

/** The problems of one item against its oracle expectation; counts what it was and what became of it. */
function checkItem(model, c, i, out, mine, counts) {
	counts.total += 1;
	const expectation = expectationOf(c.expect.tags);
	const { verdict, allowed } = expectation;
	counts[verdict === 'accept' ? 'valid' : verdict === 'reject' ? 'invalid' : 'either'] += 1;
	const json = out.json;
	const text = JSON.stringify(json);
	const problems = checkPairedAndClean(i, out, text);
	if (json && json.code === 'INVALID_INPUT') {
		counts.rejected += 1;
		return [...problems, ...checkRejected(i, json, text, expectation, mine, counts)];
	}
	counts.accepted += 1;
	if (verdict === 'reject')
		return [
			...problems,
			`a documented-invalid input was accepted (fields: ${[...allowed].join(', ')}); output ${text.slice(0, 300)}`,
		];
	const check = c.expect.exists
		? checkAccepted(model, c, json, text, mine)
		: checkUnknownSession(model, json, text, mine);
	return [...problems, ...check];
}

/** Checks one engine run of a segment; returns a list of failure strings (empty when all hold). */
function checkSegment(model, cases, result, requests, counts) {
	const { perItem, problems } = requestsByItem(model, cases, requests);
	const failures = [...checkRun(cases, result), ...problems];
	cases.forEach((c, i) => {
		const out = result.output[i];
		if (!out) return;
		for (const problem of checkItem(model, c, i, out, perItem[i], counts))
			failures.push(`item ${i} ${describeItem(c.json)}: ${problem}`);
	});
	return failures;
}

module.exports = { leakedSecret, newCounts, describeItem, checkSegment };
