// @ts-check
'use strict';
/**
 * The fuzz oracle: what the providers' documentation says about a value, independent of the
 * node's code. A verdict (`k`) is one of
 *   valid   - the documented schema allows it,
 *   invalid - the documented schema forbids it (or it is no value the field can take),
 *   either  - documentation and node conventions leave it open (e.g. numbers as text),
 *   unset   - empty: the node treats it as "leave unchanged".
 * A field of a model (`fieldDef`) pairs its generators with its verdict and its wire value;
 * `expectationOf` turns an item's verdicts into what the node must do with it.
 */
const { bulkSessionId } = require('../../../sandbox');
const { YUNO_COUNTRIES } = require('../../../sandbox/providers/yunoCountries');
const { BROKEN_HTTP_URLS, mix, url } = require('./generators');

/* ------------------------------------------------------------ value helpers */

/** Empty: the node treats the field as "leave unchanged". */
const isBlank = (v) =>
	v === undefined ||
	v === null ||
	(typeof v === 'string' && v.trim() === '') ||
	(Array.isArray(v) && v.length === 0);
/** Code points of a text (a surrogate pair counts once). */
function codePoints(s) {
	let surrogatePairs = 0;
	for (let i = 0; i < s.length - 1; i++) {
		const unit = s.charCodeAt(i);
		if (unit >= 0xd800 && unit <= 0xdbff) {
			const next = s.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				surrogatePairs += 1;
				i += 1;
			}
		}
	}
	return s.length - surrogatePairs;
}

/** What the node sees: items travel as JSON into the workflow (undefined vanishes, NaN → null). */
const roundTrip = (value) =>
	value === undefined || typeof value === 'string' ? value : JSON.parse(JSON.stringify(value));

/* ------------------------------------------------------------------ verdicts */

const GOOD_URL =
	/^https?:\/\/[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(:(\d{1,5}))?\/[A-Za-z0-9\-._~/]*([?#][A-Za-z0-9=&%#]*)?$/i;

/** Schemes refused in every URL field: they run code or open local files (a guard beyond the docs). */
const REFUSED_SCHEMES = ['javascript', 'data', 'vbscript', 'file'];

/**
 * Oracle for "a valid URL" (Upag's successUrl/cancelUrl, Yuno's callback_url, and the URL fields the
 * node offers for Speed and Sprintcheckout), independent of the node's own check: the docs
 * describe them as URLs or plain strings, so plain http(s) URLs and clean absolute URIs of other
 * schemes (app deep links) are valid; text without a scheme, a broken http(s) authority, and the
 * schemes in REFUSED_SCHEMES are not; what only lenient (WHATWG) parsing accepts is undecided.
 */
function classifyUrl(v) {
	if (isBlank(v)) return 'unset';
	if (typeof v !== 'string') return 'invalid';
	const good = GOOD_URL.exec(v);
	if (good && (good[3] === undefined || Number(good[3]) <= 65535)) return 'valid';
	const scheme = /^\s*([A-Za-z][A-Za-z0-9+.-]*):/.exec(v);
	if (!scheme || BROKEN_HTTP_URLS.includes(v)) return 'invalid';
	if (REFUSED_SCHEMES.includes(scheme[1].toLowerCase())) return 'invalid';
	if (/^https?$/i.test(scheme[1])) return 'either';
	return /^[A-Za-z][A-Za-z0-9+.-]*:[\x21-\x7e]+$/.test(v) ? 'valid' : 'either';
}

/**
 * Oracle of a documented string field with optional length limits. Numbers become text in the node: "either".
 * @param {unknown} v
 * @param {{ min?: number, max?: number }} [limits]
 */
function classifyText(v, { min, max } = {}) {
	if (isBlank(v)) return 'unset';
	if (typeof v === 'number') return 'either';
	if (typeof v !== 'string') return 'invalid';
	if (min === undefined && max === undefined) return 'valid';
	// Code points are between half the UTF-16 units and all of them: long texts need no count.
	if (max !== undefined && v.length > 2 * max + 2) return 'invalid';
	const units = v.length;
	const chars = codePoints(v);
	const fits = (n) => (min === undefined || n >= min) && (max === undefined || n <= max);
	if (fits(units) && fits(chars)) return 'valid';
	if (!fits(units) && !fits(chars)) return 'invalid';
	return 'either'; // "characters": UTF-16 units and code points disagree at the limit
}

/**
 * Oracle of a text inside a fixed-collection row (rows are sent as they are: no "empty means unset").
 * @param {unknown} v
 * @param {{ min?: number, max?: number }} [limits]
 */
function classifyRowText(v, { min, max } = {}) {
	if (v === undefined || v === null) return 'invalid';
	if (typeof v === 'number') return 'either';
	if (typeof v !== 'string') return 'invalid';
	if (max !== undefined && v.length > 2 * max + 2) return 'invalid';
	const fits = (n) => (min === undefined || n >= min) && (max === undefined || n <= max);
	const units = fits(v.length);
	const chars = fits(codePoints(v));
	return units && chars ? 'valid' : !units && !chars ? 'invalid' : 'either';
}

/** Oracle of a documented number field (JSON number; numeric text is a node convenience). */
function classifyNumber(v) {
	if (isBlank(v)) return 'unset';
	if (typeof v === 'number') return Number.isFinite(v) ? 'valid' : 'invalid';
	if (typeof v === 'string')
		return /^\s*[-+]?(\d+\.?\d*|\.\d+)\s*$/.test(v) && Number.isFinite(Number(v))
			? 'either'
			: 'invalid';
	return 'invalid';
}

/** Oracle of a documented boolean field. */
function classifyBoolean(v) {
	if (isBlank(v)) return 'unset';
	if (typeof v === 'boolean') return 'valid';
	if (v === 'true' || v === 'false') return 'either';
	return 'invalid';
}

/**
 * A documented URL field (success, cancel, fail or callback URL): clean items draw mostly good
 * URLs, noisy ones any URL-like value (`extra`: more of them).
 */
const urlField = (extra = []) => ({
	good: mix({ goodUrl: 20, longUrl: 1, emptyValue: 1 }),
	any: url(extra),
	classify: classifyUrl,
});

const RANK = { valid: 0, either: 1, invalid: 2 };

/** The worst of some verdicts (valid, either, invalid): what a value made of parts gets. */
const worst = (...verdicts) => verdicts.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'valid');

/* ------------------------------------------------------------ expectations */

/** A field's verdict on one item; `change`: the field is a change (not the session id or a mode). */
const tag = (field, k, change = true) => ({ field, k, change });

/**
 * The expectation for one item from its tags. `allowed`: the fields a rejection may name.
 */
function expectationOf(tags) {
	const set = tags.filter((t) => t.k !== 'unset');
	const invalid = set.filter((t) => t.k === 'invalid').map((t) => t.field);
	const either = set.filter((t) => t.k === 'either').map((t) => t.field);
	const validChange = set.some((t) => t.change && t.k === 'valid');
	const anyChange = set.some((t) => t.change);
	const allowed = new Set([...invalid, ...either]);
	if (!validChange) allowed.add('updateFields');
	if (invalid.length > 0 || !anyChange) return { verdict: 'reject', allowed };
	if (either.length > 0 || !validChange) return { verdict: 'either', allowed };
	return { verdict: 'accept', allowed };
}

/* ------------------------------------------------------------- session ids */

// What a model's idFor(recipe, n) returns: `value` goes into the item as `sid`; `wireId` is the id
// its requests carry (null: no request may carry it); `exists`: the sandbox has that session.

/** A form of an existing session's id (plain, padded, a checkout URL) that resolves to `wireId`. */
const existingId = (value, wireId) => ({ value, wireId, exists: true, k: 'valid' });

/** The id of no existing session, sent as `wireId` if the node takes it. */
const unknownId = (value, k, wireId = String(value)) => ({ value, wireId, exists: false, k });

/** An id no request may carry. */
const unsentId = (value, k) => ({ value, wireId: null, exists: false, k });

/** A value of the wrong type, or an empty one, as the id. */
const rawId = (raw) => unsentId(roundTrip(raw), 'invalid');

/**
 * A model's idFor(recipe, n) for the recipes of generators.js idRecipes: the provider's n-th bulk
 * session as typed (`plain`), with blanks around it (`padded(id)`) or as its checkout URL
 * (`checkoutUrl(id, n)`), an id of no session (`missing(n)`), a raw value, or one of the
 * provider's own forms (`forms[form](id, n)`).
 * @typedef {{ value: unknown, wireId: string | null, exists: boolean, k: string }} SessionId
 * @param {string} provider
 * @param {{
 *   padded: (id: string) => string,
 *   checkoutUrl?: (id: string, n: number) => string,
 *   missing: (n: number) => string,
 *   forms: Record<string, (id: string, n: number) => SessionId>,
 * }} forms
 */
function sessionIdFor(provider, { padded, checkoutUrl, missing, forms }) {
	return (recipe, n) => {
		const id = bulkSessionId(provider, n);
		if (recipe.form === 'plain') return existingId(id, id);
		if (recipe.form === 'padded') return existingId(padded(id), id);
		if (checkoutUrl && recipe.form === 'checkoutUrl') return existingId(checkoutUrl(id, n), id);
		if (recipe.form === 'missing') return unknownId(missing(n), 'valid');
		if (recipe.form === 'raw') return rawId(recipe.raw);
		return forms[recipe.form](id, n);
	};
}

/* ------------------------------------------------------------ field models */

/**
 * A field of the model: `good` values (mostly valid, for "clean" items), `any` values (the full
 * mix), `classify(v)` (the documentation's verdict on the value the node receives) and
 * `wire(v)` (the value a valid input must arrive as; undefined: not checked).
 */
function fieldDef(name, { good, any, classify, wire = (v) => v, wireKey = name, change = true }) {
	return { name, good, any, classify, wire, wireKey, change };
}

/** Tags and expected wire values of the bound fields of one item (after the JSON round trip). */
function classifyFields(defs, values, json) {
	const tags = [];
	const body = {};
	for (const d of defs) {
		const v = roundTrip(values[d.name]);
		if (v !== undefined) json[d.name] = v;
		const k = d.classify(v);
		tags.push(tag(d.name, k, d.change));
		if (k === 'valid') {
			const expected = d.wire(v);
			if (expected !== undefined) body[d.wireKey] = expected;
		}
	}
	return { tags, body };
}

/**
 * An item of an update: its session id (as `sid`, its verdict tagged `idField`, not a change)
 * and its bound fields; returns the item JSON, the tags and the expected wire values.
 */
function classifyItem(defs, values, id, idField) {
	const json = {};
	if (id.value !== undefined) json.sid = id.value;
	const { tags, body } = classifyFields(defs, values, json);
	tags.push(tag(idField, isBlank(id.value) ? 'invalid' : id.k, false));
	return { json, tags, body };
}

module.exports = {
	YUNO_COUNTRIES,
	isBlank,
	roundTrip,
	classifyUrl,
	urlField,
	classifyText,
	classifyRowText,
	classifyNumber,
	classifyBoolean,
	worst,
	tag,
	expectationOf,
	existingId,
	unknownId,
	unsentId,
	rawId,
	sessionIdFor,
	fieldDef,
	classifyFields,
	classifyItem,
};
