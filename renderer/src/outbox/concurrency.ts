/**
 * How many sends the engine has out at once, adapted to what the backend allows (AIMD, as TCP does):
 * - it grows while answers come back unthrottled and about as fast as the fastest one seen: by one per
 *   answer until the first cut (doubling per round trip), then by one per round trip;
 * - an answer much slower than the fastest (a queue building somewhere) stops the growth;
 * - a 429 halves it, once per congestion event (the answers to sends that left before the cut are the
 *   same event), and no send starts until its Retry-After has passed.
 * So at any latency the pipe is kept full, and under a rate limit the limit is the only bound.
 * Pure: time comes in as arguments (tests run it on virtual time).
 */

export interface AimdPolicy {
  initial: number;
  min: number;
  max: number;
  /** Growth stops while an answer takes longer than this many times the fastest seen… */
  latencyFactor: number;
  /** …plus this much, so that jitter on a fast backend does not stop it. */
  latencySlackMs: number;
}

export const DEFAULT_AIMD: AimdPolicy = { initial: 6, min: 1, max: 48, latencyFactor: 2, latencySlackMs: 100 };

export class AdaptiveConcurrency {
  private window: number;
  /** Doubling per round trip until the first cut or the first slow answer. */
  private starting = true;
  private fastestMs = Number.POSITIVE_INFINITY;
  private cutAt = Number.NEGATIVE_INFINITY;
  private holdUntilMs = 0;

  constructor(private readonly policy: AimdPolicy = DEFAULT_AIMD) {
    if (!(policy.min >= 1 && policy.max >= policy.min && policy.initial >= policy.min && policy.initial <= policy.max))
      throw new Error(`The concurrency policy needs 1 <= min <= initial <= max (got ${policy.min}, ${policy.initial}, ${policy.max}).`);
    this.window = policy.initial;
  }

  /** Sends allowed out at once now: none inside a Retry-After. */
  limit(now: number): number {
    return now < this.holdUntilMs ? 0 : Math.floor(this.window);
  }

  /** The bound as it stands, a Retry-After aside. */
  get size(): number {
    return Math.floor(this.window);
  }

  /** Until when the backend asked for quiet, or null when it did not (or that time has passed). */
  heldUntil(now: number): number | null {
    return now < this.holdUntilMs ? this.holdUntilMs : null;
  }

  /** A send that left at `startedAt` was answered (not throttled) at `now`. */
  answered(startedAt: number, now: number): void {
    const latency = Math.max(0, now - startedAt);
    this.fastestMs = Math.min(this.fastestMs, latency);
    if (latency > this.fastestMs * this.policy.latencyFactor + this.policy.latencySlackMs) {
      this.starting = false;
      return;
    }
    this.window = Math.min(this.policy.max, this.window + (this.starting ? 1 : 1 / this.window));
  }

  /** A send that left at `startedAt` was answered 429 at `now`, to wait `retryAfterMs`. */
  throttled(startedAt: number, now: number, retryAfterMs: number): void {
    this.holdUntilMs = Math.max(this.holdUntilMs, now + Math.max(0, retryAfterMs));
    this.starting = false;
    if (startedAt < this.cutAt) return;
    this.window = Math.max(this.policy.min, Math.floor(this.window / 2));
    this.cutAt = now;
  }
}
