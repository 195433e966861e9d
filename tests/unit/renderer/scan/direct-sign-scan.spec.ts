import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/ipc/errors';
import {
  DirectSignScan,
  RECHECK_AFTER_MS,
  ScanCallError,
  planScan,
  scanFailureOf,
  type ScanCustomer,
  type ScanFailure,
  type ScanProgress,
  type ScanTimers,
} from '../../../../renderer/src/scan/direct-sign-scan';

/** A clock that jumps from timer to timer. */
class JumpingTimers implements ScanTimers {
  private timers = new Map<number, { at: number; callback: () => void }>();
  private id = 0;
  constructor(public time = 0) {}
  now = () => this.time;
  setTimeout(callback: () => void, ms: number): number {
    this.id += 1;
    this.timers.set(this.id, { at: this.time + Math.max(0, ms), callback });
    return this.id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  /** Runs timers up to `until`, letting each step's promises settle. */
  async runUntil(until: number): Promise<void> {
    for (;;) {
      await flush();
      let next: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.timers) if (!next || entry[1].at < next[1].at) next = entry;
      if (!next || next[1].at > until) {
        this.time = Math.max(this.time, until);
        await flush();
        return;
      }
      this.timers.delete(next[0]);
      this.time = Math.max(this.time, next[1].at);
      next[1].callback();
    }
  }
}

async function flush(): Promise<void> {
  for (let n = 0; n < 10; n++) await Promise.resolve();
}

/** A backend and a store in memory: what the scan asks and what it keeps. */
function world(count: number, options: { confirmed?: (n: number) => boolean; signed?: (n: number) => boolean } = {}) {
  const ids = Array.from({ length: count }, (_, n) => `c${n}`);
  const answers = new Map<string, { isSigned: boolean; checkedAt: number }>();
  const calls: Array<{ customerId: string; at: number }> = [];
  let fail: ((customerId: string, at: number) => ScanFailure | undefined) | undefined;
  const timers = new JumpingTimers(1_000_000);
  const ports = {
    async customers(): Promise<ScanCustomer[]> {
      return ids.map((customerId, n) => ({
        customerId,
        partnerConfirmed: options.confirmed?.(n) ?? false,
        checkedAt: answers.get(customerId)?.checkedAt ?? null,
      }));
    },
    async check(customerId: string): Promise<boolean> {
      calls.push({ customerId, at: timers.now() });
      const failure = fail?.(customerId, timers.now());
      if (failure) throw new ScanCallError(failure);
      return options.signed?.(Number(customerId.slice(1))) ?? false;
    },
    async save(customerId: string, isSigned: boolean, checkedAt: number): Promise<void> {
      answers.set(customerId, { isSigned, checkedAt });
    },
  };
  return {
    ids,
    answers,
    calls,
    timers,
    ports,
    failWith(rule: typeof fail) {
      fail = rule;
    },
    scan(share?: number, onProgress?: (progress: ScanProgress) => void, agentBusyUntil?: () => number) {
      return new DirectSignScan({
        ports,
        timers,
        limitPerMinute: 500,
        ...(share ? { share } : {}),
        ...(onProgress ? { onProgress } : {}),
        ...(agentBusyUntil ? { agentBusyUntil } : {}),
      });
    },
  };
}

const MINUTE = 60_000;

describe('planScan', () => {
  it('asks only customers without a partner confirmation: never-asked first (newest first), then the oldest answers past 7 days', () => {
    const now = 10 * RECHECK_AFTER_MS;
    const plan = planScan(
      [
        { customerId: 'old', partnerConfirmed: false, checkedAt: null },
        { customerId: 'confirmed', partnerConfirmed: true, checkedAt: null },
        { customerId: 'fresh', partnerConfirmed: false, checkedAt: now - RECHECK_AFTER_MS + 1 },
        { customerId: 'stale-2', partnerConfirmed: false, checkedAt: now - RECHECK_AFTER_MS - 5 },
        { customerId: 'stale-1', partnerConfirmed: false, checkedAt: now - 2 * RECHECK_AFTER_MS },
        { customerId: 'new', partnerConfirmed: false, checkedAt: null },
      ],
      now,
    );
    expect(plan.queue).toEqual(['new', 'old', 'stale-1', 'stale-2']);
    expect(plan.total).toBe(5);
  });
});

describe('direct-acceptance scan', () => {
  it('checks every unconfirmed customer once and keeps each answer with its time', async () => {
    const w = world(30, { confirmed: (n) => n % 3 === 0, signed: (n) => n % 5 === 0 });
    const scan = w.scan();
    scan.start();
    await w.timers.runUntil(w.timers.now() + MINUTE);
    expect(w.calls).toHaveLength(20);
    expect(new Set(w.calls.map((call) => call.customerId)).size).toBe(20);
    expect(w.calls.some((call) => Number(call.customerId.slice(1)) % 3 === 0)).toBe(false);
    expect(w.answers.get('c5')).toMatchObject({ isSigned: true });
    expect(w.answers.get('c1')).toMatchObject({ isSigned: false });
    expect(scan.progress).toMatchObject({ done: 20, total: 20, running: false, etaMs: 0 });
  });

  it('uses at most its share of the limit in any minute, and all of it (default half of 500 a minute)', async () => {
    for (const share of [undefined, 0.2, 1]) {
      const w = world(5_000);
      const scan = w.scan(share);
      const start = w.timers.now();
      scan.start();
      await w.timers.runUntil(start + 5 * MINUTE);
      scan.stop();
      const perMinute = 500 * (share ?? 0.5);
      for (let from = start; from < start + 4 * MINUTE; from += 7_000) {
        const inWindow = w.calls.filter((call) => call.at >= from && call.at < from + MINUTE).length;
        expect(inWindow).toBeLessThanOrEqual(perMinute);
        expect(inWindow).toBeGreaterThanOrEqual(perMinute * 0.95);
      }
    }
  });

  it('goes on after a kill with what is still unanswered, and asks again after 7 days', async () => {
    const w = world(100);
    const first = w.scan();
    first.start();
    await w.timers.runUntil(w.timers.now() + 10_000);
    first.stop(); // the window was closed
    const asked = w.calls.length;
    expect(asked).toBeGreaterThan(30);
    expect(asked).toBeLessThan(100);
    const again = w.scan();
    again.start();
    await w.timers.runUntil(w.timers.now() + 10_000);
    // Resumed: the progress counts what was saved before, and nobody was asked twice.
    expect(again.progress.done).toBeGreaterThan(asked);
    await w.timers.runUntil(w.timers.now() + MINUTE);
    expect(w.calls).toHaveLength(100);
    expect(new Set(w.calls.map((call) => call.customerId)).size).toBe(100);
    expect(again.progress).toMatchObject({ done: 100, total: 100 });
    // A week later, every answer is asked again.
    await w.timers.runUntil(w.timers.now() + RECHECK_AFTER_MS + 2 * 60 * MINUTE);
    expect(w.calls.length).toBe(200);
    again.stop();
  });

  it('sends nothing inside a Retry-After, then asks the same customer again', async () => {
    const w = world(20);
    let throttledAt: number | null = null;
    w.failWith((customerId, at) => {
      if (customerId === 'c15' && throttledAt === null) {
        throttledAt = at;
        return { kind: 'retry-after', retryAfterMs: 45_000 };
      }
      return undefined;
    });
    const progress: ScanProgress[] = [];
    const scan = w.scan(undefined, (p) => progress.push(p));
    scan.start();
    await w.timers.runUntil(w.timers.now() + 2 * MINUTE);
    expect(throttledAt).not.toBeNull();
    const during = w.calls.filter((call) => call.at > throttledAt! && call.at < throttledAt! + 45_000);
    expect(during).toEqual([]);
    const after = w.calls.find((call) => call.at >= throttledAt! + 45_000);
    expect(after?.customerId).toBe('c15');
    expect(progress.some((p) => p.heldUntil === throttledAt! + 45_000)).toBe(true);
    expect(scan.progress).toMatchObject({ done: 20, total: 20, heldUntil: null });
  });

  it('pauses and resumes; waits for a sign-in when the session ended; skips a customer it cannot ask', async () => {
    const w = world(40);
    const scan = w.scan();
    scan.start();
    await w.timers.runUntil(w.timers.now() + 2_000);
    scan.pause();
    const paused = w.calls.length;
    await w.timers.runUntil(w.timers.now() + 10 * MINUTE);
    expect(w.calls.length).toBe(paused);
    expect(scan.progress.paused).toBe(true);
    w.failWith((customerId) => (customerId === 'c20' ? { kind: 'skip' } : customerId === 'c10' ? { kind: 'auth-required' } : undefined));
    scan.resume();
    await w.timers.runUntil(w.timers.now() + MINUTE);
    expect(scan.progress.needsSignIn).toBe(true);
    const stuck = w.calls.length;
    await w.timers.runUntil(w.timers.now() + MINUTE);
    expect(w.calls.length).toBe(stuck);
    w.failWith((customerId) => (customerId === 'c20' ? { kind: 'skip' } : undefined));
    scan.resume();
    await w.timers.runUntil(w.timers.now() + MINUTE);
    expect(w.answers.size).toBe(39);
    expect(w.answers.has('c20')).toBe(false);
    expect(scan.progress).toMatchObject({ done: 39, total: 39, needsSignIn: false });
    scan.stop();
  });

  it('starts no call while the agent is at work, and goes on at its pace once they stop', async () => {
    const w = world(200);
    let busyUntil = 0;
    const scan = w.scan(undefined, undefined, () => busyUntil);
    scan.start();
    await w.timers.runUntil(w.timers.now() + 2_000);
    const before = w.calls.length;
    expect(before).toBeGreaterThan(5);
    // The agent types for 10 s: each keystroke keeps the scan waiting for a second more.
    const typingFrom = w.timers.now();
    for (let at = typingFrom; at < typingFrom + 10_000; at += 150) {
      busyUntil = at + 1_000;
      await w.timers.runUntil(at);
    }
    await w.timers.runUntil(typingFrom + 10_000);
    const during = w.calls.filter((call) => call.at >= typingFrom && call.at < busyUntil);
    // At most the one call already due when the first keystroke came (it started before it).
    expect(during.filter((call) => call.at > typingFrom)).toEqual([]);
    await w.timers.runUntil(busyUntil + 10_000);
    const after = w.calls.filter((call) => call.at >= busyUntil);
    expect(after[0]?.at).toBe(busyUntil);
    // Then at the usual spacing (240 ms at half of 500 a minute): about 41 calls in 10 s.
    expect(after.length).toBeGreaterThanOrEqual(40);
    expect(new Set(w.calls.map((call) => call.customerId)).size).toBe(w.calls.length);
    scan.stop();
  });

  it('refuses a share outside (0, 1]', () => {
    const scan = world(1).scan();
    expect(() => scan.setShare(0)).toThrow(RangeError);
    expect(() => scan.setShare(1.5)).toThrow(RangeError);
    expect(() => scan.setShare(Number.NaN)).toThrow(RangeError);
    expect(scan.intervalMs).toBe(240);
  });
});

describe("reading the host's verdict", () => {
  it('waits out a Retry-After, waits for a sign-in, skips what cannot succeed, and waits when unreachable', () => {
    const error = (detail: ConstructorParameters<typeof ApiError>[0]) => new ApiError(detail);
    expect(scanFailureOf(error({ code: 'throttled', message: 'x', retryable: true, retryAfterMs: 57_000 }))).toEqual({
      kind: 'retry-after',
      retryAfterMs: 57_000,
    });
    expect(scanFailureOf(error({ code: 'auth-required', message: 'x' }))).toEqual({ kind: 'auth-required' });
    expect(scanFailureOf(error({ code: 'not-found', message: 'x', retryable: false }))).toEqual({ kind: 'skip' });
    expect(scanFailureOf(error({ code: 'network', message: 'x', retryable: true }))).toEqual({ kind: 'unreachable' });
    expect(scanFailureOf(new Error('bridge down'))).toEqual({ kind: 'unreachable' });
  });
});
