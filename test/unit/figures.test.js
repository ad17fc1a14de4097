// @ts-check
// scripts/figures.js: the reliability and package figures rendered into a document between their
// markers.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { writeFigures, writePackageFigures } = require('../../scripts/figures');

const FUZZ_SUITES = ['fuzz.sprintcheckout', 'fuzz.speed', 'fuzz.yuno', 'fuzz.upag'];

let dir;
beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkout-sessions-figures-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A document with both sections' markers, their contents, and text around them. */
const docWith = (faults, fuzz) =>
	[
		'Before.',
		'<!-- figures:faults:start -->',
		faults,
		'<!-- figures:faults:end -->',
		'Between.',
		'<!-- figures:fuzz:start -->',
		fuzz,
		'<!-- figures:fuzz:end -->',
		'After.',
		'',
	].join('\n');

function writeDoc() {
	const doc = path.join(dir, 'reliability.md');
	fs.writeFileSync(doc, docWith('old faults', 'old fuzz'));
	return doc;
}

/** @param {string} name @param {unknown} figures */
const writeFiguresFile = (name, figures) =>
	fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(figures));

const run = (provider, operation, inputs, accepted, refused) => ({
	provider,
	operation,
	inputs,
	accepted,
	refused,
	seconds: 42,
});

function writeFuzzFigures() {
	FUZZ_SUITES.forEach((suite, index) =>
		writeFiguresFile(suite, {
			runs: [run(`P${index}`, 'update', 10_000 + index, 4_000, 6_000 + index)],
		}),
	);
	writeFiguresFile('fuzz.operations', {
		runs: [run('Yuno', 'create', 10_262, 3_705, 6_557), run('Upag', 'get', 10_028, 9_191, 837)],
	});
}

test('renders one table row per fuzz run, in suite order, between the fuzz markers only', () => {
	const doc = writeDoc();
	writeFuzzFigures();
	expect(writeFigures({ figuresDir: dir, doc })).toEqual(['fuzz']);
	expect(fs.readFileSync(doc, 'utf8')).toBe(
		docWith(
			'old faults',
			[
				'| Suite | Provider | Operation | Inputs | Accepted | Refused | Seconds |',
				'| --- | --- | --- | ---: | ---: | ---: | ---: |',
				'| `fuzz.sprintcheckout` | P0 | update | 10,000 | 4,000 | 6,000 | 42 |',
				'| `fuzz.speed` | P1 | update | 10,001 | 4,000 | 6,001 | 42 |',
				'| `fuzz.yuno` | P2 | update | 10,002 | 4,000 | 6,002 | 42 |',
				'| `fuzz.upag` | P3 | update | 10,003 | 4,000 | 6,003 | 42 |',
				'| `fuzz.operations` | Yuno | create | 10,262 | 3,705 | 6,557 | 42 |',
				'| `fuzz.operations` | Upag | get | 10,028 | 9,191 | 837 | 42 |',
			].join('\n'),
		),
	);
});

test('renders the faults section from its figures', () => {
	const doc = writeDoc();
	writeFiguresFile('faults', {
		items: 10_000,
		faultsInjected: { 502: 88, hang: 79, 500: 87 },
		recovered: 797,
		surfaced: 230,
		lost: 0,
		secretsFound: 0,
		requests: 10_869,
	});
	expect(writeFigures({ figuresDir: dir, doc })).toEqual(['faults']);
	const text = fs.readFileSync(doc, 'utf8');
	expect(text).toContain('| 502 / 503 / 504 | 88 / 0 / 0 | retried |');
	expect(text).toContain('| Faults injected | 254 in 10,869 requests |');
	expect(text).toContain('| Items that met only retryable faults, recovered | 797 (all of them) |');
	expect(text).not.toContain('old faults');
	expect(text).toContain('old fuzz');
});

test('leaves a section alone while one of its suites has left no figures', () => {
	const doc = writeDoc();
	writeFuzzFigures();
	fs.rmSync(path.join(dir, 'fuzz.yuno.json'));
	const before = fs.readFileSync(doc, 'utf8');
	expect(writeFigures({ figuresDir: dir, doc })).toEqual([]);
	expect(fs.readFileSync(doc, 'utf8')).toBe(before);
});

test('refuses a document without the markers of a section it has figures for', () => {
	const doc = path.join(dir, 'reliability.md');
	fs.writeFileSync(doc, 'No markers here.\n');
	writeFuzzFigures();
	expect(() => writeFigures({ figuresDir: dir, doc })).toThrow(
		'has no <!-- figures:fuzz:start --> … <!-- figures:fuzz:end -->',
	);
	expect(fs.readFileSync(doc, 'utf8')).toBe('No markers here.\n');
});

describe('the packages section', () => {
	const packages = ['n8n-nodes-zeta', 'n8n-nodes-alpha'];

	function writeReadme() {
		const doc = path.join(dir, 'README.md');
		fs.writeFileSync(
			doc,
			[
				'Before.',
				'<!-- figures:packages:start -->',
				'old sizes',
				'<!-- figures:packages:end -->',
				'After.',
				'',
			].join('\n'),
		);
		return doc;
	}

	function writePackageFiguresFiles() {
		writeFiguresFile('n8n-nodes-zeta', {
			name: 'n8n-nodes-zeta',
			size: 29_849,
			unpackedSize: 109_301,
			files: 31,
		});
		writeFiguresFile('n8n-nodes-alpha', {
			name: 'n8n-nodes-alpha',
			size: 36_612,
			unpackedSize: 1_140_049,
			files: 1_035,
		});
	}

	test('renders one row per package, in the order given, between the packages markers', () => {
		const doc = writeReadme();
		writePackageFiguresFiles();
		expect(writePackageFigures({ figuresDir: dir, doc, packages })).toEqual(['packages']);
		expect(fs.readFileSync(doc, 'utf8')).toBe(
			[
				'Before.',
				'<!-- figures:packages:start -->',
				'| Package | Tarball | Unpacked | Files |',
				'| --- | ---: | ---: | ---: |',
				'| `n8n-nodes-zeta` | 29.8 kB | 109.3 kB | 31 |',
				'| `n8n-nodes-alpha` | 36.6 kB | 1140.0 kB | 1,035 |',
				'<!-- figures:packages:end -->',
				'After.',
				'',
			].join('\n'),
		);
	});

	test('leaves the table alone while a package has left no figures (its checks failed)', () => {
		const doc = writeReadme();
		writePackageFiguresFiles();
		fs.rmSync(path.join(dir, 'n8n-nodes-alpha.json'));
		const before = fs.readFileSync(doc, 'utf8');
		expect(writePackageFigures({ figuresDir: dir, doc, packages })).toEqual([]);
		expect(fs.readFileSync(doc, 'utf8')).toBe(before);
	});
});
