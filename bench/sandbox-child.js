// @ts-check
'use strict';
// The provider sandbox in its own process, so the client's CPU and memory are measured alone.
const { startSandbox } = require('../sandbox');

if (!process.send)
	throw new Error('bench/sandbox-child.js is started by bench/run.js (IPC channel)');
const send = process.send.bind(process);

startSandbox({ port: 0, record: false }).then((sandbox) => {
	process.on('message', (message) => {
		const { id, command, options } =
			/** @type {{ id?: number, command: string, options?: any }} */ (message);
		if (command === 'configure') sandbox.configure(options);
		if (command === 'reset') sandbox.reset();
		if (command === 'close') {
			sandbox.close().then(() => process.exit(0));
			return;
		}
		const answer = command === 'timeline' ? sandbox.timeline : sandbox.stats;
		send({ id, stats: JSON.parse(JSON.stringify(answer)) });
	});
	send({ ready: true, baseUrls: sandbox.baseUrls });
});
