// @ts-check
'use strict';
// Writes the figures of the test run's own output into the documents, between the markers
// <!-- figures:<section>:start --> and <!-- figures:<section>:end -->:
//   - docs/reliability.md: the reliability figures (.tmp/reliability/<suite>.json, written by
//     the reliability suites);
//   - README.md: the packages' tarball sizes (.tmp/packages/<name>.json, written by
//     `node scripts/packages.js check` for each package that passed its checks).
// A section is written only when all its input files exist. scripts/test.js runs it after a
// green jest run; by hand: `node scripts/figures.js`.
const fs = require('node:fs');
const path = require('node:path');

const { listPackages, kilobytes } = require('./lib/packages');

const root = path.resolve(__dirname, '..');
const FIGURES_DIR = path.join(root, '.tmp', 'reliability');
const DOC = path.join(root, 'docs', 'reliability.md');
const PACKAGE_FIGURES_DIR = path.join(root, '.tmp', 'packages');
const README = path.join(root, 'README.md');

const number = (value) => value.toLocaleString('en-US');

/** The fault suite: what was injected, and what became of the items. */
function faultsSection(figures) {
	const injected = (...kinds) =>
		kinds.map((kind) => number(figures.faultsInjected[kind] ?? 0)).join(' / ');
	const total = Object.values(figures.faultsInjected).reduce((sum, count) => sum + count, 0);
	return [
		'| Fault injected | Count | Handling |',
		'| --- | ---: | --- |',
		`| 502 / 503 / 504 | ${injected('502', '503', '504')} | retried |`,
		`| HTML error page (502) | ${injected('html')} | retried |`,
		`| 429 with \`Retry-After\` seconds / HTTP date / none | ${injected('429-seconds', '429-date', '429-none')} | retried after \`Retry-After\`, else backoff |`,
		`| connection reset mid-response / after the write was applied | ${injected('reset', 'reset-after-apply')} | retried (the same body to the same session: this project's reasoning, not a documented guarantee; see README, Retries) |`,
		`| hung response (past the timeout) | ${injected('hang')} | cut at the Timeout, retried |`,
		`| 500 | ${injected('500')} | surfaced: status 500, not retried |`,
		`| malformed JSON in a 200 | ${injected('malformed-json')} | surfaced: \`MALFORMED_RESPONSE\`, not retried |`,
		`| bare 404, no body (a gateway or wrong path; not a published Yuno answer) | ${injected('bare-404')} | surfaced: status 404, not retried |`,
		'',
		'| Figure | Value |',
		'| --- | ---: |',
		`| Items run | ${number(figures.items)} |`,
		`| Faults injected | ${number(total)} in ${number(figures.requests)} requests |`,
		`| Items that met only retryable faults, recovered | ${number(figures.recovered)} (all of them) |`,
		`| Items surfaced as errors with the provider's status and code | ${number(figures.surfaced)} (exactly the items that met a 500, a malformed 200 or a bare 404) |`,
		`| Items lost (no output item, or not paired with its input) | **${number(figures.lost)}** |`,
		// Asserted by the suite: figures are written only after a green run.
		"| Requests over the retry policy's bound (1 + retries per call) | 0 |",
		'| Unhandled promise rejections | 0 |',
		`| Secrets found in output items, error messages, descriptions and contexts | **${number(figures.secretsFound)}** |`,
	].join('\n');
}

/** The fuzz suites, in the table's order. */
const FUZZ_SUITES = [
	'fuzz.sprintcheckout',
	'fuzz.speed',
	'fuzz.yuno',
	'fuzz.upag',
	'fuzz.operations',
];

/**
 * The fuzz suites: per operation, the generated inputs and what the node did with them.
 * @param {Array<{ runs: Array<{ provider: string, operation: string, inputs: number, accepted: number, refused: number, seconds: number }> }>} suites
 */
function fuzzSection(suites) {
	const rows = suites.flatMap((figures, index) =>
		figures.runs.map(
			(run) =>
				`| \`${FUZZ_SUITES[index]}\` | ${run.provider} | ${run.operation} | ${number(run.inputs)} | ${number(run.accepted)} | ${number(run.refused)} | ${number(run.seconds)} |`,
		),
	);
	return [
		'| Suite | Provider | Operation | Inputs | Accepted | Refused | Seconds |',
		'| --- | --- | --- | ---: | ---: | ---: | ---: |',
		...rows,
	].join('\n');
}

/**
 * The packages: each tarball as `npm pack` measured it.
 * @param {Array<{ name: string, size: number, unpackedSize: number, files: number }>} packages
 */
function packagesSection(packages) {
	const rows = packages.map(
		(pkg) =>
			`| \`${pkg.name}\` | ${kilobytes(pkg.size)} | ${kilobytes(pkg.unpackedSize)} | ${number(pkg.files)} |`,
	);
	return ['| Package | Tarball | Unpacked | Files |', '| --- | ---: | ---: | ---: |', ...rows].join(
		'\n',
	);
}

/**
 * Each section of the reliability document: the suites whose figures it shows, and how (from
 * their parsed JSON).
 * @type {Record<string, { suites: string[], render: (figures: any[]) => string }>}
 */
const SECTIONS = {
	faults: { suites: ['faults'], render: ([figures]) => faultsSection(figures) },
	fuzz: { suites: FUZZ_SUITES, render: fuzzSection },
};

/**
 * Renders into `doc` every section whose input files all exist, each between its markers;
 * returns the sections written.
 * @param {string} doc
 * @param {Array<{ section: string, files: string[], render: (figures: any[]) => string }>} sections
 */
function fillSections(doc, sections) {
	let text = fs.readFileSync(doc, 'utf8');
	const written = [];
	for (const { section, files, render } of sections) {
		if (!files.every((file) => fs.existsSync(file))) continue;
		const start = `<!-- figures:${section}:start -->`;
		const end = `<!-- figures:${section}:end -->`;
		const from = text.indexOf(start);
		const to = text.indexOf(end);
		if (from < 0 || to < from) throw new Error(`${doc} has no ${start} … ${end}`);
		const figures = files.map((file) => JSON.parse(fs.readFileSync(file, 'utf8')));
		text = `${text.slice(0, from + start.length)}\n${render(figures)}\n${text.slice(to)}`;
		written.push(section);
	}
	if (written.length > 0) fs.writeFileSync(doc, text);
	return written;
}

/** The reliability figures (.tmp/reliability/<suite>.json) into docs/reliability.md. */
function writeFigures({ figuresDir = FIGURES_DIR, doc = DOC } = {}) {
	return fillSections(
		doc,
		Object.entries(SECTIONS).map(([section, { suites, render }]) => ({
			section,
			files: suites.map((suite) => path.join(figuresDir, `${suite}.json`)),
			render,
		})),
	);
}

/** The packages' tarball figures (.tmp/packages/<name>.json), one row per package, into README.md. */
function writePackageFigures({
	figuresDir = PACKAGE_FIGURES_DIR,
	doc = README,
	packages = listPackages().map((pkg) => pkg.name),
} = {}) {
	const files = packages.map((name) => path.join(figuresDir, `${name}.json`));
	return fillSections(doc, [{ section: 'packages', files, render: packagesSection }]);
}

if (require.main === module) {
	const reliability = writeFigures();
	console.log(
		reliability.length > 0
			? `docs/reliability.md: figures of ${reliability.join(', ')} written`
			: 'docs/reliability.md: no figures to write (run the reliability suites first)',
	);
	const packages = writePackageFigures();
	console.log(
		packages.length > 0
			? 'README.md: tarball figures of the packages written'
			: 'README.md: no tarball figures to write (run `node scripts/packages.js check` first)',
	);
}

module.exports = { writeFigures, writePackageFigures, faultsSection, fuzzSection, packagesSection };
