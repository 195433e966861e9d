/**
 * Partner Center's `Retry-After` is a limit per partner, not per call or per client object. The
 * host makes several clients of one backend (the long-lived one, the sign-in's profile lookup), so
 * the hold a 429 asks for lives here, shared by every client of the same API root: while it runs no
 * client sends, including a sign-in that happens to fall inside the window.
 */
export class RetryAfterHold {
  /** Until when the backend asked us to wait, in epoch ms (0: no hold). */
  untilMs = 0;

  /** Extends the hold to `untilMs` (a newer, shorter Retry-After never shortens it). */
  extendTo(untilMs: number): void {
    this.untilMs = Math.max(this.untilMs, untilMs);
  }
}

/** One hold per API root, handed to every client of that root. */
export class RetryAfterHolds {
  private readonly holds = new Map<string, RetryAfterHold>();

  for(apiRoot: string): RetryAfterHold {
    let hold = this.holds.get(apiRoot);
    if (!hold) {
      hold = new RetryAfterHold();
      this.holds.set(apiRoot, hold);
    }
    return hold;
  }
}
