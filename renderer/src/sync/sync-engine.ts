/**
 * The outbox sync engine: plain TypeScript with its store, transport and clock injected, so every
 * rule below is unit-tested without a browser.
 * - Several items are sent at once (bounded), but a customer's items go one at a time, oldest first,
 *   so the backend's "latest confirmation" is the one the agent recorded last.
 * - MCA-refresh items (`kind: 'reattest'`) have their own lane: they are handed over in waves of up to
 *   `bulkConcurrency` (500, the bulk re-attestation limit) at once, so the submit side can put a whole
 *   wave in one bulk call; the next wave starts when the last one has settled.
 * - An item is leased while it is sent; the outcome is written afterwards in its own transaction.
 * - `retry` waits with full-jitter backoff, never sooner than the backend's Retry-After; a run of
 *   retries (the backend unreachable or throttling every call) holds the whole queue, at least as long
 *   as the backend asked, so an outage is not hammered item by item.
 * - `failed` parks the item and the rest go on; `auth-required` pauses everything until sign-in.
 * - Nothing is dropped: an item leaves the queue only as confirmed, or by the agent's own action.
 */
import type { SubmitResult } from '../../../shared/ipc/contract';
import { BULK_REATTESTATION_MAX_ITEMS } from '../../../shared/api/partner-center';
import type { OutboxItem } from '../db/rows';
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from './backoff';
import type { OutboxRepository, Settlement } from './outbox-repository';
import { Plan } from './send-plan';

export type SyncEvent =
  | { type: 'confirmed'; item: OutboxItem }
  | { type: 'failed'; item: OutboxItem }
  | { type: 'retry'; item: OutboxItem }
  | { type: 'auth-required'; reason: string }
  | { type: 'recovered'; count: number };

export interface DrainReport {
  sent: number;
  confirmed: number;
  failed: number;
  retried: number;
  /** When something is next due (an item's backoff or the queue's hold), or null when nothing waits. */
  nextDueAt: number | null;
  paused: boolean;
}

export interface SyncEngineOptions {
  repository: OutboxRepository;
  submit: (item: OutboxItem) => Promise<SubmitResult>;
  now: () => number;
  random?: () => number;
  /** Identifies this leader's leases. */
  owner: string;
  concurrency?: number;
  /** MCA-refresh items handed over together (one bulk call's worth); at most 500. */
  bulkConcurrency?: number;
  leaseMs?: number;
  backoff?: BackoffPolicy;
  /** Transport failures in a row that mean "the backend is unreachable": hold the queue. */
  outageThreshold?: number;
  onEvent?: (event: SyncEvent) => void;
}

export const DEFAULT_CONCURRENCY = 6;
export const DEFAULT_BULK_CONCURRENCY = BULK_REATTESTATION_MAX_ITEMS;
export const DEFAULT_LEASE_MS = 2 * 60_000;

/** Whether an item goes through the bulk re-attestation (the MCA refresh). */
export function isBulkItem(item: OutboxItem): boolean {
  return item.kind === 'reattest';
}


export class SyncEngine {
  private readonly options: Required<Omit<SyncEngineOptions, 'onEvent'>> & Pick<SyncEngineOptions, 'onEvent'>;
  private running: Promise<DrainReport> | null = null;
  private replan = false;
  private pausedReason: string | null = null;
  private holdUntilMs: number | null = null;
  private retriesInARow = 0;
  /** The longest Retry-After in the current run of retries. */
  private streakFloorMs = 0;
  private outagePasses = 0;
  private expedite = false;
  private wake: () => void = () => undefined;

  constructor(options: SyncEngineOptions) {
    this.options = {
      random: Math.random,
      concurrency: DEFAULT_CONCURRENCY,
      bulkConcurrency: DEFAULT_BULK_CONCURRENCY,
      leaseMs: DEFAULT_LEASE_MS,
      backoff: DEFAULT_BACKOFF,
      outageThreshold: 3,
      ...options,
    };
  }

  get paused(): string | null {
    return this.pausedReason;
  }

  get heldUntil(): number | null {
    return this.holdUntilMs !== null && this.holdUntilMs > this.options.now() ? this.holdUntilMs : null;
  }

  /** Puts interrupted sends back in the queue; call once when this engine becomes the leader. */
  async recover(): Promise<number> {
    const count = await this.options.repository.recoverLeases(this.options.now(), this.options.owner, true);
    if (count) this.emit({ type: 'recovered', count });
    return count;
  }

  /** Resumes after the agent signed in again. */
  resume(): void {
    this.pausedReason = null;
  }

  /**
   * The agent asked to sync now, or the network came back: lift the queue's hold and try items
   * waiting in backoff at once (an explicit request; automatic retries keep waiting as told).
   */
  releaseHold(): void {
    this.holdUntilMs = null;
    this.outagePasses = 0;
    this.expedite = true;
    this.replan = true;
  }

  /** New items were queued: a running drain picks them up too, without waiting for its sends. */
  notifyEnqueued(): void {
    this.replan = true;
    this.wake();
  }

  /** Sends everything that is due now; concurrent calls share one run. */
  drain(): Promise<DrainReport> {
    if (this.running) {
      this.replan = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private canStart(): boolean {
    return this.pausedReason === null && this.heldUntil === null;
  }

  private async run(): Promise<DrainReport> {
    const report: DrainReport = { sent: 0, confirmed: 0, failed: 0, retried: 0, nextDueAt: null, paused: false };
    const inFlight = new Map<string, Promise<void>>();
    // Outcomes written during this run, so a plan reloaded meanwhile never resurrects a settled item.
    const settledThisRun = new Map<string, OutboxItem | null>();
    this.replan = true;
    let plan = new Plan([], 0);
    // Two lanes: ordinary items (`concurrency` at once) and MCA-refresh items (a wave of up to
    // `bulkConcurrency`, refilled only once the whole wave has settled, so waves stay whole bulk calls).
    const bulkLimit = Math.min(Math.max(1, this.options.bulkConcurrency), BULK_REATTESTATION_MAX_ITEMS);
    let singles = 0;
    let bulk = 0;
    for (;;) {
      if (this.replan) {
        this.replan = false;
        plan = await this.loadPlan(settledThisRun);
      }
      for (;;) {
        if (!this.canStart()) break;
        const singleRoom = this.options.concurrency - singles;
        const bulkRoom = bulk === 0 ? bulkLimit : 0;
        if (singleRoom <= 0 && bulkRoom <= 0) break;
        let singlesTaken = 0;
        let bulkTaken = 0;
        const picks = plan.pick(singleRoom + bulkRoom, inFlight, (item) => {
          if (isBulkItem(item)) {
            if (bulkTaken >= bulkRoom) return false;
            bulkTaken += 1;
            return true;
          }
          if (singlesTaken >= singleRoom) return false;
          singlesTaken += 1;
          return true;
        });
        if (picks.length === 0) break;
        const leased = await this.options.repository.lease(picks.map((item) => item.id), this.options.owner, this.options.now(), this.options.leaseMs);
        const leasedIds = new Set(leased.map((item) => item.id));
        for (const pick of picks) if (!leasedIds.has(pick.id)) plan.settled(pick, 'gone', this.options.now());
        for (const item of leased) {
          plan.replace(item);
          report.sent += 1;
          const lane = isBulkItem(item) ? 'bulk' : 'single';
          if (lane === 'bulk') bulk += 1;
          else singles += 1;
          const sending = this.send(item, report)
            .then((outcome) => {
              settledThisRun.set(item.id, outcome.how === 'later' ? outcome.item : null);
              plan.settled(outcome.item, outcome.how, this.options.now());
            })
            .finally(() => {
              inFlight.delete(item.customerId);
              if (lane === 'bulk') bulk -= 1;
              else singles -= 1;
            });
          inFlight.set(item.customerId, sending);
        }
      }
      if (inFlight.size === 0) {
        if (this.replan && this.canStart()) continue;
        break;
      }
      await Promise.race([...inFlight.values(), new Promise<void>((resolve) => (this.wake = resolve))]);
      this.wake = () => undefined;
    }
    report.paused = this.pausedReason !== null;
    const due = plan.earliestDue();
    const held = this.heldUntil;
    report.nextDueAt = due === null ? null : Math.max(due, held ?? 0);
    return report;
  }

  private async send(item: OutboxItem, report: DrainReport): Promise<{ item: OutboxItem; how: 'done' | 'later' }> {
    let result: SubmitResult;
    try {
      result = await this.options.submit(item);
    } catch (error) {
      result = { status: 'retry', afterMs: 0, reason: `Unexpected error: ${String(error)}` };
    }
    const now = this.options.now();
    const settlement = this.settlementFor(item, result, now);
    const stored = await this.options.repository.settle(item.id, this.options.owner, settlement, now);
    const after = stored ?? item;
    switch (settlement.status) {
      case 'confirmed':
        report.confirmed += 1;
        if (stored) this.emit({ type: 'confirmed', item: after });
        return { item, how: 'done' };
      case 'failed':
        report.failed += 1;
        if (stored) this.emit({ type: 'failed', item: after });
        return { item, how: 'done' };
      case 'retry':
        report.retried += 1;
        if (stored) this.emit({ type: 'retry', item: after });
        return { item: { ...item, state: 'queued', nextAttemptAt: settlement.nextAttemptAt }, how: 'later' };
      case 'auth-required':
        if (this.pausedReason === null) this.emit({ type: 'auth-required', reason: settlement.reason });
        this.pausedReason = settlement.reason;
        return { item: { ...item, state: 'queued', nextAttemptAt: now }, how: 'later' };
    }
  }

  private settlementFor(item: OutboxItem, result: SubmitResult, now: number): Settlement {
    if (result.status !== 'retry') {
      if (result.status !== 'auth-required') {
        this.retriesInARow = 0;
        this.streakFloorMs = 0;
        this.outagePasses = 0;
      }
      if (result.status === 'confirmed') return { status: 'confirmed', record: result.record, alreadyRecorded: result.alreadyRecorded };
      return result;
    }
    const { random, backoff, outageThreshold } = this.options;
    this.retriesInARow += 1;
    this.streakFloorMs = Math.max(this.streakFloorMs, result.afterMs);
    if (this.retriesInARow >= outageThreshold) {
      this.outagePasses += 1;
      const until = now + retryDelayMs(this.outagePasses, this.streakFloorMs, random, backoff);
      this.holdUntilMs = Math.max(this.heldUntil ?? 0, until);
      this.retriesInARow = 0;
      this.streakFloorMs = 0;
    }
    return { status: 'retry', nextAttemptAt: now + retryDelayMs(item.attempts, result.afterMs, random, backoff), reason: result.reason };
  }

  private async loadPlan(settledThisRun: ReadonlyMap<string, OutboxItem | null>): Promise<Plan> {
    const pending = await this.options.repository.listPending();
    const now = this.options.now();
    const expedite = this.expedite;
    this.expedite = false;
    const current = pending.flatMap((item) => {
      const settled = settledThisRun.has(item.id) ? settledThisRun.get(item.id) : item;
      if (!settled) return [];
      // Expediting never undoes what this run just learned (a fresh Retry-After or backoff).
      return expedite && !settledThisRun.has(item.id) && settled.state === 'queued' ? [{ ...settled, nextAttemptAt: Math.min(settled.nextAttemptAt, now) }] : [settled];
    });
    return new Plan(current, now);
  }

  private emit(event: SyncEvent): void {
    try {
      this.options.onEvent?.(event);
    } catch {
      // A listener's failure must never stop the queue.
    }
  }
}
