// @ts-check
'use strict';
// Queue mode: n8n main + one worker + Redis (Debian's redis-server). The webhook example is
// published; the main process receives the webhook and queues it, the worker runs it with
// the package's Yuno node. Both processes load the package from the same user folder (in a
// real deployment: install it on every worker too).
const fs = require('node:fs');
const path = require('node:path');

const { N8nInstance } = require('../../scripts/n8n/instance');
const { startRedis } = require('../../scripts/n8n/processes');
const {
	MISSING_SYSTEM_DEPS,
	OWNER,
	eventually,
	loadState,
	packagesUnderTest,
	postOrderUpdated,
	startSharedSandbox,
	which,
	wire,
} = require('./setup/context');

const WEBHOOK_EXAMPLE_ID = 'ExShopWebhook001';

let state;
let sandbox;
let redis;
let main;
let worker;

beforeAll(async () => {
	const redisServer = which('redis-server');
	if (!redisServer) throw new Error(`redis-server is not installed. ${MISSING_SYSTEM_DEPS}`);
	state = loadState();
	sandbox = await startSharedSandbox(state);
	redis = await startRedis({ logFile: path.join(state.logDir, 'redis.log'), redisServer });
	// A copy of the shared user folder made by globalSetup: the package installed as n8n does,
	// the sandbox credentials and the webhook example, published.
	const userFolder = state.queueUserFolder;
	const n8n = new N8nInstance({
		runtime: state.runtime,
		userFolder,
		filesDir: path.join(userFolder, 'files'),
		logDir: state.logDir,
		env: {
			...state.env,
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			QUEUE_BULL_PREFIX: 'checkout-sessions-e2e',
			// Main and worker share one SQLite file here; a production queue setup uses PostgreSQL.
		},
	});
	[main, worker] = await Promise.all([
		n8n.startMain({ logName: 'queue-main.log' }),
		n8n.startWorker({ logName: 'queue-worker.log' }),
	]);
	await main.rest.setupOwner(OWNER);
	await main.rest.signIn(OWNER);
	for (const { name } of packagesUnderTest()) {
		expect(
			fs.existsSync(path.join(userFolder, '.n8n', 'nodes', 'node_modules', name, 'package.json')),
		).toBe(true);
	}
});

afterAll(async () => {
	await Promise.all([worker?.stop(), main?.stop()]);
	await redis?.stop();
	await sandbox?.close();
});

test('a webhook received by the main process is executed by the worker with the package’s node', async () => {
	await postOrderUpdated(main.url, {
		id: 'order-3003',
		session: 'a0000000-0000-4000-8000-000000000002',
		total: 310.25,
		returnUrl: 'https://shop.example.com/orders/3003/return',
		email: 'queue@example.com',
		items: 5,
	});
	const patch = wire(sandbox).find((request) => request.method === 'PATCH');
	expect(patch).toMatchObject({
		provider: 'yuno',
		path: '/checkout/sessions/a0000000-0000-4000-8000-000000000002',
		status: 200,
		body: expect.objectContaining({
			merchant_order_id: 'order-3003',
			amount: { currency: 'BRL', value: 310.25 },
			metadata: [
				{ key: 'shop_order', value: 'order-3003' },
				{ key: 'customer_email', value: 'queue@example.com' },
				{ key: 'items', value: '5' },
			],
		}),
	});

	// The execution n8n recorded, and which process ran it.
	const list = await main.rest.ok(
		'GET',
		`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: WEBHOOK_EXAMPLE_ID }))}`,
	);
	expect(list.results).toHaveLength(1);
	const [execution] = list.results;
	expect(execution).toMatchObject({
		mode: 'webhook',
		status: 'success',
		workflowId: WEBHOOK_EXAMPLE_ID,
	});
	const workerLog = await eventually(
		() => fs.readFileSync(worker.logFile, 'utf8'),
		(log) =>
			expect(log).toMatch(new RegExp(`Worker finished execution ${execution.id} \\(job \\d+\\)`)),
	);
	expect(workerLog).toMatch(new RegExp(`Worker started execution ${execution.id} \\(job \\d+\\)`));
	expect(fs.readFileSync(main.logFile, 'utf8')).not.toMatch(/Worker started execution/);

	const details = await main.rest.ok('GET', `/rest/executions/${execution.id}`);
	expect(details.status).toBe('success');
	expect(details.data).toContain('order-3003');
	expect(details.data).toContain('Update checkout session');
});
