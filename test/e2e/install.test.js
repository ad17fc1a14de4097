// @ts-check
'use strict';
// The four packed packages, installed side by side as n8n's community-node install does, are
// what n8n loads: each defines only its provider's node types and credentials.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const { loadState, packagesUnderTest, sharedInstance, signedIn } = require('./setup/context');

const PACKAGES = packagesUnderTest();
const ALL_NODE_TYPES = PACKAGES.flatMap((pkg) => pkg.nodeTypes);
const ALL_CREDENTIALS = PACKAGES.flatMap((pkg) =>
	pkg.credentials.map((file) => file[0].toLowerCase() + file.slice(1)),
);

let state;
beforeAll(() => {
	state = loadState();
});

test('four packages, no node or credential type defined twice', () => {
	expect(PACKAGES.map((pkg) => pkg.name).sort()).toEqual([
		'n8n-nodes-sprintcheckout',
		'n8n-nodes-tryspeed',
		'n8n-nodes-upag',
		'n8n-nodes-yuno',
	]);
	expect(new Set(ALL_NODE_TYPES.map((type) => type.split('.')[1])).size).toBe(
		ALL_NODE_TYPES.length,
	);
	expect(new Set(ALL_CREDENTIALS).size).toBe(ALL_CREDENTIALS.length);
	expect(state.tarballs).toHaveLength(PACKAGES.length);
});

test.each(PACKAGES.map((pkg) => [pkg.name, pkg]))(
	'%s: the tarball holds only what n8n loads, and its docs',
	(name, pkg) => {
		const tarball = state.tarballs.find((file) => path.basename(file).startsWith(`${name}-`));
		const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
		for (const doc of ['package.json', 'README.md', 'LICENSE.md', 'CHANGELOG.md']) {
			expect(files).toContain(`package/${doc}`);
		}
		const provider = pkg.nodeTypes[0].split('.')[1];
		const folder = provider[0].toUpperCase() + provider.slice(1);
		for (const file of pkg.credentials)
			expect(files).toContain(`package/dist/credentials/${file}.credentials.js`);
		expect(files).toContain(`package/dist/nodes/${folder}/${folder}.node.js`);
		expect(files).toContain(`package/dist/nodes/${folder}/${folder}.node.json`);
		expect(files).toContain(`package/dist/nodes/shared/transport.js`);
		expect(files).toContain(`package/dist/icons/${provider}.svg`);
		// Nothing of the other providers, no sources, maps, declarations, build info or screenshots.
		const others = PACKAGES.filter((other) => other !== pkg).map(
			(other) => other.nodeTypes[0].split('.')[1],
		);
		for (const other of others)
			expect(files.filter((file) => file.toLowerCase().includes(other))).toEqual([]);
		expect(
			files.filter(
				(file) =>
					!/^package\/(package\.json|README\.md|LICENSE\.md|CHANGELOG\.md|dist\/.+\.(js|json|svg))$/.test(
						file,
					),
			),
		).toEqual([]);
	},
);

test.each(PACKAGES.map((pkg) => [pkg.name, pkg]))(
	'%s is installed where and how n8n installs community packages',
	(name, pkg) => {
		const nodesDir = path.join(state.userFolder, '.n8n', 'nodes');
		const packageDir = path.join(nodesDir, 'node_modules', name);
		const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
		expect(manifest.name).toBe(name);
		expect(manifest).not.toHaveProperty('devDependencies');
		expect(manifest).not.toHaveProperty('peerDependencies');
		expect(manifest).not.toHaveProperty('optionalDependencies');
		expect(manifest.n8n.nodes).toHaveLength(pkg.nodeTypes.length);
		const list = JSON.parse(fs.readFileSync(path.join(nodesDir, 'package.json'), 'utf8'));
		expect(list.dependencies[name]).toBe(manifest.version);
		// Nothing of its own is installed beside it: zod and n8n-workflow come from n8n at run time.
		expect(fs.existsSync(path.join(packageDir, 'node_modules'))).toBe(false);
		expect(fs.existsSync(path.join(nodesDir, 'node_modules', 'zod'))).toBe(false);
	},
);

test("n8n export:nodes lists each package's node types under its own name", async () => {
	const nodes = await sharedInstance(state).exportNodes();
	const names = PACKAGES.map((pkg) => pkg.name);
	const ours = nodes.filter((node) => names.includes(node.name.split('.')[0]));
	const byName = Object.fromEntries(ours.map((node) => [node.name, node]));
	for (const type of ALL_NODE_TYPES) {
		const node = byName[type];
		expect(node).toBeDefined();
		expect(node.version).toBe(1);
	}
	for (const { nodeTypes } of PACKAGES) {
		const [update] = nodeTypes.filter((type) => !type.endsWith('Trigger'));
		const provider = update.split('.')[1];
		expect(byName[update].credentials).toEqual([
			expect.objectContaining({ name: `${provider}Api`, required: true }),
		]);
		expect(byName[update].properties.map((property) => property.name)).toEqual(
			expect.arrayContaining(['resource', 'operation', 'updateFields', 'options']),
		);
		// usableAsTool: n8n derives an AI-agent tool variant of each update node.
		expect(byName[`${update}Tool`]).toBeDefined();
	}
	expect(byName['n8n-nodes-tryspeed.speed'].displayName).toBe('Speed');
	expect(
		Object.keys(byName)
			.filter((name) => !name.endsWith('Tool'))
			.sort(),
	).toEqual([...ALL_NODE_TYPES].sort());
});

test('the running n8n serves the node types, the credential types and the icons to the editor', async () => {
	const rest = await signedIn(state.mainUrl);
	const nodes = (await rest.request('GET', '/types/nodes.json')).json;
	const ours = nodes.filter((node) => ALL_NODE_TYPES.includes(node.name));
	expect(ours.map((node) => node.name).sort()).toEqual([...ALL_NODE_TYPES].sort());

	const credentials = (await rest.request('GET', '/types/credentials.json')).json;
	const types = credentials.filter((credential) => ALL_CREDENTIALS.includes(credential.name));
	expect(types.map((credential) => credential.name).sort()).toEqual([...ALL_CREDENTIALS].sort());
	const yuno = types.find((credential) => credential.name === 'yunoApi');
	expect(
		yuno.properties
			.find((property) => property.name === 'environment')
			.options.map((option) => option.value),
	).toEqual(['sandbox', 'production', 'eu']);

	const speed = ours.find((node) => node.name === 'n8n-nodes-tryspeed.speed');
	const iconUrl = speed.iconUrl.light ?? speed.iconUrl;
	const icon = await fetch(`${state.mainUrl}/${iconUrl}`);
	expect(icon.status).toBe(200);
	expect(await icon.text()).toMatch(/<svg/);
});
