// @ts-check
'use strict';
/**
 * The webhook credentials' tests (the editor's "Test" button): none of the providers has an
 * endpoint to check a webhook secret, so each trigger checks the secret's form locally.
 */
const { SpeedTrigger } = require('../../nodes/Speed/SpeedTrigger.node');
const { YunoTrigger } = require('../../nodes/Yuno/YunoTrigger.node');
const { SprintcheckoutTrigger } = require('../../nodes/Sprintcheckout/SprintcheckoutTrigger.node');
const { UpagTrigger } = require('../../nodes/Upag/UpagTrigger.node');
const { speedTrigger } = require('../../nodes/Speed/trigger');
const { yunoTrigger } = require('../../nodes/Yuno/trigger');
const { sprintcheckoutTrigger } = require('../../nodes/Sprintcheckout/trigger');
const { upagTrigger } = require('../../nodes/Upag/trigger');
const { TRIGGERS } = require('../engine/triggerCases');

const WELL_FORMED = `wsec_${Buffer.from('a signing secret').toString('base64')}`;
const URL_SECRET = 'upag_path_secret_of_24_chars';

/**
 * Per trigger node: its spec, then credentials the test accepts and refuses (with the reason
 * shown), beside the sandbox's own credential (accepted).
 * @type {Array<[string, any, any, Array<Record<string, string>>, Array<[Record<string, string>, string]>]>}
 */
const CASES = [
	[
		'speed',
		SpeedTrigger,
		speedTrigger,
		[{ previousSigningSecret: WELL_FORMED }, { signingSecret: ` ${WELL_FORMED}\n` }],
		[
			[{}, 'Enter the signing secret'],
			[{ signingSecret: '' }, 'Enter the signing secret'],
			[{ signingSecret: 'whsec_abc' }, 'A signing secret is not "wsec_" followed by base64 text'],
			[
				{ signingSecret: WELL_FORMED, previousSigningSecret: 'wsec_!!' },
				'A signing secret is not "wsec_" followed by base64 text',
			],
		],
	],
	[
		'yuno',
		YunoTrigger,
		yunoTrigger,
		[
			{ hmacClientSecret: 'h' },
			{ previousHmacClientSecret: 'h' },
			{ apiKey: 'k' },
			{ secret: 's' },
		],
		[[{}, 'Enter the HMAC client secret (recommended) or the x-api-key / x-secret values']],
	],
	[
		'sprintcheckout',
		SprintcheckoutTrigger,
		sprintcheckoutTrigger,
		[{ webhookApiKey: 'k' }, { previousWebhookApiKey: 'k' }],
		[
			[{}, 'Enter the webhook API key'],
			[{ webhookApiKey: '' }, 'Enter the webhook API key'],
		],
	],
	[
		'upag',
		UpagTrigger,
		upagTrigger,
		[{ pathSecret: URL_SECRET }, { previousPathSecret: URL_SECRET }],
		[
			[{}, 'Enter a URL secret'],
			[{ pathSecret: 'x'.repeat(23) }, 'A URL secret must be at least 24 letters, digits, - or _'],
			[
				{ pathSecret: `${'x'.repeat(23)}/` },
				'A URL secret must be at least 24 letters, digits, - or _',
			],
			[
				{ pathSecret: URL_SECRET, previousPathSecret: 'short' },
				'A URL secret must be at least 24 letters, digits, - or _',
			],
		],
	],
];

describe.each(CASES)('%s trigger', (provider, NodeClass, spec, accepted, refused) => {
	const node = new NodeClass();
	const [credential] = node.description.credentials;
	/** @param {Record<string, string>} data */
	const test_ = (data) =>
		node.methods.credentialTest[credential.testedBy].call(/** @type {any} */ ({}), {
			id: '1',
			name: 'Webhook',
			type: credential.name,
			data,
		});

	test('reads, at run time, the credential its description requires, tested by its own test', () => {
		expect(credential).toMatchObject({ name: spec.credentialType, required: true });
		expect(Object.keys(node.methods.credentialTest)).toEqual([credential.testedBy]);
	});

	test('the credential test accepts a secret of the expected form', async () => {
		for (const data of [TRIGGERS[provider].credentials, ...accepted]) {
			expect(await test_(data)).toEqual({
				status: 'OK',
				message: 'The secret has the expected form',
			});
		}
	});

	test('the credential test refuses a missing or ill-formed secret, saying what to enter', async () => {
		for (const [data, message] of refused) {
			expect(await test_(data)).toEqual({ status: 'Error', message });
		}
	});
});
