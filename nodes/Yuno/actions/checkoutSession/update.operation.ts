import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod/v3';

import type { InputIssue } from '../../../shared/errors';
import { InputError } from '../../../shared/errors';
import { keyValueRows, updateFields } from '../../../shared/description';
import {
	compact,
	fixedRows,
	readCollection,
	readParameter,
	withFieldsToClear,
} from '../../../shared/parameters';
import { sessionLocator, sessionReference } from '../../../shared/session';
import type { ApiCall, ApiClient, UpdateOperationSpec } from '../../../shared/types';
import {
	currencyCode,
	INT32_MAX,
	integer,
	list,
	number,
	oneOf,
	rows,
	text,
	url,
} from '../../../shared/validation';
import { YUNO_COUNTRIES, YUNO_WORKFLOWS, yuno } from '../../provider';

const amountFields = (label: string): INodeProperties[] => [
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

/** The one field Yuno documents as nullable. */
const CLEARABLE = ['alternativeAmount.currency'] as const;

const properties: INodeProperties[] = [
	sessionLocator({
		name: 'checkoutSessionId',
		displayName: 'Checkout Session',
		idPlaceholder: 'c67ce158-6053-4661-a1de-aed5c945b935',
		description: 'The ID of the checkout session to update (a UUID)',
		urls: [],
	}),
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
	updateFields(
		withFieldsToClear(
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
			],
			CLEARABLE,
			'Yuno',
		),
	),
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

/**
 * Amounts computed by expressions carry float noise (19.99 * 3 = 59.970000000000006): within
 * 1e-6 of a multiple of 0.0001 the value is sent as that multiple; anything else is refused.
 */
const amountValue = number()
	.refine(
		(value) => Math.abs(Math.round(value * 10000) - value * 10000) < 1e-6,
		'must be a multiple of 0.0001',
	)
	.transform((value) => {
		const steps = Math.round(value * 10000);
		return Number.isSafeInteger(steps) ? steps / 10000 : value;
	});

const amount = z.object({
	currency: currencyCode(),
	value: amountValue,
});

/** alternative_amount.currency is nullable: cleared via Fields to Clear, then the value goes alone. */
const alternativeAmount = z.object({
	currency: currencyCode().optional(),
	value: amountValue,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = () => text().pipe(z.string().regex(UUID, 'must be a UUID (36 characters)'));

/** The fields Yuno requires on every update, as typed or as read from the session. */
export const requiredFields = z.object({
	merchantOrderId: text({ min: 3, max: 255 }),
	paymentDescription: text({ min: 3, max: 255 }),
	country: oneOf(YUNO_COUNTRIES.map(([code]) => code) as [string, ...string[]]),
});

export const schema = z
	.object({
		checkoutSessionId: sessionReference([]).pipe(text({ min: 36, max: 64 })),
		merchantOrderId: requiredFields.shape.merchantOrderId.optional(),
		paymentDescription: requiredFields.shape.paymentDescription.optional(),
		country: requiredFields.shape.country.optional(),
		accountId: uuid().optional(),
		customerId: uuid().optional(),
		callbackUrl: url({ min: 3, max: 526 }).optional(),
		amount: amount.optional(),
		alternativeAmount: alternativeAmount.optional(),
		fieldsToClear: list(oneOf([...CLEARABLE])).optional(),
		metadata: rows(z.object({ key: text({ min: 1, max: 48 }), value: text({ max: 512 }) }), {
			min: 1,
			max: 120,
		}).optional(),
		workflow: oneOf(YUNO_WORKFLOWS.map(({ value }) => value) as [string, ...string[]]).optional(),
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

function singleGroup(value: IDataObject[string], group: string): IDataObject[string] {
	const entry = fixedRows(value, group);
	const first = Array.isArray(entry) ? entry[0] : entry;
	return first !== null && typeof first === 'object' && !Array.isArray(first)
		? compact(first as IDataObject)
		: first;
}

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
		path: `/checkout/sessions/${encodeURIComponent(input.checkoutSessionId)}`,
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
		{ method: 'GET', path: `/checkout/sessions/${encodeURIComponent(input.checkoutSessionId)}` },
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
