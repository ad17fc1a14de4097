// @ts-check
'use strict';
// The pieces of `npm run test:mutation` that decide what runs and what counts.
const { inSample } = require('../../scripts/mutation/sample');
const { tally, wilson } = require('../../scripts/mutation/score');
const MutationSequencer = require('../helpers/mutation/sequencer');

/**
 * Runs `run` with these environment variables set (undefined: unset), then puts them back.
 * @param {Record<string, string | undefined>} env
 * @param {() => void} run
 */
function withEnv(env, run) {
	const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
	const apply = (/** @type {Record<string, string | undefined>} */ values) => {
		for (const [name, value] of Object.entries(values)) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
	};
	apply(env);
	try {
		run();
	} finally {
		apply(saved);
	}
}

describe('mutation sample', () => {
	test('a full run counts every mutant', () => {
		withEnv({ MUTATION_SAMPLE: undefined }, () => {
			expect(['0', '1', '4547'].every(inSample)).toBe(true);
		});
	});

	test('a sample keeps about its fraction of the mutants, the same ones every time', () => {
		withEnv({ MUTATION_SAMPLE: '0.1' }, () => {
			const ids = Array.from({ length: 5000 }, (_, i) => String(i));
			const kept = ids.filter(inSample);
			expect(kept.length).toBeGreaterThan(400);
			expect(kept.length).toBeLessThan(600);
			expect(ids.filter(inSample)).toEqual(kept);
			// Neighbouring ids (mutants next to each other in the code) are not kept together
			// more often than chance would have it (about 5000 × 0.1 × 0.1 = 50 pairs).
			const pairs = ids.filter((id, i) => i > 0 && inSample(id) && inSample(ids[i - 1]));
			expect(pairs.length).toBeLessThan(100);
		});
	});
});

describe('mutation score', () => {
	const report = {
		files: {
			'nodes/shared/a.ts': {
				source: 'const a = 1;\nif (a > 0) run();\n',
				mutants: [
					{ id: '1', status: 'Killed', mutatorName: 'X', location: { start: { line: 1 } } },
					{ id: '2', status: 'Timeout', mutatorName: 'X', location: { start: { line: 1 } } },
					{
						id: '3',
						status: 'Survived',
						mutatorName: 'EqualityOperator',
						replacement: 'a >= 0',
						location: { start: { line: 2 } },
					},
					{ id: '4', status: 'Ignored', mutatorName: 'X', location: { start: { line: 2 } } },
					{ id: '5', status: 'NoCoverage', mutatorName: 'X', location: { start: { line: 1 } } },
				],
			},
		},
	};

	test('killed and timed-out mutants are detected; survivors and uncovered ones are listed; ignored ones only counted apart', () => {
		const { detected, missed, ignored } = tally(report, () => true);
		expect(detected).toBe(2);
		expect(ignored).toBe(1);
		expect(missed).toEqual([
			'nodes/shared/a.ts:2 Survived EqualityOperator → "a >= 0"  | if (a > 0) run();',
			'nodes/shared/a.ts:1 NoCoverage X → ""  | const a = 1;',
		]);
	});

	test('only the mutants of the sample count', () => {
		const { detected, missed, ignored } = tally(report, (id) => id !== '1' && id !== '3');
		expect(detected).toBe(1);
		expect(ignored).toBe(1);
		expect(missed).toHaveLength(1);
	});

	test("Wilson's interval holds the proportion and narrows with more mutants", () => {
		const [low, high] = wilson(90, 100);
		expect(low).toBeCloseTo(0.8256, 3);
		expect(high).toBeCloseTo(0.9448, 3);
		const [low2, high2] = wilson(900, 1000);
		expect(high2 - low2).toBeLessThan(high - low);
	});
});

describe('mutation test sequencer', () => {
	const tests = [
		'/p/test/engine/b.test.js',
		'/p/test/unit/z.test.js',
		'/p/test/unit/a.test.js',
	].map((path) => ({ path }));

	test('the unmutated pass runs every file, unit tests first', () => {
		withEnv({ __STRYKER_ACTIVE_MUTANT__: undefined }, () => {
			const sorted = new MutationSequencer({ globalConfig: {} }).sort(tests);
			expect(sorted.map((t) => t.path)).toEqual([
				'/p/test/unit/a.test.js',
				'/p/test/unit/z.test.js',
				'/p/test/engine/b.test.js',
			]);
		});
	});

	test('a mutant outside the sample runs nothing', () => {
		withEnv({ MUTATION_SAMPLE: '0.05', __STRYKER_ACTIVE_MUTANT__: '0' }, () => {
			expect(inSample('0')).toBe(false);
			expect(new MutationSequencer({ globalConfig: {} }).sort(tests)).toEqual([]);
		});
	});
});

describe('editor texts left out of mutation', () => {
	const { parse } = require('@babel/parser');
	const traverse = require('@babel/traverse').default;
	const { editorText } = require('../../scripts/mutation/editorText');

	/**
	 * The string literals of `code` that Stryker would still mutate: those with no ignored
	 * ancestor.
	 * @param {string} code
	 */
	function mutated(code) {
		const ast = parse(code, { sourceType: 'module', plugins: ['typescript'] });
		/** @type {string[]} */
		const kept = [];
		traverse(ast, {
			enter(path) {
				if (editorText.shouldIgnore(/** @type {any} */ (path)) !== undefined) path.skip();
				else if (path.node.type === 'StringLiteral') kept.push(path.node.value);
			},
		});
		return kept;
	}

	test('labels, descriptions, placeholders, hints and option names are left out; names, values, defaults and messages are not', () => {
		const code = `
			const field = {
				displayName: 'Amount',
				name: 'amount',
				type: 'options',
				default: 'BRL',
				placeholder: 'e.g. ' + 'BRL',
				hint: \`in cents\`,
				description: 'The amount',
				options: [{ name: 'Real', value: 'BRL', description: 'Brazilian real', action: 'Pay' }],
				displayOptions: { show: { operation: ['update'] } },
			};
			throw new Error('amount: must be positive');
			const provider = { description: describe('computed') };
		`;
		expect(mutated(code)).toEqual([
			'amount',
			'options',
			'BRL',
			'BRL',
			'update',
			'amount: must be positive',
			'computed',
		]);
	});
});
