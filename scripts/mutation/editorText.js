// @ts-check
'use strict';
/**
 * A Stryker ignorer (declared in plugins.mjs, `ignorers: ['editorText']` in stryker.config.mjs):
 * the texts the n8n editor shows (a field's or node's label, description, placeholder, hint,
 * subtitle, action, and an option's name) are not mutated. Changing one changes no behaviour a
 * test can state (the description tests check that each is present and non-empty); they are
 * reviewed as copy. The rule goes by key, so a provider's `displayName`, which error messages
 * also quote, is left out too. Error messages, credential-test messages, defaults and option
 * values stay mutated.
 */
/** Keys whose text only the editor shows. */
const EDITOR_TEXT_KEYS = new Set([
	'displayName',
	'description',
	'placeholder',
	'hint',
	'subtitle',
	'action',
]);

/** @param {any} node a Babel AST node */
function keyName(node) {
	if (node.type === 'Identifier') return node.name;
	if (node.type === 'StringLiteral') return node.value;
	return undefined;
}

/** A string, a template or a `+` of them: text, not code. @param {any} node */
function isText(node) {
	if (node.type === 'StringLiteral' || node.type === 'TemplateLiteral') return true;
	return (
		node.type === 'BinaryExpression' &&
		node.operator === '+' &&
		isText(node.left) &&
		isText(node.right)
	);
}

/** An object literal with a `value` key: an option of a list. @param {any} node */
function isOption(node) {
	return (
		node.type === 'ObjectExpression' &&
		node.properties.some(
			(/** @type {any} */ p) => p.type === 'ObjectProperty' && keyName(p.key) === 'value',
		)
	);
}

/**
 * Why this AST path is editor text, or undefined when it is not.
 * @param {import('@babel/traverse').NodePath} path
 * @returns {string | undefined}
 */
function shouldIgnore(path) {
	const { node, parent } = path;
	if (node.type !== 'ObjectProperty' || node.computed || !isText(node.value)) return undefined;
	const key = keyName(node.key);
	if (key !== undefined && EDITOR_TEXT_KEYS.has(key)) return `editor text (${key})`;
	// { name, value }: an option of a list, whose name is its label.
	if (key === 'name' && isOption(parent)) return 'editor text (option name)';
	return undefined;
}

const editorText = { shouldIgnore };

module.exports = { editorText };
