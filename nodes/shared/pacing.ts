import { sleep } from 'n8n-workflow';

const WINDOW_MS = 1000;
/** Above this share of 429s in a window the provider is really limiting us, not just hiccuping. */
const THROTTLED_SHARE = 0.1;

/**
 * Shares one request rate between all items of a run. It starts unlimited. Once a second
 * it looks back: when more than 10 % of the answers were 429, the rate becomes 95 % of what
 * actually succeeded in that second (the provider's real limit); a second without any 429
 * raises it by 10 %, and far above any limit it is lifted. A few scattered 429s change
 * nothing (each of those items just waits its Retry-After), so only a real limit slows the
 * run down, and a rate-limited run settles just under the limit instead of burning retries.
 */
export class Pacer {
	private rate = Number.POSITIVE_INFINITY;
	private nextStart = 0;
	private windowStart: number;
	private successes = 0;
	private throttled = 0;

	constructor(private readonly now: () => number = Date.now) {
		this.windowStart = now();
	}

	/** Requests per second currently allowed (Infinity when unlimited). */
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
		this.successes += 1;
		this.rollWindow();
	}

	onThrottled(): void {
		this.throttled += 1;
		this.rollWindow();
	}

	private rollWindow(): void {
		const now = this.now();
		const elapsed = now - this.windowStart;
		if (elapsed < WINDOW_MS) return;
		const answers = this.successes + this.throttled;
		if (this.throttled > answers * THROTTLED_SHARE) {
			this.rate = Math.max(1, ((this.successes * 1000) / elapsed) * 0.95);
		} else if (this.throttled === 0 && Number.isFinite(this.rate)) {
			this.rate = this.rate > 10_000 ? Number.POSITIVE_INFINITY : this.rate * 1.1;
		}
		this.windowStart = now;
		this.successes = 0;
		this.throttled = 0;
	}
}
