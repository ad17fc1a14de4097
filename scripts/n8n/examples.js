// @ts-check
'use strict';
// The example workflows (examples/*.json) and the credentials they use. The credentials point
// at the local provider sandbox with its fixed fake keys; their ids are fixed, so the
// examples reference them. With real keys, edit the credential in n8n (see README).
const fs = require('node:fs');
const path = require('node:path');

const { providers } = require('../../harness/providers');
const { paths } = require('./paths');

/** Where the examples expect their files: n8n's default allowed folder in its Docker image. */
const EXAMPLE_FILES_PLACEHOLDER = '/home/node/.n8n-files';
const EXAMPLE_FILES_SUBDIR = 'checkout-sessions';

/** One sandbox credential per provider, with a fixed id that the examples reference. */
const CREDENTIALS = Object.fromEntries(
	providers().map((row) => [
		row.name,
		{ id: row.credentialId, name: `${row.displayName} (local sandbox)`, type: row.credentialType },
	]),
);

// As a new credential leaves it: Speed's API version not set.
const AS_NEW = { speed: { apiVersion: '' } };

/** The credentials as `n8n import:credentials` takes them (decrypted data). */
function sandboxCredentials(baseUrls) {
	return providers()
		.map((row) => ({
			...CREDENTIALS[row.name],
			data: { ...row.sandboxCredentials(baseUrls[row.name]), ...AS_NEW[row.name] },
			isManaged: false,
		}))
		.concat(webhookCredentials());
}

/** The webhook secrets the sandbox signs with, for the triggers of example 5. */
function webhookCredentials() {
	const { WEBHOOK_SECRETS } = require('../../sandbox/webhooks/signers');
	const { hmacClientSecret, apiKey, secret } = WEBHOOK_SECRETS.yuno;
	return [
		{
			id: 'SandboxSpeedHook',
			name: 'Speed webhook (local sandbox)',
			type: 'speedWebhookApi',
			data: { signingSecret: WEBHOOK_SECRETS.speed },
		},
		{
			id: 'SandboxYunoHook0',
			name: 'Yuno webhook (local sandbox)',
			type: 'yunoWebhookApi',
			data: { hmacClientSecret, apiKey, secret },
		},
	].map((credential) => ({ ...credential, isManaged: false }));
}

function exampleFiles() {
	const dir = path.join(paths().root, 'examples');
	return fs
		.readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => path.join(dir, name));
}

/**
 * The example workflows, ready for `n8n import:workflow`: file paths point into `filesDir`
 * (the folder n8n may read and write, N8N_RESTRICT_FILE_ACCESS_TO).
 */
function exampleWorkflows({ filesDir }) {
	return exampleFiles().map((file) => {
		const text = fs
			.readFileSync(file, 'utf8')
			.split(EXAMPLE_FILES_PLACEHOLDER)
			.join(filesDir.replace(/\\/g, '/'));
		return { file, workflow: JSON.parse(text) };
	});
}

/** Copies examples/files/* into <filesDir>/checkout-sessions (keeps existing files unless `overwrite`). */
function prepareExampleFiles(filesDir, { overwrite = false } = {}) {
	const source = path.join(paths().root, 'examples', 'files');
	const target = path.join(filesDir, EXAMPLE_FILES_SUBDIR);
	fs.mkdirSync(target, { recursive: true });
	for (const name of fs.readdirSync(source)) {
		const destination = path.join(target, name);
		if (overwrite || !fs.existsSync(destination))
			fs.copyFileSync(path.join(source, name), destination);
	}
	return target;
}

module.exports = {
	CREDENTIALS,
	EXAMPLE_FILES_PLACEHOLDER,
	EXAMPLE_FILES_SUBDIR,
	sandboxCredentials,
	exampleFiles,
	exampleWorkflows,
	prepareExampleFiles,
};
