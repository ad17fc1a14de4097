// @ts-check
'use strict';

const FAULT_KINDS = [
	'500',
	'502',
	'503',
	'504',
	'429-seconds',
	'429-date',
	'429-none',
	'reset',
	'reset-after-apply',
	'hang',
	'malformed-json',
	'html',
	'bare-404',
];

// `hang` and `reset-after-apply` stall a client or change state, so random
// faults only use them when asked for by name.
const DEFAULT_RANDOM_KINDS = FAULT_KINDS.filter((k) => k !== 'hang' && k !== 'reset-after-apply');

// mulberry32: small, fast and deterministic for a given seed.
function prng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function assertKinds(kinds, what) {
	if (!Array.isArray(kinds)) throw new TypeError(`${what} must be an array of fault kinds`);
	for (const kind of kinds) {
		if (!FAULT_KINDS.includes(kind))
			throw new RangeError(
				`unknown fault kind "${kind}" in ${what}; known: ${FAULT_KINDS.join(', ')}`,
			);
	}
}

/** Decides which requests get a fault: first the scripted `sequence`, then `rate` at random. */
class FaultPlan {
	constructor({ rate = 0, kinds = DEFAULT_RANDOM_KINDS, seed = 1, sequence = [] } = {}) {
		if (!(rate >= 0 && rate <= 1)) throw new RangeError('faults.rate must be between 0 and 1');
		assertKinds(kinds, 'faults.kinds');
		assertKinds(sequence, 'faults.sequence');
		if (rate > 0 && kinds.length === 0) throw new RangeError('faults.kinds must not be empty');
		this.rate = rate;
		this.kinds = [...kinds];
		this.sequence = [...sequence];
		this.random = prng(seed);
	}

	next() {
		if (this.sequence.length > 0) return this.sequence.shift();
		if (this.rate === 0) return null;
		if (this.random() >= this.rate) return null;
		return this.kinds[Math.floor(this.random() * this.kinds.length)];
	}
}

const HTML_502 =
	'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';

module.exports = { FAULT_KINDS, DEFAULT_RANDOM_KINDS, FaultPlan, HTML_502 };
