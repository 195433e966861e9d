/**
 * When to try an item again: exponential backoff with full jitter (a random delay between 0 and the
 * exponential cap, so many clients do not retry in step), never sooner than the backend asked for
 * (Retry-After) and never in a tight loop.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  /** No retry sooner than this, even when the jitter draws close to zero. */
  minMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000, minMs: 250 };

/**
 * The delay before attempt `attempts + 1`, given that `attempts` were made. `retryAfterMs` is the
 * backend's floor (0 when it gave none); `random` returns [0, 1).
 */
export function retryDelayMs(
  attempts: number,
  retryAfterMs: number,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  const jittered = Math.floor(random() * ceiling);
  return Math.max(jittered, policy.minMs, retryAfterMs);
}

/** After this many attempts an item is shown as needing attention (it keeps being retried). */
export const ATTENTION_AFTER_ATTEMPTS = 8;
