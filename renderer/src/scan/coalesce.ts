/**
 * The direct-acceptance scan answers about four customers a second for hours. Each answer written
 * on its own made every window re-read the table, re-derive the list's counts and redraw the status
 * bar four times a second: a background that cost the main thread 130 to 215 ms a second at 100,000
 * customers, in the way of the agent's keystrokes. These two keep the same answers and the same
 * progress, at most once a second.
 */
import type { ScanTimers } from './direct-sign-scan';

/**
 * Collects answers and writes them together, `everyMs` after the first one of a batch, or at once
 * on `flush()` (the scan ran out of work, paused, stopped). A kill loses at most one batch: those
 * customers keep no answer and are asked again, as the scan does for any customer without one.
 */
export class AnswerBatch<Answer> {
  private pending: Answer[] = [];
  private timer: unknown = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (answers: Answer[]) => Promise<void>,
    private readonly timers: Pick<ScanTimers, 'setTimeout' | 'clearTimeout'>,
    private readonly everyMs = 1_000,
  ) {}

  add(answer: Answer): void {
    this.pending.push(answer);
    if (this.timer === null) this.timer = this.timers.setTimeout(() => void this.flush(), this.everyMs);
  }

  /** Writes what is pending now; resolves once it and every earlier batch are written (or failed). */
  flush(): Promise<void> {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    const answers = this.pending;
    this.pending = [];
    // One batch at a time, in order: a later answer about a customer never lands before an earlier one.
    this.writing = this.writing.then(() => (answers.length ? this.write(answers) : undefined)).catch(() => undefined);
    return this.writing;
  }
}

/**
 * Passes a value on at most once per `everyMs`, the latest one; a value `urgent` says must be seen
 * at once (a pause, a Retry-After, the end) goes on at once.
 */
export class LatestEvery<Value> {
  private latest: Value | null = null;
  private timer: unknown = null;
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly deliver: (value: Value) => void,
    private readonly timers: ScanTimers,
    private readonly everyMs = 1_000,
  ) {}

  push(value: Value, urgent: boolean): void {
    this.latest = value;
    const due = this.lastAt + this.everyMs - this.timers.now();
    if (urgent || due <= 0) return this.send();
    if (this.timer === null) this.timer = this.timers.setTimeout(() => this.send(), due);
  }

  cancel(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.latest = null;
  }

  private send(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    if (this.latest === null) return;
    const value = this.latest;
    this.latest = null;
    this.lastAt = this.timers.now();
    this.deliver(value);
  }
}
