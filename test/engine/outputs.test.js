// @ts-check
/*
 * What a run hands on: which output an item lands on (n8n routes by the shape of the JSON),
 * what a failed item says (issue 10.9), and the advice an unknown session gets (10.2).
 */
const { SEEDED } = require('../../sandbox');
const { startRawServer } = require('../helpers/rawServer');
const { nodeTypes, PACKAGE } = require('../../harness/engine');
const { RUN_OPTIONS } = require('../../nodes/shared/description');
const { useSandboxEngine, id } = require('./sandboxRun');

const ctx = useSandboxEngine();

describe('success and failure never swap outputs (8.10)', () => {
	let server;
	/** Answers per session: cs_ok_* with 200 and an error-shaped body, cs_bad_* with 400 and a success-shaped body. */
	beforeAll(async () => {
		server = await startRawServer((req, res) => {
			const ok = req.url?.includes('cs_ok');
			res.writeHead(ok ? 200 : 400, { 'content-type': 'application/json' });
			res.end(
				ok
					? JSON.stringify({ error: 'none', message: 'Session updated' })
					: JSON.stringify({ id: 'cs_bad_1', status: 'open' }),
			);
		});
	});
	afterAll(() => server.close());

	const items = [{ session: 'cs_ok_1' }, { session: 'cs_bad_1' }, { session: 'cs_ok_2' }];
	const runUpag = (onError) =>
		ctx.run(
			'upag',
			{ checkoutSessionId: id('={{ $json.session }}'), updateFields: { paymentMethods: ['pix'] } },
			items,
			{
				onError,
				credentials: { baseUrl: `${server.url}/v1` },
			},
		);

	test('"Continue (using error output)": an answer with only error/message stays on the success output, a 400 goes to the error output', async () => {
		const { outputs, error } = await runUpag('continueErrorOutput');
		expect(error).toBeUndefined();
		const [success, failed] = outputs;
		expect(success.map((item) => [item.pairedItem, item.json])).toEqual([
			[{ item: 0 }, { response: { error: 'none', message: 'Session updated' } }],
			[{ item: 2 }, { response: { error: 'none', message: 'Session updated' } }],
		]);
		expect(failed.map((item) => [item.pairedItem, item.json.details])).toEqual([
			[{ item: 1 }, { httpCode: 400, sessionId: 'cs_bad_1' }],
		]);
		expect(failed[0].json.error).toMatch(/^\[item 1\] Upag answered 400/);
	});

	test('"Continue On Fail": the same shapes on the one output, so a success never reads as a failure', async () => {
		const { output, error } = await runUpag('continueRegularOutput');
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ response: { error: 'none', message: 'Session updated' } });
		expect(output[1].json).toMatchObject({
			httpCode: 400,
			sessionId: 'cs_bad_1',
			error: expect.stringMatching(/^\[item 1\] /),
		});
	});
});

describe('failed items say which session they were about (10.9)', () => {
	test.each([
		[
			'upag',
			{ checkoutSessionId: id(SEEDED.upag.unknown), updateFields: { paymentMethods: ['pix'] } },
			SEEDED.upag.unknown,
		],
		[
			'speed',
			{ checkoutSessionId: id(SEEDED.speed.unknown), updateFields: { title: 'x' } },
			SEEDED.speed.unknown,
		],
		[
			'sprintcheckout',
			{ sessionId: id(SEEDED.sprintcheckout.unknown), updateFields: { concept: 'x' } },
			SEEDED.sprintcheckout.unknown,
		],
		[
			'yuno',
			{
				checkoutSessionId: id(SEEDED.yuno.unknown),
				updateFields: { merchantOrderId: 'order-1', paymentDescription: 'abc', country: 'BR' },
			},
			SEEDED.yuno.unknown,
		],
	])(
		'%s: sessionId, a numeric httpCode, and no null anywhere',
		async (type, parameters, session) => {
			const { output, error } = await ctx.run(type, parameters, [{}], {
				onError: 'continueRegularOutput',
			});
			expect(error).toBeUndefined();
			const { json } = output[0];
			expect(json.sessionId).toBe(session);
			expect(typeof json.httpCode).toBe('number');
			expect(Object.values(json)).not.toContain(null);
			expect(Object.keys(json).sort()).toEqual(
				expect.arrayContaining(['error', 'httpCode', 'sessionId']),
			);
		},
	);
});

describe('an unknown session gets advice about the session ID, not "try again later" (10.2)', () => {
	test('Sprintcheckout documents a 500 for it; the hint still points at the ID and the environment', async () => {
		const { error } = await ctx.run('sprintcheckout', {
			sessionId: id(SEEDED.sprintcheckout.unknown),
			updateFields: { concept: 'x' },
		});
		expect(error.message).toMatch(/^\[item 0\] Sprintcheckout answered 500: .*not found/i);
		expect(error.description).toMatch(/Check the session ID/);
		expect(error.description).toMatch(/environment/);
		expect(error.description).not.toMatch(/try again later/i);
	});

	test.each([
		[
			'upag',
			{ checkoutSessionId: id(SEEDED.upag.unknown), updateFields: { paymentMethods: ['pix'] } },
		],
		['speed', { checkoutSessionId: id(SEEDED.speed.unknown), updateFields: { title: 'x' } }],
		[
			'yuno',
			{
				checkoutSessionId: id(SEEDED.yuno.unknown),
				updateFields: { merchantOrderId: 'order-1', paymentDescription: 'abc', country: 'BR' },
			},
		],
	])('%s: the same advice', async (type, parameters) => {
		const { error } = await ctx.run(type, parameters);
		expect(error.description).toMatch(/Check the session ID/);
	});
});

describe('run options: bounds in the UI are the ones the node enforces (8.8)', () => {
	test.each(['sprintcheckout', 'speed', 'yuno', 'upag'])('%s', (type) => {
		const { properties } = nodeTypes.getByName(`${PACKAGE}.${type}`).description;
		const options = properties.find((property) => property.name === 'options');
		for (const [name, limit] of Object.entries(RUN_OPTIONS)) {
			const option = options.options.find((entry) => entry.name === name);
			expect(option).toMatchObject({
				default: limit.default,
				typeOptions: { minValue: limit.min, maxValue: limit.max },
			});
		}
	});

	test('the defaults are 16 requests, 5 retries, 60 s of retry wait, 30 s timeout', () => {
		expect(
			Object.fromEntries(Object.entries(RUN_OPTIONS).map(([name, limit]) => [name, limit.default])),
		).toEqual({
			maxConcurrentRequests: 16,
			maxRetries: 5,
			maxRetryWait: 60,
			timeout: 30,
		});
	});
});
