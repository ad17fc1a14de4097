/** Event ids one trigger node has accepted lately; at most `capacity`, none older than the window. */
export class RecentEvents {
	/** Id → when it was (last) accepted. */
	private readonly acceptedAt = new Map<string, number>();

	/** Acceptances in order, oldest first, from `head` on; an entry is stale once its id is accepted again. */
	private ids: string[] = [];
	private times: number[] = [];
	private head = 0;

	constructor(readonly capacity: number) {}

	get size(): number {
		return this.acceptedAt.size;
	}

	/** True when `id` was accepted less than `windowMs` ago; otherwise records it and returns false. */
	isRepeat(id: string, nowMs: number, windowMs: number): boolean {
		const seen = this.acceptedAt.get(id);
		if (seen !== undefined && nowMs - seen < windowMs) return true;
		this.acceptedAt.set(id, nowMs);
		this.ids.push(id);
		this.times.push(nowMs);
		this.dropOldest(nowMs, windowMs);
		return false;
	}

	// Drops from the oldest end only, so each acceptance costs O(1) on average.
	private dropOldest(nowMs: number, windowMs: number): void {
		while (this.head < this.ids.length) {
			const id = this.ids[this.head];
			const at = this.times[this.head];
			const current = this.acceptedAt.get(id) === at;
			if (current && this.acceptedAt.size <= this.capacity && nowMs - at < windowMs) break;
			if (current) this.acceptedAt.delete(id);
			this.head += 1;
		}
		if (this.head > 1024 && this.head * 2 > this.ids.length) {
			this.ids = this.ids.slice(this.head);
			this.times = this.times.slice(this.head);
			this.head = 0;
		}
	}
}

export const EVENTS_PER_NODE = 10_000;
export const MAX_NODES = 100;

/*
 * One window per trigger node (workflow id + node id), kept in this process's memory. In
 * queue mode every process that receives webhooks (main, each webhook processor) has its
 * own windows, so a repeat that reaches another process is not caught; the README says
 * what to do downstream.
 */
const windows = new Map<string, RecentEvents>();

export function recentEventsOf(nodeKey: string): RecentEvents {
	let found = windows.get(nodeKey);
	if (found !== undefined) {
		windows.delete(nodeKey);
	} else {
		found = new RecentEvents(EVENTS_PER_NODE);
		if (windows.size >= MAX_NODES) {
			const leastRecent = windows.keys().next().value;
			if (leastRecent !== undefined) windows.delete(leastRecent);
		}
	}
	windows.set(nodeKey, found);
	return found;
}
