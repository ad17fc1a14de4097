'use strict';
// The packed package, installed as n8n's community-node install does, is what n8n loads.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const { loadState, sharedInstance, signedIn } = require('./setup/context');

const PACKAGE = 'n8n-nodes-checkout-sessions';
const NODE_TYPES = ['sprintcheckout', 'speed', 'yuno', 'upag'];
const CREDENTIAL_TYPES = ['sprintcheckoutApi', 'speedApi', 'yunoApi', 'upagApi'];

let state;
beforeAll(() => {
	state = loadState();
});

test('the tarball holds the built nodes, credentials, icons and codex files, and no sources', () => {
	const files = execFileSync('tar', ['-tzf', state.tarball], { encoding: 'utf8' })
		.trim()
		.split('\n');
	expect(files).toEqual(expect.arrayContaining(['package/package.json']));
	for (const name of ['Sprintcheckout', 'Speed', 'Yuno', 'Upag']) {
		expect(files).toContain(`package/dist/nodes/${name}/${name}.node.js`);
		expect(files).toContain(`package/dist/nodes/${name}/${name}.node.json`);
		expect(files).toContain(`package/dist/credentials/${name}Api.credentials.js`);
	}
	expect(
		files.filter((file) => file.startsWith('package/dist/icons/') && file.endsWith('.svg')).length,
	).toBeGreaterThanOrEqual(8);
	expect(files.filter((file) => /\.ts$/.test(file) && !/\.d\.ts$/.test(file))).toEqual([]);
	expect(
		files.filter((file) =>
			/^package\/(nodes|credentials|test|sandbox|scripts|examples)\//.test(file),
		),
	).toEqual([]);
});

test('it is installed where and how n8n installs community packages', () => {
	const nodesDir = path.join(state.userFolder, '.n8n', 'nodes');
	const packageDir = path.join(nodesDir, 'node_modules', PACKAGE);
	const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	expect(manifest.name).toBe(PACKAGE);
	expect(manifest).not.toHaveProperty('devDependencies');
	expect(manifest).not.toHaveProperty('peerDependencies');
	expect(manifest).not.toHaveProperty('optionalDependencies');
	expect(manifest.n8n.nodes).toHaveLength(4);
	const list = JSON.parse(fs.readFileSync(path.join(nodesDir, 'package.json'), 'utf8'));
	expect(list.dependencies[PACKAGE]).toBe(manifest.version);
	// Nothing of its own is installed beside it: zod and n8n-workflow come from n8n at run time.
	expect(fs.existsSync(path.join(packageDir, 'node_modules', 'zod'))).toBe(false);
	expect(fs.existsSync(path.join(nodesDir, 'node_modules', 'zod'))).toBe(false);
	expect(fs.existsSync(path.join(packageDir, 'node_modules', 'n8n-workflow'))).toBe(false);
});

test('n8n export:nodes lists the four node types under the package name', async () => {
	const nodes = await sharedInstance(state).exportNodes();
	const ours = nodes.filter((node) => node.name.startsWith(`${PACKAGE}.`));
	const byName = Object.fromEntries(ours.map((node) => [node.name, node]));
	for (const type of NODE_TYPES) {
		const node = byName[`${PACKAGE}.${type}`];
		expect(node).toBeDefined();
		expect(node.version).toBe(1);
		expect(node.credentials).toEqual([
			expect.objectContaining({ name: `${type}Api`, required: true }),
		]);
		expect(node.properties.map((property) => property.name)).toEqual(
			expect.arrayContaining(['resource', 'operation', 'updateFields', 'options']),
		);
		// usableAsTool: n8n derives an AI-agent tool variant of each node.
		expect(byName[`${PACKAGE}.${type}Tool`]).toBeDefined();
	}
	expect(byName[`${PACKAGE}.sprintcheckout`].displayName).toBe('Sprintcheckout');
	expect(byName[`${PACKAGE}.speed`].displayName).toBe('Speed');
	expect(byName[`${PACKAGE}.yuno`].displayName).toBe('Yuno');
	expect(byName[`${PACKAGE}.upag`].displayName).toBe('Upag');
	expect(Object.keys(byName).sort()).toEqual(
		NODE_TYPES.flatMap((type) => [`${PACKAGE}.${type}`, `${PACKAGE}.${type}Tool`]).sort(),
	);
});

test('the running n8n serves the node types, the credential types and the icons to the editor', async () => {
	const rest = await signedIn(state.mainUrl);
	const nodes = (await rest.request('GET', '/types/nodes.json')).json;
	const ours = nodes.filter(
		(node) => node.name.startsWith(`${PACKAGE}.`) && !node.name.endsWith('Tool'),
	);
	expect(ours.map((node) => node.name).sort()).toEqual(
		NODE_TYPES.map((type) => `${PACKAGE}.${type}`).sort(),
	);

	const credentials = (await rest.request('GET', '/types/credentials.json')).json;
	const types = credentials.filter((credential) => CREDENTIAL_TYPES.includes(credential.name));
	expect(types.map((credential) => credential.name).sort()).toEqual([...CREDENTIAL_TYPES].sort());
	const yuno = types.find((credential) => credential.name === 'yunoApi');
	expect(
		yuno.properties
			.find((property) => property.name === 'environment')
			.options.map((option) => option.value),
	).toEqual(['sandbox', 'production', 'eu']);

	const speed = ours.find((node) => node.name === `${PACKAGE}.speed`);
	const iconUrl = speed.iconUrl.light ?? speed.iconUrl;
	const icon = await fetch(`${state.mainUrl}/${iconUrl}`);
	expect(icon.status).toBe(200);
	expect(await icon.text()).toMatch(/<svg/);
});
