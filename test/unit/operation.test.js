// @ts-check
const { z } = require('zod/v3');
const { validateItem, labelsOf, route } = require('../../nodes/shared/operation');
const { testNode, executeContext, testProvider } = require('../helpers/fakeContext');

const NODE = testNode();

/**
 * An operation spec as a provider writes one: read, schema, session field (nothing here sends).
 * @param {import('../../nodes/shared/types').OperationKind} kind
 * @param {import('n8n-workflow').IDataObject} values what the item's parameters read
 * @returns {import('../../nodes/shared/types').OperationSpec<import('n8n-workflow').IDataObject>}
 */
const spec = (kind, values) => ({
	provider: testProvider(),
	kind,
	sessionField: 'checkoutSessionId',
	description: [
		{ displayName: 'Checkout Session', name: 'checkoutSessionId', type: 'string', default: '' },
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			default: {},
			options: [{ displayName: 'Note', name: 'note', type: 'string', default: '' }],
		},
	],
	read: () => values,
	schema: z.object({
		checkoutSessionId: z.string().min(3, 'must be at least 3 characters'),
		note: z.string().optional(),
	}),
	send: async () => ({}),
});

describe('one item through an operation spec', () => {
	test('valid values come out as the schema gives them', () => {
		expect(
			validateItem(executeContext({}), spec('update', { checkoutSessionId: 'cs_1', note: 'x' }), 0),
		).toEqual({
			checkoutSessionId: 'cs_1',
			note: 'x',
		});
	});

	test('an update that changes nothing is refused; a read of the same values is not', () => {
		expect(() =>
			validateItem(executeContext({}), spec('update', { checkoutSessionId: 'cs_1' }), 0),
		).toThrow(
			expect.objectContaining({
				message: 'updateFields: nothing to update: add at least one field to change',
			}),
		);
		expect(
			validateItem(executeContext({}), spec('read', { checkoutSessionId: 'cs_1' }), 0),
		).toEqual({
			checkoutSessionId: 'cs_1',
		});
	});

	test('schema problems become one input error naming every field', () => {
		const error = (() => {
			try {
				validateItem(executeContext({}), spec('update', { checkoutSessionId: 'c', note: 5 }), 0);
			} catch (caught) {
				return caught;
			}
		})();
		expect(error.issues.map((issue) => issue.path.join('.'))).toEqual([
			'checkoutSessionId',
			'note',
		]);
	});

	test("labels come from the spec's own description, built once", () => {
		const one = spec('update', {});
		expect(labelsOf(one).get('note')).toBe('Note');
		expect(labelsOf(one).get('checkoutSessionId')).toBe('Checkout Session');
		expect(labelsOf(one)).toBe(labelsOf(one));
	});

	test('an operation the node does not offer is refused by name', async () => {
		const ctx = executeContext({
			getNodeParameter: (name) => ({ resource: 'checkoutSession', operation: 'delete' })[name],
			getNode: () => NODE,
		});
		await expect(route(ctx, { checkoutSession: {} })).rejects.toThrow(
			'The operation "delete" of "checkoutSession" is not supported',
		);
	});
});
