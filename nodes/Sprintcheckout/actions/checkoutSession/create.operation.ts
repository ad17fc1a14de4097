import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod/v3';

import { additionalFields } from '../../../shared/description';
import { compact, readCreate } from '../../../shared/parameters';
import { singleCall } from '../../../shared/operation';
import type { ApiCall } from '../../../shared/types';
import { boolean, currencyCode, oneOf, text, url } from '../../../shared/validation';
import { sprintcheckout } from '../../provider';
import { amount, sessionField } from './update.operation';

/** Documented `pattern: STATIC|TRANSIENT`; TRANSIENT is the default. */
const ORDER_TYPES = ['STATIC', 'TRANSIENT'] as const;

const properties: INodeProperties[] = [
	{ ...sessionField('amount'), required: true },
	{ ...sessionField('currency'), required: true },
	additionalFields([
		sessionField('cancelUrl'),
		sessionField('editable'),
		sessionField('minAmount'),
		sessionField('orderId'),
		{
			displayName: 'Order Type',
			name: 'orderType',
			type: 'options',
			options: [
				{
					name: 'Static',
					value: 'STATIC',
					description: 'Never expires, can be paid more than once (e.g. donations)',
				},
				{
					name: 'Transient',
					value: 'TRANSIENT',
					description: 'Not reusable once paid (Sprintcheckout default)',
				},
			],
			default: 'TRANSIENT',
			description: 'Whether the session can be paid again',
		},
		sessionField('successUrl'),
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['checkoutSession'], operation: ['create'] } },
	properties,
);

export const schema = z.object({
	amount,
	currency: currencyCode(),
	orderType: oneOf([...ORDER_TYPES]).optional(),
	minAmount: amount.optional(),
	editable: boolean().optional(),
	orderId: text().optional(),
	successUrl: url().optional(),
	cancelUrl: url().optional(),
});

export type SprintcheckoutCreate = z.infer<typeof schema>;

export function read(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return readCreate(ctx, itemIndex, ['amount', 'currency']);
}

/** No idempotency key is documented: sent twice, it makes two sessions. */
export function buildRequest(input: SprintcheckoutCreate): ApiCall {
	return {
		method: 'POST',
		path: '/api/checkout/v2/payment_session',
		safeToResend: false,
		body: compact({ ...input }),
	};
}

export const create = singleCall<SprintcheckoutCreate>({
	provider: sprintcheckout,
	kind: 'create',
	description,
	read,
	schema,
	buildRequest,
});
