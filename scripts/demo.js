// @ts-check
'use strict';
// Builds the package, starts the provider sandbox and runs one update per provider through
// n8n's real workflow engine (n8n-core), printing what each node sent and got back.
// No account and no n8n server needed: `npm run demo`.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
execFileSync('npm', ['run', '--silent', 'build'], {
	cwd: root,
	stdio: ['ignore', 'ignore', 'inherit'],
});
process.env.CHECKOUT_NODES_ROOT = path.join(root, 'dist');

const { startSandbox, SEEDED } = require('../sandbox');
const { runNode } = require('../harness/engine');
const { sandboxCredentials } = require('../harness/providers');

const id = (value) => ({ __rl: true, mode: 'id', value });

const updates = [
	{
		type: 'sprintcheckout',
		parameters: {
			sessionId: id(SEEDED.sprintcheckout.updatable[0]),
			updateFields: { amount: 49.9, currency: 'EUR' },
		},
	},
	{
		type: 'speed',
		parameters: {
			checkoutSessionId: id(SEEDED.speed.updatable[0]),
			afterPayment: 'message',
			successMessage: 'Thanks for your order!',
			updateFields: { metadata: { pair: [{ key: 'orderId', value: 'A-1001' }] } },
		},
	},
	{
		type: 'yuno',
		parameters: {
			checkoutSessionId: id(SEEDED.yuno.updatable[0]),
			updateFields: { callbackUrl: 'https://shop.example/return' },
		},
	},
	{
		type: 'upag',
		parameters: {
			checkoutSessionId: id(`https://checkout.upag.io/${SEEDED.upag.updatable[0]}`),
			updateFields: {
				items: { item: [{ priceId: 'price_tshirt', quantity: 2 }] },
				paymentMethods: ['pix'],
			},
		},
	},
];

async function main() {
	const sandbox = await startSandbox({ port: 0 });
	console.log(`Provider sandbox on ${sandbox.url}\n`);
	const credentials = sandboxCredentials(sandbox);
	let failures = 0;
	try {
		for (const update of updates) {
			const before = sandbox.requests.length;
			const { output, error } = await runNode({ ...update, credentials: credentials[update.type] });
			console.log(`■ ${update.type}`);
			for (const request of sandbox.requests.slice(before)) {
				console.log(
					`  → ${request.method} ${request.path} ${request.body ? JSON.stringify(request.body) : ''}`,
				);
				console.log(`  ← ${request.status}`);
			}
			if (error) {
				failures += 1;
				console.log(`  ✖ ${error.message}`);
			} else {
				console.log(`  output: ${JSON.stringify(output[0].json)}`);
			}
			console.log('');
		}
	} finally {
		await sandbox.close();
	}
	process.exit(failures === 0 ? 0 : 1);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
