import { beforeEach, describe, expect, it } from 'vitest';
import type { McaDeskDatabase } from '../../../../renderer/src/db/database';
import { enqueueAttestation } from '../../../../renderer/src/outbox/commands';
import { SyncEngine } from '../../../../renderer/src/outbox/engine';
import { SyncWorker, type MessageChannelLike, type SyncMessage, type Timers } from '../../../../renderer/src/sync/sync-worker';
import { CUSTOMER_A, CUSTOMER_B, contact, freshDatabase, queueOn, storageOn } from '../helpers/database';
import { FakeBackend, FakeClock } from '../helpers/fake-backend';

/** Web Locks for one lock name, as the browser grants it: one holder, the others wait in order. */
class FakeLocks {
  private holder: Promise<unknown> | null = null;
  private queue: Array<() => void> = [];
  async request(_name: string, options: { signal?: AbortSignal }, callback: () => Promise<unknown>): Promise<unknown> {
    if (this.holder) {
      await new Promise<void>((resolve, reject) => {
        this.queue.push(resolve);
        options.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    const run = callback();
    this.holder = run;
    try {
      return await run;
    } finally {
      this.holder = null;
      this.queue.shift()?.();
    }
  }
}

/** BroadcastChannel between windows: a message reaches every other member. */
class FakeChannelHub {
  private members: Array<{ listeners: Set<(event: MessageEvent<SyncMessage>) => void> }> = [];
  join(): MessageChannelLike {
    const member = { listeners: new Set<(event: MessageEvent<SyncMessage>) => void>() };
    this.members.push(member);
    return {
      postMessage: (message) => {
        for (const other of this.members)
          if (other !== member) for (const listener of other.listeners) listener({ data: message } as MessageEvent<SyncMessage>);
      },
      addEventListener: (_type, listener) => member.listeners.add(listener),
      removeEventListener: (_type, listener) => member.listeners.delete(listener),
    };
  }
}

class FakeTimers implements Timers {
  intervals = new Map<number, { callback: () => void; ms: number }>();
  timeouts = new Map<number, { callback: () => void; ms: number }>();
  private next = 1;
  setTimeout(callback: () => void, ms: number) {
    this.timeouts.set(this.next, { callback, ms });
    return this.next++;
  }
  clearTimeout(handle: unknown) {
    this.timeouts.delete(handle as number);
  }
  setInterval(callback: () => void, ms: number) {
    this.intervals.set(this.next, { callback, ms });
    return this.next++;
  }
  clearInterval(handle: unknown) {
    this.intervals.delete(handle as number);
  }
  fireIntervals() {
    for (const { callback } of this.intervals.values()) callback();
  }
}

let database: McaDeskDatabase;
let backend: FakeBackend;
let clock: FakeClock;
let locks: FakeLocks;
let hub: FakeChannelHub;

function window(name: string, events = new EventTarget(), timers = new FakeTimers()) {
  const engine = new SyncEngine({ queue: queueOn(database), transport: backend.transport, now: clock.now, owner: name, random: () => 0.5 });
  const worker = new SyncWorker({
    engine,
    lockName: 'sync',
    locks: locks as unknown as LockManager,
    channel: hub.join(),
    events,
    timers,
    now: clock.now,
  });
  return { engine, worker, events, timers };
}

async function queue(customer: string) {
  return enqueueAttestation(
    { customerId: customer, customerName: 'C', primaryContact: contact, dateAgreed: '2026-11-19' },
    { storage: storageOn(database), actor: 'a', now: clock.now() },
  );
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

beforeEach(async () => {
  database = await freshDatabase();
  backend = new FakeBackend();
  clock = new FakeClock();
  locks = new FakeLocks();
  hub = new FakeChannelHub();
});

describe('sync worker', () => {
  it('lets exactly one window lead; when it closes, another takes over', async () => {
    const first = window('first');
    const second = window('second');
    first.worker.start();
    second.worker.start();
    await settle();
    expect([first.worker.isLeader, second.worker.isLeader]).toEqual([true, false]);
    first.worker.stop();
    await settle();
    expect(second.worker.isLeader).toBe(true);
    second.worker.stop();
  });

  it('sends on start, after recovering interrupted sends', async () => {
    const item = await queue(CUSTOMER_A);
    await queueOn(database).lease([item.id], 'a-window-that-died', clock.now(), 60_000);
    const { worker } = window('leader');
    worker.start();
    await settle();
    expect((await database.outbox.get(item.id))?.state).toBe('confirmed');
    worker.stop();
  });

  it('a window that does not lead passes its triggers to the leader', async () => {
    const leader = window('leader');
    const follower = window('follower');
    leader.worker.start();
    await settle();
    follower.worker.start();
    await settle();
    const item = await queue(CUSTOMER_A);
    follower.worker.trigger('enqueue');
    await settle();
    expect((await database.outbox.get(item.id))?.state).toBe('confirmed');
    expect(backend.calls).toEqual([item.id]);
    leader.worker.stop();
    follower.worker.stop();
  });

  it('syncs when the network comes back, on focus and every 30 seconds', async () => {
    const leader = window('leader');
    leader.worker.start();
    await settle();
    expect([...leader.timers.intervals.values()].map((interval) => interval.ms)).toEqual([30_000]);
    const a = await queue(CUSTOMER_A);
    leader.events.dispatchEvent(new Event('online'));
    await settle();
    expect((await database.outbox.get(a.id))?.state).toBe('confirmed');
    const b = await queue(CUSTOMER_B);
    leader.events.dispatchEvent(new Event('focus'));
    await settle();
    expect((await database.outbox.get(b.id))?.state).toBe('confirmed');
    const c = await queue('33333333-3333-4333-8333-333333333333');
    leader.timers.fireIntervals();
    await settle();
    expect((await database.outbox.get(c.id))?.state).toBe('confirmed');
    leader.worker.stop();
  });

  it('wakes itself when a retry falls due', async () => {
    const item = await queue(CUSTOMER_A);
    backend.script = (_item, call) => (call === 1 ? { status: 'retry', afterMs: 5_000, reason: 'Throttled' } : 'apply');
    const leader = window('leader');
    leader.worker.start();
    await settle();
    const due = [...leader.timers.timeouts.values()];
    expect(due).toHaveLength(1);
    expect(due[0]?.ms).toBeGreaterThanOrEqual(5_000);
    clock.advance(6_000);
    due[0]?.callback();
    await settle();
    expect((await database.outbox.get(item.id))?.state).toBe('confirmed');
    leader.worker.stop();
  });

  it('after auth-required, sending resumes when the agent signed in again in any window', async () => {
    const item = await queue(CUSTOMER_A);
    backend.script = () => ({ status: 'auth-required', reason: 'expired' });
    const leader = window('leader');
    const follower = window('follower');
    leader.worker.start();
    await settle();
    follower.worker.start();
    expect(leader.engine.paused).toBe('expired');
    backend.script = () => 'apply';
    follower.worker.resume();
    await settle();
    expect((await database.outbox.get(item.id))?.state).toBe('confirmed');
    leader.worker.stop();
    follower.worker.stop();
  });
});
