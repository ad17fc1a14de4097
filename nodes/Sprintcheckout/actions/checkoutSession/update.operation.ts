import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { updateFields } from '../../../shared/description';
import { compact, readCollection, readParameter } from '../../../shared/parameters';
import { extractSessionId, sessionLocator } from '../../../shared/session';
import { singleCallUpdate } from '../../../shared/operation';
import type { ApiCall } from '../../../shared/types';
import { boolean, currencyCode, number, text, url } from '../../../shared/validation';
import { sprintcheckout, sprintcheckoutCheckoutUrls } from '../../provider';

const properties: INodeProperties[] = [
	sessionLocator({
		name: 'sessionId',
		displayName: 'Payment Session',
		idPlaceholder: '3f1c2a9e-4b7d-4e21-9c55-0a8f6d2b7e13',
		description:
			'The payment session to update: its session ID or its redirect URL (…/?uid=<session ID>)',
		urls: sprintcheckoutCheckoutUrls,
	}),
	updateFields([
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description: 'Amount of the purchase, in the session currency',
		},
		{
			displayName: 'Cancel URL',
			name: 'cancelUrl',
			type: 'string',
			default: '',
			placeholder: 'https://shop.example.com/cart',
			description: 'Where the payer goes after cancelling on the hosted payment page',
		},
		{
			displayName: 'Concept',
			name: 'concept',
			type: 'string',
			default: '',
			description: 'The payment concept, for payment links',
		},
		{
			displayName: 'Currency',
			name: 'currency',
			type: 'string',
			default: '',
			placeholder: 'USD',
			description: 'Three-letter fiat currency code',
		},
		{
			displayName: 'Editable',
			name: 'editable',
			type: 'boolean',
			default: false,
			description: 'Whether the payer can edit the amount on the payment page',
		},
		{
			displayName: 'Fail URL',
			name: 'failUrl',
			type: 'string',
			default: '',
			placeholder: 'https://shop.example.com/payment-failed',
			description: 'Where the payer goes after a failed payment',
		},
		{
			displayName: 'Minimum Amount',
			name: 'minAmount',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description: 'Minimum amount of the payment, when the amount is editable',
		},
		{
			displayName: 'Order ID',
			name: 'orderId',
			type: 'string',
			default: '',
			description: 'Your reference for the order on your shop',
		},
		{
			displayName: 'Success URL',
			name: 'successUrl',
			type: 'string',
			default: '',
			placeholder: 'https://shop.example.com/thanks',
			description: 'Where the payer goes after a successful payment',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['checkoutSession'], operation: ['update'] } },
	properties,
);

const amount = number().pipe(z.number().min(0, 'must be 0 or more'));

export const schema = z.object({
	sessionId: text({ min: 1 }),
	orderId: text().optional(),
	concept: text().optional(),
	amount: amount.optional(),
	minAmount: amount.optional(),
	editable: boolean().optional(),
	currency: currencyCode().optional(),
	successUrl: url().optional(),
	failUrl: url().optional(),
	cancelUrl: url().optional(),
});

export type SprintcheckoutUpdate = z.infer<typeof schema>;

export function read(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return compact({
		...readCollection(ctx, itemIndex, 'updateFields'),
		sessionId: extractSessionId(
			'sessionId',
			readParameter(ctx, itemIndex, 'sessionId'),
			sprintcheckoutCheckoutUrls,
		),
	});
}

/** The session id travels in the body: the documented path has no id. */
export function buildRequest(input: SprintcheckoutUpdate): ApiCall {
	return { method: 'PUT', path: '/api/checkout/v2/payment_session', body: compact(input) };
}

export const update = singleCallUpdate<SprintcheckoutUpdate>({
	provider: sprintcheckout,
	sessionField: 'sessionId',
	read,
	schema,
	buildRequest,
});
