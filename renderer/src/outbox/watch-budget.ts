/**
 * How much of the backend's rate limit watching acceptance links may use. Partner Center limits a
 * tenant to 500 requests a minute (the Customer resource, reference/partner-center-api.md §throttling),
 * shared by everything the agent does: orders, the customer list, attestations. Reads of pending
 * attestations are background work, so they get a fixed share of it, whatever the number of links;
 * a read the agent asked for ("Check now", opening the customer) is never held back by it.
 */
export const RATE_LIMIT_PER_MINUTE = 500;
/** The share of the limit the watching may use (0.08 of 500 = 40 reads a minute). */
export const WATCH_SHARE_OF_LIMIT = 0.08;
export const WATCH_READS_PER_MINUTE = Math.floor(RATE_LIMIT_PER_MINUTE * WATCH_SHARE_OF_LIMIT);

const WINDOW_MS = 60_000;

/** At most `perMinute` reads in any 60 seconds (a sliding window: no burst at a minute's turn). */
export class WatchBudget {
  private readonly reads: number[] = [];

  constructor(private readonly perMinute: number = WATCH_READS_PER_MINUTE) {}

  /** Takes one read if the window has room; answers whether it did. */
  take(now: number): boolean {
    this.forget(now);
    if (this.reads.length >= this.perMinute) return false;
    this.reads.push(now);
    return true;
  }

  /** When the next read may go (now, when there is room). */
  nextFreeAt(now: number): number {
    this.forget(now);
    return this.reads.length < this.perMinute ? now : this.reads[0]! + WINDOW_MS;
  }

  private forget(now: number): void {
    while (this.reads.length && this.reads[0]! <= now - WINDOW_MS) this.reads.shift();
  }
}
