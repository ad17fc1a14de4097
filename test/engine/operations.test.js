// @ts-check
/*
 * Issue 12 through n8n's engine against the sandbox: Create, Get and Get Payment Methods beside
 * Update; a create is never sent twice after the provider may have applied it; Dry Run sends
 * nothing and shows exactly what a real run sends.
 */
const { SANDBOX_KEYS, SEEDED } = require('../../sandbox');
const { useSandboxEngine, id } = require('./sandboxRun');

const ctx = useSandboxEngine();
const YUNO_OPEN = SEEDED.yuno.updatable[0];
const UPAG_OPEN = SEEDED.upag.updatable[0];

const created = (provider, before) =>
	ctx.sandbox.sessionIds(provider).filter((sessionId) => !before.includes(sessionId));

/** Runs the provider's node once; the run must succeed. Gives the first output item's JSON. */
async function firstOutput(provider, parameters) {
	const { output, error } = await ctx.run(provider, parameters);
	expect(error).toBeUndefined();
	return output[0].json;
}

/**
 * Runs the provider's create (CREATES); it must succeed. Gives the answer, the request the
 * sandbox received and the sessions the create added.
 */
async function createSession(provider) {
	const before = ctx.sandbox.sessionIds(provider);
	const answer = await firstOutput(provider, CREATES[provider]);
	return { answer, request: ctx.requests()[0], added: created(provider, before) };
}

/** Updates a session by its id; the update must succeed. Gives the answer. */
const updateSession = (provider, sessionId, updateFields) =>
	firstOutput(provider, { operation: 'update', checkoutSessionId: id(sessionId), updateFields });

const CREATES = {
	yuno: {
		resource: 'checkoutSession',
		operation: 'create',
		merchantOrderId: 'order-1001',
		paymentDescription: 'Two T-shirts',
		country: 'MX',
		additionalFields: {
			amount: { amount: { currency: 'mxn', value: 520.5 } },
			callbackUrl: 'https://shop.example/return',
			metadata: { pair: [{ key: 'channel', value: 'n8n' }] },
		},
	},
	speed: {
		resource: 'checkoutSession',
		operation: 'create',
		amount: 25,
		currency: 'usd',
		additionalFields: { ttl: 900, targetCurrency: 'SATS' },
	},
	sprintcheckout: {
		resource: 'checkoutSession',
		operation: 'create',
		amount: 100.5,
		currency: 'USD',
		additionalFields: {
			orderType: 'STATIC',
			orderId: 'inv-00010',
			successUrl: 'https://shop.example/ok',
		},
	},
};

describe('Create, Get and Get Payment Methods through the engine', () => {
	test('Yuno: a created session can be got, its payment methods listed, and updated', async () => {
		const before = ctx.sandbox.sessionIds('yuno');
		const made = await ctx.run('yuno', CREATES.yuno);
		expect(made.error).toBeUndefined();
		const [post] = ctx.requests();
		expect(post).toMatchObject({ method: 'POST', path: '/checkout/sessions' });
		expect(post.body).toEqual({
			merchant_order_id: 'order-1001',
			payment_description: 'Two T-shirts',
			country: 'MX',
			account_id: SANDBOX_KEYS.yuno.accountId,
			callback_url: 'https://shop.example/return',
			amount: { currency: 'MXN', value: 520.5 },
			metadata: [{ key: 'channel', value: 'n8n' }],
		});
		const sessionId = made.output[0].json.checkout_session;
		expect(created('yuno', before)).toEqual([sessionId]);

		const got = await firstOutput('yuno', {
			resource: 'checkoutSession',
			operation: 'get',
			checkoutSessionId: id(sessionId),
		});
		expect(got).toMatchObject({
			merchant_order_id: 'order-1001',
			country: 'MX',
			used: false,
		});

		const methods = await firstOutput('yuno', {
			resource: 'checkoutSession',
			operation: 'getPaymentMethods',
			checkoutSessionId: id(sessionId),
		});
		expect(methods.checkout_session).toBe(sessionId);
		expect(methods.payment_methods.map((method) => method.type)).toEqual(['CARD']);

		const updated = await updateSession('yuno', sessionId, {
			paymentDescription: 'Three T-shirts',
		});
		expect(updated).toMatchObject({
			checkout_session: sessionId,
			payment_description: 'Three T-shirts',
		});
	});

	test('Yuno Get Payment Methods: the category filter goes in the query', async () => {
		const { output, error } = await ctx.run('yuno', {
			resource: 'checkoutSession',
			operation: 'getPaymentMethods',
			checkoutSessionId: id(YUNO_OPEN),
			filters: { category: 'BANK_TRANSFER' },
		});
		expect(error).toBeUndefined();
		expect(ctx.requests()[0].query).toEqual({ category: 'BANK_TRANSFER' });
		expect(output[0].json.payment_methods.map((method) => method.type)).toEqual(['PIX']);
	});

	test('Yuno Create: required fields are checked before anything is sent, each named', async () => {
		const { error } = await ctx.run('yuno', {
			resource: 'checkoutSession',
			operation: 'create',
			merchantOrderId: 'ab',
			paymentDescription: 'x'.repeat(256),
			country: 'BR',
		});
		expect(error.message).toMatch(/^\[item 0\] /);
		expect(error.message).toMatch(
			/Merchant Order ID \(merchantOrderId\): must be at least 3 characters/,
		);
		expect(error.message).toMatch(
			/Payment Description \(paymentDescription\): must be at most 255 characters/,
		);
		expect(ctx.requests()).toEqual([]);
	});

	test('a Get needs no field besides the session (no "nothing to update"), and an unknown one is the provider\'s answer', async () => {
		const { error } = await ctx.run('yuno', {
			resource: 'checkoutSession',
			operation: 'get',
			checkoutSessionId: id(SEEDED.yuno.unknown),
		});
		expect(error.message).toMatch(/^\[item 0\] Yuno answered 400 CHECKOUT_SESSION_NOT_FOUND/);
	});

	test('Upag Get: by ID and by checkout URL, the same session', async () => {
		const byId = await ctx.run('upag', {
			resource: 'checkoutSession',
			operation: 'get',
			checkoutSessionId: id(UPAG_OPEN),
		});
		const byUrl = await ctx.run('upag', {
			resource: 'checkoutSession',
			operation: 'get',
			checkoutSessionId: {
				__rl: true,
				mode: 'url',
				value: `https://checkout.upag.io/${UPAG_OPEN}`,
			},
		});
		expect(byId.error).toBeUndefined();
		expect(byUrl.error).toBeUndefined();
		expect(byId.output[0].json).toMatchObject({ id: UPAG_OPEN, status: 'open' });
		expect(byUrl.output[0].json).toEqual(byId.output[0].json);
		expect(ctx.requests().map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /checkout-sessions/${UPAG_OPEN}`,
			`GET /checkout-sessions/${UPAG_OPEN}`,
		]);
	});

	test('Speed Create: POST /checkout-sessions with the documented snake_case fields', async () => {
		const { answer, request, added } = await createSession('speed');
		expect(request).toMatchObject({
			method: 'POST',
			path: '/checkout-sessions',
			body: { amount: 25, currency: 'USD', ttl: 900, target_currency: 'SATS' },
		});
		expect(added).toEqual([answer.id]);
		expect(answer).toMatchObject({ status: 'active', amount: 25 });
	});

	test('Speed Create: a ttl under 300 seconds is refused locally', async () => {
		const { error } = await ctx.run('speed', { ...CREATES.speed, additionalFields: { ttl: 299 } });
		expect(error.message).toMatch(/Time to Live in Seconds \(ttl\): must be 300 or more/);
		expect(ctx.requests()).toEqual([]);
	});

	test('Sprintcheckout Create: POST /api/checkout/v2/payment_session answers 201 {sessionId, redirectUrl}', async () => {
		const { answer, request, added } = await createSession('sprintcheckout');
		expect(request).toMatchObject({
			method: 'POST',
			path: '/api/checkout/v2/payment_session',
			body: {
				amount: 100.5,
				currency: 'USD',
				orderType: 'STATIC',
				orderId: 'inv-00010',
				successUrl: 'https://shop.example/ok',
			},
		});
		expect(added).toEqual([answer.sessionId]);
		expect(answer.redirectUrl).toContain(answer.sessionId);
	});
});

describe('a created session lives on in the sandbox: it can be updated', () => {
	test('Speed: create, then update the new session by its id', async () => {
		const made = await ctx.run('speed', CREATES.speed);
		const sessionId = made.output[0].json.id;
		const updated = await updateSession('speed', sessionId, { title: 'Order 1001' });
		expect(updated).toMatchObject({
			id: sessionId,
			title: 'Order 1001',
			amount: 25,
		});
	});

	test('Sprintcheckout: create, then update the new session by its redirect URL', async () => {
		const made = await ctx.run('sprintcheckout', CREATES.sprintcheckout);
		const { sessionId, redirectUrl } = made.output[0].json;
		const updated = await ctx.run('sprintcheckout', {
			operation: 'update',
			sessionId: { __rl: true, mode: 'url', value: redirectUrl },
			updateFields: { amount: 80 },
		});
		expect(updated.error).toBeUndefined();
		expect(ctx.requests().at(-1).body).toEqual({ sessionId, amount: 80 });
		expect(ctx.sandbox.session('sprintcheckout', sessionId)).toMatchObject({
			amount: 80,
			orderId: 'inv-00010',
		});
	});
});

describe('a create is never sent twice once it may have reached the provider', () => {
	test.each(['yuno', 'speed', 'sprintcheckout'])(
		'%s: the connection drops after the sandbox applied the create: exactly one session, and the item says why it was not resent',
		async (provider) => {
			ctx.sandbox.configure({ faults: { sequence: ['reset-after-apply'] } });
			const before = ctx.sandbox.sessionIds(provider);
			const { error } = await ctx.run(provider, {
				...CREATES[provider],
				options: { maxRetries: 5, maxRetryWait: 1 },
			});
			expect(created(provider, before)).toHaveLength(1);
			expect(ctx.requests()).toHaveLength(1);
			expect(error.description).toMatch(
				/not sent again, since a second request could create a second checkout session/,
			);
		},
	);

	test('a gateway error (502) on a create is not retried either; on a Get it is', async () => {
		ctx.sandbox.configure({ faults: { sequence: ['502'] } });
		const create = await ctx.run('yuno', { ...CREATES.yuno, options: { maxRetryWait: 1 } });
		expect(create.error.message).toMatch(/Yuno answered 502/);
		expect(ctx.requests()).toHaveLength(1);
		ctx.sandbox.reset();
		ctx.sandbox.configure({ faults: { sequence: ['502', 'reset'] } });
		const get = await ctx.run('yuno', {
			resource: 'checkoutSession',
			operation: 'get',
			checkoutSessionId: id(YUNO_OPEN),
			options: { maxRetryWait: 5 },
		});
		expect(get.error).toBeUndefined();
		expect(ctx.requests()).toHaveLength(3);
	});
});

describe('Dry Run', () => {
	/** The recorded request in the shape of a dry run's output (headers: only those the dry run names). */
	function asSent(request, names) {
		const headers = Object.fromEntries(
			names.map((name) => [name, request.headers[name.toLowerCase()]]),
		);
		return {
			method: request.method,
			url: `${ctx.sandbox.url}${request.url}`,
			headers,
			body: request.body,
		};
	}
	const secretsOf = (provider) => {
		const { accountId, ...keyFields } = SANDBOX_KEYS[provider];
		const keys = Object.values(keyFields).filter((value) => typeof value === 'string');
		return keys.flatMap((key) => [key, Buffer.from(`${key}:`).toString('base64')]);
	};

	/** @type {Array<[string, string, import('n8n-workflow').IDataObject]>} provider, operation, parameters */
	const WRITES = [
		['yuno', 'create', CREATES.yuno],
		['speed', 'create', CREATES.speed],
		['sprintcheckout', 'create', CREATES.sprintcheckout],
		[
			'yuno',
			'update',
			{
				operation: 'update',
				checkoutSessionId: id(YUNO_OPEN),
				updateFields: { merchantOrderId: 'order-9', paymentDescription: 'Dry', country: 'BR' },
			},
		],
		[
			'upag',
			'update',
			{
				operation: 'update',
				checkoutSessionId: id(UPAG_OPEN),
				updateFields: { successUrl: 'https://shop.example/ok' },
			},
		],
		[
			'speed',
			'update',
			{
				operation: 'update',
				checkoutSessionId: id(SEEDED.speed.updatable[0]),
				updateFields: { title: 'Dry run' },
			},
		],
		[
			'sprintcheckout',
			'update',
			{
				operation: 'update',
				sessionId: id(SEEDED.sprintcheckout.updatable[0]),
				updateFields: { orderId: 'order-9' },
			},
		],
	];

	test.each(WRITES)(
		'%s %s: nothing reaches the sandbox, and the output is exactly what a real run sends, keys masked',
		async (provider, _operation, parameters) => {
			const dry = await ctx.run(provider, { ...parameters, options: { dryRun: true } });
			expect(dry.error).toBeUndefined();
			expect(ctx.requests()).toEqual([]);
			const shown = dry.output[0].json;
			expect(shown.dryRun).toBe(true);
			const text = JSON.stringify(shown);
			for (const secret of secretsOf(provider)) expect(text).not.toContain(secret);

			const real = await ctx.run(provider, parameters);
			expect(real.error).toBeUndefined();
			const [sent] = ctx.requests();
			const names = Object.keys(shown.headers);
			const recorded = asSent(sent, names);
			// The recorded headers carry the real keys where the dry run shows them masked.
			for (const name of names) {
				const masked = secretsOf(provider).reduce(
					(value, secret) => value.split(secret).join('[redacted]'),
					recorded.headers[name],
				);
				recorded.headers[name] = masked;
			}
			const { dryRun, ...request } = shown;
			expect(request).toEqual(recorded);
			expect(names.length).toBeGreaterThan(0);
		},
	);

	test('a Yuno update that would read the session first is refused with the way out, and sends nothing', async () => {
		const { error } = await ctx.run('yuno', {
			operation: 'update',
			checkoutSessionId: id(YUNO_OPEN),
			updateFields: { workflow: 'CHECKOUT' },
			options: { dryRun: true },
		});
		expect(error.message).toMatch(
			/^\[item 0\] .*Dry Run sends nothing, not even the read of \/checkout\/sessions\//,
		);
		expect(ctx.requests()).toEqual([]);
	});

	test('Dry Run does not apply to reads: a Get with it on still gets the session', async () => {
		const { output, error } = await ctx.run('upag', {
			resource: 'checkoutSession',
			operation: 'get',
			checkoutSessionId: id(UPAG_OPEN),
			options: { dryRun: true },
		});
		expect(error).toBeUndefined();
		expect(output[0].json.id).toBe(UPAG_OPEN);
		expect(ctx.requests()).toHaveLength(1);
	});
});
