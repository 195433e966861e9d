import type { OutboxItem } from './item';

/**
 * The engine's view of one drain: each customer's pending items in order, and the customers whose
 * oldest item is due now. Only a customer's oldest item is ever eligible.
 */
export class Plan {
  private readonly byCustomer = new Map<string, OutboxItem[]>();
  private readonly ready: string[] = [];

  constructor(items: readonly OutboxItem[], now: number) {
    for (const item of items) {
      const queue = this.byCustomer.get(item.customerId);
      if (queue) queue.push(item);
      else this.byCustomer.set(item.customerId, [item]);
    }
    const heads: OutboxItem[] = [];
    for (const queue of this.byCustomer.values()) {
      const head = queue[0];
      if (head && head.state === 'queued' && head.nextAttemptAt <= now) heads.push(head);
    }
    heads.sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.createdAt - b.createdAt);
    this.ready.push(...heads.map((head) => head.customerId));
  }

  /**
   * Up to `limit` due heads whose customer is not busy, oldest due first. With a `room`, an item is
   * taken only while its lane has room (`room(item)` answers false when its lane is full); items left
   * keep their place for a later pick.
   */
  pick(limit: number, busy: ReadonlyMap<string, unknown>, room: (item: OutboxItem) => boolean = () => true): OutboxItem[] {
    const picks: OutboxItem[] = [];
    const kept: string[] = [];
    // One pass by index and one splice: the engine picks after every answer, over every ready head.
    let scanned = 0;
    for (; scanned < this.ready.length && picks.length < limit; scanned += 1) {
      const customerId = this.ready[scanned] as string;
      const head = this.byCustomer.get(customerId)?.[0];
      if (!head || head.state !== 'queued') continue;
      if (busy.has(customerId) || !room(head)) kept.push(customerId);
      else picks.push(head);
    }
    this.ready.splice(0, scanned, ...kept);
    return picks;
  }

  replace(item: OutboxItem): void {
    const queue = this.byCustomer.get(item.customerId);
    const index = queue?.findIndex((candidate) => candidate.id === item.id) ?? -1;
    if (queue && index >= 0) queue[index] = item;
  }

  /** `done`: the item left the queue; `later`: it stays at the head until it is due; `gone`: it is no longer queued. */
  settled(item: OutboxItem, how: 'done' | 'later' | 'gone', now: number): void {
    const queue = this.byCustomer.get(item.customerId);
    if (!queue) return;
    const index = queue.findIndex((candidate) => candidate.id === item.id);
    if (index < 0) return;
    if (how === 'later') {
      queue[index] = item;
      return;
    }
    queue.splice(index, 1);
    const next = queue[0];
    if (!next) this.byCustomer.delete(item.customerId);
    // A customer may sit in `ready` twice; `pick` skips it once its head is no longer queued.
    else if (next.state === 'queued' && next.nextAttemptAt <= now) this.ready.push(item.customerId);
  }

  /** When the next head is due; `dueAt` may put an item later than its own time (a budget holds it back). */
  earliestDue(dueAt: (item: OutboxItem) => number = (item) => item.nextAttemptAt): number | null {
    let earliest: number | null = null;
    for (const queue of this.byCustomer.values()) {
      const head = queue[0];
      if (head?.state !== 'queued') continue;
      const due = dueAt(head);
      if (earliest === null || due < earliest) earliest = due;
    }
    return earliest;
  }
}
