// @ts-check
'use strict';
// npm run release -- <package> <patch|minor|major>
// Bumps packages/<package>/package.json; in its CHANGELOG the "## Unreleased" section (notes
// written while working) becomes "## <version> — <date>", followed by the subjects of the
// commits since the package's previous tag that touched the shipped code; commits both files
// and tags the commit "<package>@<version>". Pushing the tag (git push --follow-tags) starts
// .github/workflows/publish.yml, which publishes that package only.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { root, findPackage, listPackages } = require('./lib/packages');

const BUMPS = ['patch', 'minor', 'major'];

function git(...args) {
	return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
}

function bump(version, kind) {
	const [major, minor, patch] = version.split('-')[0].split('.').map(Number);
	if (kind === 'major') return `${major + 1}.0.0`;
	if (kind === 'minor') return `${major}.${minor + 1}.0`;
	return `${major}.${minor}.${patch + 1}`;
}

function previousTag(name) {
	const tags = git('tag', '--list', `${name}@*`, '--sort=-v:refname');
	return tags.split('\n').find(Boolean);
}

/** The CHANGELOG with the Unreleased notes and `commits` under a heading for `version`. */
function withRelease(changelog, version, date, commits) {
	const heading = `## ${version} — ${date}`;
	const list = `Commits:\n\n${commits.map((line) => `- ${line}`).join('\n')}\n`;
	const unreleased = /^## Unreleased\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(changelog);
	if (unreleased) {
		const notes = unreleased[1].trim();
		const section = `${heading}\n\n${notes ? `${notes}\n\n` : ''}${list}\n`;
		return changelog.replace(unreleased[0], `## Unreleased\n\n${section}`);
	}
	return `${changelog.trimEnd()}\n\n${heading}\n\n${list}`;
}

/** @param {string[]} argv `<package> <patch|minor|major>` */
function main([name, kind]) {
	if (!name || !BUMPS.includes(kind)) {
		const names = listPackages()
			.map((pkg) => pkg.name)
			.join(', ');
		throw new Error(`Usage: npm run release -- <package> <${BUMPS.join('|')}>\nPackages: ${names}`);
	}
	const pkg = findPackage(name);
	if (git('status', '--porcelain') !== '') throw new Error('Commit or stash your changes first.');

	const version = bump(pkg.manifest.version, kind);
	const tag = `${name}@${version}`;
	if (git('tag', '--list', tag) !== '') throw new Error(`Tag ${tag} exists already.`);
	const since = previousTag(name);
	const range = since ? [`${since}..HEAD`] : [];
	const subjects = git(
		'log',
		'--format=%s',
		...range,
		'--',
		'nodes',
		'credentials',
		'icons',
		pkg.dir,
	)
		.split('\n')
		.filter(Boolean);
	const lines = subjects.length > 0 ? subjects : ['No change to the shipped code.'];

	const manifestPath = path.join(pkg.dir, 'package.json');
	fs.writeFileSync(manifestPath, `${JSON.stringify({ ...pkg.manifest, version }, null, 2)}\n`);
	const changelogPath = path.join(pkg.dir, 'CHANGELOG.md');
	const date = new Date().toISOString().slice(0, 10);
	fs.writeFileSync(
		changelogPath,
		withRelease(fs.readFileSync(changelogPath, 'utf8'), version, date, lines),
	);

	git('add', manifestPath, changelogPath);
	git('commit', '--quiet', '-m', `Release ${tag}`);
	git('tag', '--annotate', tag, '-m', `Release ${tag}`);
	console.log(`Tagged ${tag}. Push it to publish: git push --follow-tags`);
}

try {
	main(process.argv.slice(2));
} catch (error) {
	console.error(error.message);
	process.exit(1);
}
