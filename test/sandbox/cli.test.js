// @ts-check
'use strict';

const axios = require('axios').default;
const { SANDBOX_KEYS } = require('../../sandbox');
const { listeningUrl, runCli } = require('./helpers');

describe('sandbox CLI', () => {
	test('--port 0 starts, prints base URLs and keys, serves requests, and stops on SIGINT', async () => {
		const cli = runCli(
			'--port 0 --latency-ms 1 --rate-limit 50 --retry-after date --faults 0'.split(' '),
		);
		const out = await cli.printed('Press Ctrl-C to stop.');
		const url = listeningUrl(out);
		for (const base of ['/sprintcheckout', '/speed', '/yuno/v1', '/upag/v1'])
			expect(out).toContain(`${url}${base}\n`);
		expect(out).toContain(SANDBOX_KEYS.speed.secretKey);
		expect(out).toContain(SANDBOX_KEYS.yuno.accountId);
		expect(out).toContain('rate limit 50 rps (burst 50, Retry-After date)');

		const res = await axios.get(`${url}/upag/v1/checkout-sessions/cs_open_1`, {
			headers: { Authorization: `Bearer ${SANDBOX_KEYS.upag.token}` },
		});
		expect(res.data).toMatchObject({ id: 'cs_open_1', status: 'open' });

		cli.child.kill('SIGINT');
		const { code, stdout } = await cli.exited;
		expect(code).toBe(0);
		expect(stdout).toContain('Sandbox stopped after 1 request(s).');
	});

	test('takes the port from SANDBOX_PORT', async () => {
		const cli = runCli([], { SANDBOX_PORT: '0' });
		const out = await cli.printed('Press Ctrl-C to stop.');
		expect(out).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
		expect(out).not.toContain(':4010');
		cli.child.kill('SIGTERM');
		expect((await cli.exited).code).toBe(0);
	});

	test('refuses unknown options with exit code 1', async () => {
		const { code, stderr } = await runCli(['--port', '0', '--fast']).exited;
		expect(code).toBe(1);
		expect(stderr).toBe('sandbox: unknown option --fast\n');
	});
});
