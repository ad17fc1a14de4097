import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyCollection,
} from 'n8n-workflow';

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
): IDataObject[string] {
	let failure: unknown;
	try {
		return ctx.getNodeParameter(name, itemIndex, fallback) as IDataObject[string];
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

/**
 * Labels of every parameter by the path the schema uses for it, built from the operation's
 * own description: collections are read flat and fixed-collection groups are unwrapped (see
 * readCollection, fixedRows), so `Amount › Currency` is `amount.currency`.
 */
export function fieldLabels(properties: INodeProperties[]): Map<string, string> {
	const labels = new Map<string, string>();
	const visit = (fields: INodeProperties[], path: string[], label: string[]) => {
		for (const field of fields) {
			if (field.type === 'collection') {
				labels.set([...path, field.name].join('.'), [...label, field.displayName].join(' › '));
				visit((field.options ?? []) as INodeProperties[], path, label);
				continue;
			}
			const fieldPath = [...path, field.name];
			const fieldLabel = [...label, field.displayName];
			labels.set(fieldPath.join('.'), fieldLabel.join(' › '));
			if (field.type === 'fixedCollection') {
				for (const group of (field.options ?? []) as INodePropertyCollection[]) {
					visit(group.values, fieldPath, fieldLabel);
				}
			}
		}
	};
	visit(properties, [], []);
	return labels;
}

/**
 * The fields of an Update Fields collection plus "Fields to Clear": the documented nullable
 * fields (by schema path), sent as null. A blank field still means "leave it as it is".
 */
export function withFieldsToClear(
	fields: INodeProperties[],
	nullable: readonly string[],
	providerName: string,
): INodeProperties[] {
	const labels = fieldLabels(fields);
	const clear: INodeProperties = {
		displayName: 'Fields to Clear',
		name: 'fieldsToClear',
		type: 'multiOptions',
		options: nullable.map((path) => ({ name: labels.get(path) ?? path, value: path })),
		default: [],
		description: `Fields to send as null, which clears them (${providerName} documents them as nullable). A blank field is left as it is.`,
	};
	return [...fields, clear].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** A create's values: its required top-level parameters and its Additional Fields, flat. */
export function readCreate(
	ctx: IExecuteFunctions,
	itemIndex: number,
	required: readonly string[],
): IDataObject {
	const values = readCollection(ctx, itemIndex, 'additionalFields');
	for (const name of required) values[name] = readParameter(ctx, itemIndex, name);
	return compact(values);
}
