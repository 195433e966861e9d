/**
 * Drives the sync engine: one leader across windows, triggered on start, when the network comes
 * back, when the window gets focus, every 30 seconds, after each enqueue, and when the next retry is
 * due. Other windows forward their triggers to the leader over a BroadcastChannel and hear its
 * outcomes the same way, so every window can notify the agent.
 */
import type { DrainReport, SyncEngine, SyncEvent } from '../outbox/engine';
import { runAsLeader, type Leadership, type LocksLike } from './leader';

export type SyncTrigger = 'start' | 'online' | 'focus' | 'interval' | 'enqueue' | 'manual' | 'due' | 'resume';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** The messages windows exchange about the queue. */
export type SyncMessage =
  { type: 'nudge'; trigger: SyncTrigger } | { type: 'event'; event: SyncEvent } | { type: 'drained'; report: DrainReport };

export interface MessageChannelLike {
  postMessage(message: SyncMessage): void;
  addEventListener(type: 'message', listener: (event: { data: SyncMessage }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: SyncMessage }) => void): void;
  close?(): void;
}

export interface SyncWorkerOptions {
  engine: SyncEngine;
  lockName: string;
  locks?: LocksLike | null;
  channel?: MessageChannelLike | null;
  /** Where `online` and `focus` come from (the window). */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  isOnline?: () => boolean;
  timers?: Timers;
  now?: () => number;
  intervalMs?: number;
  onLeadership?: (leading: boolean) => void;
  onDrained?: (report: DrainReport) => void;
  /** Every engine event, from this window's engine or the leader's in another window. */
  onEvent?: (event: SyncEvent) => void;
  onError?: (error: unknown) => void;
}

export const SYNC_INTERVAL_MS = 30_000;

const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as number),
  setInterval: (callback, ms) => globalThis.setInterval(callback, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as number),
};

export class SyncWorker {
  private leadership: Leadership | null = null;
  private leading = false;
  private interval: unknown = null;
  private dueTimer: unknown = null;
  private readonly timers: Timers;
  private readonly now: () => number;
  private readonly onOnline = () => this.trigger('online');
  private readonly onFocus = () => this.trigger('focus');
  private readonly onMessage = (message: { data: SyncMessage }) => this.receive(message.data);

  constructor(private readonly options: SyncWorkerOptions) {
    this.timers = options.timers ?? browserTimers;
    this.now = options.now ?? Date.now;
  }

  get isLeader(): boolean {
    return this.leading;
  }

  start(): void {
    if (this.leadership) return;
    this.options.channel?.addEventListener('message', this.onMessage);
    this.options.events?.addEventListener('online', this.onOnline);
    this.options.events?.addEventListener('focus', this.onFocus);
    this.leadership = runAsLeader(
      this.options.lockName,
      () => this.lead(),
      () => this.resign(),
      this.options.locks,
    );
  }

  stop(): void {
    this.leadership?.stop();
    this.leadership = null;
    this.resign();
    this.options.channel?.removeEventListener('message', this.onMessage);
    this.options.events?.removeEventListener('online', this.onOnline);
    this.options.events?.removeEventListener('focus', this.onFocus);
  }

  /** Asks for a sync; in a window that is not the leader, asks the leader. */
  trigger(trigger: SyncTrigger): void {
    if (!this.leading) {
      this.options.channel?.postMessage({ type: 'nudge', trigger });
      return;
    }
    void this.runDrain(trigger);
  }

  /** After the agent signed in again (in any window): the leader lifts the pause and sends. */
  resume(): void {
    this.trigger('resume');
  }

  /** Runs a sync now in this window if it leads; answers the report (null when another window leads or offline). */
  async runDrain(trigger: SyncTrigger): Promise<DrainReport | null> {
    if (!this.leading) return null;
    const { engine } = this.options;
    if (trigger === 'resume') engine.resume();
    if (trigger === 'enqueue') engine.notifyEnqueued();
    if (trigger === 'manual' || trigger === 'online' || trigger === 'resume') engine.releaseHold();
    if (this.options.isOnline && !this.options.isOnline()) return null;
    try {
      const report = await engine.drain();
      this.scheduleDue(report.nextDueAt);
      this.options.onDrained?.(report);
      this.options.channel?.postMessage({ type: 'drained', report });
      return report;
    } catch (error) {
      this.options.onError?.(error);
      return null;
    }
  }

  /** Forwards an engine event to this window's listener and to the other windows. */
  publish(event: SyncEvent): void {
    this.options.onEvent?.(event);
    this.options.channel?.postMessage({ type: 'event', event });
  }

  private lead(): void {
    this.leading = true;
    this.options.onLeadership?.(true);
    this.interval = this.timers.setInterval(() => this.trigger('interval'), this.options.intervalMs ?? SYNC_INTERVAL_MS);
    void this.options.engine
      .recover()
      .catch((error: unknown) => this.options.onError?.(error))
      .then(() => this.runDrain('start'));
  }

  private resign(): void {
    if (!this.leading) return;
    this.leading = false;
    if (this.interval !== null) this.timers.clearInterval(this.interval);
    if (this.dueTimer !== null) this.timers.clearTimeout(this.dueTimer);
    this.interval = null;
    this.dueTimer = null;
    this.options.onLeadership?.(false);
  }

  private scheduleDue(nextDueAt: number | null): void {
    if (this.dueTimer !== null) this.timers.clearTimeout(this.dueTimer);
    this.dueTimer = null;
    if (nextDueAt === null || !this.leading) return;
    const wait = Math.max(nextDueAt - this.now(), 0);
    if (wait >= (this.options.intervalMs ?? SYNC_INTERVAL_MS)) return;
    this.dueTimer = this.timers.setTimeout(() => {
      this.dueTimer = null;
      this.trigger('due');
    }, wait + 10);
  }

  private receive(message: SyncMessage): void {
    if (message.type === 'nudge') {
      if (this.leading) void this.runDrain(message.trigger);
    } else if (message.type === 'event') {
      this.options.onEvent?.(message.event);
    } else if (message.type === 'drained') {
      this.options.onDrained?.(message.report);
    }
  }
}
