import type { INodeProperties } from 'n8n-workflow';

export const DEFAULT_MAX_CONCURRENT_REQUESTS = 16;

export const checkoutSessionResource: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [{ name: 'Checkout Session', value: 'checkoutSession' }],
	default: 'checkoutSession',
};

export const checkoutSessionOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['checkoutSession'] } },
	options: [
		{
			name: 'Update',
			value: 'update',
			description: 'Update a checkout session',
			action: 'Update a checkout session',
		},
	],
	default: 'update',
};

/**
 * Run-wide settings shared by every provider node. They are read from the first item,
 * since they shape the whole run (how many requests at once, how long to retry).
 */
export function requestOptions(extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...extra,
			{
				displayName: 'Max Concurrent Requests',
				name: 'maxConcurrentRequests',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 64 },
				default: DEFAULT_MAX_CONCURRENT_REQUESTS,
				description:
					'How many items are sent to the provider at the same time. The node also slows down by itself when the provider answers 429.',
			},
			{
				displayName: 'Max Retries',
				name: 'maxRetries',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 10 },
				default: 5,
				description:
					'How many times one item is sent again after a rate limit (429), a gateway error (502, 503, 504) or a dropped connection',
			},
			{
				displayName: 'Max Retry Wait (Seconds)',
				name: 'maxRetryWait',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 60,
				description: 'The longest one item may spend waiting between its retries, in total',
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 30,
				description: 'How long to wait for the provider to answer one request',
			},
		],
	};
}

/** The collection that holds a node's optional fields ("Update Fields", as n8n names it). */
export function updateFields(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

/** Key/value rows (`{ pair: [{ key, value }] }` in n8n's parameter shape). */
export function keyValueRows(field: {
	displayName: string;
	name: string;
	description: string;
}): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: `Add ${field.displayName}`,
		default: {},
		description: field.description,
		options: [
			{
				displayName: 'Pair',
				name: 'pair',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}
