// @ts-check
// `npm run release -- <package> <bump>` in a throw-away clone of the repository.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const git = (cwd, ...args) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
const release = (cwd, ...args) =>
	execFileSync(process.execPath, ['scripts/release.js', ...args], {
		cwd,
		encoding: 'utf8',
		stdio: 'pipe',
	});

let clone;
beforeEach(() => {
	clone = fs.mkdtempSync(path.join(os.tmpdir(), 'checkout-sessions-release-'));
	execFileSync('git', ['clone', '--quiet', '--no-hardlinks', root, clone]);
	git(clone, 'config', 'user.email', 'release-test@example.com');
	git(clone, 'config', 'user.name', 'Release test');
});
afterEach(() => fs.rmSync(clone, { recursive: true, force: true }));

const manifest = (name) =>
	JSON.parse(fs.readFileSync(path.join(clone, 'packages', name, 'package.json'), 'utf8'));

test('bumps one package, moves its Unreleased notes under the version, commits and tags', () => {
	const before = manifest('n8n-nodes-upag').version;
	const [major, minor] = before.split('.').map(Number);
	const expected = `${major}.${minor + 1}.0`;
	release(clone, 'n8n-nodes-upag', 'minor');

	expect(manifest('n8n-nodes-upag').version).toBe(expected);
	expect(manifest('n8n-nodes-yuno').version).toBe(
		JSON.parse(fs.readFileSync(path.join(root, 'packages/n8n-nodes-yuno/package.json'), 'utf8'))
			.version,
	);
	const changelog = fs.readFileSync(
		path.join(clone, 'packages/n8n-nodes-upag/CHANGELOG.md'),
		'utf8',
	);
	const date = new Date().toISOString().slice(0, 10);
	expect(changelog).toMatch(
		new RegExp(
			`## Unreleased\\n\\n## ${expected.replace(/\./g, '\\.')} — ${date}\\n\\nFirst release`,
		),
	);
	expect(changelog).toMatch(/Commits:\n\n- /);
	expect(git(clone, 'tag', '--list', `n8n-nodes-upag@${expected}`)).toBe(
		`n8n-nodes-upag@${expected}`,
	);
	expect(git(clone, 'log', '-1', '--format=%s')).toBe(`Release n8n-nodes-upag@${expected}`);
	expect(git(clone, 'show', '--name-only', '--format=', 'HEAD').split('\n').sort()).toEqual([
		'packages/n8n-nodes-upag/CHANGELOG.md',
		'packages/n8n-nodes-upag/package.json',
	]);

	release(clone, 'n8n-nodes-upag', 'patch');
	expect(manifest('n8n-nodes-upag').version).toBe(`${major}.${minor + 1}.1`);
});

test('refuses an unknown package, an unknown bump and uncommitted changes', () => {
	const tags = git(clone, 'tag', '--list');
	expect(() => release(clone, 'n8n-nodes-nope', 'minor')).toThrow(/Unknown package/);
	expect(() => release(clone, 'n8n-nodes-upag', 'huge')).toThrow(/Usage/);
	fs.appendFileSync(path.join(clone, 'README.md'), '\nchange\n');
	expect(() => release(clone, 'n8n-nodes-upag', 'patch')).toThrow(/Commit or stash/);
	expect(git(clone, 'tag', '--list')).toBe(tags);
});
