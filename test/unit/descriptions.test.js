// @ts-check
/**
 * What a user reads in the editor: every text of every node and credential description, the
 * codex search aliases, and the field labels errors are named by.
 */
const path = require('node:path');
const fs = require('node:fs');
const { nodeTypes, credentialClasses, PACKAGE, nodeType } = require('../../harness/engine');
const { fieldLabels } = require('../../nodes/shared/parameters');

const NODES = ['sprintcheckout', 'speed', 'yuno', 'upag'];
const ROOT = path.join(__dirname, '../..');

/** Every node and credential class the package builds, loaded from its TypeScript source. */
function allClasses() {
	const files = [
		...fs.readdirSync(path.join(ROOT, 'nodes')).flatMap((folder) =>
			fs.existsSync(path.join(ROOT, 'nodes', folder))
				? fs
						.readdirSync(path.join(ROOT, 'nodes', folder))
						.filter((file) => file.endsWith('.node.ts'))
						.map((file) => path.join(ROOT, 'nodes', folder, file))
				: [],
		),
		...fs
			.readdirSync(path.join(ROOT, 'credentials'))
			.filter((file) => file.endsWith('.credentials.ts'))
			.map((file) => path.join(ROOT, 'credentials', file)),
	];
	return files.flatMap((file) =>
		Object.entries(require(file))
			.filter(([, value]) => typeof value === 'function' && /^[A-Z]/.test(value.name))
			.map(([name, Class]) => [`${path.basename(file)} ${name}`, new Class()])
			.filter(([, instance]) => instance.description || instance.properties),
	);
}
const FOLDERS = { sprintcheckout: 'Sprintcheckout', speed: 'Speed', yuno: 'Yuno', upag: 'Upag' };
const descriptionOf = (node) => nodeTypes.getByName(`${PACKAGE}.${node}`).description;

/** Every human-readable string in a description tree, with where it sits. */
function texts(value, where = '', found = []) {
	if (typeof value === 'string') found.push([where, value]);
	else if (Array.isArray(value))
		value.forEach((entry, index) => texts(entry, `${where}[${index}]`, found));
	else if (value && typeof value === 'object') {
		for (const [key, entry] of Object.entries(value)) {
			if (
				[
					'displayName',
					'description',
					'hint',
					'placeholder',
					'name',
					'action',
					'subtitle',
					'errorMessage',
				].includes(key) ||
				typeof entry === 'object'
			)
				texts(entry, `${where}.${key}`, found);
		}
	}
	return found;
}

/** What n8n's HTML rendering would swallow or turn into something else: a tag start or an entity. */
const SWALLOWED = /<[A-Za-z!/?]|&(#\d+|#x[0-9a-f]+|[A-Za-z]+);/i;

describe('no text that HTML would swallow', () => {
	const classes = allClasses();

	test('every node and credential of the package is checked', () => {
		const names = classes.map(([name]) => name).join(' ');
		for (const expected of ['Sprintcheckout', 'SpeedTrigger', 'YunoApi', 'UpagApi'])
			expect(names).toContain(expected);
		expect(classes.length).toBeGreaterThanOrEqual(8 + Object.keys(credentialClasses()).length);
	});

	test.each(classes)('%s', (_, instance) => {
		const described = instance.description ?? {
			displayName: instance.displayName,
			properties: instance.properties,
		};
		const bad = texts(described).filter(([, text]) => SWALLOWED.test(text));
		expect(bad).toEqual([]);
	});

	test('the check itself catches the forms the editor swallows', () => {
		for (const text of ['…/?uid=<session ID>', 'Bearer <token>', 'a &amp; b', '&#60;x'])
			expect(SWALLOWED.test(text)).toBe(true);
		for (const text of ['a < b', 'x & y', 'Amount › Currency', '3 to 526 characters'])
			expect(SWALLOWED.test(text)).toBe(false);
	});
});

describe('search aliases in each codex file', () => {
	const BRANDS = { sprintcheckout: 'Sprintcheckout', speed: 'Speed', yuno: 'Yuno', upag: 'Upag' };
	test.each(
		NODES.flatMap((node) => [
			[node, ''],
			[node, 'Trigger'],
		]),
	)(
		'%s%s is found by checkout, checkout session, payment, payment link and its brand',
		(node, kind) => {
			const folder = FOLDERS[node];
			const codex = JSON.parse(
				fs.readFileSync(path.join(ROOT, `nodes/${folder}/${folder}${kind}.node.json`), 'utf8'),
			);
			expect(codex.node).toBe(nodeType(`${node}${kind}`));
			expect(codex.alias).toEqual(
				expect.arrayContaining([
					'checkout',
					'checkout session',
					'payment',
					'payment link',
					BRANDS[node],
				]),
			);
		},
	);
});

describe('labels for error messages come from the description', () => {
	test.each(NODES)('every field the %s operation validates has a label', (node) => {
		const { schema } = require(
			`../../nodes/${FOLDERS[node]}/actions/checkoutSession/update.operation`,
		);
		let shape = schema;
		while (!shape.shape) shape = shape._def.schema ?? shape._def.in;
		const labels = fieldLabels(descriptionOf(node).properties);
		const missing = Object.keys(shape.shape).filter((key) => !labels.has(key));
		expect(missing).toEqual([]);
	});

	test('nested fields read as the panel shows them', () => {
		const labels = fieldLabels(descriptionOf('yuno').properties);
		expect(labels.get('amount.currency')).toBe('Amount › Currency');
		expect(labels.get('checkoutSessionId')).toBe('Checkout Session');
		expect(labels.get('installmentsPlan.installment')).toBe(
			'Installments Plan › Number of Installments',
		);
		expect(labels.get('updateFields')).toBe('Update Fields');
	});
});

describe("Yuno's panel", () => {
	const properties = () => descriptionOf('yuno').properties;
	const field = (name, list = properties()) =>
		list
			.flatMap((entry) => [entry, ...(entry.type === 'collection' ? entry.options : [])])
			.find((entry) => entry.name === name);

	test('the workflow is "Checkout Workflow", with readable options that each say what they do, values unchanged', () => {
		const workflow = field('workflow');
		expect(workflow.displayName).toBe('Checkout Workflow');
		expect(workflow.options.map((option) => option.value)).toEqual([
			'SDK_CHECKOUT',
			'CHECKOUT',
			'SDK_SEAMLESS',
		]);
		for (const option of workflow.options) {
			expect(option.name).not.toBe(option.value);
			expect(option.description).toMatch(/\w{3,}/);
		}
	});

	test('the plan row number has its own label, and the session option label is short', () => {
		const row = field('installmentsPlan').options[0].values.find(
			(value) => value.name === 'installment',
		);
		expect(row.displayName).toBe('Number of Installments');
		expect(field('installments').displayName).toBe('Installments');
		const options = properties().find((entry) => entry.name === 'options').options;
		const fill = options.find((option) => option.name === 'fillRequiredFields');
		expect(fill.displayName.length).toBeLessThanOrEqual(25);
	});

	test('each installments field appears only for its choice', () => {
		const shownFor = (name) =>
			properties()
				.filter((entry) => entry.name === name && entry.displayOptions?.show?.installments)
				.map((entry) => entry.displayOptions.show.installments);
		expect(shownFor('installmentsPlanId')).toEqual([['planId']]);
		expect(shownFor('installmentsPlan')).toEqual([['plan']]);
	});

	test('adding Amount shows currency and value at once', () => {
		for (const name of ['amount', 'alternativeAmount'])
			expect(field(name).default).toEqual({ amount: { currency: '', value: 0 } });
	});
});

test('Sprintcheckout speaks of checkout sessions only', () => {
	const bad = texts(descriptionOf('sprintcheckout')).filter(
		([, text]) => /payment session/i.test(text) && !/calls it a payment session/.test(text),
	);
	expect(bad).toEqual([]);
});

/**
 * Every field of a description tree (collections' and fixed collections' children included),
 * with where it sits.
 * @param {any[]} properties
 * @param {string} where
 * @returns {Array<[string, any]>}
 */
function fieldsIn(properties, where) {
	return properties.flatMap((field) => {
		const here = `${where} ${field.name}`;
		const children = (field.options ?? []).flatMap((/** @type {any} */ option) =>
			option.values ? fieldsIn(option.values, here) : option.type ? fieldsIn([option], here) : [],
		);
		return [[here, field], ...children];
	});
}

// n8n-workflow's NodePropertyTypes, as far as these nodes could use them.
const FIELD_TYPES = new Set([
	...['boolean', 'collection', 'fixedCollection', 'hidden', 'json', 'notice', 'callout'],
	...['multiOptions', 'number', 'options', 'string', 'resourceLocator', 'dateTime', 'color'],
]);

/** The text fields that do not start empty, with their default. */
const TEXT_DEFAULTS = { 'Speed.node.ts Speed currency': 'USD' };

describe('every field a user sees is complete', () => {
	const fields = allClasses().flatMap(([where, instance]) =>
		fieldsIn(instance.description?.properties ?? instance.properties, where),
	);

	test('a label, a name and a type n8n knows', () => {
		expect(fields.length).toBeGreaterThan(100);
		const incomplete = fields.filter(
			([, field]) => !field.displayName || !field.name || !FIELD_TYPES.has(field.type),
		);
		expect(incomplete.map(([where]) => where)).toEqual([]);
	});

	test('no empty description, placeholder, hint or option name', () => {
		const empty = fields.flatMap(([where, field]) => [
			...['description', 'placeholder', 'hint']
				.filter((key) => key in field && !field[key])
				.map((key) => `${where}.${key}`),
			...(field.type === 'options' || field.type === 'multiOptions'
				? field.options
						.filter((/** @type {any} */ option) => !option.name)
						.map(() => `${where} option`)
				: []),
		]);
		expect(empty).toEqual([]);
	});

	test('a default the field can hold: one of its options, a number at or above its minimum, an object for a collection, empty text', () => {
		const values = (/** @type {any} */ field) =>
			field.options.map((/** @type {any} */ option) => option.value);
		const wrong = fields.filter(([where, field]) => {
			switch (field.type) {
				case 'options':
					return !values(field).includes(field.default);
				case 'multiOptions':
					return (
						!Array.isArray(field.default) ||
						!field.default.every((/** @type {unknown} */ v) => values(field).includes(v))
					);
				case 'number':
					return (
						typeof field.default !== 'number' ||
						field.default < (field.typeOptions?.minValue ?? -Infinity)
					);
				case 'string':
					// A text field starts empty (the user types it, or an expression), except these.
					return field.default !== (TEXT_DEFAULTS[where] ?? '');
				case 'notice':
					return typeof field.default !== 'string';
				case 'boolean':
					return typeof field.default !== 'boolean';
				case 'collection':
				case 'fixedCollection':
					return typeof field.default !== 'object' || field.default === null;
				default:
					return false;
			}
		});
		expect(wrong.map(([where, field]) => `${where} = ${JSON.stringify(field.default)}`)).toEqual(
			[],
		);
	});

	test('every credential field that holds a key, token or secret is a password field', () => {
		const credentialFields = allClasses()
			.filter(([, instance]) => instance.properties)
			.flatMap(([where, instance]) => fieldsIn(instance.properties, where));
		const secrets = credentialFields.filter(
			([, field]) => /key|token|secret/i.test(field.name) && !/^public/.test(field.name),
		);
		expect(secrets.length).toBeGreaterThanOrEqual(14);
		const shown = secrets.filter(([, field]) => field.typeOptions?.password !== true);
		expect(shown.map(([where]) => where)).toEqual([]);
		// An API credential cannot work without its keys: the editor asks for each of them.
		const optional = secrets.filter(
			([where, field]) =>
				/Api\.credentials/.test(where) && !/Webhook/.test(where) && !field.required,
		);
		expect(optional.map(([where]) => where)).toEqual([]);
	});
});

describe('every node', () => {
	const nodes = allClasses().filter(([, instance]) => instance.description);

	test('is named, by default, as it is listed; has a subtitle or is a trigger; has its icons', () => {
		for (const [where, { description }] of nodes) {
			expect([where, description.defaults.name]).toEqual([where, description.displayName]);
			const isTrigger = description.group.includes('trigger');
			expect([where, isTrigger || Boolean(description.subtitle)]).toEqual([where, true]);
			for (const icon of Object.values(description.icon)) {
				const file = path.join(ROOT, 'nodes', 'x', String(icon).replace(/^file:/, ''));
				expect([where, fs.existsSync(file)]).toEqual([where, true]);
			}
		}
	});

	test("is registered under the name its codex file and its package's n8n section use", () => {
		for (const [where, { description }] of nodes) {
			const file = where.split(' ')[0];
			const folder = file.replace(/(Trigger)?\.node\.ts$/, '');
			const codexFile = path.join(ROOT, 'nodes', folder, file.replace(/\.ts$/, '.json'));
			const codex = JSON.parse(fs.readFileSync(codexFile, 'utf8'));
			expect([where, nodeType(description.name)]).toEqual([where, codex.node]);
		}
	});

	test('requires its credentials', () => {
		for (const [where, { description }] of nodes)
			for (const credential of description.credentials ?? [])
				expect([where, credential.name, credential.required]).toEqual([
					where,
					credential.name,
					true,
				]);
	});
});
