import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod/v3';

import { compact, readCollection, readParameter } from '../../../shared/parameters';
import type { OperationSpec } from '../../../shared/types';
import { text } from '../../../shared/validation';
import { yuno } from '../../provider';
import { sessionPath, yunoSession, yunoSessionId } from './get.operation';

export const description = updateDisplayOptions(
	{ show: { resource: ['checkoutSession'], operation: ['getPaymentMethods'] } },
	[
		yunoSession('The ID of the checkout session whose payment methods to get (a UUID)'),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Category',
					name: 'category',
					type: 'string',
					default: '',
					description:
						'Only payment methods of this category (Yuno documents the filter, not its values)',
				},
			],
		},
	],
);

/** A lone UTF-16 surrogate has no UTF-8 form, so it cannot travel in a query exactly. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const schema = z.object({
	checkoutSessionId: yunoSessionId,
	category: text({ min: 1 })
		.refine((value) => !LONE_SURROGATE.test(value), 'contains broken Unicode (a lone surrogate)')
		.optional(),
});

export function read(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return compact({
		...readCollection(ctx, itemIndex, 'filters'),
		checkoutSessionId: readParameter(ctx, itemIndex, 'checkoutSessionId'),
	});
}

/** Yuno answers a JSON array; the output item holds it with the session it belongs to. */
export const getPaymentMethods: OperationSpec<z.infer<typeof schema>> = {
	provider: yuno,
	kind: 'read',
	description,
	sessionField: 'checkoutSessionId',
	read,
	schema,
	send: async (input, api, itemIndex) => {
		const answer = await api.call(
			{
				method: 'GET',
				path: `${sessionPath(input.checkoutSessionId)}/payment-methods`,
				query: input.category === undefined ? undefined : { category: input.category },
				listAs: 'payment_methods',
				safeToResend: true,
			},
			itemIndex,
		);
		return { checkout_session: input.checkoutSessionId, ...answer };
	},
};
