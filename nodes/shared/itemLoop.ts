import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorItemJson } from './errors';

/**
 * The output of a successful item: the provider's answer as it came, except an answer that
 * n8n would take for an error item (an `error` key and nothing but `message`/`details`),
 * which is given under `response` so that it stays on the success output.
 */
export function successJson(answer: IDataObject): IDataObject {
	const keys = Object.keys(answer);
	const readsAsError =
		Boolean(answer.error) && keys.every((key) => ['error', 'message', 'details'].includes(key));
	return readsAsError ? { response: answer } : answer;
}

/**
 * Runs `handle` for every input item with at most `limit` items at a time and returns one
 * output item per input item, in input order, each paired with its input. `limit` is a
 * number, or a function read again each time an item finishes (Auto concurrency).
 * With "Continue On Fail" a failed item becomes an error item and the rest go on;
 * with "Continue (using error output)" it goes to the node's error output;
 * without it the first failure (in item order) stops the node once running items finish.
 */
export async function runItems(
	ctx: IExecuteFunctions,
	handle: (itemIndex: number) => Promise<IDataObject>,
	limit: number | (() => number),
): Promise<INodeExecutionData[]> {
	const count = ctx.getInputData().length;
	const output: INodeExecutionData[] = new Array(count);
	const continueOnFail = ctx.continueOnFail();
	const currentLimit = typeof limit === 'number' ? () => limit : limit;
	// n8n moves an item to the error output only when its JSON holds nothing but `error`,
	// `message` and `details`; on that output status and code therefore sit in `details`.
	const toErrorOutput = ctx.getNode().onError === 'continueErrorOutput';
	const failedItemJson = (error: unknown): IDataObject => {
		const { error: message, ...details } = errorItemJson(error);
		const text = message || 'The item failed';
		return toErrorOutput ? { error: text, details } : { error: text, ...details };
	};
	const failures = new Map<number, unknown>();
	let next = 0;
	let running = 0;

	async function runOne(itemIndex: number): Promise<void> {
		try {
			const json = successJson(await handle(itemIndex));
			output[itemIndex] = { json, pairedItem: { item: itemIndex } };
		} catch (error) {
			if (!continueOnFail) failures.set(itemIndex, error);
			else output[itemIndex] = { json: failedItemJson(error), pairedItem: { item: itemIndex } };
		}
	}

	await new Promise<void>((resolve) => {
		const startMore = (): void => {
			while (next < count && failures.size === 0 && running < Math.max(1, currentLimit())) {
				const itemIndex = next++;
				running += 1;
				void runOne(itemIndex)
					.catch((error: unknown) => void failures.set(itemIndex, error))
					.then(() => {
						running -= 1;
						startMore();
					});
			}
			if (running === 0) resolve();
		};
		startMore();
	});
	if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
	return output;
}
