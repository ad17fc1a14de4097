// @ts-check
'use strict';
/**
 * Property-based: random bodies and secrets, the request made by the sandbox's signer
 * (written from the providers' docs), checked by each trigger's own verify().
 */
const fc = require('fast-check');
const { SIGNERS } = require('../../sandbox/webhooks/signers');
const { speedTrigger } = require('../../nodes/Speed/trigger');

const RUNS = 200;

/**
 * The call a trigger's verify() sees for a request the sandbox prepared.
 * @param {import('../../sandbox/webhooks/signers').Delivery} prepared
 * @param {{ rawBody?: Buffer, nowMs?: number, options?: import('n8n-workflow').IDataObject, params?: Record<string, string> }} [changes]
 * @returns {import('../../nodes/shared/webhookTrigger').ReceivedCall}
 */
function received(prepared, { rawBody, nowMs = Date.now(), options = {}, params = {} } = {}) {
	const headers = Object.fromEntries(
		Object.entries(prepared.headers).map(([k, v]) => [k.toLowerCase(), v]),
	);
	return {
		rawBody: rawBody ?? Buffer.from(prepared.body, 'utf8'),
		header: (name) => headers[name],
		params,
		nowMs,
		options,
	};
}

/** The same bytes with one byte changed. */
function oneByteChanged(bytes, index, delta) {
	const copy = Buffer.from(bytes);
	const at = index % copy.length;
	copy[at] = (copy[at] + delta) % 256;
	return copy;
}

const body = fc.string({ unit: 'binary', minLength: 1, maxLength: 2000 });

describe('Speed: HMAC-SHA256 over "id.timestamp.body" with the wsec_ key', () => {
	const secret = fc
		.uint8Array({ minLength: 24, maxLength: 64 })
		.map((bytes) => `wsec_${Buffer.from(bytes).toString('base64')}`);
	const credentials = (signingSecret, previousSigningSecret = '') => ({
		signingSecret,
		previousSigningSecret,
	});

	// The Standard Webhooks spec's published test vector, with Speed's "wsec_" prefix: the sandbox
	// signer reproduces it and the node accepts it, so both follow the scheme, not each other.
	test('the Standard Webhooks test vector: signed by the sandbox, accepted by the node', () => {
		const vector = {
			id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
			ts: 1614265330,
			body: '{"test": 2432232314}',
			key: 'wsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
		};
		const prepared = SIGNERS.speed({
			url: 'http://n8n/',
			body: vector.body,
			secret: vector.key,
			nowMs: vector.ts * 1000,
			messageId: vector.id,
		});
		expect(prepared.headers['webhook-signature']).toBe(
			'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
		);
		expect(
			speedTrigger.verify(received(prepared, { nowMs: vector.ts * 1000 }), credentials(vector.key)),
		).toBeUndefined();
	});

	test('a signing secret pasted with spaces or a line break around it still verifies', () => {
		const key = 'wsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
		const prepared = SIGNERS.speed({ url: 'http://n8n/', body: '{"id":"evt_1"}', secret: key });
		expect(speedTrigger.verify(received(prepared), credentials(` ${key}\n`))).toBeUndefined();
	});

	test('what the sandbox signs is accepted', () => {
		fc.assert(
			fc.property(body, secret, (text, key) => {
				const prepared = SIGNERS.speed({ url: 'http://n8n/', body: text, secret: key });
				expect(speedTrigger.verify(received(prepared), credentials(key))).toBeUndefined();
			}),
			{ numRuns: RUNS },
		);
	});

	test('one byte changed anywhere in the body is refused', () => {
		fc.assert(
			fc.property(
				body,
				secret,
				fc.nat(),
				fc.integer({ min: 1, max: 255 }),
				(text, key, index, delta) => {
					const prepared = SIGNERS.speed({ url: 'http://n8n/', body: text, secret: key });
					const rawBody = oneByteChanged(Buffer.from(text, 'utf8'), index, delta);
					expect(speedTrigger.verify(received(prepared, { rawBody }), credentials(key))).toBe(
						'signatureMismatch',
					);
				},
			),
			{ numRuns: RUNS },
		);
	});

	test('another secret is refused; with both configured (rotation) either is accepted', () => {
		fc.assert(
			fc.property(body, secret, secret, (text, key, other) => {
				fc.pre(key !== other);
				const prepared = SIGNERS.speed({ url: 'http://n8n/', body: text, secret: key });
				expect(speedTrigger.verify(received(prepared), credentials(other))).toBe(
					'signatureMismatch',
				);
				expect(speedTrigger.verify(received(prepared), credentials(other, key))).toBeUndefined();
			}),
			{ numRuns: RUNS },
		);
	});

	test('a header listing several signatures is accepted when any one is right', () => {
		fc.assert(
			fc.property(body, secret, secret, (text, key, other) => {
				const prepared = SIGNERS.speed({
					url: 'http://n8n/',
					body: text,
					secret: other,
					extraSecrets: [key],
				});
				expect(speedTrigger.verify(received(prepared), credentials(key))).toBeUndefined();
			}),
			{ numRuns: RUNS },
		);
	});

	test('a changed id or timestamp breaks the signature; times beyond the tolerance are refused', () => {
		fc.assert(
			fc.property(body, secret, fc.integer({ min: 301, max: 10_000_000 }), (text, key, late) => {
				const now = Date.now();
				const prepared = SIGNERS.speed({ url: 'http://n8n/', body: text, secret: key, nowMs: now });
				const withHeader = (name, value) => ({
					...prepared,
					headers: { ...prepared.headers, [name]: value },
				});
				const ts = Number(prepared.headers['webhook-timestamp']);
				expect(
					speedTrigger.verify(
						received(withHeader('webhook-id', `${prepared.headers['webhook-id']}x`)),
						credentials(key),
					),
				).toBe('signatureMismatch');
				expect(
					speedTrigger.verify(
						received(withHeader('webhook-timestamp', String(ts + 1))),
						credentials(key),
					),
				).toBe('signatureMismatch');
				expect(
					speedTrigger.verify(received(prepared, { nowMs: now + late * 1000 }), credentials(key)),
				).toBe('staleTimestamp');
				expect(
					speedTrigger.verify(received(prepared, { nowMs: now - late * 1000 }), credentials(key)),
				).toBe('futureTimestamp');
				expect(
					speedTrigger.verify(
						received(prepared, {
							nowMs: now + late * 1000,
							options: { toleranceSeconds: late + 1 },
						}),
						credentials(key),
					),
				).toBeUndefined();
			}),
			{ numRuns: RUNS },
		);
	});

	test("Speed's documented example secret is usable; a secret that is not base64 is reported", () => {
		expect(
			speedTrigger.credentialProblem(credentials('wsec_/35OeRymnQzGvej6PSURUDQYoZLwhp')),
		).toBeUndefined();
		expect(speedTrigger.credentialProblem(credentials('wsec_not base64!'))).toMatch(/base64/);
		expect(speedTrigger.credentialProblem(credentials(''))).toMatch(/Enter/);
	});
});

describe('Yuno: Base64(HMAC-SHA256(client secret, raw body))', () => {
	const { yunoTrigger } = require('../../nodes/Yuno/trigger');
	const secret = fc.string({ minLength: 1, maxLength: 80 });

	test('what the sandbox signs is accepted; one changed byte or another secret is refused', () => {
		fc.assert(
			fc.property(
				body,
				secret,
				secret,
				fc.nat(),
				fc.integer({ min: 1, max: 255 }),
				(text, key, other, index, delta) => {
					fc.pre(key !== other);
					const prepared = SIGNERS.yuno({
						url: 'http://n8n/',
						body: text,
						secret: { hmacClientSecret: key },
					});
					const rawBody = oneByteChanged(Buffer.from(text, 'utf8'), index, delta);
					expect(yunoTrigger.verify(received(prepared), { hmacClientSecret: key })).toBeUndefined();
					expect(
						yunoTrigger.verify(received(prepared, { rawBody }), { hmacClientSecret: key }),
					).toBe('signatureMismatch');
					expect(yunoTrigger.verify(received(prepared), { hmacClientSecret: other })).toBe(
						'signatureMismatch',
					);
					expect(
						yunoTrigger.verify(received(prepared), {
							hmacClientSecret: other,
							previousHmacClientSecret: key,
						}),
					).toBeUndefined();
				},
			),
			{ numRuns: RUNS },
		);
	});

	test('configured x-api-key and x-secret must both be sent and equal', () => {
		fc.assert(
			fc.property(body, secret, secret, secret, (text, hmac, apiKey, xSecret) => {
				fc.pre(apiKey !== xSecret);
				const all = { hmacClientSecret: hmac, apiKey, secret: xSecret };
				const prepared = SIGNERS.yuno({ url: 'http://n8n/', body: text, secret: all });
				expect(yunoTrigger.verify(received(prepared), all)).toBeUndefined();
				expect(yunoTrigger.verify(received(prepared), { ...all, apiKey: xSecret })).toBe(
					'signatureMismatch',
				);
				expect(yunoTrigger.verify(received(prepared), { ...all, secret: apiKey })).toBe(
					'signatureMismatch',
				);
			}),
			{ numRuns: RUNS },
		);
	});
});

describe('Sprintcheckout: the static X-Webhook-Api-Key', () => {
	const { sprintcheckoutTrigger } = require('../../nodes/Sprintcheckout/trigger');
	const key = fc
		.string({ minLength: 1, maxLength: 80 })
		.filter((k) => k.trim() === k && /^[\x21-\x7e]+$/.test(k));

	test('the right key is accepted, any other refused; the body is not covered (documented limit)', () => {
		fc.assert(
			fc.property(body, key, key, fc.nat(), (text, right, other, index) => {
				fc.pre(right !== other);
				const prepared = SIGNERS.sprintcheckout({ url: 'http://n8n/', body: text, secret: right });
				expect(
					sprintcheckoutTrigger.verify(received(prepared), { webhookApiKey: right }),
				).toBeUndefined();
				expect(sprintcheckoutTrigger.verify(received(prepared), { webhookApiKey: other })).toBe(
					'signatureMismatch',
				);
				const rawBody = oneByteChanged(Buffer.from(text, 'utf8'), index, 1);
				expect(
					sprintcheckoutTrigger.verify(received(prepared, { rawBody }), { webhookApiKey: right }),
				).toBeUndefined();
			}),
			{ numRuns: RUNS },
		);
	});
});

describe('Upag: the secret in the URL', () => {
	const { upagTrigger } = require('../../nodes/Upag/trigger');
	const { paramsFor } = require('../engine/triggerCases');
	const secret = fc.stringMatching(/^[A-Za-z0-9_-]{24,64}$/);

	test("the URL with the credential's secret is accepted, any other refused", () => {
		fc.assert(
			fc.property(body, secret, secret, (text, right, other) => {
				fc.pre(right !== other);
				const prepared = SIGNERS.upag({
					url: 'http://n8n/webhook/id/webhook/:secret',
					body: text,
					secret: right,
				});
				const params = paramsFor('webhook/:secret', prepared.url);
				expect(
					upagTrigger.verify(received(prepared, { params }), { pathSecret: right }),
				).toBeUndefined();
				expect(upagTrigger.verify(received(prepared, { params }), { pathSecret: other })).toBe(
					'signatureMismatch',
				);
				expect(
					upagTrigger.verify(received(prepared, { params }), {
						pathSecret: other,
						previousPathSecret: right,
					}),
				).toBeUndefined();
			}),
			{ numRuns: RUNS },
		);
	});
});
