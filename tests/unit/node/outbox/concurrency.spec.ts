/**
 * The engine's adaptive bound (renderer/src/outbox/concurrency.ts), on virtual time: its rules one by
 * one, then a simulated backend (fixed latency, the sandbox's fixed one-minute rate window) to show
 * that the pipe is kept full: with no limit it passes 8x one at a time, under 500/min at 300 ms the
 * limit is the only bound, and no send ever starts inside a Retry-After.
 */
import { describe, expect, it } from 'vitest';
import { AdaptiveConcurrency, DEFAULT_AIMD, type AimdPolicy } from '../../../../renderer/src/outbox/concurrency';

describe('the adaptive concurrency bound', () => {
  it('starts at its initial size and doubles per round trip while answers come fast', () => {
    const bound = new AdaptiveConcurrency({ ...DEFAULT_AIMD, initial: 2, max: 64 });
    expect(bound.limit(0)).toBe(2);
    // One round trip: both sends answered after 50 ms.
    bound.answered(0, 50);
    bound.answered(0, 50);
    expect(bound.size).toBe(4);
    for (let n = 0; n < 4; n++) bound.answered(50, 100);
    expect(bound.size).toBe(8);
  });

  it('never grows past its maximum', () => {
    const bound = new AdaptiveConcurrency({ ...DEFAULT_AIMD, initial: 2, max: 5 });
    for (let n = 0; n < 100; n++) bound.answered(n, n + 10);
    expect(bound.size).toBe(5);
  });

  it('halves on a 429, once per congestion event, and holds every send until the Retry-After passed', () => {
    const bound = new AdaptiveConcurrency({ ...DEFAULT_AIMD, initial: 16 });
    bound.throttled(0, 100, 5_000);
    expect(bound.size).toBe(8);
    // Other sends of the same flight, answered 429 after the cut: the same event.
    bound.throttled(50, 120, 5_000);
    bound.throttled(90, 130, 4_000);
    expect(bound.size).toBe(8);
    // The hold runs to the latest Retry-After heard.
    expect(bound.limit(5_100)).toBe(0);
    expect(bound.heldUntil(5_100)).toBe(5_120);
    expect(bound.limit(5_120)).toBe(8);
    expect(bound.heldUntil(5_120)).toBeNull();
    // A send that left after the cut and was throttled again: a new event.
    bound.throttled(5_200, 5_300, 1_000);
    expect(bound.size).toBe(4);
    // A shorter Retry-After never shortens the hold.
    bound.throttled(5_250, 5_310, 0);
    expect(bound.heldUntil(5_310)).toBe(6_300);
  });

  it('after a cut grows by one per round trip only, and never below its minimum', () => {
    const bound = new AdaptiveConcurrency({ ...DEFAULT_AIMD, initial: 2, min: 1 });
    bound.throttled(0, 10, 0);
    expect(bound.size).toBe(1);
    bound.throttled(20, 30, 0);
    expect(bound.size).toBe(1);
    bound.answered(40, 50);
    expect(bound.size).toBe(2);
    // A window of 2 grows by one after a round trip's worth of answers (1/2 + 1/2.5 + 1/2.9).
    bound.answered(50, 60);
    bound.answered(50, 60);
    expect(bound.size).toBe(2);
    bound.answered(60, 70);
    expect(bound.size).toBe(3);
  });

  it('stops growing while answers are much slower than the fastest (a queue is building)', () => {
    const bound = new AdaptiveConcurrency({ ...DEFAULT_AIMD, initial: 4, latencyFactor: 2, latencySlackMs: 0 });
    bound.answered(0, 100);
    expect(bound.size).toBe(5);
    bound.answered(0, 250);
    bound.answered(0, 400);
    expect(bound.size).toBe(5);
    // Fast again: growth goes on, by one per round trip now.
    for (let n = 0; n < 6; n++) bound.answered(1_000, 1_100);
    expect(bound.size).toBe(6);
  });

  it('refuses a policy that cannot work, with a clear error', () => {
    expect(() => new AdaptiveConcurrency({ ...DEFAULT_AIMD, min: 0 })).toThrow(/1 <= min <= initial <= max/);
    expect(() => new AdaptiveConcurrency({ ...DEFAULT_AIMD, initial: 100, max: 10 })).toThrow(/1 <= min <= initial <= max/);
  });
});

interface Simulated {
  elapsedMs: number;
  throttled: number;
  startedInsideRetryAfter: number;
  /** Accepted requests in each whole one-minute window of the limiter. */
  acceptedPerWindow: number[];
}

/**
 * A backend with a fixed latency and (optionally) the sandbox's limiter: a fixed one-minute window
 * from its first request, 429 with Retry-After (whole seconds, rounded up) past the limit. Every item
 * is one request; a throttled one is sent again. `bound` null: one at a time.
 */
function simulate(items: number, latencyMs: number, limitPerMinute: number, bound: AdaptiveConcurrency | null): Simulated {
  let now = 0;
  let waiting = items;
  let done = 0;
  let throttled = 0;
  let startedInsideRetryAfter = 0;
  let quietUntil = 0;
  let window = { start: Number.NEGATIVE_INFINITY, count: 0 };
  const accepted: number[] = [];
  const inFlight: Array<{ startedAt: number; endsAt: number; retryAfterMs?: number }> = [];
  while (done < items) {
    const room = bound ? bound.limit(now) : 1;
    while (waiting > 0 && inFlight.length < room) {
      if (now < quietUntil) startedInsideRetryAfter += 1;
      waiting -= 1;
      let retryAfterMs: number | undefined;
      if (limitPerMinute > 0) {
        if (now - window.start >= 60_000) window = { start: now, count: 0 };
        window.count += 1;
        if (window.count > limitPerMinute) retryAfterMs = Math.max(1, Math.ceil((window.start + 60_000 - now) / 1000)) * 1000;
        else {
          const index = Math.floor(now / 60_000);
          accepted[index] = (accepted[index] ?? 0) + 1;
        }
      }
      inFlight.push({ startedAt: now, endsAt: now + latencyMs, ...(retryAfterMs ? { retryAfterMs } : {}) });
    }
    const nextEnd = Math.min(...inFlight.map((send) => send.endsAt));
    const held = bound?.heldUntil(now) ?? Number.POSITIVE_INFINITY;
    now = Math.min(nextEnd, held);
    for (const send of inFlight.filter((candidate) => candidate.endsAt <= now)) {
      inFlight.splice(inFlight.indexOf(send), 1);
      if (send.retryAfterMs !== undefined) {
        throttled += 1;
        waiting += 1;
        quietUntil = Math.max(quietUntil, now + send.retryAfterMs);
        bound?.throttled(send.startedAt, now, send.retryAfterMs);
      } else {
        done += 1;
        bound?.answered(send.startedAt, now);
      }
    }
  }
  const whole = Math.floor(now / 60_000);
  return { elapsedMs: now, throttled, startedInsideRetryAfter, acceptedPerWindow: accepted.slice(0, whole).map((n) => n ?? 0) };
}

describe('the adaptive bound against a simulated backend (virtual time)', () => {
  const policy: AimdPolicy = DEFAULT_AIMD;

  it('with no rate limit at 50 ms, sends 2,000 items more than 8 times faster than one at a time', () => {
    const one = simulate(2_000, 50, 0, null);
    const adaptive = simulate(2_000, 50, 0, new AdaptiveConcurrency(policy));
    expect(one.elapsedMs / adaptive.elapsedMs).toBeGreaterThan(8);
  });

  it('under 500 requests/min at 300 ms, fills every whole window to at least 90% of the limit and never sends inside a Retry-After', () => {
    const result = simulate(2_000, 300, 500, new AdaptiveConcurrency(policy));
    expect(result.acceptedPerWindow.length).toBeGreaterThanOrEqual(3);
    for (const accepted of result.acceptedPerWindow) expect(accepted).toBeGreaterThanOrEqual(450);
    expect(result.startedInsideRetryAfter).toBe(0);
    // Each window's edge costs one flight of 429s at most, not a storm.
    expect(result.throttled).toBeLessThan(4 * policy.max);
  });

  it('one at a time at 300 ms is bound by the latency, not the limit: the baseline the adaptive bound beats', () => {
    const one = simulate(400, 300, 500, null);
    const adaptive = simulate(400, 300, 500, new AdaptiveConcurrency(policy));
    expect(one.acceptedPerWindow[0]).toBe(200);
    expect(adaptive.elapsedMs).toBeLessThan(one.elapsedMs / 2);
  });
});
