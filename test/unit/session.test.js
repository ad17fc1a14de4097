// @ts-check
const fc = require('fast-check');
const { parseSessionReference, sessionLocator } = require('../../nodes/shared/session');
const { upagCheckoutUrls } = require('../../nodes/Upag/provider');
const { sprintcheckoutCheckoutUrls } = require('../../nodes/Sprintcheckout/provider');

const PATTERNS = { upag: upagCheckoutUrls, sprintcheckout: sprintcheckoutCheckoutUrls };
const ALL = Object.values(PATTERNS).flat();

/** The example URL with one dot of its host replaced: the same length, another host. */
function lookalikes(example) {
	const url = new URL(example);
	const dots = [...url.host].flatMap((char, index) => (char === '.' ? [index] : []));
	return dots.flatMap((index) =>
		['-', 'x', '0'].map((stand) => {
			const host = url.host.slice(0, index) + stand + url.host.slice(index + 1);
			return example.replace(url.host, host);
		}),
	);
}

describe('a session reference: a plain id or a documented checkout URL', () => {
	test.each(ALL.map((pattern) => [pattern.example, pattern]))(
		'the documented example %s gives the id it holds',
		(example, pattern) => {
			const [, id] = /** @type {RegExpExecArray} */ (pattern.regex.exec(example));
			expect(parseSessionReference(example, [pattern])).toBe(id);
			expect(
				parseSessionReference({ __rl: true, mode: 'url', value: ` ${example} ` }, [pattern]),
			).toBe(id);
		},
	);

	test.each(ALL.flatMap((pattern) => lookalikes(pattern.example).map((url) => [url, pattern])))(
		'a lookalike host is not a checkout URL: %s',
		(url, pattern) => {
			expect(parseSessionReference(url, [pattern])).toEqual({
				path: [],
				message: `is a URL this provider does not document as a checkout URL; expected e.g. ${pattern.example}`,
			});
		},
	);

	test("the panel's URL mode accepts the examples and refuses the lookalikes", () => {
		for (const [name, urls] of Object.entries(PATTERNS)) {
			const locator = sessionLocator({
				name,
				displayName: name,
				idPlaceholder: '',
				description: '',
				urls,
			});
			// The URL mode's one validation is a regex.
			const validation = /** @type {import('n8n-workflow').INodePropertyRegexValidation} */ (
				locator.modes?.[1].validation?.[0]
			);
			const { regex } = validation.properties;
			for (const { example } of urls) {
				expect(new RegExp(regex, 'i').test(example)).toBe(true);
				for (const url of lookalikes(example)) expect(new RegExp(regex, 'i').test(url)).toBe(false);
			}
		}
	});

	test('without URL patterns the locator has only an ID mode, and any URL is refused', () => {
		const locator = sessionLocator({
			name: 'id',
			displayName: 'ID',
			idPlaceholder: '',
			description: '',
			urls: [],
		});
		expect(locator.modes?.map((mode) => mode.name)).toEqual(['id']);
		expect(parseSessionReference('https://example.com/cs_1', [])).toEqual({
			path: [],
			message: 'is a URL this provider does not document as a checkout URL',
		});
	});

	test('plain ids are trimmed and kept as typed; numbers count only with an exact text form', () => {
		fc.assert(
			fc.property(
				fc
					.string({ minLength: 1 })
					.filter((text) => text.trim() !== '' && !/^https?:\/\//i.test(text.trim())),
				(text) => {
					expect(parseSessionReference(text, ALL)).toBe(text.trim());
				},
			),
		);
		expect(parseSessionReference(12345, [])).toBe('12345');
		expect(parseSessionReference(2 ** 60, [])).toMatchObject({
			message: expect.stringMatching(/no exact text form/),
		});
	});

	test.each([
		[undefined, 'is required'],
		[null, 'is required'],
		['   ', 'is required'],
		[{ mode: 'id', value: '' }, 'is required'],
		[true, 'must be a session ID or checkout URL (text)'],
	])('%j is refused: %s', (raw, message) => {
		expect(parseSessionReference(raw, ALL)).toEqual({ path: [], message });
	});

	test('a checkout URL with a malformed %-escape in its id is refused by name', () => {
		expect(parseSessionReference('https://checkout.upag.io/cs_%E0%A4%A', upagCheckoutUrls)).toEqual(
			{
				path: [],
				message: 'is a checkout URL whose session ID has a malformed %-escape ("cs_%E0%A4%A")',
			},
		);
	});
});
