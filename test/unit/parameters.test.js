// @ts-check
const {
	compact,
	readParameter,
	readCollection,
	fixedRows,
	fieldLabels,
	withFieldsToClear,
} = require('../../nodes/shared/parameters');
const { executeContext } = require('../helpers/fakeContext');

/** @typedef {import('n8n-workflow').INodeProperties} INodeProperties */

/** The part of n8n's execute context the readers use: parameters by name, or n8n's own error. */
const context = (parameters) =>
	executeContext({
		getNodeParameter: (name, _itemIndex, fallback) => {
			if (parameters[name] instanceof Error) throw parameters[name];
			return name in parameters ? parameters[name] : fallback;
		},
	});

describe('reading parameters', () => {
	test('unset values are dropped: undefined, null, blank text, empty lists; 0, false and {} stay', () => {
		expect(
			compact({ a: undefined, b: null, c: '  ', d: [], e: 0, f: false, g: {}, h: 'x', i: [1] }),
			// Strict: a key left with an undefined value would fail.
		).toStrictEqual({ e: 0, f: false, g: {}, h: 'x', i: [1] });
	});

	test("n8n's own type check becomes an input error that names the parameter", () => {
		const ctx = context({ amount: new Error("Parameter 'amount' is not a number") });
		expect(() => readParameter(ctx, 0, 'amount')).toThrow(
			expect.objectContaining({
				field: 'amount',
				message: "amount: Parameter 'amount' is not a number",
			}),
		);
		expect(readParameter(context({}), 0, 'missing', 'fallback')).toBe('fallback');
	});

	test('a collection is read flat and compacted; anything else is refused by name', () => {
		expect(readCollection(context({ updateFields: { a: 'x', b: '' } }), 0, 'updateFields')).toEqual(
			{ a: 'x' },
		);
		expect(readCollection(context({}), 0, 'updateFields')).toEqual({});
		for (const value of ['text', [1], null]) {
			expect(() => readCollection(context({ updateFields: value }), 0, 'updateFields')).toThrow(
				expect.objectContaining({ message: 'updateFields: must be a set of fields' }),
			);
		}
	});

	test('fixed-collection rows are unwrapped; an empty collection is unset; other values pass for the schema to judge', () => {
		expect(fixedRows({ item: [{ a: 1 }] }, 'item')).toEqual([{ a: 1 }]);
		expect(fixedRows({}, 'item')).toBeUndefined();
		expect(fixedRows([{ a: 1 }], 'item')).toEqual([{ a: 1 }]);
		expect(fixedRows('text', 'item')).toBe('text');
	});
});

describe('field labels', () => {
	/** @type {INodeProperties[]} */
	const properties = [
		{ displayName: 'Checkout Session', name: 'checkoutSessionId', type: 'string', default: '' },
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			default: {},
			options: [
				{
					displayName: 'Amount',
					name: 'amount',
					type: 'fixedCollection',
					default: {},
					options: [
						{
							displayName: 'Value',
							name: 'value',
							values: [{ displayName: 'Currency', name: 'currency', type: 'string', default: '' }],
						},
					],
				},
				{ displayName: 'Note', name: 'note', type: 'string', default: '' },
			],
		},
	];

	test('by the path the schema uses: collections flat, fixed-collection groups unwrapped', () => {
		expect(Object.fromEntries(fieldLabels(properties))).toEqual({
			checkoutSessionId: 'Checkout Session',
			updateFields: 'Update Fields',
			amount: 'Amount',
			'amount.currency': 'Amount › Currency',
			note: 'Note',
		});
	});

	test('"Fields to Clear" offers the nullable fields by their labels, and the list stays sorted', () => {
		const fields = withFieldsToClear(
			/** @type {INodeProperties[]} */ (properties[1].options),
			['amount.currency', 'note', 'unlabelled'],
			'Fakepay',
		);
		expect(fields.map((field) => field.displayName)).toEqual(['Amount', 'Fields to Clear', 'Note']);
		expect(fields[1].options).toEqual([
			{ name: 'Amount › Currency', value: 'amount.currency' },
			{ name: 'Note', value: 'note' },
			{ name: 'unlabelled', value: 'unlabelled' },
		]);
		expect(fields[1].description).toMatch(
			/^Fields to send as null, which clears them \(Fakepay documents them as nullable\)/,
		);
	});
});
