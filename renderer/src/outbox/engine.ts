/**
 * The outbox sync engine: plain TypeScript with its queue, transport and clock injected, so every
 * rule below is unit-tested without a browser.
 * - Several items are sent at once, but a customer's items go one at a time, oldest first, so the
 *   backend's "latest confirmation" is the one the agent recorded last. The bound adapts
 *   (`concurrency.ts`, AIMD): it grows while answers come fast and unthrottled, halves on a 429, and
 *   nothing is sent inside a Retry-After; a fixed `concurrency` replaces it (one at a time: 1).
 * - Each kind of item has a lane (`kinds.ts`): `single` kinds share `concurrency`; a `batch` kind
 *   goes in waves of up to its transport's batch limit, each wave one transport call, the next wave
 *   once the last one has settled.
 * - An item is leased while it is sent; the outcome is written afterwards in its own transaction.
 * - `retry` waits with full-jitter backoff, never sooner than the backend's Retry-After; a run of
 *   retries (the backend unreachable or throttling every call) holds the whole queue, at least as long
 *   as the backend asked, so an outage is not hammered item by item.
 * - `failed` parks the item and the rest go on (so does `legacy-retired`: the backend retired the
 *   legacy attestation, the item keeps what the agent typed); `auth-required` pauses everything until sign-in.
 * - Scheduled reads of pending acceptance links share a budget per minute (`watch-budget.ts`), so a
 *   thousand waiting links never crowd out the agent's other work; a read the agent asked for goes at once.
 * - Nothing is dropped: an item leaves the queue only as confirmed, or by the agent's own action.
 */
import type { AuthNeed } from '../../../shared/ipc/results';
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from './backoff';
import { kindOf, type OutboxItem } from './item';
import { KIND_PLANS, planOf } from './kinds';
import type { OutboxTransport, SendResult } from './ports';
import type { OutboxSteps, Settlement } from './queue';
import { Plan } from './send-plan';
import { isScheduledRead } from './enhanced-state';
import { WatchBudget, WATCH_READS_PER_MINUTE } from './watch-budget';
import { AdaptiveConcurrency, DEFAULT_AIMD, type AimdPolicy } from './concurrency';

export type SyncEvent =
  | { type: 'confirmed'; item: OutboxItem }
  | { type: 'failed'; item: OutboxItem }
  | { type: 'retry'; item: OutboxItem }
  /** An enhanced attestation moved on (its link is ready, it was checked, the signer accepted). */
  | { type: 'progress'; item: OutboxItem; before: OutboxItem }
  | { type: 'auth-required'; reason: string; need?: AuthNeed }
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
  queue: OutboxSteps;
  transport: OutboxTransport;
  now: () => number;
  random?: () => number;
  /** Identifies this leader's leases. */
  owner: string;
  /** Items of `single` kinds sent at once: a fixed number, or by default adapted to the backend (`aimd`). */
  concurrency?: number | 'adaptive';
  /** The adaptive bound's policy (`concurrency.ts`). */
  aimd?: AimdPolicy;
  leaseMs?: number;
  backoff?: BackoffPolicy;
  /** Transport failures in a row that mean "the backend is unreachable": hold the queue. */
  outageThreshold?: number;
  /** Scheduled reads of pending attestations allowed in any minute (`watch-budget.ts`). */
  watchReadsPerMinute?: number;
  onEvent?: (event: SyncEvent) => void;
}

/** Where the adaptive bound starts (it grows from there). */
export const DEFAULT_CONCURRENCY = DEFAULT_AIMD.initial;
export const DEFAULT_LEASE_MS = 2 * 60_000;

/** The lane an item waits in: every single kind shares one; each batch kind has its own. */
function laneOf(item: OutboxItem): string {
  return planOf(item).lane === 'single' ? 'single' : `batch:${kindOf(item)}`;
}

const NO_ANSWER: SendResult = { status: 'retry', afterMs: 0, reason: 'The backend did not answer for this item.' };

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
  private readonly watchBudget: WatchBudget;
  /** The adaptive bound, or null for a fixed `concurrency`. */
  private readonly bound: AdaptiveConcurrency | null;

  constructor(options: SyncEngineOptions) {
    this.options = {
      random: Math.random,
      concurrency: 'adaptive',
      aimd: DEFAULT_AIMD,
      leaseMs: DEFAULT_LEASE_MS,
      backoff: DEFAULT_BACKOFF,
      outageThreshold: 3,
      watchReadsPerMinute: WATCH_READS_PER_MINUTE,
      ...options,
    };
    this.watchBudget = new WatchBudget(this.options.watchReadsPerMinute);
    const { concurrency } = this.options;
    if (concurrency !== 'adaptive' && !(Number.isInteger(concurrency) && concurrency >= 1))
      throw new Error(`concurrency must be a whole number of at least 1, or 'adaptive' (got ${String(concurrency)}).`);
    this.bound = concurrency === 'adaptive' ? new AdaptiveConcurrency(this.options.aimd) : null;
  }

  /** Items of single kinds that may be out at once now (0 inside a Retry-After). */
  get concurrencyNow(): number {
    return this.bound ? this.bound.limit(this.options.now()) : (this.options.concurrency as number);
  }

  get paused(): string | null {
    return this.pausedReason;
  }

  get heldUntil(): number | null {
    return this.holdUntilMs !== null && this.holdUntilMs > this.options.now() ? this.holdUntilMs : null;
  }

  /** Puts interrupted sends back in the queue; call once when this engine becomes the leader. */
  async recover(): Promise<number> {
    const count = await this.options.queue.recoverLeases(this.options.now(), this.options.owner, true);
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
    // Never inside a Retry-After: the backend's limit is the partner's, whatever lane a send is in.
    return this.pausedReason === null && this.heldUntil === null && this.bound?.heldUntil(this.options.now()) == null;
  }

  /** How many more items each lane takes now: `single` up to the concurrency; a batch lane a whole wave, only when idle. */
  private rooms(busy: ReadonlyMap<string, number>): Map<string, number> {
    const rooms = new Map([['single', this.concurrencyNow - (busy.get('single') ?? 0)]]);
    for (const [kind, plan] of Object.entries(KIND_PLANS))
      if (plan.lane === 'batch')
        rooms.set(`batch:${kind}`, (busy.get(`batch:${kind}`) ?? 0) === 0 ? Math.max(1, plan.limit(this.options.transport)) : 0);
    return rooms;
  }

  private async run(): Promise<DrainReport> {
    const report: DrainReport = { sent: 0, confirmed: 0, failed: 0, retried: 0, nextDueAt: null, paused: false };
    const inFlight = new Map<string, Promise<void>>();
    // Outcomes written during this run, so a plan reloaded meanwhile never resurrects a settled item.
    const settledThisRun = new Map<string, OutboxItem | null>();
    const busy = new Map<string, number>();
    this.replan = true;
    let plan = new Plan([], 0);
    for (;;) {
      if (this.replan) {
        this.replan = false;
        plan = await this.loadPlan(settledThisRun);
      }
      for (;;) {
        if (!this.canStart()) break;
        const rooms = this.rooms(busy);
        const total = [...rooms.values()].reduce((sum, room) => sum + Math.max(0, room), 0);
        if (total <= 0) break;
        const picks = plan.pick(total, inFlight, (item) => {
          const lane = laneOf(item);
          const room = rooms.get(lane) ?? 0;
          if (room <= 0) return false;
          // A scheduled read waits (keeping its place) while the watching budget is spent.
          if (isScheduledRead(item.enhanced) && !this.watchBudget.take(this.options.now())) return false;
          rooms.set(lane, room - 1);
          return true;
        });
        if (picks.length === 0) break;
        const leased = await this.options.queue.lease(
          picks.map((item) => item.id),
          this.options.owner,
          this.options.now(),
          this.options.leaseMs,
        );
        const leasedIds = new Set(leased.map((item) => item.id));
        for (const pick of picks) if (!leasedIds.has(pick.id)) plan.settled(pick, 'gone', this.options.now());
        const byLane = new Map<string, OutboxItem[]>();
        for (const item of leased) {
          plan.replace(item);
          report.sent += 1;
          const lane = laneOf(item);
          const wave = byLane.get(lane);
          if (wave) wave.push(item);
          else byLane.set(lane, [item]);
        }
        for (const [lane, items] of byLane) {
          // A single lane sends each item on its own; a batch lane sends its wave in one call.
          const calls = lane === 'single' ? items.map((item) => [item]) : [items];
          for (const group of calls) {
            busy.set(lane, (busy.get(lane) ?? 0) + group.length);
            const sending = this.send(group, report)
              .then((outcomes) => {
                for (const outcome of outcomes) {
                  settledThisRun.set(outcome.item.id, outcome.how === 'later' ? outcome.item : null);
                  plan.settled(outcome.item, outcome.how, this.options.now());
                }
              })
              .finally(() => {
                for (const item of group) inFlight.delete(item.customerId);
                busy.set(lane, (busy.get(lane) ?? 0) - group.length);
              });
            for (const item of group) inFlight.set(item.customerId, sending);
          }
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
    const due = plan.earliestDue((item) =>
      isScheduledRead(item.enhanced) ? Math.max(item.nextAttemptAt, this.watchBudget.nextFreeAt(this.options.now())) : item.nextAttemptAt,
    );
    const held = Math.max(this.heldUntil ?? 0, this.bound?.heldUntil(this.options.now()) ?? 0);
    report.nextDueAt = due === null ? null : Math.max(due, held);
    return report;
  }

  /** Sends one call's items (one item, or a batch wave) and settles each on its own. */
  private async send(items: readonly OutboxItem[], report: DrainReport): Promise<Array<{ item: OutboxItem; how: 'done' | 'later' }>> {
    const first = items[0]!;
    const plan = planOf(first);
    let results: ReadonlyMap<string, SendResult>;
    const startedAt = this.options.now();
    try {
      results =
        plan.lane === 'single'
          ? new Map([[first.id, await plan.send(this.options.transport, first)]])
          : await plan.send(this.options.transport, items);
    } catch (error) {
      const unexpected: SendResult = { status: 'retry', afterMs: 0, reason: `Unexpected error: ${String(error)}` };
      results = new Map(items.map((item) => [item.id, unexpected]));
    }
    this.adapt(startedAt, results.values());
    return Promise.all(items.map((item) => this.settle(item, results.get(item.id) ?? NO_ANSWER, report)));
  }

  /** Tells the adaptive bound how the call went: throttled (with its Retry-After), answered, or neither (a failure says nothing of the limit). */
  private adapt(startedAt: number, results: Iterable<SendResult>): void {
    if (!this.bound) return;
    const now = this.options.now();
    let answered = false;
    for (const result of results) {
      if (result.status === 'retry' && result.throttled) return this.bound.throttled(startedAt, now, result.afterMs);
      if (result.status !== 'retry') answered = true;
    }
    if (answered) this.bound.answered(startedAt, now);
  }

  private async settle(item: OutboxItem, result: SendResult, report: DrainReport): Promise<{ item: OutboxItem; how: 'done' | 'later' }> {
    const now = this.options.now();
    const settlement = this.settlementFor(item, result, now);
    const stored = await this.options.queue.settle(item.id, this.options.owner, settlement, now);
    const after = stored ?? item;
    switch (settlement.status) {
      case 'confirmed':
        report.confirmed += 1;
        if (stored) this.emit({ type: 'confirmed', item: after });
        return { item, how: 'done' };
      case 'progress':
        // The item stays queued for its next step; the plan holds it as stored, with its new due time.
        if (stored) this.emit({ type: 'progress', item: after, before: item });
        // The next step is due at once (finalise after the acceptance): plan again within this drain.
        if (settlement.next === 'now') this.replan = true;
        return { item: stored ?? { ...item, state: 'queued', nextAttemptAt: now }, how: 'later' };
      case 'failed':
      case 'legacy-retired':
      case 'link-expired':
        // Parked for the agent, never retried on its own: the backend's answer will not change.
        report.failed += 1;
        if (stored) this.emit({ type: 'failed', item: after });
        return { item, how: 'done' };
      case 'retry':
        report.retried += 1;
        if (stored) this.emit({ type: 'retry', item: after });
        return { item: { ...item, state: 'queued', nextAttemptAt: settlement.nextAttemptAt }, how: 'later' };
      case 'auth-required':
        if (this.pausedReason === null)
          this.emit({ type: 'auth-required', reason: settlement.reason, ...(settlement.need ? { need: settlement.need } : {}) });
        this.pausedReason = settlement.reason;
        return { item: { ...item, state: 'queued', nextAttemptAt: now }, how: 'later' };
    }
  }

  private settlementFor(item: OutboxItem, result: SendResult, now: number): Settlement {
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
    // A 429 under the adaptive bound is the backend answering, not an outage: the bound already holds
    // every send for its Retry-After (`adapt`), and a flight of 429s must not grow into an outage hold.
    if (result.throttled && this.bound)
      return { status: 'retry', nextAttemptAt: now + retryDelayMs(item.attempts, result.afterMs, random, backoff), reason: result.reason };
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
    const pending = await this.options.queue.listPending();
    const now = this.options.now();
    const expedite = this.expedite;
    this.expedite = false;
    const current = pending.flatMap((item) => {
      const settled = settledThisRun.has(item.id) ? settledThisRun.get(item.id) : item;
      if (!settled) return [];
      // Expediting never undoes what this run just learned (a fresh Retry-After or backoff).
      return expedite && !settledThisRun.has(item.id) && settled.state === 'queued'
        ? [{ ...settled, nextAttemptAt: Math.min(settled.nextAttemptAt, now) }]
        : [settled];
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
