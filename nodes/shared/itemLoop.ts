import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorItemJson } from './errors';

/**
 * Runs `handle` for every input item with at most `concurrency` items at a time and
 * returns one output item per input item, in input order, each paired with its input.
 * With "Continue On Fail" a failed item becomes an error item and the rest go on;
 * with "Continue (using error output)" it goes to the node's error output;
 * without it the first failure (in item order) stops the node once running items finish.
 */
export async function runItems(
	ctx: IExecuteFunctions,
	handle: (itemIndex: number) => Promise<IDataObject>,
	concurrency: number,
): Promise<INodeExecutionData[]> {
	const count = ctx.getInputData().length;
	const output: INodeExecutionData[] = new Array(count);
	const continueOnFail = ctx.continueOnFail();
	// n8n moves an item to the error output only when its JSON holds nothing but `error`,
	// `message` and `details`; on that output status and code therefore sit in `details`.
	const toErrorOutput = ctx.getNode().onError === 'continueErrorOutput';
	const failedItemJson = (error: unknown): IDataObject => {
		const { error: message, httpCode, code } = errorItemJson(error);
		return toErrorOutput
			? { error: message, details: { httpCode, code } }
			: { error: message, httpCode, code };
	};
	const failures = new Map<number, unknown>();
	let next = 0;

	async function worker(): Promise<void> {
		while (next < count && failures.size === 0) {
			const itemIndex = next++;
			try {
				output[itemIndex] = { json: await handle(itemIndex), pairedItem: { item: itemIndex } };
			} catch (error) {
				if (!continueOnFail) {
					failures.set(itemIndex, error);
					return;
				}
				output[itemIndex] = { json: failedItemJson(error), pairedItem: { item: itemIndex } };
			}
		}
	}

	const workers = Math.max(1, Math.min(concurrency, count));
	await Promise.all(Array.from({ length: workers }, worker));
	if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
	return output;
}
