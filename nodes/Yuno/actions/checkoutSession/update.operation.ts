import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod/v3';

import type { InputIssue } from '../../../shared/errors';
import { InputError } from '../../../shared/errors';
import { updateFields } from '../../../shared/description';
import {
	compact,
	fixedRows,
	readCollection,
	readParameter,
	withFieldsToClear,
} from '../../../shared/parameters';
import type { ApiCall, ApiClient, UpdateOperationSpec } from '../../../shared/types';
import {
	INT32_MAX,
	integer,
	list,
	number,
	oneOf,
	rows,
	text,
	url,
} from '../../../shared/validation';
import { yuno } from '../../provider';
import {
	alternativeAmount,
	amount,
	FIELDS,
	metadataRows,
	requiredFields,
	singleGroup,
	uuid,
	workflow,
} from './fields';
import { sessionPath, yunoSession, yunoSessionId } from './get.operation';

/** The one field Yuno documents as nullable. */
const CLEARABLE = ['alternativeAmount.currency'] as const;

const properties: INodeProperties[] = [
	yunoSession('The ID of the checkout session to update (a UUID)'),
	{
		displayName: 'Installments',
		name: 'installments',
		type: 'options',
		options: [
			{ name: 'Keep Current', value: 'unchanged' },
			{ name: 'Use a Plan Created in Yuno', value: 'planId' },
			{ name: 'Define the Plan Here', value: 'plan' },
		],
		default: 'unchanged',
		description: 'The installment plan offered in this session',
	},
	{
		displayName: 'Installments Plan ID',
		name: 'installmentsPlanId',
		type: 'string',
		default: '',
		required: true,
		description: 'The ID of an installment plan created in Yuno',
		displayOptions: { show: { installments: ['planId'] } },
	},
	{
		displayName: 'Installments Plan',
		name: 'installmentsPlan',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Installment',
		default: {},
		displayOptions: { show: { installments: ['plan'] } },
		options: [
			{
				displayName: 'Installment',
				name: 'installment',
				values: [
					{
						displayName: 'Number of Installments',
						name: 'installment',
						type: 'number',
						typeOptions: { minValue: 1, numberPrecision: 0 },
						default: 1,
						description: 'The number of monthly installments the shopper can choose',
					},
					{
						displayName: 'Rate',
						name: 'rate',
						type: 'number',
						typeOptions: { numberPrecision: 4 },
						default: 1,
						description: 'Multiplier applied to the amount, e.g. 1.20 for a 20 % rate',
					},
				],
			},
		],
	},
	updateFields(withFieldsToClear(Object.values(FIELDS), CLEARABLE, 'Yuno')),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['checkoutSession'], operation: ['update'] } },
	properties,
);

export const options: INodeProperties[] = [
	{
		displayName: 'Auto-Fill Required Fields',
		name: 'fillRequiredFields',
		type: 'boolean',
		default: true,
		displayOptions: { show: { '/operation': ['update'] } },
		description:
			'Whether to read the session first (one GET) to fill merchant order ID, payment description and country when they are not set, since Yuno requires them on every update. Values read are checked like typed ones. Account ID comes from the credential.',
	},
];

/** The schema's "required" fields: sent on every update (see fillRequiredFields). */
export const YUNO_REQUIRED = [
	'merchantOrderId',
	'paymentDescription',
	'country',
	'accountId',
] as const;

export const schema = z
	.object({
		checkoutSessionId: yunoSessionId,
		merchantOrderId: requiredFields.shape.merchantOrderId.optional(),
		paymentDescription: requiredFields.shape.paymentDescription.optional(),
		country: requiredFields.shape.country.optional(),
		accountId: uuid().optional(),
		customerId: uuid().optional(),
		callbackUrl: url({ min: 3, max: 526 }).optional(),
		amount: amount.optional(),
		alternativeAmount: alternativeAmount.optional(),
		fieldsToClear: list(oneOf([...CLEARABLE])).optional(),
		metadata: metadataRows(120).optional(),
		workflow: workflow.optional(),
		installments: oneOf(['unchanged', 'planId', 'plan']).optional(),
		installmentsPlanId: text({ min: 1, max: 64 }).optional(),
		installmentsPlan: rows(
			z.object({ installment: integer({ min: 1, max: INT32_MAX }), rate: number() }),
			{ min: 1 },
		).optional(),
	})
	.superRefine((input, context) => {
		const clearCurrency = input.fieldsToClear?.includes('alternativeAmount.currency') ?? false;
		const currency = input.alternativeAmount?.currency;
		if (clearCurrency && currency !== undefined) {
			context.addIssue({
				code: 'custom',
				path: ['alternativeAmount', 'currency'],
				message: 'is set and also listed in Fields to Clear: do one or the other',
			});
		}
		if (clearCurrency && input.alternativeAmount === undefined) {
			context.addIssue({
				code: 'custom',
				path: ['alternativeAmount', 'value'],
				message: 'is needed to clear the alternative currency (Yuno requires the value with it)',
			});
		}
		if (!clearCurrency && input.alternativeAmount !== undefined && currency === undefined) {
			context.addIssue({
				code: 'custom',
				path: ['alternativeAmount', 'currency'],
				message: 'is required (or list it in Fields to Clear)',
			});
		}
		if (input.installments === 'plan' && input.installmentsPlan === undefined) {
			context.addIssue({
				code: 'custom',
				path: ['installmentsPlan'],
				message: 'has no rows: add at least one installment, or pick another Installments option',
			});
		}
		if (input.installments === 'planId' && input.installmentsPlanId === undefined) {
			context.addIssue({ code: 'custom', path: ['installmentsPlanId'], message: 'is required' });
		}
	})
	.transform((input) => {
		// The selector only decides which plan field is read; it is not sent.
		const fields = { ...input };
		delete fields.installments;
		return fields;
	});

export type YunoUpdate = z.infer<typeof schema>;

export function read(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = readCollection(ctx, itemIndex, 'updateFields');
	const installments = readParameter(ctx, itemIndex, 'installments', 'unchanged');
	return compact({
		...fields,
		checkoutSessionId: readParameter(ctx, itemIndex, 'checkoutSessionId'),
		amount: singleGroup(fields.amount, 'amount'),
		alternativeAmount: singleGroup(fields.alternativeAmount, 'amount'),
		metadata: fixedRows(fields.metadata, 'pair'),
		installments: installments === 'unchanged' ? undefined : installments,
		installmentsPlanId:
			installments === 'planId'
				? readParameter(ctx, itemIndex, 'installmentsPlanId', '')
				: undefined,
		installmentsPlan:
			installments === 'plan'
				? fixedRows(
						readParameter(ctx, itemIndex, 'installmentsPlan', {}) as IDataObject,
						'installment',
					)
				: undefined,
	});
}

export function buildRequest(input: YunoUpdate): ApiCall {
	const installments =
		input.installmentsPlanId !== undefined
			? { plan_id: input.installmentsPlanId }
			: input.installmentsPlan !== undefined
				? { plan: input.installmentsPlan }
				: undefined;
	const alternative = input.alternativeAmount;
	const clearCurrency = input.fieldsToClear?.includes('alternativeAmount.currency') ?? false;
	return {
		method: 'PATCH',
		path: sessionPath(input.checkoutSessionId),
		safeToResend: true,
		body: compact({
			merchant_order_id: input.merchantOrderId,
			payment_description: input.paymentDescription,
			country: input.country,
			account_id: input.accountId,
			customer_id: input.customerId,
			callback_url: input.callbackUrl,
			amount: input.amount,
			alternative_amount:
				alternative === undefined
					? undefined
					: { currency: clearCurrency ? null : alternative.currency, value: alternative.value },
			metadata: input.metadata,
			workflow: input.workflow,
			installments,
		}),
	};
}

/**
 * Yuno's schema marks merchant_order_id, payment_description, country and account_id as
 * required on every update, though "only fields you send will be updated". So a one-field
 * change sends them too: account_id from the credential, the others (unless given) from a
 * GET of the session, which returns them unchanged. With the option off, nothing is fetched
 * and a missing one is an input error.
 */
export async function completeRequiredFields(
	input: YunoUpdate,
	api: ApiClient,
	itemIndex: number,
	fillFromSession: boolean,
): Promise<YunoUpdate> {
	const accountId =
		input.accountId ?? (api.credentials.accountId as string | undefined) ?? undefined;
	const completed: YunoUpdate = { ...input, accountId: accountId === '' ? undefined : accountId };
	if (completed.accountId === undefined) {
		throw new InputError(
			'accountId',
			'is required by Yuno: set the account ID in the credential or in Update Fields',
		);
	}
	const missing = YUNO_REQUIRED.filter((field) => completed[field] === undefined);
	if (missing.length === 0) return completed;
	if (!fillFromSession) {
		throw new InputError(
			missing.map((field) => ({
				path: [field],
				message:
					'is required by Yuno on every update (or turn on "Auto-Fill Required Fields" in the options)',
			})),
		);
	}
	const session = await api.call(
		{
			method: 'GET',
			path: sessionPath(input.checkoutSessionId),
			safeToResend: true,
		},
		itemIndex,
	);
	return { ...completed, ...fillFromSessionValues(missing, session) };
}

const SESSION_KEYS = {
	merchantOrderId: 'merchant_order_id',
	paymentDescription: 'payment_description',
	country: 'country',
} as const;

/** Values read from the session pass the same checks as typed ones; each missing or invalid one is named. */
function fillFromSessionValues(
	missing: Array<(typeof YUNO_REQUIRED)[number]>,
	session: IDataObject,
): Partial<YunoUpdate> {
	const filled: Partial<YunoUpdate> = {};
	const issues: InputIssue[] = [];
	for (const field of missing) {
		if (field === 'accountId') continue;
		const key = SESSION_KEYS[field];
		const value = Object.prototype.hasOwnProperty.call(session, key) ? session[key] : undefined;
		if (value === undefined || value === null || value === '') {
			issues.push({
				path: [field],
				message: `is required by Yuno, and the session read has no ${key} to fill it with: set it in Update Fields`,
			});
			continue;
		}
		const parsed = requiredFields.shape[field].safeParse(value);
		if (parsed.success) filled[field] = parsed.data;
		else {
			issues.push({
				path: [field],
				message: `the session's ${key} cannot be sent back (${parsed.error.issues[0].message}): set it in Update Fields`,
			});
		}
	}
	if (issues.length > 0) throw new InputError(issues);
	return filled;
}

export const update: UpdateOperationSpec<YunoUpdate> = {
	provider: yuno,
	kind: 'update',
	description,
	sessionField: 'checkoutSessionId',
	read,
	schema,
	send: async (input, api, itemIndex, options) => {
		const complete = await completeRequiredFields(
			input,
			api,
			itemIndex,
			options.fillRequiredFields !== false,
		);
		return await api.call(buildRequest(complete), itemIndex);
	},
};
