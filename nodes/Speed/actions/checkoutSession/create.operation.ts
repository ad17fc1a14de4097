import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod/v3';

import { additionalFields } from '../../../shared/description';
import { compact, readCreate } from '../../../shared/parameters';
import { singleCall } from '../../../shared/operation';
import type { ApiCall } from '../../../shared/types';
import { currencyCode, INT32_MAX, integer, number, oneOf, text } from '../../../shared/validation';
import { speed } from '../../provider';

/** "The minimum time limit is 5 minutes" (the maximum is cut off in the pages we have). */
export const MIN_TTL_SECONDS = 300;

/** "As of now, Speed only supports SATS and BTC." */
const TARGET_CURRENCIES = ['SATS', 'BTC'] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		required: true,
		description:
			'The amount to collect, in the currency below. 0 lets the customer choose how much to pay.',
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: 'USD',
		required: true,
		placeholder: 'USD',
		description: 'Three-letter code of the base currency, fiat or crypto',
	},
	additionalFields([
		{
			displayName: 'Statement Descriptor',
			name: 'statementDescriptor',
			type: 'string',
			default: '',
			description: 'The purpose of the payment, brief and to the point',
		},
		{
			displayName: 'Target Currency',
			name: 'targetCurrency',
			type: 'options',
			options: TARGET_CURRENCIES.map((value) => ({ name: value, value })),
			default: 'SATS',
			description: 'The cryptocurrency in which you receive the funds',
		},
		{
			displayName: 'Time to Live in Seconds',
			name: 'ttl',
			type: 'number',
			typeOptions: { minValue: MIN_TTL_SECONDS, numberPrecision: 0 },
			default: 3600,
			description: `How long the session can be paid, in seconds (at least ${MIN_TTL_SECONDS})`,
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['checkoutSession'], operation: ['create'] } },
	properties,
);

export const schema = z.object({
	amount: number().pipe(z.number().min(0, 'must be 0 or more')),
	currency: currencyCode(),
	statementDescriptor: text({ min: 1 }).optional(),
	targetCurrency: oneOf([...TARGET_CURRENCIES]).optional(),
	ttl: integer({ min: MIN_TTL_SECONDS, max: INT32_MAX }).optional(),
});

export type SpeedCreate = z.infer<typeof schema>;

export function read(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return readCreate(ctx, itemIndex, ['amount', 'currency']);
}

/** No idempotency key is documented: sent twice, it makes two sessions. */
export function buildRequest(input: SpeedCreate): ApiCall {
	return {
		method: 'POST',
		path: '/checkout-sessions',
		safeToResend: false,
		body: compact({
			amount: input.amount,
			currency: input.currency,
			statement_descriptor: input.statementDescriptor,
			target_currency: input.targetCurrency,
			ttl: input.ttl,
		}),
	};
}

export const create = singleCall<SpeedCreate>({
	provider: speed,
	kind: 'create',
	description,
	read,
	schema,
	buildRequest,
});
