// @ts-check
'use strict';
// The nodes in n8n's editor, driven in Debian's chromium with playwright-core: each
// provider's fields, fields that appear with the choice that controls them, the Yuno
// credential's environment, and one node executed from the editor against the sandbox.
// Screenshots: docs/screenshots/ (written when missing or with UPDATE_SCREENSHOTS=1;
// otherwise into .tmp/e2e/screenshots so a test run leaves the tracked files alone).
const fs = require('node:fs');

const {
	eventually,
	loadState,
	openSignedInEditor,
	screenshotPath,
	signedIn,
	startSharedSandbox,
	wire,
	nodeType,
} = require('./setup/context');
const { CREDENTIALS } = require('../../scripts/n8n/examples');

let state;
let sandbox;
let rest;
let browser;
let context;
const workflows = {};

/**
 * One small workflow per provider: Manual Trigger → the provider node. Created through n8n's REST API.
 * @param {string} provider
 * @param {object} parameters the node's parameters besides resource, operation and options
 * @param {{ onError?: string }} [settings]
 */
function probeWorkflow(provider, parameters, { onError } = {}) {
	const display = { sprintcheckout: 'Sprintcheckout', speed: 'Speed', yuno: 'Yuno', upag: 'Upag' }[
		provider
	];
	const credential = CREDENTIALS[provider];
	return {
		name: `Browser test – ${display}`,
		nodes: [
			{
				id: 'e2e-trigger',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: `e2e-${provider}`,
				name: display,
				type: nodeType(provider),
				typeVersion: 1,
				position: [260, 0],
				parameters: {
					resource: 'checkoutSession',
					operation: 'update',
					...parameters,
					options: {},
				},
				credentials: { [credential.type]: { id: credential.id, name: credential.name } },
				...(onError ? { onError } : {}),
			},
		],
		connections: { Start: { main: [[{ node: display, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

const sessionParameter = (name, value) => ({ [name]: { __rl: true, mode: 'id', value } });

/** Takes the screenshot once two frames 300 ms apart are identical: no dropdown, toast or banner mid-animation. */
async function screenshot(page, name) {
	const target = screenshotPath(name);
	// n8n's toasts ("Node executed successfully", "Credential saved") close by themselves.
	await page
		.locator('.el-notification')
		.first()
		.waitFor({ state: 'hidden', timeout: 10000 })
		.catch(() => {});
	const frame = await eventually(
		async () => {
			const first = await page.screenshot();
			await new Promise((resolve) => setTimeout(resolve, 300));
			return [first, await page.screenshot()];
		},
		([first, second]) => expect(first.equals(second)).toBe(true),
		{ timeoutMs: 15000 },
	);
	fs.writeFileSync(target, frame[1]);
}

/** Opens a workflow in the editor and the node's details view (NDV). */
async function openNode(workflowId, nodeName) {
	const page = await context.newPage();
	await page.goto(`${state.mainUrl}/workflow/${workflowId}`);
	const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`);
	await node.waitFor({ timeout: 60000 });
	await node.dblclick();
	// The execute button shows once the NDV is editable (not read-only).
	await page
		.locator('[data-test-id="ndv"] [data-test-id="node-execute-button"]')
		.waitFor({ timeout: 30000 });
	return page;
}

/** Waits until the element's text contains `expected` (the editor renders in steps). */
async function expectText(locator, expected) {
	await eventually(
		() => locator.innerText(),
		(text) => expect(text).toContain(expected),
		{ timeoutMs: 15000 },
	);
}

/** Waits until the input's value is `expected` (credential data loads after the modal opens). */
async function expectValue(locator, expected) {
	await eventually(
		() => locator.inputValue(),
		(value) => expect(value).toBe(expected),
		{ timeoutMs: 15000 },
	);
}

const parameter = (page, name) => page.locator(`[data-test-id="parameter-input-${name}"]`);

/** The options of a select parameter as the dropdown lists them: [name] or, with `withDescriptions`, [name, description]. */
async function optionsOf(page, name, { withDescriptions = false } = {}) {
	await parameter(page, name).click();
	const items = page.locator('.el-select-dropdown__item:visible');
	await items.first().waitFor();
	const texts = (await items.allInnerTexts()).map((text) => {
		const lines = text
			.split('\n')
			.map((line) => line.trim())
			.filter(Boolean);
		return withDescriptions ? lines : lines[0];
	});
	await page.keyboard.press('Escape');
	await items.first().waitFor({ state: 'hidden' });
	return texts;
}

async function choose(page, name, optionText) {
	await parameter(page, name).click();
	await page.locator('.el-select-dropdown__item:visible', { hasText: optionText }).first().click();
	await page.locator('.el-select-dropdown__item:visible').first().waitFor({ state: 'hidden' });
}

/**
 * A choice that shows one field per option: it offers the options of `shows`, in that order;
 * before any pick no field of `fields` is there, and once an option is picked exactly the
 * field `shows` names for it is (null: none). `fields` locates each field on the page.
 * @param {import('playwright-core').Page} page
 * @param {string} name the choice's parameter name
 * @param {Record<string, string | null>} shows option → the field it shows
 * @param {Record<string, import('playwright-core').Locator>} fields
 */
async function expectChoiceShows(page, name, shows, fields) {
	expect(await optionsOf(page, name)).toEqual(Object.keys(shows));
	const visible = async () => {
		/** @type {Record<string, number>} */
		const counts = {};
		for (const [field, locator] of Object.entries(fields)) counts[field] = await locator.count();
		return counts;
	};
	/** @param {string | null} shown the one field expected, or none */
	const only = (shown) =>
		Object.fromEntries(Object.keys(fields).map((field) => [field, field === shown ? 1 : 0]));
	await eventually(visible, (counts) => expect(counts).toEqual(only(null)));
	for (const [option, field] of Object.entries(shows).slice(1)) {
		await choose(page, name, option);
		await eventually(visible, (counts) => expect(counts).toEqual(only(field)));
	}
}

/** The fields "Add Field" offers in a collection parameter (the first one in the NDV: Update Fields). */
async function collectionOptions(page) {
	await page
		.locator('[data-test-id="ndv"] [data-test-id="collection-parameter-add"]')
		.first()
		.click();
	const items = page.locator('.el-select-dropdown__item:visible');
	await items.first().waitFor();
	const texts = (await items.allInnerTexts()).map((text) => text.trim());
	await page.keyboard.press('Escape');
	return texts;
}

beforeAll(async () => {
	state = loadState();
	sandbox = await startSharedSandbox(state);
	rest = await signedIn(state.mainUrl);
	const probes = {
		sprintcheckout: probeWorkflow('sprintcheckout', {
			...sessionParameter('sessionId', 'sc_open_1'),
			updateFields: { amount: 42 },
		}),
		speed: probeWorkflow('speed', {
			...sessionParameter('checkoutSessionId', 'cs_active_2'),
			updateFields: {},
		}),
		yuno: probeWorkflow('yuno', {
			...sessionParameter('checkoutSessionId', 'a0000000-0000-4000-8000-000000000003'),
			updateFields: {},
		}),
		upag: probeWorkflow('upag', {
			...sessionParameter('checkoutSessionId', 'cs_open_3'),
			updateFields: {},
		}),
	};
	for (const [provider, workflow] of Object.entries(probes))
		workflows[provider] = (await rest.ok('POST', '/rest/workflows', workflow)).id;

	const editor = await openSignedInEditor(state.mainUrl);
	browser = editor.browser;
	context = editor.page.context();
	await editor.page.close();
});

afterAll(async () => {
	await browser?.close();
	await sandbox?.close();
});

beforeEach(() => sandbox?.reset());

const EXAMPLES = [
	{
		id: 'ExShopWebhook001',
		screenshot: 'example-1-shop-webhook.png',
		nodes: ['Shop order updated', 'Update checkout session', 'Reply to the shop'],
	},
	{
		id: 'ExCsvBulkUpdate1',
		screenshot: 'example-2-spreadsheet-bulk-update.png',
		nodes: [
			'Run the bulk update',
			'Read sessions.csv',
			'One item per row',
			'Update payment session',
			'Result row',
			'To CSV',
			'Write results.csv',
		],
	},
	{
		id: 'ExScheduledUpd01',
		screenshot: 'example-3-schedule-every-provider.png',
		nodes: [
			'Every morning',
			'Run now',
			'Today’s checkout settings',
			'Sprintcheckout',
			'Speed',
			'Yuno',
			'Upag',
		],
	},
	{
		id: 'ExFailedUpdates1',
		screenshot: 'example-4-route-failed-updates.png',
		nodes: [
			'Run',
			'Sessions to update',
			'One item per update',
			'Update Upag session',
			'Did the update fail?',
			'Failed updates',
			'Updated sessions',
		],
	},
	{
		id: 'ExLifecycle00006',
		screenshot: 'example-6-checkout-session-lifecycle.png',
		nodes: [
			'Shop order created',
			'Create checkout session',
			'Reply with the session',
			'Every hour',
			'Open orders',
			'One item per session',
			'Get checkout session',
			'Still open?',
			'Update checkout session',
		],
	},
];

test.each(EXAMPLES)(
	'example workflow $id opens in the editor with its nodes on the canvas',
	async ({ id, screenshot: file, nodes }) => {
		const page = await context.newPage();
		await page.goto(`${state.mainUrl}/workflow/${id}`);
		const canvasNodes = page.locator('[data-test-id="canvas-node"]');
		await canvasNodes.first().waitFor({ timeout: 60000 });
		await page
			.locator(`[data-test-id="canvas-node"][data-node-name="${nodes[nodes.length - 1]}"]`)
			.waitFor();
		const names = await canvasNodes.evaluateAll((elements) =>
			elements.map((element) => element.getAttribute('data-node-name')),
		);
		expect(names.sort()).toEqual([...nodes].sort());
		if (id === 'ExShopWebhook001') {
			// A published workflow opens with n8n's "Production Checklist"; it would cover the canvas.
			const close = page.locator('[data-test-id="suggested-actions-close"]');
			await close.waitFor({ timeout: 5000 }).then(
				() => close.click(),
				() => undefined,
			);
		}
		await page.waitForTimeout(500);
		await screenshot(page, file);
		await page.close();
	},
);

test('Sprintcheckout: payment session and its update fields', async () => {
	const page = await openNode(workflows.sprintcheckout, 'Sprintcheckout');
	await expectText(page.locator('[data-test-id="ndv"]'), 'Checkout Session');
	await expect(parameter(page, 'sessionId').count()).resolves.toBe(1);
	await expect(parameter(page, 'amount').count()).resolves.toBe(1);
	expect(await collectionOptions(page)).toEqual([
		'Cancel URL',
		'Concept',
		'Currency',
		'Editable',
		'Fail URL',
		'Fields to Clear',
		'Minimum Amount',
		'Order ID',
		'Success URL',
	]);
	await screenshot(page, 'sprintcheckout-node.png');
	await page.close();
});

test('Speed: "After Payment" shows Success URL or Success Message; a node run from the editor shows the sandbox’s answer', async () => {
	const page = await openNode(workflows.speed, 'Speed');
	await expectChoiceShows(
		page,
		'afterPayment',
		{
			'Keep Current Behaviour': null,
			'Redirect to a URL': 'successUrl',
			'Show a Message': 'successMessage',
		},
		{
			successUrl: parameter(page, 'successUrl'),
			successMessage: parameter(page, 'successMessage'),
		},
	);
	expect(await collectionOptions(page)).toEqual([
		'Cancel URL',
		'Description',
		'Metadata',
		'Title',
		'Title Description',
		'Title Image',
	]);

	await parameter(page, 'successMessage')
		.locator('input, textarea')
		.first()
		.fill('Thanks from the browser test!');
	await page.locator('[data-test-id="node-execute-button"]').click();
	const output = page.locator('[data-test-id="output-panel"]');
	await output.locator('[data-test-id="ndv-data-container"]').waitFor({ timeout: 60000 });
	await output.locator('[data-test-id="radio-button-json"]').click();
	await eventually(
		() => output.innerText(),
		(text) => expect(text).toContain('Thanks from the browser test!'),
		{ timeoutMs: 30000 },
	);
	const shown = JSON.parse(
		(await output.locator('[data-test-id="ndv-data-container"]').innerText()).replace(
			/\s*\n\s*/g,
			' ',
		),
	);
	expect(shown).toEqual([
		expect.objectContaining({
			id: 'cs_active_2',
			status: 'active',
			success_message: 'Thanks from the browser test!',
			description: 'Sandbox session 2',
		}),
	]);
	expect(
		wire(sandbox).filter(
			(request) =>
				request.provider === 'speed' && request.path === '/checkout-sessions/cs_active_2',
		),
	).toEqual([
		{
			provider: 'speed',
			method: 'POST',
			path: '/checkout-sessions/cs_active_2',
			status: 200,
			body: { success_message: 'Thanks from the browser test!' },
		},
	]);
	await screenshot(page, 'speed-node-executed.png');
	await page.close();
});

test('Yuno: "Installments" shows the plan ID or the plan; the credential offers its environments', async () => {
	const page = await openNode(workflows.yuno, 'Yuno');
	const plan = page.locator('[data-test-id="fixed-collection-installmentsPlan"]');
	await expectChoiceShows(
		page,
		'installments',
		{
			'Keep Current': null,
			'Use a Plan Created in Yuno': 'installmentsPlanId',
			'Define the Plan Here': 'installmentsPlan',
		},
		{ installmentsPlanId: parameter(page, 'installmentsPlanId'), installmentsPlan: plan },
	);
	await expectText(plan, 'Add Installment');
	expect(await collectionOptions(page)).toEqual([
		'Account ID',
		'Alternative Amount',
		'Amount',
		'Callback URL',
		'Checkout Workflow',
		'Country',
		'Customer ID',
		'Fields to Clear',
		'Merchant Order ID',
		'Metadata',
		'Payment Description',
	]);
	await screenshot(page, 'yuno-node-installments.png');

	await page.locator('[data-test-id="credential-edit-button"]').click();
	const modal = page.locator('[data-test-id="editCredential-modal"]');
	await modal.waitFor();
	await expectText(modal, 'Yuno (local sandbox)');
	await expectValue(parameter(page, 'environment').locator('input').first(), 'Sandbox');
	expect(await optionsOf(page, 'environment', { withDescriptions: true })).toEqual([
		['Sandbox', 'https://api-sandbox.y.uno/v1'],
		['Production', 'https://api.y.uno/v1'],
		['Production (EU)', 'https://api.eu.y.uno/v1'],
	]);
	for (const secret of ['publicApiKey', 'privateSecretKey']) {
		await expect(
			parameter(page, secret).locator('input').first().getAttribute('type'),
		).resolves.toBe('password');
	}
	await expectValue(
		parameter(page, 'accountId').locator('input').first(),
		'0a0a0a0a-0000-4000-8000-000000000001',
	);
	await expectValue(
		parameter(page, 'baseUrl').locator('input').first(),
		`http://127.0.0.1:${state.sandboxPort}/yuno/v1`,
	);
	await screenshot(page, 'yuno-credential.png');
	await page.close();
});

test('Upag: checkout session by ID or URL, and its update fields', async () => {
	const page = await openNode(workflows.upag, 'Upag');
	await expect(
		page.locator('[data-test-id="resource-locator-checkoutSessionId"]').count(),
	).resolves.toBe(1);
	expect(await collectionOptions(page)).toEqual([
		'Cancel URL',
		'Customer ID',
		'Items',
		'Payment Methods',
		'Success URL',
	]);
	await screenshot(page, 'upag-node.png');
	await page.close();
});

const OPERATIONS = {
	sprintcheckout: {
		name: 'Sprintcheckout',
		list: ['Create', 'Update'],
		pick: 'Create',
		shows: ['amount', 'currency'],
	},
	speed: {
		name: 'Speed',
		list: ['Create', 'Update'],
		pick: 'Create',
		shows: ['amount', 'currency'],
	},
	yuno: {
		name: 'Yuno',
		list: ['Create', 'Get', 'Get Payment Methods', 'Update'],
		pick: 'Create',
		shows: ['merchantOrderId', 'paymentDescription', 'country'],
	},
	upag: { name: 'Upag', list: ['Get', 'Update'], pick: 'Get', shows: [] },
};

test.each(Object.entries(OPERATIONS))(
	'%s: the Operation list shows the documented operations; choosing one swaps the fields',
	async (provider, { name, list, pick, shows }) => {
		// A workflow of its own: the earlier tests executed and changed (autosaved) the shared ones.
		const workflow = probeWorkflow(provider, {
			...sessionParameter(provider === 'sprintcheckout' ? 'sessionId' : 'checkoutSessionId', 'x'),
			updateFields: {},
		});
		workflow.name = `Browser test – ${name} operations`;
		const { id } = await rest.ok('POST', '/rest/workflows', workflow);
		const page = await openNode(id, name);
		try {
			// n8n's editor adds "Custom API Call" to every node whose credential authenticates requests.
			expect(await optionsOf(page, 'operation')).toEqual([...list, 'Custom API Call']);
			await expect(
				page
					.locator(
						'[data-test-id="parameter-input-updateFields"], [data-test-id="collection-parameter-add"]',
					)
					.count(),
			).resolves.toBeGreaterThan(0);
			await choose(page, 'operation', pick);
			for (const field of shows) await parameter(page, field).waitFor();
			await eventually(
				() => page.locator('[data-test-id="ndv"]').innerText(),
				(text) => expect(text).not.toContain('Update Fields'),
				{ timeoutMs: 15000 },
			);
		} finally {
			await page.close();
		}
	},
);

describe('the credential Test in the editor', () => {
	const { SANDBOX_KEYS } = require('../../sandbox');
	const yunoKeys = {
		environment: 'sandbox',
		publicApiKey: SANDBOX_KEYS.yuno.publicApiKey,
		privateSecretKey: SANDBOX_KEYS.yuno.privateSecretKey,
		accountId: SANDBOX_KEYS.yuno.accountId,
	};
	const CASES = [
		{
			title: 'Yuno, the sandbox keys: passes',
			name: 'Yuno (sandbox keys)',
			type: 'yunoApi',
			data: yunoKeys,
			base: 'yuno',
			expected: 'Connection tested successfully',
			shot: 'yuno-credential-test.png',
		},
		{
			title: 'Yuno, a wrong private key: fails saying it was refused',
			name: 'Yuno (wrong private key)',
			type: 'yunoApi',
			data: { ...yunoKeys, privateSecretKey: 'yuno_wrong_secret_for_browser' },
			base: 'yuno',
			expected: 'Yuno refused these credentials (HTTP 401)',
		},
		{
			title: 'Speed, a Base URL that is not Speed’s API: fails',
			name: 'Speed (wrong Base URL)',
			type: 'speedApi',
			data: { secretKey: SANDBOX_KEYS.speed.secretKey },
			base: 'not-speed',
			expected: 'does not answer like the Speed API',
		},
		{
			title: 'Upag, the sandbox token: not refused, and said to be unconfirmable',
			name: 'Upag (sandbox token)',
			type: 'upagApi',
			data: { token: SANDBOX_KEYS.upag.token },
			base: 'upag',
			expected: 'Not confirmed: Upag did not refuse this token',
			shot: 'upag-credential-test.png',
		},
	];

	test.each(CASES)('$title', async ({ name, type, data, base, expected, shot }) => {
		const baseUrl = sandbox.baseUrls[base] ?? `${sandbox.url}/${base}`;
		const { id } = await rest.ok('POST', '/rest/credentials', {
			name,
			type,
			data: { ...data, baseUrl: '' },
		});
		const page = await context.newPage();
		await page.goto(`${state.mainUrl}/home/credentials/${id}`);
		const modal = page.locator('[data-test-id="editCredential-modal"]');
		await modal.waitFor();
		// Typing the Base URL Override and saving is what makes the editor run the test.
		const input = parameter(page, 'baseUrl').locator('input').first();
		await input.fill(baseUrl);
		await page.locator('[data-test-id="credential-save-button"]').click();
		if (expected.startsWith('Connection tested')) {
			await expectText(modal, expected);
			expect(await modal.innerText()).not.toContain('Couldn');
		} else {
			// The editor shows "Couldn’t connect with these settings"; the test's message is under "More details".
			await expectText(modal, 'with these settings');
			await modal.getByText('More details').click();
			await expectText(modal, expected);
		}
		if (shot) await screenshot(page, shot);
		await page.close();
	});
});

test("Upag: a refused update goes to the error output with Upag's status, code and the session", async () => {
	const workflow = probeWorkflow(
		'upag',
		{
			...sessionParameter('checkoutSessionId', 'cs_expired_1'),
			updateFields: { successUrl: 'https://shop.example.com/thanks' },
		},
		{ onError: 'continueErrorOutput' },
	);
	workflow.name = 'Browser test – Upag error output';
	const { id } = await rest.ok('POST', '/rest/workflows', workflow);
	const page = await openNode(id, 'Upag');
	await page.locator('[data-test-id="node-execute-button"]').click();
	const output = page.locator('[data-test-id="output-panel"]');
	await output.locator('[data-test-id="ndv-data-container"]').waitFor({ timeout: 60000 });
	// The node has two outputs; the refused item is on the error one.
	await expectText(output, 'Error Branch (1 item)');
	await output.getByText('Error Branch').click();
	const json = output.locator('[data-test-id="radio-button-json"]');
	if (await json.isVisible()) await json.click();
	await expectText(output, 'cs_expired_1');
	await expectText(output, '400');
	expect(wire(sandbox).filter((request) => request.provider === 'upag')).toEqual([
		expect.objectContaining({
			method: 'PUT',
			path: '/checkout-sessions/cs_expired_1',
			status: 400,
		}),
	]);
	await screenshot(page, 'upag-error-output.png');
	await page.close();
});
