// @ts-check
'use strict';
/**
 * The providers as tests and tooling see them, one row each: node and credential classes,
 * the credentials that point a node at the sandbox, the secrets that must never leak, fixed
 * ids. Plumbing only: field rules are not here, on purpose — the sandbox and the fuzz oracle
 * keep their own reading of the providers' docs, independent of the nodes.
 */
const path = require('node:path');
const { SANDBOX_KEYS, SEEDED } = require('../sandbox');

// Under jest the TypeScript sources are loaded; scripts (demo, bench) point this at dist/.
const load = (file, exported) =>
	require(path.join(process.env.CHECKOUT_NODES_ROOT ?? path.resolve(__dirname, '..'), file))[
		exported
	];

/**
 * A shipped provider: nodes/<Name>/<Name>.node + <Name>Trigger.node, credentials/<Name>Api +
 * <Name>WebhookApi. `sandboxCredentials(baseUrl)` is the credential a user would set for the
 * sandbox; `secrets` every form of it that must never appear in output, errors or logs.
 */
function shipped(name, Name, row) {
	return {
		name,
		displayName: Name,
		credentialType: `${name}Api`,
		Node: () => load(`nodes/${Name}/${Name}.node`, Name),
		Credential: () => load(`credentials/${Name}Api.credentials`, `${Name}Api`),
		trigger: {
			type: `${name}Trigger`,
			Node: () => load(`nodes/${Name}/${Name}Trigger.node`, `${Name}Trigger`),
			Credential: () => load(`credentials/${Name}WebhookApi.credentials`, `${Name}WebhookApi`),
		},
		seeded: SEEDED[name],
		...row,
	};
}

const { sprintcheckout, speed, yuno, upag } = SANDBOX_KEYS;

const SHIPPED = [
	shipped('sprintcheckout', 'Sprintcheckout', {
		sandboxCredentials: (baseUrl) => ({ apiKey: sprintcheckout.apiKey, baseUrl }),
		secrets: [sprintcheckout.apiKey],
		credentialId: 'SandboxSprint001',
	}),
	shipped('speed', 'Speed', {
		sandboxCredentials: (baseUrl) => ({
			secretKey: speed.secretKey,
			apiVersion: '2022-10-15',
			baseUrl,
		}),
		// Basic auth sends "<key>:" base64-encoded: that form is the key too.
		secrets: [speed.secretKey, Buffer.from(`${speed.secretKey}:`).toString('base64')],
		credentialId: 'SandboxSpeed0001',
	}),
	shipped('yuno', 'Yuno', {
		sandboxCredentials: (baseUrl) => ({
			environment: 'sandbox',
			publicApiKey: yuno.publicApiKey,
			privateSecretKey: yuno.privateSecretKey,
			accountId: yuno.accountId,
			baseUrl,
		}),
		secrets: [yuno.publicApiKey, yuno.privateSecretKey],
		credentialId: 'SandboxYuno00001',
	}),
	shipped('upag', 'Upag', {
		sandboxCredentials: (baseUrl) => ({ token: upag.token, baseUrl }),
		secrets: [upag.token],
		credentialId: 'SandboxUpag00001',
	}),
];

const registered = [];

/** Every provider: the shipped four, then any a test registered. */
const providers = () => [...SHIPPED, ...registered];

function provider(name) {
	const found = providers().find((row) => row.name === name);
	if (!found) throw new RangeError(`unknown provider "${name}"`);
	return found;
}

/**
 * Adds a provider for the tests that read the registry (a fake one, built on the core):
 * `{ name, credentialType, Node(), Credential(), sandboxCredentials?(baseUrl), secrets? }`.
 * Returns a function that removes it again.
 */
function registerProvider(row) {
	if (providers().some((each) => each.name === row.name)) {
		throw new Error(`provider "${row.name}" is already registered`);
	}
	registered.push(row);
	return () => registered.splice(registered.indexOf(row), 1);
}

/** The shipped providers' sandbox credentials, by provider, for a running sandbox. */
function sandboxCredentials(sandbox) {
	return Object.fromEntries(
		SHIPPED.map((row) => [row.name, row.sandboxCredentials(sandbox.baseUrls[row.name])]),
	);
}

/** Every secret the sandbox credentials hold, in every form the nodes send it. */
const SECRETS = SHIPPED.flatMap((row) => row.secrets);

module.exports = { providers, provider, registerProvider, sandboxCredentials, SECRETS };
