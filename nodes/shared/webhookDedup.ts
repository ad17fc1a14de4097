/** Event ids one trigger node has accepted lately; at most `capacity`, none older than the window. */
export class RecentEvents {
	/** Id → when it was first accepted. Map order is acceptance order, so the oldest come first. */
	private readonly firstSeen = new Map<string, number>();

	constructor(readonly capacity: number) {}

	get size(): number {
		return this.firstSeen.size;
	}

	/** True when `id` was accepted less than `windowMs` ago; otherwise records it and returns false. */
	isRepeat(id: string, nowMs: number, windowMs: number): boolean {
		const seen = this.firstSeen.get(id);
		if (seen !== undefined && nowMs - seen < windowMs) return true;
		this.firstSeen.delete(id);
		this.firstSeen.set(id, nowMs);
		for (const [oldest, at] of this.firstSeen) {
			if (this.firstSeen.size <= this.capacity && nowMs - at < windowMs) break;
			this.firstSeen.delete(oldest);
		}
		return false;
	}
}

export const EVENTS_PER_NODE = 10_000;
const MAX_NODES = 256;

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
