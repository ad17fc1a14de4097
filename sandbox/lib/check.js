// @ts-check
'use strict';

/**
 * A tiny schema checker so each provider module can state its documented limits
 * declaratively. It collects every problem instead of stopping at the first one.
 *
 * Spec keys: type ('string'|'number'|'integer'|'boolean'|'object'|'array'),
 * nullable, minLength, maxLength, pattern, enum, min, multipleOf,
 * fields + required + additional (objects), items + minItems + maxItems (arrays),
 * check(value) -> message | null (extra rule).
 */

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function typeOf(value) {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value;
}

function hasType(value, type) {
	switch (type) {
		case 'string':
			return typeof value === 'string';
		case 'number':
			return typeof value === 'number' && Number.isFinite(value);
		case 'integer':
			return Number.isInteger(value);
		case 'boolean':
			return typeof value === 'boolean';
		case 'object':
			return isPlainObject(value);
		case 'array':
			return Array.isArray(value);
		default:
			throw new Error(`unknown type ${type}`);
	}
}

// Binary floats: 23.5676 * 10000 is 235675.99999999997, which is still a multiple.
function isMultipleOf(value, step) {
	const ratio = value / step;
	return Math.abs(ratio - Math.round(ratio)) < 1e-7 * Math.max(1, Math.abs(ratio));
}

function checkValue(value, spec, path, problems) {
	if (value === null) {
		if (!spec.nullable) problems.push(`${path} must not be null`);
		return;
	}
	if (!hasType(value, spec.type)) {
		const article = /^[aeiou]/.test(spec.type) ? 'an' : 'a';
		problems.push(`${path} must be ${article} ${spec.type}, got ${typeOf(value)}`);
		return;
	}
	if (spec.type === 'string') {
		if (spec.minLength !== undefined && value.length < spec.minLength)
			problems.push(`${path} must be at least ${spec.minLength} characters`);
		if (spec.maxLength !== undefined && value.length > spec.maxLength)
			problems.push(`${path} must be at most ${spec.maxLength} characters`);
		if (spec.pattern && !spec.pattern.test(value))
			problems.push(`${path} must match ${spec.patternText || spec.pattern}`);
	}
	if (spec.enum && !spec.enum.includes(value))
		problems.push(`${path} must be one of ${spec.enum.join(', ')}`);
	if (spec.min !== undefined && value < spec.min)
		problems.push(`${path} must be at least ${spec.min}`);
	if (spec.multipleOf !== undefined && !isMultipleOf(value, spec.multipleOf))
		problems.push(`${path} must be a multiple of ${spec.multipleOf}`);
	if (spec.type === 'object' && spec.fields) checkObject(value, spec, path, problems);
	if (spec.type === 'array') {
		if (spec.minItems !== undefined && value.length < spec.minItems)
			problems.push(`${path} must have at least ${spec.minItems} item(s)`);
		if (spec.maxItems !== undefined && value.length > spec.maxItems)
			problems.push(`${path} must have at most ${spec.maxItems} items`);
		if (spec.items)
			value.forEach((item, i) => checkValue(item, spec.items, `${path}[${i}]`, problems));
	}
	if (spec.check) {
		const message = spec.check(value);
		if (message) problems.push(`${path} ${message}`);
	}
}

function checkObject(value, spec, path, problems) {
	const prefix = path ? `${path}.` : '';
	for (const name of spec.required || []) {
		if (value[name] === undefined) problems.push(`${prefix}${name} is required`);
	}
	for (const [name, fieldValue] of Object.entries(value)) {
		const fieldSpec = spec.fields[name];
		if (!fieldSpec) {
			if (spec.additional === false) problems.push(`${prefix}${name} is not a known field`);
			continue;
		}
		checkValue(fieldValue, fieldSpec, `${prefix}${name}`, problems);
	}
}

/** Problems (strings) found in a request body; empty when it is valid. */
function checkBody(body, spec) {
	if (!isPlainObject(body)) return ['request body must be a JSON object'];
	const problems = [];
	checkObject(body, spec, '', problems);
	return problems;
}

/** "A valid URL": any absolute URL a WHATWG parser accepts (an app deep link included). */
function isAbsoluteUrl(value) {
	try {
		new URL(value);
		return true;
	} catch {
		return false;
	}
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

module.exports = { checkBody, isPlainObject, isAbsoluteUrl, isMultipleOf, UUID };
