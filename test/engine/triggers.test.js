// @ts-check
'use strict';
/**
 * Every trigger through n8n-core's WebhookContext and WorkflowExecute (triggerHarness.js),
 * fed by the sandbox's own signer: genuine calls start exactly one execution, spoiled ones
 * are answered 401 and start none, repeats are answered 200 and start none.
 */
const fc = require('fast-check');
const { createTrigger } = require('./triggerHarness');
const { TRIGGERS, asRequest } = require('./triggerCases');
const { prepare } = require('../../sandbox/webhooks/fire');
const { EVENTS } = require('../../sandbox/webhooks/events');
const { SIGNERS } = require('../../sandbox/webhooks/signers');

/** @typedef {import('n8n-workflow').IRun} IRun */

const URL_BASE = 'http://127.0.0.1:5678/webhook/b5a7e0d2-7f6c-4c43-9d5e-1f0a3c2b4d6e';
const SPOILED = ['unsigned', 'wrongSecret', 'tampered', 'stale', 'future'];

describe.each(Object.entries(TRIGGERS))('%s trigger', (provider, spec) => {
	const url = `${URL_BASE}/${spec.path}`;
	const trigger = (overrides = {}) =>
		createTrigger({
			type: spec.type,
			parameters: { events: ['*'] },
			credentials: spec.credentials,
			...overrides,
		});
	const call = (variant, event = EVENTS[provider]()) =>
		asRequest(spec.path, prepare({ provider, url, event, variant }));

	test('a genuine event starts one execution whose output is the event and its summary', async () => {
		const event = EVENTS[provider]();
		const outcome = await trigger().deliver(call('genuine', event));
		expect(outcome.started).toBe(true);
		expect(/** @type {IRun} */ (outcome.run).data.resultData.error).toBeUndefined();
		expect(outcome.output).toHaveLength(1);
		expect(outcome.output[0].json).toEqual({
			...spec.summary(event),
			verifiedBy: expect.any(String),
			event,
		});
	});

	test('the matrix: every genuine call accepted, every spoiled one it can detect refused with 401', async () => {
		const { deliver } = trigger();
		const verdicts = [];
		for (let round = 0; round < 5; round++) {
			for (const variant of ['genuine', ...SPOILED.filter((v) => spec.detects.includes(v))]) {
				const outcome = await deliver(call(variant));
				verdicts.push({ variant, started: outcome.started, status: outcome.status });
			}
		}
		const good = verdicts.filter((v) => v.variant === 'genuine');
		const bad = verdicts.filter((v) => v.variant !== 'genuine');
		expect(good.every((v) => v.started && v.status === 200)).toBe(true);
		expect(bad.length).toBeGreaterThan(0);
		expect(bad.filter((v) => v.started || v.status !== 401)).toEqual([]);
	});

	test('property: random events signed by the sandbox start one execution each; one changed byte, where the body is signed, starts none', async () => {
		const { deliver } = trigger();
		await fc.assert(
			fc.asyncProperty(
				fc.dictionary(fc.string(), fc.jsonValue()),
				fc.nat(),
				fc.integer({ min: 1, max: 255 }),
				async (extra, index, delta) => {
					const event = { ...EVENTS[provider](), extra };
					const prepared = prepare({ provider, url, event });
					const genuine = await deliver(asRequest(spec.path, prepared));
					expect(genuine.started).toBe(true);
					expect(genuine.output[0].json.event).toEqual(JSON.parse(prepared.body));
					if (!spec.detects.includes('tampered')) return;
					const request = asRequest(
						spec.path,
						prepare({ provider, url, event: EVENTS[provider]() }),
					);
					const at = index % request.rawBody.length;
					request.rawBody[at] = (request.rawBody[at] + delta) % 256;
					expect(await deliver(request)).toMatchObject({ started: false, status: 401 });
				},
			),
			{ numRuns: 40 },
		);
	});

	test('a forged signature or key (random, right shape) is refused', async () => {
		const request = call('genuine');
		for (const [name, value] of Object.entries(request.headers)) {
			if (/signature|api-key|x-secret/i.test(name)) {
				request.headers[name] = value.replace(/[A-Za-z0-9]/g, (c) => (c === 'A' ? 'B' : 'A'));
			}
		}
		request.params = Object.fromEntries(
			Object.entries(request.params).map(([k, v]) => [k, `${v}x`]),
		);
		const outcome = await trigger().deliver(request);
		expect(outcome).toMatchObject({ started: false, status: 401 });
	});

	test('a repeat of an accepted event starts nothing and is answered 200', async () => {
		const { deliver } = trigger();
		const event = EVENTS[provider]();
		const first = await deliver(call('genuine', event));
		const again = await deliver(call('genuine', event));
		expect(first.started).toBe(true);
		expect(again).toMatchObject({ started: false, status: 200 });
		const other = await deliver(call('genuine'));
		expect(other.started).toBe(true);
	});

	test('delivered all at once: 20 events × 5 copies, mixed with forged calls, start exactly 20 executions', async () => {
		const { deliver } = trigger();
		const events = Array.from({ length: 20 }, () => EVENTS[provider]());
		const calls = events.flatMap((event) => [
			...Array.from({ length: 5 }, () => call('genuine', event)),
			call('wrongSecret', event),
		]);
		const outcomes = await Promise.all(calls.map((request) => deliver(request)));
		const started = outcomes.filter((outcome) => outcome.started);
		expect(started).toHaveLength(20);
		expect(new Set(started.map((outcome) => outcome.output[0].json.eventId)).size).toBe(20);
		expect(outcomes.filter((outcome) => outcome.status === 401)).toHaveLength(20);
	});

	test('a repeat is run again once the window is over, or always when the window is 0', async () => {
		const event = EVENTS[provider]();
		const start = Date.now();
		jest.useFakeTimers({
			now: start,
			doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'],
		});
		try {
			const { deliver } = trigger({
				parameters: { events: ['*'], options: { repeatWindowMinutes: 60 } },
			});
			expect((await deliver(call('genuine', event))).started).toBe(true);
			jest.setSystemTime(start + 59 * 60_000);
			expect((await deliver(call('genuine', event))).started).toBe(false);
			jest.setSystemTime(start + 61 * 60_000);
			expect((await deliver(call('genuine', event))).started).toBe(true);
		} finally {
			jest.useRealTimers();
		}
		const off = trigger({ parameters: { events: ['*'], options: { repeatWindowMinutes: 0 } } });
		expect((await off.deliver(call('genuine', event))).started).toBe(true);
		expect((await off.deliver(call('genuine', event))).started).toBe(true);
	});

	test('a spoiled copy of an event does not use up its id: the genuine one still runs', async () => {
		const { deliver } = trigger();
		const event = EVENTS[provider]();
		for (const variant of SPOILED.filter((v) => spec.detects.includes(v))) {
			expect((await deliver(call(variant, event))).started).toBe(false);
		}
		expect((await deliver(call('genuine', event))).started).toBe(true);
	});

	test('events not selected in the node are answered 200 and start nothing', async () => {
		const { deliver } = trigger({ parameters: { events: ['no.such.event'] } });
		const outcome = await deliver(call('genuine'));
		expect(outcome).toMatchObject({ started: false, status: 200 });
	});

	test('a call without raw bytes cannot be verified and is refused', async () => {
		const outcome = await trigger().deliver({ ...call('genuine'), rawBody: undefined });
		expect(outcome).toMatchObject({ started: false, status: 401, body: { reason: 'noRawBody' } });
	});

	test('an empty credential refuses everything', async () => {
		const outcome = await trigger({ credentials: {} }).deliver(call('genuine'));
		expect(outcome).toMatchObject({
			started: false,
			status: 401,
			body: { reason: 'noSecretConfigured' },
		});
	});

	test('rotation: both the old and the new secret are accepted while both are configured', async () => {
		const { deliver } = trigger({ credentials: spec.rotation.credentials });
		for (const secret of spec.rotation.senderSecrets) {
			const prepared = SIGNERS[provider]({ url, body: JSON.stringify(EVENTS[provider]()), secret });
			expect((await deliver(asRequest(spec.path, prepared))).started).toBe(true);
		}
		const retired = await trigger({ credentials: spec.rotation.retired }).deliver(
			asRequest(
				spec.path,
				SIGNERS[provider]({
					url,
					body: JSON.stringify(EVENTS[provider]()),
					secret: spec.rotation.senderSecrets[0],
				}),
			),
		);
		expect(retired).toMatchObject({ started: false, status: 401 });
	});
});
