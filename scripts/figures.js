// @ts-check
'use strict';
// Writes the reliability figures into docs/reliability.md from the test run's own output
// (.tmp/reliability/<suite>.json, written by the reliability suites), between the markers
// <!-- figures:<section>:start --> and <!-- figures:<section>:end -->. scripts/test.js runs it
// after a green jest run; by hand: `node scripts/figures.js`.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const FIGURES_DIR = path.join(root, '.tmp', 'reliability');
const DOC = path.join(root, 'docs', 'reliability.md');

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
 * Each section of the document: the suites whose figures it shows, and how (from their parsed JSON).
 * @type {Record<string, { suites: string[], render: (figures: any[]) => string }>}
 */
const SECTIONS = {
	faults: { suites: ['faults'], render: ([figures]) => faultsSection(figures) },
	fuzz: { suites: FUZZ_SUITES, render: fuzzSection },
};

/**
 * Renders every section whose suites all left figures in `figuresDir` into `doc`; returns the
 * sections written.
 */
function writeFigures({ figuresDir = FIGURES_DIR, doc = DOC } = {}) {
	let text = fs.readFileSync(doc, 'utf8');
	const written = [];
	for (const [section, { suites, render }] of Object.entries(SECTIONS)) {
		const files = suites.map((suite) => path.join(figuresDir, `${suite}.json`));
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
	fs.writeFileSync(doc, text);
	return written;
}

if (require.main === module) {
	const written = writeFigures();
	console.log(
		written.length > 0
			? `docs/reliability.md: figures of ${written.join(', ')} written`
			: 'no figures to write (run the reliability suites first)',
	);
}

module.exports = { writeFigures, faultsSection, fuzzSection };
