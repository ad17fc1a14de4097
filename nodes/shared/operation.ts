import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_MAX_CONCURRENT_REQUESTS } from './description';
import type { FieldLabels } from './errors';
import { InputError, inputErrorFromZod, toItemError } from './errors';
import { fieldLabels } from './parameters';
import { runItems } from './itemLoop';
import { createApiClient } from './transport';
import type { ApiCall, UpdateOperationSpec } from './types';

export interface RunOptions extends IDataObject {
	maxConcurrentRequests: number;
	maxRetries: number;
	maxRetryWait: number;
	timeout: number;
}

function readRunOptions(ctx: IExecuteFunctions): RunOptions {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const positive = (value: unknown, fallback: number) =>
		typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
	return {
		...options,
		maxConcurrentRequests: Math.max(
			1,
			Math.floor(positive(options.maxConcurrentRequests, DEFAULT_MAX_CONCURRENT_REQUESTS)),
		),
		maxRetries: Math.floor(positive(options.maxRetries, 5)),
		maxRetryWait: positive(options.maxRetryWait, 60),
		timeout: Math.max(0.001, positive(options.timeout, 30)),
	};
}

function hasChanges(input: IDataObject, sessionField: string): boolean {
	return Object.entries(input).some(([key, value]) => key !== sessionField && value !== undefined);
}

const labelCache = new WeakMap<object, FieldLabels>();

/** The labels of an operation's fields, built once from its description. */
export function labelsOf(spec: UpdateOperationSpec<IDataObject>): FieldLabels {
	let labels = labelCache.get(spec);
	if (labels === undefined) {
		labels = fieldLabels(spec.description);
		labelCache.set(spec, labels);
	}
	return labels;
}

/** Reads and validates one item; an InputError lists every field that is wrong. */
export function validateItem<Input extends IDataObject>(
	ctx: IExecuteFunctions,
	spec: UpdateOperationSpec<Input>,
	itemIndex: number,
): Input {
	const parsed = spec.schema.safeParse(spec.read(ctx, itemIndex));
	if (!parsed.success) throw inputErrorFromZod(parsed.error);
	if (!hasChanges(parsed.data, spec.sessionField)) {
		throw new InputError('updateFields', 'nothing to update: add at least one field to change');
	}
	return parsed.data;
}

export async function runUpdate<Input extends IDataObject>(
	ctx: IExecuteFunctions,
	spec: UpdateOperationSpec<Input>,
): Promise<INodeExecutionData[][]> {
	const options = readRunOptions(ctx);
	const api = await createApiClient(ctx, spec.provider, {
		timeoutMs: options.timeout * 1000,
		maxRetries: options.maxRetries,
		maxRetryWaitMs: options.maxRetryWait * 1000,
	});
	const node = ctx.getNode();
	const labels = labelsOf(spec as unknown as UpdateOperationSpec<IDataObject>);
	const handle = async (itemIndex: number) => {
		try {
			return await spec.send(validateItem(ctx, spec, itemIndex), api, itemIndex, options);
		} catch (error) {
			throw toItemError(node, itemIndex, error, labels);
		}
	};
	const output = await runItems(ctx, handle, options.maxConcurrentRequests);
	return [output];
}

export type OperationTable = Record<string, Record<string, UpdateOperationSpec<IDataObject>>>;

/** Picks the operation named by the node's Resource and Operation parameters. */
export async function route(
	ctx: IExecuteFunctions,
	operations: OperationTable,
): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const spec = operations[resource]?.[operation];
	if (!spec) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	return await runUpdate(ctx, spec);
}

/** The common case: one validated item is one call, and the answer is the output item. */
export function singleCallUpdate<Input extends IDataObject>(
	spec: Omit<UpdateOperationSpec<Input>, 'send'> & { buildRequest(input: Input): ApiCall },
): UpdateOperationSpec<Input> {
	return {
		...spec,
		send: async (input, api, itemIndex) => await api.call(spec.buildRequest(input), itemIndex),
	};
}
