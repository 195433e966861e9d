/**
 * The direct-acceptance scan: a background check of `isSigned` (the customer's own acceptance in the
 * Microsoft 365 admin center) for every customer without a partner confirmation. Pure: the clock,
 * the timers, the backend call and the storage are injected (no Vue, DOM or Dexie; ESLint holds it
 * to that), so the unit tests and the benchmark drive the same code the app runs.
 *
 * - Which customers: those without a partner confirmation whose answer is missing or older than
 *   `RECHECK_AFTER_MS` (7 days); never-asked customers first (newest first: the end of the caller's
 *   list), then the oldest answers.
 * - How fast: at most `share` of the backend's limit (default half of Partner Center's 500
 *   requests/min), evenly spaced, one call at a time; never inside a Retry-After.
 * - Resumable: every answer is saved with its time as it comes, so after a kill the next start asks
 *   only what is still missing or stale.
 * - Second to the agent: no call starts while the agent is typing, clicking or scrolling
 *   (`agentBusyUntil`). A call's answer, its save and the progress it publishes are main-thread work
 *   that would land between a keystroke and the frame showing it; the scan takes hours, a pause of
 *   a second costs it nothing.
 */

import { DEFAULT_DIRECT_SCAN_SHARE, directScanShareSchema } from '../../../shared/domain/settings-form';
import { ApiError } from '../../../shared/ipc/errors';

export const RECHECK_AFTER_MS = 7 * 24 * 60 * 60 * 1000;
/** How long to wait after the backend could not be reached, and before looking for stale answers again. */
export const UNREACHABLE_WAIT_MS = 30_000;
export const IDLE_RECHECK_MS = 60 * 60 * 1000;

/** One customer the scan may have to ask about. */
export interface ScanCustomer {
  customerId: string;
  /** Whether a partner confirmation exists: then no check is needed. */
  partnerConfirmed: boolean;
  /** When the customer was last asked (epoch ms), or null when never. */
  checkedAt: number | null;
}

/** The customers to ask, in order, and how many customers need a direct-acceptance answer at all. */
export interface ScanPlan {
  queue: string[];
  /** Customers without a partner confirmation (the "of N"). */
  total: number;
}

/** Which customers to ask now, in which order (see the module's comment). */
export function planScan(customers: readonly ScanCustomer[], now: number): ScanPlan {
  const never: string[] = [];
  const stale: Array<{ customerId: string; checkedAt: number }> = [];
  let total = 0;
  for (const customer of customers) {
    if (customer.partnerConfirmed) continue;
    total += 1;
    if (customer.checkedAt === null) never.push(customer.customerId);
    else if (now - customer.checkedAt >= RECHECK_AFTER_MS) stale.push({ customerId: customer.customerId, checkedAt: customer.checkedAt });
  }
  never.reverse();
  stale.sort((a, b) => a.checkedAt - b.checkedAt);
  return { queue: [...never, ...stale.map((entry) => entry.customerId)], total };
}

/** Why a check did not answer, as the host's error verdict says. */
export type ScanFailure =
  | { kind: 'retry-after'; retryAfterMs: number }
  | { kind: 'unreachable' }
  | { kind: 'auth-required' }
  /** This customer cannot be asked (gone, not ours): skipped until the next round. */
  | { kind: 'skip' };

export class ScanCallError extends Error {
  constructor(readonly failure: ScanFailure) {
    super(`direct-acceptance check: ${failure.kind}`);
  }
}

export interface ScanPorts {
  /** Every customer with what is known about it (read at each round's start). */
  customers(): Promise<ScanCustomer[]>;
  /** Asks the backend; throws `ScanCallError` with the verdict when it did not answer. */
  check(customerId: string): Promise<boolean>;
  /** Keeps the answer with its time. */
  save(customerId: string, isSigned: boolean, checkedAt: number): Promise<void>;
}

export interface ScanTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ScanProgress {
  /** Customers without a partner confirmation that hold a current answer. */
  done: number;
  total: number;
  running: boolean;
  paused: boolean;
  /** Waiting out a Retry-After (or an unreachable backend) until then. */
  heldUntil: number | null;
  /** Signed out or the session expired: waits for `resume()` after the next sign-in. */
  needsSignIn: boolean;
  /** Time left at the current pace, in ms (0 when done). */
  etaMs: number;
}

export interface DirectSignScanOptions {
  ports: ScanPorts;
  timers: ScanTimers;
  /** The backend's limit in requests per minute (Partner Center: 500). */
  limitPerMinute: number;
  /** The share of it the scan may use (0 < share ≤ 1). */
  share?: number;
  onProgress?: (progress: ScanProgress) => void;
  onError?: (error: unknown) => void;
  /** Until when (epoch ms, `timers.now()`'s clock) the agent is at work: no call starts before then. */
  agentBusyUntil?: () => number;
}

/** The calls a minute the scan may make: `share` of the limit, at least one. */
export function callsPerMinute(limitPerMinute: number, share: number): number {
  return Math.max(1, Math.floor(limitPerMinute * share));
}

export class DirectSignScan {
  private queue: string[] = [];
  private total = 0;
  private done = 0;
  private running = false;
  private stopped = true;
  private pausedByAgent = false;
  private needsSignIn = false;
  private heldUntil: number | null = null;
  private timer: unknown = null;
  private lastCallAt = Number.NEGATIVE_INFINITY;
  private share: number;
  private busy = false;
  private averageCallMs = 0;

  constructor(private readonly options: DirectSignScanOptions) {
    this.share = options.share ?? DEFAULT_DIRECT_SCAN_SHARE;
  }

  /** The spacing between two calls' starts. */
  get intervalMs(): number {
    return 60_000 / callsPerMinute(this.options.limitPerMinute, this.share);
  }

  get progress(): ScanProgress {
    const left = this.total - this.done;
    return {
      done: this.done,
      total: this.total,
      running: this.running,
      paused: this.pausedByAgent,
      heldUntil: this.heldUntil,
      needsSignIn: this.needsSignIn,
      etaMs: Math.round(left * Math.max(this.intervalMs, this.averageCallMs)),
    };
  }

  /** Starts (or goes on with) the scan; the answers saved before count as done. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.queue = [];
    this.schedule(0);
  }

  /** Stops for good (leadership lost, signed out); what was saved stays. */
  stop(): void {
    this.stopped = true;
    this.running = false;
    this.clear();
    this.publish();
  }

  pause(): void {
    this.pausedByAgent = true;
    this.clear();
    this.publish();
  }

  /** Goes on after a pause, or after the agent signed in again. */
  resume(): void {
    this.pausedByAgent = false;
    this.needsSignIn = false;
    this.publish();
    if (!this.stopped) this.schedule(0);
  }

  setShare(share: number): void {
    if (!directScanShareSchema.safeParse(share).success)
      throw new RangeError('The share of the limit must be 5 % to 100 %, in whole percents.');
    this.share = share;
    this.publish();
  }

  /** Looks for work again now (customers downloaded, a partner confirmation changed). */
  refresh(): void {
    this.queue = [];
    if (!this.stopped && !this.busy) this.schedule(0);
  }

  private clear(): void {
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    this.clear();
    if (this.stopped || this.pausedByAgent || this.needsSignIn) return;
    this.timer = this.options.timers.setTimeout(() => {
      this.timer = null;
      void this.step().catch((error: unknown) => {
        this.options.onError?.(error);
        this.schedule(UNREACHABLE_WAIT_MS);
      });
    }, ms);
  }

  private publish(): void {
    this.options.onProgress?.(this.progress);
  }

  private async step(): Promise<void> {
    if (this.busy || this.stopped || this.pausedByAgent || this.needsSignIn) return;
    const { timers, ports } = this.options;
    this.busy = true;
    try {
      const now = timers.now();
      if (this.heldUntil !== null && now < this.heldUntil) return this.schedule(this.heldUntil - now);
      if (this.heldUntil !== null) {
        this.heldUntil = null;
        this.publish();
      }
      if (this.queue.length === 0) {
        const plan = planScan(await ports.customers(), timers.now());
        if (this.stopped) return;
        this.queue = plan.queue;
        this.total = plan.total;
        this.done = plan.total - plan.queue.length;
        this.running = plan.queue.length > 0;
        this.publish();
        if (!this.running) return this.schedule(IDLE_RECHECK_MS);
      }
      const wait = Math.max(this.lastCallAt + this.intervalMs, this.options.agentBusyUntil?.() ?? 0) - timers.now();
      if (wait > 0) return this.schedule(wait);
      const customerId = this.queue[0] as string;
      const startedAt = timers.now();
      this.lastCallAt = startedAt;
      let isSigned: boolean;
      try {
        isSigned = await ports.check(customerId);
      } catch (error) {
        if (!(error instanceof ScanCallError)) throw error;
        return this.failed(error.failure, customerId);
      }
      const answeredAt = timers.now();
      this.averageCallMs = this.averageCallMs ? this.averageCallMs * 0.8 + (answeredAt - startedAt) * 0.2 : answeredAt - startedAt;
      await ports.save(customerId, isSigned, answeredAt);
      this.queue.shift();
      this.done = Math.min(this.total, this.done + 1);
      if (this.queue.length === 0) this.running = false;
      this.publish();
      this.schedule(this.queue.length ? Math.max(0, this.lastCallAt + this.intervalMs - timers.now()) : 0);
    } finally {
      this.busy = false;
    }
  }

  private failed(failure: ScanFailure, customerId: string): void {
    const now = this.options.timers.now();
    if (failure.kind === 'retry-after') {
      // The backend asked to wait: nothing goes out before that moment (the same customer is asked then).
      this.heldUntil = now + Math.max(failure.retryAfterMs, 0);
      this.publish();
      return this.schedule(this.heldUntil - now);
    }
    if (failure.kind === 'unreachable') {
      this.heldUntil = now + UNREACHABLE_WAIT_MS;
      this.publish();
      return this.schedule(UNREACHABLE_WAIT_MS);
    }
    if (failure.kind === 'auth-required') {
      this.needsSignIn = true;
      this.publish();
      return;
    }
    // Skipped: this round asks the others; the customer stays unanswered (asked again next round).
    this.queue = this.queue.filter((id) => id !== customerId);
    this.total = Math.max(this.done, this.total - 1);
    this.publish();
    this.schedule(Math.max(0, this.lastCallAt + this.intervalMs - now));
  }
}

/**
 * What a failed `getDirectSignStatus` call means for the scan, read from the host's verdict on the
 * error (`retryable`, `retryAfterMs`); nothing is judged here.
 */
export function scanFailureOf(error: unknown): ScanFailure {
  if (!(error instanceof ApiError)) return { kind: 'unreachable' };
  const { detail } = error;
  if (detail.code === 'auth-required') return { kind: 'auth-required' };
  if (detail.retryable === false) return { kind: 'skip' };
  if (detail.retryAfterMs !== undefined && detail.retryAfterMs > 0) return { kind: 'retry-after', retryAfterMs: detail.retryAfterMs };
  if (detail.code === 'throttled') return { kind: 'retry-after', retryAfterMs: UNREACHABLE_WAIT_MS };
  if (detail.retryable === undefined && !['network', 'timeout', 'unavailable'].includes(detail.code)) return { kind: 'skip' };
  return { kind: 'unreachable' };
}
