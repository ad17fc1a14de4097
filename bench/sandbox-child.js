'use strict';
// The provider sandbox in its own process, so the client's CPU and memory are measured alone.
const { startSandbox } = require('../sandbox');

startSandbox({ port: 0, record: false }).then((sandbox) => {
	process.on('message', (message) => {
		const { id, command, options } = message;
		if (command === 'configure') sandbox.configure(options);
		if (command === 'reset') sandbox.reset();
		if (command === 'close') {
			sandbox.close().then(() => process.exit(0));
			return;
		}
		const answer = command === 'timeline' ? sandbox.timeline : sandbox.stats;
		process.send({ id, stats: JSON.parse(JSON.stringify(answer)) });
	});
	process.send({ ready: true, baseUrls: sandbox.baseUrls });
});
