// @ts-check
'use strict';
// Runs one contender once, in a fresh process, and reports wall time, failures, CPU and peak memory.
const path = require('node:path');
const http = require('node:http');
const { performance } = require('node:perf_hooks');

process.env.CHECKOUT_NODES_ROOT = path.resolve(__dirname, '..', 'dist');
const axios = require('axios');
const { SANDBOX_KEYS, bulkSessionId } = require('../sandbox');
const { runNode } = require('../harness/engine');

const PACKAGE = 'n8n-nodes-checkout-sessions';

function items(provider, count) {
	return Array.from({ length: count }, (_, index) => ({
		session: bulkSessionId(provider, index),
		n: index,
	}));
}

/**
 * @typedef {object} Job what bench/run.js sends
 * @property {'ours' | 'httpRequestNode' | 'rawAxios'} contender
 * @property {string} [provider]
 * @property {boolean} [auto]
 * @property {number} count
 * @property {number} concurrency
 * @property {Record<string, string>} baseUrls
 */

const contenders = {
	/**
	 * Our node as a user configures it: id and one field from the incoming item; Auto or a fixed number in flight.
	 * @param {Job} job
	 */
	async ours({ provider, count, baseUrls, concurrency, auto }) {
		const parameters = {
			upag: {
				checkoutSessionId: { __rl: true, mode: 'id', value: '={{ $json.session }}' },
				updateFields: { successUrl: '={{ "https://shop.example/ok/" + $json.n }}' },
			},
			speed: {
				checkoutSessionId: { __rl: true, mode: 'id', value: '={{ $json.session }}' },
				afterPayment: 'redirect',
				successUrl: '={{ "https://shop.example/ok/" + $json.n }}',
			},
		}[provider];
		parameters.options = auto ? {} : { concurrency: 'fixed', maxConcurrentRequests: concurrency };
		const credentials = {
			upag: { token: SANDBOX_KEYS.upag.token, baseUrl: baseUrls.upag },
			speed: { secretKey: SANDBOX_KEYS.speed.secretKey, apiVersion: '', baseUrl: baseUrls.speed },
		}[provider];
		const { output, error } = await runNode({
			nodeType: `${PACKAGE}.${provider}`,
			parameters,
			items: items(provider, count),
			credentials,
			credentialType: `${provider}Api`,
			onError: 'continueRegularOutput',
		});
		if (error) return count;
		return output.filter((item) => item.json.error !== undefined).length;
	},

	/**
	 * n8n's HTTP Request node (v4.5, default options) doing the same Upag update with a Header Auth credential.
	 * @param {Job} job
	 */
	async httpRequestNode({ count, baseUrls }) {
		const { output, error } = await runNode({
			nodeType: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.5,
			parameters: {
				method: 'PUT',
				url: `=${baseUrls.upag}/checkout-sessions/{{ $json.session }}`,
				authentication: 'genericCredentialType',
				genericAuthType: 'httpHeaderAuth',
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ successUrl: "https://shop.example/ok/" + $json.n }) }}',
				options: {},
			},
			items: items('upag', count),
			credentials: { name: 'Authorization', value: `Bearer ${SANDBOX_KEYS.upag.token}` },
			credentialType: 'httpHeaderAuth',
		});
		// Without "Continue On Fail" one failed request fails the run: no item comes out.
		if (error) return count;
		return count - output.length;
	},

	/**
	 * A hand-written client: axios with keep-alive, the same number in flight as our node, no retries.
	 * @param {Job} job
	 */
	async rawAxios({ count, baseUrls, concurrency }) {
		const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
		const client = axios.create({
			baseURL: baseUrls.upag,
			httpAgent: agent,
			headers: { Authorization: `Bearer ${SANDBOX_KEYS.upag.token}` },
			validateStatus: () => true,
		});
		const list = items('upag', count);
		let next = 0;
		let failed = 0;
		async function worker() {
			while (next < list.length) {
				const item = list[next++];
				const response = await client
					.put(`/checkout-sessions/${item.session}`, {
						successUrl: `https://shop.example/ok/${item.n}`,
					})
					.catch(() => ({ status: 0 }));
				if (response.status !== 200) failed += 1;
			}
		}
		await Promise.all(Array.from({ length: concurrency }, worker));
		agent.destroy();
		return failed;
	},
};

// Protocol: the parent sends the job; the child warms up (200 items, so JIT and lazy loading
// are done) and says so; the parent resets the sandbox to the scenario and says go.
if (!process.send)
	throw new Error('bench/client-child.js is started by bench/run.js (IPC channel)');
const send = process.send.bind(process);
/** @type {Job} */
let job;
process.on('message', async (received) => {
	const message = /** @type {{ job?: Job, go?: true }} */ (received);
	if (message.job) {
		job = message.job;
		await contenders[job.contender]({ ...job, count: Math.min(200, job.count) });
		send({ warmedUp: true });
		return;
	}
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const failedItems = await contenders[job.contender](job);
	const wallMs = performance.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	send({
		wallMs: Math.round(wallMs),
		failedItems,
		cpuMsPerItem: (cpu.user + cpu.system) / 1000 / job.count,
		peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
		processCpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
	});
	process.exit(0);
});
