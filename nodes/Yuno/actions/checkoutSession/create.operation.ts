import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod/v3';

import { InputError } from '../../../shared/errors';
import { additionalFields } from '../../../shared/description';
import { compact, fixedRows, readCreate } from '../../../shared/parameters';
import type { ApiCall, OperationSpec } from '../../../shared/types';
import { text, url } from '../../../shared/validation';
import { yuno } from '../../provider';
import {
	amount,
	FIELDS,
	metadataRows,
	requiredFields,
	singleGroup,
	uuid,
	workflow,
} from './fields';

/**
 * Yuno's create page allows 120 metadata rows, its session object page 50: the stricter
 * holds, so that every session created can also be read back as documented.
 */
const CREATE_METADATA_MAX = 50;

const properties: INodeProperties[] = [
	{ ...FIELDS.merchantOrderId, required: true },
	{ ...FIELDS.paymentDescription, required: true },
	{ ...FIELDS.country, required: true },
	additionalFields([
		FIELDS.accountId,
		FIELDS.alternativeAmount,
		FIELDS.amount,
		FIELDS.callbackUrl,
		{
			displayName: 'Checkout ID',
			name: 'checkoutId',
			type: 'string',
			default: '',
			description:
				"The Custom Checkout to use (UUID). Without it the session uses the account's default checkout.",
		},
		FIELDS.customerId,
		{
			displayName: 'Installments Plan ID',
			name: 'installmentsPlanId',
			type: 'string',
			default: '',
			description: 'The ID of an installment plan created in Yuno',
		},
		{
			...FIELDS.metadata,
			description: `Up to ${CREATE_METADATA_MAX} key/value pairs (key up to 48 characters, value up to 512)`,
		},
		FIELDS.workflow,
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['checkoutSession'], operation: ['create'] } },
	properties,
);

export const schema = z.object({
	merchantOrderId: requiredFields.shape.merchantOrderId,
	paymentDescription: requiredFields.shape.paymentDescription,
	country: requiredFields.shape.country,
	accountId: uuid().optional(),
	alternativeAmount: amount.optional(),
	amount: amount.optional(),
	callbackUrl: url({ min: 3, max: 526 }).optional(),
	checkoutId: uuid().optional(),
	customerId: uuid().optional(),
	installmentsPlanId: text({ min: 1, max: 64 }).optional(),
	metadata: metadataRows(CREATE_METADATA_MAX).optional(),
	workflow: workflow.optional(),
});

export type YunoCreate = z.infer<typeof schema>;

export function read(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = readCreate(ctx, itemIndex, ['merchantOrderId', 'paymentDescription', 'country']);
	return compact({
		...fields,
		amount: singleGroup(fields.amount, 'amount'),
		alternativeAmount: singleGroup(fields.alternativeAmount, 'amount'),
		metadata: fixedRows(fields.metadata, 'pair'),
	});
}

/** Yuno documents no idempotency key for this endpoint, so a create is never resent blindly. */
export function buildRequest(input: YunoCreate & { accountId: string }): ApiCall {
	return {
		method: 'POST',
		path: '/checkout/sessions',
		safeToResend: false,
		body: compact({
			merchant_order_id: input.merchantOrderId,
			payment_description: input.paymentDescription,
			country: input.country,
			account_id: input.accountId,
			customer_id: input.customerId,
			callback_url: input.callbackUrl,
			amount: input.amount,
			alternative_amount: input.alternativeAmount,
			metadata: input.metadata,
			workflow: input.workflow,
			installments:
				input.installmentsPlanId === undefined ? undefined : { plan_id: input.installmentsPlanId },
			checkout_id: input.checkoutId,
		}),
	};
}

export const create: OperationSpec<YunoCreate> = {
	provider: yuno,
	kind: 'create',
	description,
	read,
	schema,
	send: async (input, api, itemIndex) => {
		const fromCredential = api.credentials.accountId;
		const accountId =
			input.accountId ??
			(typeof fromCredential === 'string' && fromCredential !== '' ? fromCredential : undefined);
		if (accountId === undefined) {
			throw new InputError(
				'accountId',
				'is required by Yuno: set the account ID in the credential or in Additional Fields',
			);
		}
		return await api.call(buildRequest({ ...input, accountId }), itemIndex);
	},
};
