// @ts-check
'use strict';
const fc = require('fast-check');
const {
	safeEqual,
	anyMatch,
	checkReceived,
	checkTimestamp,
	configuredSecrets,
	hmacSha256,
} = require('../../nodes/shared/webhookVerify');
const {
	RecentEvents,
	recentEventsOf,
	EVENTS_PER_NODE,
	MAX_NODES,
} = require('../../nodes/shared/webhookDedup');
const { textAt } = require('../../nodes/shared/webhookTrigger');

describe('safeEqual / anyMatch', () => {
	test('equal values of any length match; any other value does not', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }), (a, b) => {
				const left = Buffer.from(a);
				const right = Buffer.from(b);
				expect(safeEqual(left, Buffer.from(a))).toBe(true);
				expect(safeEqual(left, right)).toBe(left.equals(right));
			}),
		);
	});

	test('a prefix, an extension or one flipped bit never matches', () => {
		const value = Buffer.from('v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=');
		expect(safeEqual(value, value.subarray(0, value.length - 1))).toBe(false);
		expect(safeEqual(value, Buffer.concat([value, Buffer.from('=')]))).toBe(false);
		for (let i = 0; i < value.length * 8; i++) {
			const flipped = Buffer.from(value);
			flipped[i >> 3] ^= 1 << (i & 7);
			expect(safeEqual(value, flipped)).toBe(false);
		}
	});

	test('anyMatch: true when one pair matches, whichever position it is in', () => {
		expect(anyMatch(['a', 'b'], ['x', 'b'])).toBe(true);
		expect(anyMatch(['a'], ['x', 'y', 'a'])).toBe(true);
		expect(anyMatch(['a', 'b'], ['x', 'y'])).toBe(false);
		expect(anyMatch([], ['a'])).toBe(false);
		expect(anyMatch(['a'], [])).toBe(false);
	});

	test('checkReceived: nothing expected, nothing received, a wrong value, a right one', () => {
		expect(checkReceived([], 'key')).toBe('noSecretConfigured');
		expect(checkReceived(['key'], undefined)).toBe('missingSignature');
		expect(checkReceived(['key'], '')).toBe('missingSignature');
		expect(checkReceived(['key', 'old key'], 'other')).toBe('signatureMismatch');
		expect(checkReceived(['key', 'old key'], 'old key')).toBeUndefined();
	});

	test('hmacSha256 is RFC 4231 test case 2', () => {
		const mac = hmacSha256(Buffer.from('Jefe'), Buffer.from('what do ya want for nothing?'));
		expect(mac.toString('hex')).toBe(
			'5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
		);
	});
});

describe('checkTimestamp', () => {
	const now = 1_764_650_000_000;
	const seconds = (offset) => String(Math.floor(now / 1000) + offset);

	test('inside the tolerance, past or future: accepted; the edges included', () => {
		for (const offset of [0, -1, 1, -300, 300])
			expect(checkTimestamp(seconds(offset), now, 300)).toBeUndefined();
	});

	test('beyond it: stale or future', () => {
		expect(checkTimestamp(seconds(-301), now, 300)).toBe('staleTimestamp');
		expect(checkTimestamp(seconds(301), now, 300)).toBe('futureTimestamp');
		expect(checkTimestamp('0', now, 300)).toBe('staleTimestamp');
	});

	test('missing or not whole seconds: refused', () => {
		expect(checkTimestamp(undefined, now, 300)).toBe('missingTimestamp');
		expect(checkTimestamp('', now, 300)).toBe('missingTimestamp');
		for (const bad of ['1.5', '-1', '1e9', ' 1764650000', '0x10', String(now) + '000']) {
			expect(checkTimestamp(bad, now, 300)).toBe('invalidTimestamp');
		}
	});
});

describe('RecentEvents', () => {
	test('a repeat inside the window is caught, after it is not', () => {
		const recent = new RecentEvents(10);
		expect(recent.isRepeat('evt_1', 0, 1000)).toBe(false);
		expect(recent.isRepeat('evt_1', 999, 1000)).toBe(true);
		expect(recent.isRepeat('evt_1', 1000, 1000)).toBe(false);
		expect(recent.isRepeat('evt_1', 1500, 1000)).toBe(true);
	});

	test('never holds more than its capacity; the oldest go first', () => {
		const recent = new RecentEvents(100);
		for (let i = 0; i < 1000; i++) recent.isRepeat(`evt_${i}`, i, 1e9);
		expect(recent.size).toBe(100);
		expect(recent.isRepeat('evt_999', 1000, 1e9)).toBe(true);
		expect(recent.isRepeat('evt_899', 1000, 1e9)).toBe(false);
	});

	test('ids older than the window are dropped as new ones come', () => {
		const recent = new RecentEvents(100);
		for (let i = 0; i < 50; i++) recent.isRepeat(`old_${i}`, 0, 1000);
		recent.isRepeat('new', 5000, 1000);
		expect(recent.size).toBe(1);
	});

	test('matches a model (a plain list) on random sequences', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 50 })), {
					maxLength: 200,
				}),
				fc.integer({ min: 1, max: 8 }),
				(steps, capacity) => {
					const recent = new RecentEvents(capacity);
					let model = [];
					let now = 0;
					for (const [id, advance] of steps) {
						now += advance;
						const key = `e${id}`;
						const alive = model.filter((entry) => now - entry.at < 100);
						const expected = alive.some((entry) => entry.key === key);
						expect(recent.isRepeat(key, now, 100)).toBe(expected);
						if (!expected)
							model = [...alive.filter((e) => e.key !== key), { key, at: now }].slice(-capacity);
						else model = alive;
						expect(recent.size).toBeLessThanOrEqual(capacity);
					}
				},
			),
		);
	});

	test('at most MAX_NODES windows: the least recently used node is forgotten first', () => {
		recentEventsOf('lru:keep').isRepeat('evt', 0, 1e9);
		recentEventsOf('lru:drop').isRepeat('evt', 0, 1e9);
		for (let i = 0; i < MAX_NODES - 2; i++) recentEventsOf(`lru:filler-${i}`);
		recentEventsOf('lru:keep');
		recentEventsOf('lru:one-more');
		expect(recentEventsOf('lru:keep').isRepeat('evt', 1, 1e9)).toBe(true);
		expect(recentEventsOf('lru:drop').isRepeat('evt', 1, 1e9)).toBe(false);
	});

	test('re-accepted ids and long runs keep the size exact (stale entries are skipped)', () => {
		const recent = new RecentEvents(3);
		for (let round = 0; round < 3000; round++) {
			const now = round * 10;
			recent.isRepeat(`e${round % 5}`, now, 25);
			expect(recent.size).toBeLessThanOrEqual(3);
		}
		expect(recent.isRepeat('e4', 29990 + 5, 25)).toBe(true);
	});

	test('one window per node: the same id at two nodes is not a repeat', () => {
		expect(recentEventsOf('wf:a').isRepeat('evt', 0, 1000)).toBe(false);
		expect(recentEventsOf('wf:b').isRepeat('evt', 0, 1000)).toBe(false);
		expect(recentEventsOf('wf:a').isRepeat('evt', 1, 1000)).toBe(true);
		expect(recentEventsOf('wf:a').capacity).toBe(EVENTS_PER_NODE);
	});
});

describe('configuredSecrets / textAt', () => {
	test('only non-empty strings count as secrets', () => {
		expect(configuredSecrets('a', '', undefined, null, 3, 'b')).toEqual(['a', 'b']);
	});

	test('textAt reads nested text and numbers, nothing else', () => {
		const event = { a: { b: 'x', n: 4, o: {}, l: [1] }, e: '' };
		expect(textAt(event, 'a.b')).toBe('x');
		expect(textAt(event, 'a.n')).toBe('4');
		expect(textAt(event, 'a.o')).toBeUndefined();
		expect(textAt(event, 'a.l.0')).toBeUndefined();
		expect(textAt(event, 'e')).toBeUndefined();
		expect(textAt(event, 'a.b.c')).toBeUndefined();
	});
});

test('textAt reads only through objects: not into arrays, not through null', () => {
	expect(textAt({ data: ['x'] }, 'data.0')).toBeUndefined();
	expect(textAt({ data: null }, 'data.id')).toBeUndefined();
	expect(textAt({ data: 'text' }, 'data.length')).toBeUndefined();
	expect(textAt({ data: { id: 'cs_1' } }, 'data.id')).toBe('cs_1');
});
