import { sleep } from 'n8n-workflow';

/**
 * Shares one request rate between all items of a run. It starts unlimited; the first 429
 * sets the rate to what actually succeeded in the last second, later 429s cut it by 15 %
 * (at most once a second, since one overload answers several requests at once), and every
 * success adds a little back (additive increase, multiplicative decrease). A rate-limited
 * run therefore settles just under the provider's limit instead of burning retries.
 */
export class Pacer {
	private rate = Number.POSITIVE_INFINITY;
	private nextStart = 0;
	private lastCut = 0;
	private readonly recentSuccesses: number[] = [];

	constructor(private readonly now: () => number = Date.now) {}

	/** Requests per second currently allowed (Infinity when no 429 has been seen). */
	get currentRate(): number {
		return this.rate;
	}

	async waitForTurn(): Promise<void> {
		if (!Number.isFinite(this.rate)) return;
		const now = this.now();
		const start = Math.max(now, this.nextStart);
		this.nextStart = start + 1000 / this.rate;
		if (start > now) await sleep(start - now);
	}

	onSuccess(): void {
		if (Number.isFinite(this.rate)) {
			this.rate += 1 / this.rate;
			return;
		}
		const now = this.now();
		this.recentSuccesses.push(now);
		while (this.recentSuccesses.length > 0 && this.recentSuccesses[0] < now - 1000) {
			this.recentSuccesses.shift();
		}
	}

	onThrottled(): void {
		const now = this.now();
		if (!Number.isFinite(this.rate)) {
			this.rate = Math.max(1, this.recentSuccesses.length);
			this.recentSuccesses.length = 0;
			this.lastCut = now;
			return;
		}
		if (now - this.lastCut < 1000) return;
		this.rate = Math.max(1, this.rate * 0.85);
		this.lastCut = now;
	}
}
