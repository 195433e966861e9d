/**
 * Gathers MCA-refresh items into bulk calls. The sync engine hands over a wave of up to 500 items at
 * once (never two of one customer); those that arrive together go in one call (at most 500, the bulk
 * endpoint's limit), and each item is answered with its own result, so every item still settles on
 * its own in the outbox.
 */
import type { SubmitResult } from '../../../shared/ipc/contract';
import type { OutboxItem } from '../db/rows';

/** Sends one batch; answers a result per item id (an item without one is retried). Throws for the whole batch. */
export type SendBatch = (items: readonly OutboxItem[]) => Promise<ReadonlyMap<string, SubmitResult>>;

interface Waiting {
  item: OutboxItem;
  resolve: (result: SubmitResult) => void;
}

export class ReattestBatcher {
  private waiting: Waiting[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: SendBatch,
    private readonly failure: (error: unknown) => SubmitResult,
    private readonly windowMs = 25,
    private readonly maxItems = 500,
  ) {}

  submit(item: OutboxItem): Promise<SubmitResult> {
    return new Promise((resolve) => {
      this.waiting.push({ item, resolve });
      if (this.waiting.length >= this.maxItems) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.windowMs);
    });
  }

  private async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting.splice(0, this.maxItems);
    if (this.waiting.length) this.timer = setTimeout(() => void this.flush(), this.windowMs);
    if (batch.length === 0) return;
    let results: ReadonlyMap<string, SubmitResult>;
    try {
      results = await this.send(batch.map(({ item }) => item));
    } catch (error) {
      const result = this.failure(error);
      for (const { resolve } of batch) resolve(result);
      return;
    }
    for (const { item, resolve } of batch)
      resolve(results.get(item.id) ?? { status: 'retry', afterMs: 0, reason: 'The backend did not answer for this item.' });
  }
}
