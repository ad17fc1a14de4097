import type { IDataObject, INode } from 'n8n-workflow';

import { FAILURE_CODES, setupError } from './errors';

/** Where Auto starts: low enough for a small provider, and one doubling from 8. */
export const AUTO_START = 4;
/**
 * The most Auto ever allows. Measured (BENCHMARKS.md): at 150 ms latency one n8n process is
 * CPU-bound on n8n's per-item work at about 60 requests in flight, so more would only queue
 * answers inside n8n.
 */
export const AUTO_CEILING = 64;
/**
 * A round whose median latency stays below this multiple of the lowest round median lets Auto
 * grow. Not closer to 1: the latency is measured inside n8n, and a busy n8n process delays
 * answers by itself. Measured at 150 ms on a loaded machine, 1,000 updates took 15.4 s with 16
 * in flight and 9.9 s with 64, although answers then took 3.6 × their minimum to be read.
 */
const GROW_BELOW = 2;
/** Above this multiple the provider (or n8n itself) is queueing: Auto shrinks. */
const SHRINK_ABOVE = 3;
/** Latencies under this are treated as this: on a local network 1 ms against 2 ms is noise. */
const LATENCY_FLOOR_MS = 5;

/** Answers that say "too much": rate limited, or a gateway in front of a saturated server. */
const OVERLOAD_STATUS = new Set([429, 502, 503, 504]);

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** What the transport reports for each attempt: its HTTP status, or that it timed out. */
export interface Answer {
	latencyMs: number;
	status: number | 'timeout';
}

export interface LimitChange {
	/** Milliseconds since the controller was created. */
	at: number;
	limit: number;
	reason: 'start' | 'grow' | 'hold' | 'overload' | 'latency';
}

/**
 * Adaptive concurrency (Auto): how many items may be in flight, learned from the answers.
 *
 * The answers are taken in rounds of as many answers as the current limit (about one round
 * trip). The round's median latency (a few answers delayed by a busy n8n process do not move
 * it) is compared with the lowest round median seen so far:
 * - any 429/502/503/504 or timeout in the round halves the limit (the provider said "too much");
 * - else, below 2 × the lowest, the limit doubles at first (until the first sign of
 *   trouble) and then grows by one per round;
 * - above 3 × the lowest it shrinks in proportion: the provider, or this n8n process, is
 *   queueing and more in flight would only wait longer.
 * At a limit of 1 nothing of ours queues, so a latency still read as high means the lowest
 * median is stale (the provider got slower for good): the current one replaces it and Auto
 * starts over. The limit stays between 1 and the ceiling. The clock only timestamps changes.
 */
export class AdaptiveConcurrency {
	private level = AUTO_START;
	private lowest = Number.POSITIVE_INFINITY;
	private startingUp = true;
	private roundAnswers = 0;
	private roundLatencies: number[] = [];
	private roundOverloaded = false;
	private readonly startedAt: number;
	/** Every change of the limit, for charts and tests. */
	readonly changes: LimitChange[] = [];

	constructor(
		readonly ceiling: number = AUTO_CEILING,
		private readonly now: () => number = Date.now,
	) {
		this.startedAt = now();
		this.level = Math.min(AUTO_START, ceiling);
		this.record('start');
	}

	get limit(): number {
		return Math.max(1, Math.min(this.ceiling, Math.floor(this.level)));
	}

	onAnswer(answer: Answer): void {
		if (answer.status === 'timeout' || OVERLOAD_STATUS.has(answer.status)) {
			this.roundOverloaded = true;
		} else {
			this.roundLatencies.push(Math.max(LATENCY_FLOOR_MS, answer.latencyMs));
		}
		this.roundAnswers += 1;
		if (this.roundAnswers >= this.limit) this.endRound();
	}

	private endRound(): void {
		const before = this.limit;
		let reason: LimitChange['reason'] = 'hold';
		if (this.roundOverloaded) {
			this.level = Math.max(1, this.level / 2);
			this.startingUp = false;
			reason = 'overload';
		} else if (this.roundLatencies.length > 0) {
			const typical = median(this.roundLatencies);
			this.lowest = Math.min(this.lowest, typical);
			const ratio = typical / this.lowest;
			if (ratio > SHRINK_ABOVE && this.limit === 1) {
				this.lowest = typical;
				this.startingUp = true;
			} else if (ratio > SHRINK_ABOVE) {
				this.level = Math.max(1, (this.level * SHRINK_ABOVE) / ratio);
				this.startingUp = false;
				reason = 'latency';
			} else if (ratio < GROW_BELOW) {
				this.level = Math.min(this.ceiling, this.startingUp ? this.level * 2 : this.level + 1);
				reason = 'grow';
			}
		}
		this.roundAnswers = 0;
		this.roundLatencies = [];
		this.roundOverloaded = false;
		if (this.limit !== before) this.record(reason);
	}

	private record(reason: LimitChange['reason']): void {
		this.changes.push({ at: this.now() - this.startedAt, limit: this.limit, reason });
	}
}

export type ConcurrencySetting =
	| { mode: 'auto'; ceiling: number }
	| { mode: 'fixed'; limit: number };

/**
 * How the run limits requests in flight. "Concurrency" Auto (the default) adapts, up to "Max
 * Concurrent Requests" when that is set, else up to the ceiling; Fixed keeps exactly
 * "Max Concurrent Requests". A workflow saved before Auto existed has a number and no
 * "Concurrency": it keeps its fixed number.
 */
export function concurrencySetting(
	node: INode,
	options: IDataObject,
	maxConcurrentRequests: number,
): ConcurrencySetting {
	const explicitMax = options.maxConcurrentRequests !== undefined;
	const mode = options.concurrency ?? (explicitMax ? 'fixed' : 'auto');
	if (mode === 'fixed') return { mode, limit: maxConcurrentRequests };
	if (mode === 'auto') {
		return { mode, ceiling: explicitMax ? maxConcurrentRequests : AUTO_CEILING };
	}
	throw setupError(
		node,
		FAILURE_CODES.invalidOption,
		`The option "Concurrency" must be "auto" or "fixed"; it is ${JSON.stringify(mode).slice(0, 40)}`,
		"Change the value (or the expression that produces it) in the node's Options.",
	);
}
