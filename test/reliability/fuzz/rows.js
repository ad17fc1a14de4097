// @ts-check
'use strict';
/**
 * Fixed-collection rows of the fuzz models (metadata pairs, Upag's items, Yuno's installment
 * plan): the node parameters of a segment's rows and the values each item gives them.
 */
const { roundTrip } = require('./oracle');

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

module.exports = { EXPRESSION_ROWS, literal, rowParameters, rowValues };
