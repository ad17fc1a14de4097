import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod/v3';

import { keyValueRows } from '../../../shared/description';
import { compact, fixedRows } from '../../../shared/parameters';
import { currencyCode, number, oneOf, rows, text } from '../../../shared/validation';
import { YUNO_COUNTRIES, YUNO_WORKFLOWS } from '../../provider';

/*
 * The fields Yuno documents alike on its create and update pages, as the panel shows them
 * and as their values are checked. Each operation picks the ones its page lists.
 */

export const amountFields = (label: string): INodeProperties[] => [
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: '',
		placeholder: 'BRL',
		description: `ISO 4217 code of the ${label}`,
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'number',
		typeOptions: { numberPrecision: 4 },
		default: 0,
		description: 'A multiple of 0.0001',
	},
];

/** Yuno's session fields by parameter name; labels and limits from the create and update pages. */
export const FIELDS: Record<string, INodeProperties> = Object.fromEntries(
	(
		[
			{
				displayName: 'Account ID',
				name: 'accountId',
				type: 'string',
				default: '',
				description: "The Yuno account (UUID). Defaults to the credential's account ID.",
			},
			{
				displayName: 'Alternative Amount',
				name: 'alternativeAmount',
				type: 'fixedCollection',
				// Adding the field shows currency and value at once.
				default: { amount: { currency: '', value: 0 } },
				placeholder: 'Set Alternative Amount',
				description: 'The amount in an alternative currency',
				options: [
					{
						displayName: 'Alternative Amount',
						name: 'amount',
						values: amountFields('alternative currency'),
					},
				],
			},
			{
				displayName: 'Amount',
				name: 'amount',
				type: 'fixedCollection',
				default: { amount: { currency: '', value: 0 } },
				placeholder: 'Set Amount',
				description: 'The payment amount and its currency',
				options: [{ displayName: 'Amount', name: 'amount', values: amountFields('payment') }],
			},
			{
				displayName: 'Callback URL',
				name: 'callbackUrl',
				type: 'string',
				default: '',
				placeholder: 'https://shop.example.com/return',
				description:
					'Where the customer is sent after the purchase (needed by payment methods that redirect); 3 to 526 characters',
			},
			{
				displayName: 'Country',
				name: 'country',
				type: 'options',
				options: YUNO_COUNTRIES.map(([code, name]) => ({ name, value: code })),
				default: 'BR',
				description: "The customer's country",
			},
			{
				displayName: 'Customer ID',
				name: 'customerId',
				type: 'string',
				default: '',
				description: 'The Yuno customer (UUID, 36 characters)',
			},
			{
				displayName: 'Merchant Order ID',
				name: 'merchantOrderId',
				type: 'string',
				default: '',
				description: "Your order's ID; 3 to 255 characters",
			},
			keyValueRows({
				displayName: 'Metadata',
				name: 'metadata',
				description: 'Up to 120 key/value pairs (key up to 48 characters, value up to 512)',
			}),
			{
				displayName: 'Payment Description',
				name: 'paymentDescription',
				type: 'string',
				default: '',
				description: 'The description of the payment; 3 to 255 characters',
			},
			{
				displayName: 'Checkout Workflow',
				name: 'workflow',
				type: 'options',
				options: YUNO_WORKFLOWS.map(({ name, value, description }) => ({
					name,
					value,
					description,
				})),
				default: 'SDK_CHECKOUT',
				description: "How the payment is taken: Yuno's checkout workflow type",
			},
		] as INodeProperties[]
	).map((field) => [field.name, field]),
);

/**
 * Amounts computed by expressions carry float noise (19.99 * 3 = 59.970000000000006): within
 * 1e-6 of a multiple of 0.0001 the value is sent as that multiple; anything else is refused.
 */
export const amountValue = number()
	.refine(
		(value) => Math.abs(Math.round(value * 10000) - value * 10000) < 1e-6,
		'must be a multiple of 0.0001',
	)
	.transform((value) => {
		const steps = Math.round(value * 10000);
		return Number.isSafeInteger(steps) ? steps / 10000 : value;
	});

export const amount = z.object({
	currency: currencyCode(),
	value: amountValue,
});

/** alternative_amount.currency is nullable: cleared via Fields to Clear, then the value goes alone. */
export const alternativeAmount = z.object({
	currency: currencyCode().optional(),
	value: amountValue,
});

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const uuid = () => text().pipe(z.string().regex(UUID, 'must be a UUID (36 characters)'));

/** The fields Yuno requires on every update, as typed or as read from the session. */
export const requiredFields = z.object({
	merchantOrderId: text({ min: 3, max: 255 }),
	paymentDescription: text({ min: 3, max: 255 }),
	country: oneOf(YUNO_COUNTRIES.map(([code]) => code) as [string, ...string[]]),
});

/** metadata: `{key (≤ 48), value (≤ 512)}` rows, at most `max` of them. */
export function metadataRows(max: number) {
	return rows(z.object({ key: text({ min: 1, max: 48 }), value: text({ max: 512 }) }), {
		min: 1,
		max,
	});
}

export const workflow = oneOf(YUNO_WORKFLOWS.map(({ value }) => value) as [string, ...string[]]);

/** The one group of a single-value fixed collection (`{ amount: { … } }`), compacted. */
export function singleGroup(value: IDataObject[string], group: string): IDataObject[string] {
	const entry = fixedRows(value, group);
	const first = Array.isArray(entry) ? entry[0] : entry;
	return first !== null && typeof first === 'object' && !Array.isArray(first)
		? compact(first as IDataObject)
		: first;
}
