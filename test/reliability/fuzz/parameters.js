// @ts-check
'use strict';
/**
 * How the fuzz models hand generated values to the node: node parameters that are expressions
 * over the item (`={{ $json.<name> }}`), so wrong types arrive as they would from a spreadsheet
 * or a webhook, and fixed-collection rows (metadata pairs, Upag's items, Yuno's installment
 * plan) with the values each item gives them.
 */
const { roundTrip } = require('./oracle');

/** Parameters that read the item's field of the same name. */
const fromItem = (names) => Object.fromEntries(names.map((name) => [name, `={{ $json.${name} }}`]));

/** The session-id parameter (a resource locator) reading the item's `sid`. */
const sessionIdFromItem = (mode = 'id') => ({ __rl: true, mode, value: '={{ $json.sid }}' });

/** Rows whose key/value come from the item (the rest of a segment's rows are literal). */
const EXPRESSION_ROWS = 2;

/** Literal parameter text must not start with "=" (n8n would evaluate it as an expression). */
const literal = (text) => (typeof text === 'string' && text.startsWith('=') ? `x${text}` : text);

/**
 * Node parameter rows for a fixed collection: the first EXPRESSION_ROWS rows read
 * `${prefix}${r}k` / `${prefix}${r}v` from the item, the others are the segment's literal rows.
 */
function rowParameters(rows, prefix, names = ['key', 'value']) {
	return Array.from({ length: rows.count }, (_, r) =>
		r < EXPRESSION_ROWS
			? { [names[0]]: `={{ $json.${prefix}${r}k }}`, [names[1]]: `={{ $json.${prefix}${r}v }}` }
			: {
					[names[0]]: literal(rows.literal[r - EXPRESSION_ROWS][0]),
					[names[1]]: literal(rows.literal[r - EXPRESSION_ROWS][1]),
				},
	);
}

/** The values every row has for one item (expression rows from the item, after the JSON round trip). */
function rowValues(rows, prefix, itemRows, json) {
	return Array.from({ length: rows.count }, (_, r) => {
		if (r >= EXPRESSION_ROWS) return rows.literal[r - EXPRESSION_ROWS].map(literal);
		const [k, v] = (itemRows[r] ?? [undefined, undefined]).map(roundTrip);
		if (k !== undefined) json[`${prefix}${r}k`] = k;
		if (v !== undefined) json[`${prefix}${r}v`] = v;
		return [k, v];
	});
}

module.exports = {
	fromItem,
	sessionIdFromItem,
	EXPRESSION_ROWS,
	literal,
	rowParameters,
	rowValues,
};
