import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod/v3';

import type { ConcurrencySetting } from './concurrency';
import { AdaptiveConcurrency, concurrencySetting } from './concurrency';
import type { RunOptionLimit, RunOptionName } from './description';
import { RUN_OPTIONS } from './description';
import type { FieldLabels } from './errors';
import { FAILURE_CODES, InputError, inputErrorFromZod, setupError, toItemError } from './errors';
import { fieldLabels, readParameter } from './parameters';
import { runItems } from './itemLoop';
import { createApiClient } from './transport';
import type {
	ApiCall,
	ApiClient,
	OperationKind,
	OperationSpec,
	RequestPreview,
	UpdateOperationSpec,
} from './types';

export interface RunOptions extends IDataObject {
	maxConcurrentRequests: number;
	concurrency: ConcurrencySetting;
	maxRetries: number;
	maxRetryWait: number;
	timeout: number;
	dryRun: boolean;
}

/**
 * An option left out takes its default; any other value, typed or from an expression, must
 * be a number within the option's bounds. Values out of bounds are refused, not clamped: a
 * run never goes ahead with settings other than the ones it was given.
 */
function readRunOption(ctx: IExecuteFunctions, options: IDataObject, name: RunOptionName): number {
	const limit: RunOptionLimit = RUN_OPTIONS[name];
	const raw = options[name];
	if (raw === undefined) return limit.default;
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	const valid =
		typeof value === 'number' &&
		Number.isFinite(value) &&
		value >= limit.min &&
		value <= limit.max &&
		(!limit.integer || Number.isInteger(value));
	if (valid) return value;
	const shown = typeof raw === 'string' ? `"${raw.slice(0, 40)}"` : String(raw).slice(0, 40);
	throw setupError(
		ctx.getNode(),
		FAILURE_CODES.invalidOption,
		`The option "${limit.displayName}" must be ${limit.integer ? 'a whole number' : 'a number'} from ${limit.min} to ${limit.max}; it is ${shown}`,
		"Change the value (or the expression that produces it) in the node's Options.",
	);
}

function readRunOptions(ctx: IExecuteFunctions): RunOptions {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const maxConcurrentRequests = readRunOption(ctx, options, 'maxConcurrentRequests');
	return {
		...options,
		maxConcurrentRequests,
		concurrency: concurrencySetting(ctx.getNode(), options, maxConcurrentRequests),
		maxRetries: readRunOption(ctx, options, 'maxRetries'),
		maxRetryWait: readRunOption(ctx, options, 'maxRetryWait'),
		timeout: readRunOption(ctx, options, 'timeout'),
		dryRun: options.dryRun === true || options.dryRun === 'true',
	};
}

function hasChanges(input: IDataObject, sessionField: string | undefined): boolean {
	return Object.entries(input).some(([key, value]) => key !== sessionField && value !== undefined);
}

const labelCache = new WeakMap<object, FieldLabels>();

/** The labels of an operation's fields, built once from its description. */
export function labelsOf(spec: OperationSpec<IDataObject>): FieldLabels {
	let labels = labelCache.get(spec);
	if (labels === undefined) {
		labels = fieldLabels(spec.description);
		labelCache.set(spec, labels);
	}
	return labels;
}

/**
 * Reads and validates one item; an InputError lists every field that is wrong. An update
 * that changes nothing is refused; other operations may have no optional field at all.
 */
export function validateItem<Input extends IDataObject>(
	ctx: IExecuteFunctions,
	spec: OperationSpec<Input>,
	itemIndex: number,
): Input {
	const parsed = spec.schema.safeParse(spec.read(ctx, itemIndex));
	if (!parsed.success) throw inputErrorFromZod(parsed.error);
	if (spec.kind === 'update' && !hasChanges(parsed.data, spec.sessionField)) {
		throw new InputError('updateFields', 'nothing to update: add at least one field to change');
	}
	return parsed.data;
}

async function setUp(ctx: IExecuteFunctions, spec: OperationSpec<IDataObject>) {
	const options = readRunOptions(ctx);
	const setting = options.concurrency;
	const auto = setting.mode === 'auto' ? new AdaptiveConcurrency(setting.ceiling) : undefined;
	const api = await createApiClient(ctx, spec.provider, {
		timeoutMs: options.timeout * 1000,
		maxRetries: options.maxRetries,
		maxRetryWaitMs: options.maxRetryWait * 1000,
		onAnswer: auto && ((answer) => auto.onAnswer(answer)),
	});
	const limit = auto ? () => auto.limit : options.maxConcurrentRequests;
	return { options, api, limit };
}

function toSetupFailure(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error));
}

/** The session an item is about, once its values are valid. */
function sessionOf(input: IDataObject, sessionField: string | undefined): string | undefined {
	if (sessionField === undefined) return undefined;
	const value = input[sessionField];
	return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

const WRITES: ReadonlySet<OperationKind> = new Set(['create', 'update']);

/**
 * Dry Run: the item is validated and its write is shown, not sent. A read the operation
 * needs first (Yuno's Auto-Fill) is not sent either, so it is refused with the way out.
 */
async function dryRun<Input extends IDataObject>(
	spec: OperationSpec<Input>,
	input: Input,
	api: ApiClient,
	itemIndex: number,
	options: RunOptions,
): Promise<IDataObject> {
	const previews: RequestPreview[] = [];
	const recorder: ApiClient = {
		credentials: api.credentials,
		preview: api.preview,
		call: async (call) => {
			if (call.method === 'GET') {
				throw new InputError(
					'dryRun',
					`Dry Run sends nothing, not even the read of ${call.path} this item needs first: give the values it would read, or turn Dry Run off`,
				);
			}
			previews.push(await api.preview(call));
			return {};
		},
	};
	await spec.send(input, recorder, itemIndex, options);
	return previews.length === 1
		? { dryRun: true, ...previews[0] }
		: { dryRun: true, requests: previews };
}

/** Runs one operation over every input item: read and validate, call, shape the output. */
export async function runOperation<Input extends IDataObject>(
	ctx: IExecuteFunctions,
	spec: OperationSpec<Input>,
): Promise<INodeExecutionData[][]> {
	let run: Awaited<ReturnType<typeof setUp>>;
	try {
		run = await setUp(ctx, spec as unknown as OperationSpec<IDataObject>);
	} catch (error) {
		const failure = toSetupFailure(ctx.getNode(), error);
		if (!ctx.continueOnFail()) throw failure;
		// Nothing can be sent, so every item fails with the same error (none may pass as a success).
		const failEvery = async (): Promise<IDataObject> => {
			throw failure;
		};
		return [await runItems(ctx, failEvery, 1)];
	}
	const { options, api, limit } = run;
	const node = ctx.getNode();
	const labels = labelsOf(spec as unknown as OperationSpec<IDataObject>);
	const preview = options.dryRun && WRITES.has(spec.kind);
	const handle = async (itemIndex: number) => {
		let sessionId: string | undefined;
		try {
			const input = validateItem(ctx, spec, itemIndex);
			sessionId = sessionOf(input, spec.sessionField);
			if (preview) return await dryRun(spec, input, api, itemIndex, options);
			return await spec.send(input, api, itemIndex, options);
		} catch (error) {
			const itemError = toItemError(node, itemIndex, error, labels);
			if (sessionId !== undefined) itemError.context.sessionId = sessionId;
			throw itemError;
		}
	};
	const output = await runItems(ctx, handle, limit);
	return [output];
}

/** The operations of a node, by resource and operation value. */
export type OperationTable = Record<string, Record<string, OperationSpec<IDataObject>>>;

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
	return await runOperation(ctx, spec);
}

/** The common case: one validated item is one call, and the answer is the output item. */
export function singleCall<Input extends IDataObject>(
	spec: Omit<OperationSpec<Input>, 'send'> & { buildRequest(input: Input): ApiCall },
): OperationSpec<Input> {
	return {
		...spec,
		send: async (input, api, itemIndex) => await api.call(spec.buildRequest(input), itemIndex),
	};
}

/** An update that is one call. */
export function singleCallUpdate<Input extends IDataObject>(
	spec: Omit<UpdateOperationSpec<Input>, 'send' | 'kind'> & { buildRequest(input: Input): ApiCall },
): UpdateOperationSpec<Input> {
	return {
		...singleCall({ ...spec, kind: 'update' }),
		kind: 'update',
		sessionField: spec.sessionField,
	};
}

/**
 * Get: one GET of the session the locator names. The provider gives the locator (ID, and URL
 * where it documents one), the id's own rules and the path.
 */
export function getOperation(spec: {
	provider: OperationSpec<IDataObject>['provider'];
	locator: INodeProperties;
	sessionId: z.ZodType<string, z.ZodTypeDef, unknown>;
	path(id: string): string;
}): OperationSpec<{ checkoutSessionId: string }> {
	return {
		provider: spec.provider,
		kind: 'read',
		description: updateDisplayOptions(
			{ show: { resource: ['checkoutSession'], operation: ['get'] } },
			[spec.locator],
		),
		sessionField: 'checkoutSessionId',
		read: (ctx, itemIndex) => ({
			checkoutSessionId: readParameter(ctx, itemIndex, spec.locator.name),
		}),
		schema: z.object({ checkoutSessionId: spec.sessionId }),
		send: async (input, api, itemIndex) =>
			await api.call(
				{ method: 'GET', path: spec.path(input.checkoutSessionId), safeToResend: true },
				itemIndex,
			),
	};
}
