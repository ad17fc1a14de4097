import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod/v3';

import { updateFields } from '../../../shared/description';
import {
	compact,
	readCollection,
	readParameter,
	withFieldsToClear,
} from '../../../shared/parameters';
import { sessionLocator, sessionReference } from '../../../shared/session';
import type { ApiCall, UpdateOperationSpec } from '../../../shared/types';
import { boolean, currencyCode, list, number, oneOf, text, url } from '../../../shared/validation';
import { sprintcheckout, sprintcheckoutCheckoutUrls } from '../../provider';

/** Every optional field is documented `nullable: true`. */
const NULLABLE = [
	'amount',
	'cancelUrl',
	'concept',
	'currency',
	'editable',
	'failUrl',
	'minAmount',
	'orderId',
	'successUrl',
] as const;

/** The session's fields as the update and create pages name them (create lists fewer). */
export const SESSION_FIELDS: INodeProperties[] = [
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
];

/** One of SESSION_FIELDS by parameter name. */
export function sessionField(name: string): INodeProperties {
	const field = SESSION_FIELDS.find((candidate) => candidate.name === name);
	if (field === undefined) throw new Error(`No Sprintcheckout field ${name}`);
	return field;
}

const properties: INodeProperties[] = [
	sessionLocator({
		name: 'sessionId',
		displayName: 'Checkout Session',
		idPlaceholder: '3f1c2a9e-4b7d-4e21-9c55-0a8f6d2b7e13',
		description:
			"The checkout session to update (Sprintcheckout's API calls it a payment session): its ID, or its redirect URL, which ends in ?uid= followed by the ID",
		urls: sprintcheckoutCheckoutUrls,
	}),
	updateFields(withFieldsToClear(SESSION_FIELDS, NULLABLE, 'Sprintcheckout')),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['checkoutSession'], operation: ['update'] } },
	properties,
);

export const amount = number().pipe(z.number().min(0, 'must be 0 or more'));

export const schema = z
	.object({
		sessionId: sessionReference(sprintcheckoutCheckoutUrls).pipe(text({ min: 1 })),
		orderId: text().optional(),
		concept: text().optional(),
		amount: amount.optional(),
		minAmount: amount.optional(),
		editable: boolean().optional(),
		currency: currencyCode().optional(),
		successUrl: url().optional(),
		failUrl: url().optional(),
		cancelUrl: url().optional(),
		fieldsToClear: list(oneOf([...NULLABLE])).optional(),
	})
	.superRefine((input, context) => {
		for (const name of input.fieldsToClear ?? []) {
			if (input[name] !== undefined) {
				context.addIssue({
					code: 'custom',
					path: [name],
					message: 'is set and also listed in Fields to Clear: do one or the other',
				});
			}
		}
	});

export type SprintcheckoutUpdate = z.infer<typeof schema>;

export function read(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return compact({
		...readCollection(ctx, itemIndex, 'updateFields'),
		sessionId: readParameter(ctx, itemIndex, 'sessionId'),
	});
}

/** The fields this item changes: the values given, and null for each field to clear. */
function changesOf(input: SprintcheckoutUpdate): IDataObject {
	const fields: IDataObject = { ...input };
	delete fields.sessionId;
	delete fields.fieldsToClear;
	const cleared = Object.fromEntries((input.fieldsToClear ?? []).map((name) => [name, null]));
	return { ...compact(fields), ...cleared };
}

/** The session id travels in the body: the documented path has no id. */
export function buildRequest(input: SprintcheckoutUpdate): ApiCall {
	return {
		method: 'PUT',
		path: '/api/checkout/v2/payment_session',
		safeToResend: true,
		body: { sessionId: input.sessionId, ...changesOf(input) },
	};
}

/**
 * Sprintcheckout answers only `{ sessionId, redirectUrl }`, which does not show what changed:
 * the output adds the fields this item sent, under `sent`, so nobody takes them for the
 * provider's word.
 */
export const update: UpdateOperationSpec<SprintcheckoutUpdate> = {
	provider: sprintcheckout,
	kind: 'update',
	description,
	sessionField: 'sessionId',
	read,
	schema,
	send: async (input, api, itemIndex) => {
		const answer = await api.call(buildRequest(input), itemIndex);
		return { ...answer, sent: changesOf(input) };
	},
};
