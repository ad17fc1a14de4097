import type { INodeProperties } from 'n8n-workflow';

export interface RunOptionLimit {
	displayName: string;
	default: number;
	min: number;
	max: number;
	/** Whole numbers only (counts); the others are seconds and may have decimals. */
	integer: boolean;
}

/**
 * The run options' defaults and bounds, in one place: the Options collection shows them and
 * the node enforces them on values that come from expressions. The maxima are far above any
 * useful setting and keep every timer within what Node.js can schedule.
 */
export const RUN_OPTIONS = {
	maxConcurrentRequests: {
		displayName: 'Max Concurrent Requests',
		default: 16,
		min: 1,
		max: 64,
		integer: true,
	},
	maxRetries: { displayName: 'Max Retries', default: 5, min: 0, max: 10, integer: true },
	maxRetryWait: {
		displayName: 'Max Retry Wait (Seconds)',
		default: 60,
		min: 0,
		max: 600,
		integer: false,
	},
	timeout: { displayName: 'Timeout (Seconds)', default: 30, min: 0.1, max: 300, integer: false },
} satisfies Record<string, RunOptionLimit>;

export type RunOptionName = keyof typeof RUN_OPTIONS;

function runOption(name: RunOptionName, description: string): INodeProperties {
	const limit: RunOptionLimit = RUN_OPTIONS[name];
	const defaultValue = limit.default;
	return {
		displayName: limit.displayName,
		name,
		type: 'number',
		typeOptions: {
			minValue: limit.min,
			maxValue: limit.max,
			...(limit.integer ? { numberPrecision: 0 } : {}),
		},
		default: defaultValue,
		description,
	};
}

export const checkoutSessionResource: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [{ name: 'Checkout Session', value: 'checkoutSession' }],
	default: 'checkoutSession',
};

const OPERATIONS = {
	create: {
		name: 'Create',
		value: 'create',
		description: 'Create a checkout session',
		action: 'Create a checkout session',
	},
	get: {
		name: 'Get',
		value: 'get',
		description: 'Get a checkout session',
		action: 'Get a checkout session',
	},
	getPaymentMethods: {
		name: 'Get Payment Methods',
		value: 'getPaymentMethods',
		description: 'Get the payment methods a checkout session offers',
		action: 'Get the payment methods of a checkout session',
	},
	update: {
		name: 'Update',
		value: 'update',
		description: 'Update a checkout session',
		action: 'Update a checkout session',
	},
} as const;

export type OperationName = keyof typeof OPERATIONS;

/** The Operation picker: the operations a provider documents, in n8n's alphabetical order. */
export function checkoutSessionOperations(operations: OperationName[]): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['checkoutSession'] } },
		options: [...operations].sort().map((name) => ({ ...OPERATIONS[name] })),
		default: 'update',
	};
}

/** Offered in the Options of the operations that write. */
export const dryRunOption: INodeProperties = {
	displayName: 'Dry Run',
	name: 'dryRun',
	type: 'boolean',
	default: false,
	displayOptions: { show: { '/operation': ['create', 'update'] } },
	description:
		'Whether to only check each item and output the exact request that would be sent (method, URL, headers with keys masked, body) without sending it',
};

/** A node's "Options": the collection n8n shows as "Add Option", holding `options`. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

/**
 * Run-wide settings shared by every provider node. They are read from the first item,
 * since they shape the whole run (how many requests at once, how long to retry).
 */
export function requestOptions(extra: INodeProperties[] = []): INodeProperties {
	return optionsCollection([
		...extra,
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'options',
			options: [
				{
					name: 'Auto',
					value: 'auto',
					description:
						'Starts with 4 items at a time, sends more while answers stay fast, fewer on 429, 502, 503, 504 or slower answers (up to Max Concurrent Requests if set, else 64)',
				},
				{
					name: 'Fixed',
					value: 'fixed',
					description: 'Always Max Concurrent Requests items at a time',
				},
			],
			default: 'auto',
			description: 'How many items are sent to the provider at the same time',
		},
		runOption(
			'maxConcurrentRequests',
			'The most items sent to the provider at the same time (1 to 64). Without Concurrency set, this many at a time (Fixed); with Auto, the most it may reach. The node also slows down by itself when the provider answers 429.',
		),
		runOption(
			'maxRetries',
			'How many times one item is sent again (0 to 10) after a rate limit (429), a gateway error (502, 503, 504), a dropped connection or a timeout',
		),
		runOption(
			'maxRetryWait',
			'The longest one item may spend waiting between its retries, in total (0 to 600 seconds)',
		),
		runOption(
			'timeout',
			'The longest one request may take, from connecting to the last byte of the answer (0.1 to 300 seconds)',
		),
	]);
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

/** The collection of a create's optional fields ("Additional Fields", as n8n names it). */
export function additionalFields(options: INodeProperties[]): INodeProperties {
	return { ...updateFields(options), displayName: 'Additional Fields', name: 'additionalFields' };
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
