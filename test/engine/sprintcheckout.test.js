const { SANDBOX_KEYS, SEEDED } = require('../../sandbox');
const { useSandboxEngine, id } = require('./sandboxRun');

const ctx = useSandboxEngine();
const [OPEN] = SEEDED.sprintcheckout.updatable;

describe('Sprintcheckout node in the engine, against the sandbox', () => {
	test('PUT /api/checkout/v2/payment_session with X-SC-ApiKey and the id in the body', async () => {
		const { output, error } = await ctx.run(
			'sprintcheckout',
			{
				sessionId: id(`https://app.sprintcheckout.com/?uid=${OPEN}`),
				updateFields: { amount: '={{ $json.total }}', currency: 'eur', editable: false, orderId: '={{ $json.order }}' },
			},
			[{ total: '49.90', order: 1001 }],
		);
		expect(error).toBeUndefined();
		const [request] = ctx.requests();
		expect(request).toMatchObject({ method: 'PUT', path: '/api/checkout/v2/payment_session' });
		expect(request.headers['x-sc-apikey']).toBe(SANDBOX_KEYS.sprintcheckout.apiKey);
		expect(request.body).toEqual({ sessionId: OPEN, amount: 49.9, currency: 'EUR', editable: false, orderId: '1001' });
		expect(output[0].json).toEqual({ sessionId: OPEN, redirectUrl: `https://app.sprintcheckout.com/?uid=${OPEN}` });
	});

	test('an unknown session gives the documented 500', async () => {
		const { error } = await ctx.run('sprintcheckout', { sessionId: id(SEEDED.sprintcheckout.unknown), updateFields: { concept: 'x' } });
		expect(error.httpCode).toBe('500');
		expect(error.message).toMatch(/^\[item 0\] Sprintcheckout answered 500/);
	});

	test('a wrong key gives 401 without the key in the error', async () => {
		const apiKey = 'sc_wrong_key_for_the_test';
		const { error } = await ctx.run('sprintcheckout', { sessionId: id(OPEN), updateFields: { concept: 'x' } }, [{}], {
			credentials: { apiKey },
		});
		expect(error.httpCode).toBe('401');
		expect(JSON.stringify(error)).not.toContain(apiKey);
	});

	test('a 2-letter currency is refused before sending', async () => {
		const { error } = await ctx.run('sprintcheckout', { sessionId: id(OPEN), updateFields: { currency: 'US' } });
		expect(error.message).toBe('[item 0] currency: must be a 3-letter code');
		expect(ctx.requests()).toEqual([]);
	});
});
