// @ts-check
const fc = require('fast-check');
const { runItems, successJson } = require('../../nodes/shared/itemLoop');
const { NodeOperationError } = require('n8n-workflow');
const { InputError } = require('../../nodes/shared/errors');
const { testNode, executeContext } = require('../helpers/fakeContext');

const NODE = testNode();

/**
 * The part of n8n's execute context the item loop reads.
 * @param {number} count
 * @param {{ continueOnFail?: boolean, onError?: import('n8n-workflow').INode['onError'] }} [options]
 */
function context(count, { continueOnFail = false, onError } = {}) {
	return executeContext({
		getInputData: () => Array.from({ length: count }, () => ({ json: {} })),
		continueOnFail: () => continueOnFail,
		getNode: () => ({ ...NODE, onError }),
	});
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the item loop', () => {
	test('any number of items, any limit, random finishing order: one output per item, in input order, paired', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 0, max: 40 }),
				fc.integer({ min: 1, max: 10 }),
				fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 40, maxLength: 40 }),
				async (count, limit, delays) => {
					let running = 0;
					let most = 0;
					const output = await runItems(
						context(count),
						async (index) => {
							running += 1;
							most = Math.max(most, running);
							for (let i = 0; i < delays[index]; i++) await tick();
							running -= 1;
							return { index };
						},
						limit,
					);
					expect(output).toEqual(
						Array.from({ length: count }, (_, index) => ({
							json: { index },
							pairedItem: { item: index },
						})),
					);
					expect(most).toBeLessThanOrEqual(limit);
					if (count >= limit) expect(most).toBe(limit);
				},
			),
			{ numRuns: 50 },
		);
	});

	test('a limit given as a function is read again as items finish', async () => {
		let limit = 1;
		let running = 0;
		const seen = [];
		await runItems(
			context(12),
			async (index) => {
				running += 1;
				seen.push(running);
				if (index === 3) limit = 4;
				await tick();
				running -= 1;
				return {};
			},
			() => limit,
		);
		expect(Math.max(...seen.slice(0, 4))).toBe(1);
		expect(Math.max(...seen)).toBe(4);
	});

	test('without "Continue On Fail" the first failure in item order is thrown, and no new item starts', async () => {
		const started = [];
		const failure = await runItems(
			context(10),
			async (index) => {
				started.push(index);
				await tick();
				if (index === 0) for (let i = 0; i < 3; i++) await tick();
				if (index === 2 || index === 1) throw new InputError('field', `bad ${index}`);
				return {};
			},
			3,
		).catch((error) => error);
		expect(failure.message).toBe('field: bad 1');
		expect(started).toEqual([0, 1, 2]);
	});

	test('with "Continue On Fail" a failed item is { error, ...details } in place; with the error output its details are nested', async () => {
		const fail = async (index) => {
			if (index !== 1) return { ok: index };
			const error = new NodeOperationError(NODE, 'is wrong');
			error.context.code = 'INVALID_INPUT';
			throw error;
		};
		const regular = await runItems(context(3, { continueOnFail: true }), fail, 2);
		expect(regular.map((item) => item.json)).toEqual([
			{ ok: 0 },
			{ error: 'is wrong', code: 'INVALID_INPUT' },
			{ ok: 2 },
		]);
		const errorOutput = await runItems(
			context(3, { continueOnFail: true, onError: 'continueErrorOutput' }),
			fail,
			2,
		);
		expect(errorOutput[1].json).toEqual({ error: 'is wrong', details: { code: 'INVALID_INPUT' } });
	});

	test('an answer n8n would read as an error item stays a success, under "response"', () => {
		expect(successJson({ error: 'none', message: 'ok' })).toEqual({
			response: { error: 'none', message: 'ok' },
		});
		expect(successJson({ error: 'none', id: 'cs_1' })).toEqual({ error: 'none', id: 'cs_1' });
		expect(successJson({ error: '', message: 'ok' })).toEqual({ error: '', message: 'ok' });
		expect(successJson({ id: 'cs_1' })).toEqual({ id: 'cs_1' });
	});
});
