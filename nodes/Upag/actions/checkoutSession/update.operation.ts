import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod/v3';

import { updateFields } from '../../../shared/description';
import { compact, fixedRows, readCollection, readParameter } from '../../../shared/parameters';
import { singleCallUpdate } from '../../../shared/operation';
import type { ApiCall } from '../../../shared/types';
import { integer, list, oneOf, rows, text, url } from '../../../shared/validation';
import { upag } from '../../provider';
import { sessionPath, upagSession, upagSessionId } from './get.operation';

const properties: INodeProperties[] = [
	upagSession('The open checkout session to update: its ID (starts with cs_) or its checkout URL'),
	updateFields([
		{
			displayName: 'Cancel URL',
			name: 'cancelUrl',
			type: 'string',
			default: '',
			placeholder: 'https://shop.example.com/cart',
			description: 'Where the customer goes after cancelling',
		},
		{
			displayName: 'Customer ID',
			name: 'customerId',
			type: 'string',
			default: '',
			placeholder: 'cus_ahwDXrgYvur89iPs',
			description: 'The Upag customer the session belongs to (starts with cus_)',
		},
		{
			displayName: 'Items',
			name: 'items',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Item',
			default: {},
			description: 'Replaces the items of the session; at least one when set',
			options: [
				{
					displayName: 'Item',
					name: 'item',
					values: [
						{
							displayName: 'Price ID',
							name: 'priceId',
							type: 'string',
							default: '',
							placeholder: 'price_def456ghi',
						},
						{
							displayName: 'Quantity',
							name: 'quantity',
							type: 'number',
							typeOptions: { minValue: 1, numberPrecision: 0 },
							default: 1,
						},
					],
				},
			],
		},
		{
			displayName: 'Payment Methods',
			name: 'paymentMethods',
			type: 'multiOptions',
			options: [
				{ name: 'Credit Card', value: 'credit_card' },
				{ name: 'Pix', value: 'pix' },
			],
			default: [],
			description: 'The payment methods the checkout offers',
		},
		{
			displayName: 'Success URL',
			name: 'successUrl',
			type: 'string',
			default: '',
			placeholder: 'https://shop.example.com/thanks',
			description: 'Where the customer goes after paying',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['checkoutSession'], operation: ['update'] } },
	properties,
);

const paymentMethod = oneOf(['credit_card', 'pix']);

export const schema = z.object({
	checkoutSessionId: upagSessionId,
	customerId: text()
		.pipe(z.string().regex(/^cus_\w+$/, 'must be a customer ID starting with cus_'))
		.optional(),
	items: rows(z.object({ priceId: text({ min: 1 }), quantity: integer({ min: 1 }) }), {
		min: 1,
	}).optional(),
	paymentMethods: list(paymentMethod).optional(),
	successUrl: url().optional(),
	cancelUrl: url().optional(),
});

export type UpagUpdate = z.infer<typeof schema>;

export function read(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = readCollection(ctx, itemIndex, 'updateFields');
	return compact({
		...fields,
		checkoutSessionId: readParameter(ctx, itemIndex, 'checkoutSessionId'),
		items: fixedRows(fields.items, 'item'),
	});
}

export function buildRequest(input: UpagUpdate): ApiCall {
	const { checkoutSessionId, ...body } = input;
	return {
		method: 'PUT',
		safeToResend: true,
		path: sessionPath(checkoutSessionId),
		body: compact(body),
	};
}

export const update = singleCallUpdate<UpagUpdate>({
	provider: upag,
	description,
	sessionField: 'checkoutSessionId',
	read,
	schema,
	buildRequest,
});
