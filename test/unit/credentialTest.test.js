// @ts-check
// The credential tests' Base URL is an n8n expression (n8n evaluates it; it cannot call into the
// package). It must pick the same URL as the nodes' baseUrlFor for every credential.
const { Workflow } = require('n8n-workflow');
const { baseUrlFor } = require('../../nodes/shared/transport');
const { REFUSED_BASE_URL } = require('../../nodes/shared/credentialTest');
const { sprintcheckout } = require('../../nodes/Sprintcheckout/provider');
const { speed } = require('../../nodes/Speed/provider');
const { yuno } = require('../../nodes/Yuno/provider');
const { upag } = require('../../nodes/Upag/provider');
const { credentialClass, nodeTypes } = require('../../harness/engine');
const { testNode } = require('../helpers/fakeContext');

const providers = { sprintcheckout, speed, yuno, upag };

const workflow = new Workflow({
	id: 'w',
	nodes: [],
	connections: {},
	active: false,
	nodeTypes,
});
const node = testNode({ name: 'n', type: 't' });

/** The base URL n8n would use for the credential test, given these credential values. */
function testBaseUrl(type, credentials) {
	const { test } = new (credentialClass(`${type}Api`))();
	return workflow.expression.getSimpleParameterValue(node, test.request.baseURL, 'internal', {
		$credentials: credentials,
	});
}

const OVERRIDES = [
	'',
	'   ',
	'http://127.0.0.1:4010/upag/v1',
	'http://127.0.0.1:4010/upag/v1/',
	'https://api.example.com///',
	'  https://proxy.example.com/yuno/v1  ',
	'https://[::1]:8443/v1',
	'HTTPS://API.EXAMPLE.COM/V1',
	'ftp://example.com',
	'example.com/v1',
	'javascript:alert(1)',
	'http://',
	'not a url',
];
/** Issue 8.3: these overrides are refused (the nodes' rule lands with the transport hardening). */
const REFUSED_BY_RULE = [
	'http://user:secret@example.com/v1',
	'https://example.com/v1?q=1',
	'https://example.com/v1#f',
	'https://example.com/v1/?',
];

describe.each(Object.keys(providers))('%s credential test Base URL', (type) => {
	const environments = type === 'yuno' ? ['sandbox', 'production', 'eu'] : [undefined];

	test.each(environments)(
		'without an override it is the documented URL (environment %s)',
		(environment) => {
			// A credential without the setting has no such key.
			/** @type {import('n8n-workflow').ICredentialDataDecryptedObject} */
			const credentials =
				environment === undefined ? { baseUrl: '' } : { environment, baseUrl: '' };
			expect(testBaseUrl(type, credentials)).toBe(baseUrlFor(providers[type], credentials));
		},
	);

	test.each(OVERRIDES)(
		'override %j: the same URL as the nodes use, or refused by both',
		(baseUrl) => {
			const credentials = { environment: 'sandbox', baseUrl };
			expect(testBaseUrl(type, credentials)).toBe(
				baseUrlFor(providers[type], credentials) ?? REFUSED_BASE_URL,
			);
		},
	);

	test.each(REFUSED_BY_RULE)('override %j is refused', (baseUrl) => {
		expect(testBaseUrl(type, { environment: 'sandbox', baseUrl })).toBe(REFUSED_BASE_URL);
	});
});

// The requests the credential tests send, as the providers document them (sandbox/README.md).
test.each([
	['sprintcheckout', { method: 'PUT', url: '/api/checkout/v2/payment_session', body: {} }],
	['speed', { method: 'GET', url: '/balances/swap/limit' }],
	['yuno', { method: 'GET', url: '/webhooks' }],
	['upag', { method: 'GET', url: '/checkout-sessions/cs_n8n_credential_test' }],
])(
	"%s's credential test sends its documented request, never following a redirect",
	(type, sent) => {
		const { request } = new (credentialClass(`${type}Api`))().test;
		expect(request).toMatchObject({ ...sent, disableFollowRedirect: true });
		if (!('body' in sent)) expect(request.body).toBeUndefined();
	},
);
