import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod/v3';

import { keyValueRows, updateFields } from '../../../shared/description';
import { compact, fixedRows, readCollection, readParameter } from '../../../shared/parameters';
import { sessionLocator, sessionReference } from '../../../shared/session';
import { singleCallUpdate } from '../../../shared/operation';
import type { ApiCall } from '../../../shared/types';
import { oneOf, rows, text, url, webUrl } from '../../../shared/validation';
import { speed } from '../../provider';

/** Speed's documented limit for title_image. */
export const TITLE_IMAGE_MAX_BYTES = 2 * 1024 * 1024;

const properties: INodeProperties[] = [
	sessionLocator({
		name: 'checkoutSessionId',
		displayName: 'Checkout Session',
		idPlaceholder: 'cs_l8ncx0wo3rnnwHkd',
		description: 'The ID of the checkout session to update (starts with cs_)',
		urls: [],
	}),
	{
		displayName: 'After Payment',
		name: 'afterPayment',
		type: 'options',
		options: [
			{ name: 'Keep Current Behaviour', value: 'unchanged' },
			{ name: 'Redirect to a URL', value: 'redirect' },
			{ name: 'Show a Message', value: 'message' },
		],
		default: 'unchanged',
		description:
			'What the payer sees after paying. Speed accepts a success URL or a success message, never both in one update.',
	},
	{
		displayName: 'Success URL',
		name: 'successUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://shop.example.com/thanks',
		description: 'Where the payer is redirected after paying',
		displayOptions: { show: { afterPayment: ['redirect'] } },
	},
	{
		displayName: 'Success Message',
		name: 'successMessage',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Thanks! Your order is on its way.',
		description: 'The message shown to the payer after paying',
		displayOptions: { show: { afterPayment: ['message'] } },
	},
	updateFields([
		{
			displayName: 'Cancel URL',
			name: 'cancelUrl',
			type: 'string',
			default: '',
			placeholder: 'https://shop.example.com/cart',
			description: 'Where the payer goes after cancelling',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			description: 'The description of the checkout session',
		},
		keyValueRows({
			displayName: 'Metadata',
			name: 'metadata',
			description:
				'Keys to add or change (keys are case-sensitive); keys not listed keep their current value',
		}),
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			description: 'The header or title of the payment page',
		},
		{
			displayName: 'Title Description',
			name: 'titleDescription',
			type: 'string',
			default: '',
			description: 'A short description shown under the title of the payment page',
		},
		{
			displayName: 'Title Image',
			name: 'titleImage',
			type: 'string',
			default: '',
			placeholder: 'https://shop.example.com/logo.png',
			description:
				'An image for the payment page: an image URL, or the image as base64 or a data URL (at most 2 MB)',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['checkoutSession'], operation: ['update'] } },
	properties,
);

function imageBytes(value: string): number | undefined {
	const dataUrl = /^data:[^,]*;base64,(.*)$/is.exec(value);
	const compactBase64 = (dataUrl ? dataUrl[1] : value).replace(/[\r\n]/g, '');
	const isBase64 = /^[A-Za-z0-9+/]+={0,2}$/.test(compactBase64) && compactBase64.length % 4 === 0;
	if (!isBase64) return undefined;
	const padding = compactBase64.endsWith('==') ? 2 : compactBase64.endsWith('=') ? 1 : 0;
	return Math.floor((compactBase64.length * 3) / 4) - padding;
}

const titleImage = text().superRefine((value, context) => {
	const bytes = imageBytes(value);
	if (bytes !== undefined) {
		if (bytes > TITLE_IMAGE_MAX_BYTES) {
			context.addIssue({
				code: 'custom',
				message: `must be at most 2 MB (this image is ${(bytes / 1048576).toFixed(2)} MB)`,
			});
		}
		return;
	}
	if (!webUrl().safeParse(value).success) {
		context.addIssue({
			code: 'custom',
			message: 'must be an image URL (http:// or https://), base64 or a data URL',
		});
	}
});

const metadata = rows(z.object({ key: text({ min: 1 }), value: text() }), { min: 1 })
	.superRefine((pairs, context) => {
		const seen = new Set<string>();
		pairs.forEach((pair, index) => {
			// These names would be lost or misread by JavaScript tooling on the way out.
			if (['__proto__', 'constructor', 'prototype'].includes(pair.key)) {
				context.addIssue({
					code: 'custom',
					path: [index, 'key'],
					message: `"${pair.key}" is a reserved name`,
				});
			}
			if (seen.has(pair.key)) {
				context.addIssue({
					code: 'custom',
					path: [index, 'key'],
					message: `"${pair.key}" is listed twice`,
				});
			}
			seen.add(pair.key);
		});
	})
	.transform((pairs) => Object.fromEntries(pairs.map((pair) => [pair.key, pair.value])));

export const schema = z
	.object({
		checkoutSessionId: sessionReference([]).pipe(
			z.string().regex(/^cs_\w+$/, 'must be a session ID starting with cs_'),
		),
		successUrl: url().optional(),
		successMessage: text({ min: 1 }).optional(),
		cancelUrl: url().optional(),
		description: text().optional(),
		title: text().optional(),
		titleDescription: text().optional(),
		titleImage: titleImage.optional(),
		metadata: metadata.optional(),
		afterPayment: oneOf(['unchanged', 'redirect', 'message']).optional(),
	})
	.refine((input) => input.successUrl === undefined || input.successMessage === undefined, {
		path: ['successMessage'],
		message: 'cannot be sent together with successUrl (Speed accepts one or the other)',
	})
	.transform((input) => {
		const fields = { ...input };
		delete fields.afterPayment;
		return fields;
	});

export type SpeedUpdate = z.infer<typeof schema>;

/** The field each "After Payment" choice shows; looked up as own keys only. */
const AFTER_PAYMENT_FIELD: Readonly<Record<string, string | undefined>> = {
	unchanged: undefined,
	redirect: 'successUrl',
	message: 'successMessage',
};

export function read(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = readCollection(ctx, itemIndex, 'updateFields');
	const afterPayment = readParameter(ctx, itemIndex, 'afterPayment', 'unchanged');
	const chosen =
		typeof afterPayment === 'string' &&
		Object.prototype.hasOwnProperty.call(AFTER_PAYMENT_FIELD, afterPayment)
			? AFTER_PAYMENT_FIELD[afterPayment]
			: undefined;
	return compact({
		...fields,
		checkoutSessionId: readParameter(ctx, itemIndex, 'checkoutSessionId'),
		metadata: fixedRows(fields.metadata, 'pair'),
		// Checked by the schema with the other fields; not sent.
		afterPayment: afterPayment === 'unchanged' ? undefined : afterPayment,
		...(chosen ? { [chosen]: readParameter(ctx, itemIndex, chosen, '') } : {}),
	});
}

export function buildRequest(input: SpeedUpdate): ApiCall {
	return {
		method: 'POST',
		path: `/checkout-sessions/${encodeURIComponent(input.checkoutSessionId)}`,
		// An update of one session: sent again, it sets the same values again.
		safeToResend: true,
		body: compact({
			description: input.description,
			success_message: input.successMessage,
			success_url: input.successUrl,
			cancel_url: input.cancelUrl,
			title: input.title,
			title_description: input.titleDescription,
			title_image: input.titleImage,
			metadata: input.metadata,
		}),
	};
}

export const update = singleCallUpdate<SpeedUpdate>({
	provider: speed,
	description,
	sessionField: 'checkoutSessionId',
	read,
	schema,
	buildRequest,
});
