import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { InputError } from './errors';

function isEmpty(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(Array.isArray(value) && value.length === 0)
	);
}

/** Drops unset values: an empty field or an expression that yields nothing leaves the session field as it is. */
export function compact(values: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(values)) {
		if (!isEmpty(value)) result[key] = value;
	}
	return result;
}

/** Reads one parameter; n8n's own type checks become an error that names the field. */
export function readParameter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	fallback?: unknown,
): unknown {
	let failure: unknown;
	try {
		return ctx.getNodeParameter(name, itemIndex, fallback);
	} catch (error) {
		failure = error;
	}
	throw new InputError(name, failure instanceof Error ? failure.message : String(failure));
}

export function readCollection(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
): IDataObject {
	const value = readParameter(ctx, itemIndex, name, {});
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new InputError(name, 'must be a set of fields');
	}
	return compact(value as IDataObject);
}

/** Unwraps the rows of a fixed collection (`{ row: [...] }` in n8n's parameter shape). */
export function fixedRows(value: IDataObject[string], rowName: string): IDataObject[string] {
	if (value !== null && typeof value === 'object' && !Array.isArray(value) && rowName in value) {
		return (value as IDataObject)[rowName];
	}
	if (
		value !== null &&
		typeof value === 'object' &&
		!Array.isArray(value) &&
		Object.keys(value).length === 0
	) {
		return undefined;
	}
	return value;
}
