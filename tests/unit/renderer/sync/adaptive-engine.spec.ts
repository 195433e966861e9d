/**
 * The sync engine with its default, adaptive bound (outbox/concurrency.ts), on a fake clock: it
 * sends more at once than it started with while answers come fast, and after a 429 it sends nothing
 * at all (any item, any customer) until the Retry-After has passed. A fixed bound stays fixed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { McaDeskDatabase } from '../../../../renderer/src/db/database';
import { enqueueAttestation } from '../../../../renderer/src/outbox/commands';
import { DEFAULT_CONCURRENCY, SyncEngine } from '../../../../renderer/src/outbox/engine';
import { contact, customerId, freshDatabase, queueOn, storageOn } from '../helpers/database';
import { FakeBackend, FakeClock } from '../helpers/fake-backend';

let database: McaDeskDatabase;
let backend: FakeBackend;
let clock: FakeClock;

function engine(overrides: Partial<ConstructorParameters<typeof SyncEngine>[0]> = {}) {
  return new SyncEngine({
    queue: queueOn(database),
    transport: backend.transport,
    now: clock.now,
    random: () => 0.5,
    owner: 'leader-1',
    ...overrides,
  });
}

async function queue(count: number) {
  const items = [];
  for (let n = 0; n < count; n++) {
    items.push(
      await enqueueAttestation(
        {
          customerId: customerId(n),
          customerName: `Customer ${n}`,
          primaryContact: { ...contact, email: `c${n}@example.com` },
          dateAgreed: '2026-11-19',
        },
        { storage: storageOn(database), actor: 'admin@contoso.example', now: clock.now() },
      ),
    );
    clock.advance(1);
  }
  return items;
}

beforeEach(async () => {
  database = await freshDatabase();
  backend = new FakeBackend();
  clock = new FakeClock();
});

describe('the sync engine with its adaptive bound', () => {
  it('grows past where it started while the backend answers at once', async () => {
    await queue(120);
    const sync = engine();
    expect(sync.concurrencyNow).toBe(DEFAULT_CONCURRENCY);
    expect(await sync.drain()).toMatchObject({ confirmed: 120 });
    expect(sync.concurrencyNow).toBeGreaterThan(DEFAULT_CONCURRENCY);
    expect(backend.maxInFlight).toBeGreaterThan(DEFAULT_CONCURRENCY);
    expect(backend.maxInFlightPerCustomer).toBe(1);
  });

  it('sends nothing inside a Retry-After, then goes on at a smaller bound', async () => {
    const items = await queue(30);
    const throttledOnce = new Set<string>();
    backend.script = (item) => {
      if (item.id === items[0]!.id && !throttledOnce.has(item.id)) {
        throttledOnce.add(item.id);
        return { status: 'retry', afterMs: 30_000, reason: 'Rate limit is exceeded.', throttled: true };
      }
      return 'apply';
    };
    const sync = engine();
    const first = await sync.drain();
    // The first flight was under way when the 429 came; nothing else left after it.
    const sentBefore = backend.calls.length;
    expect(sentBefore).toBe(DEFAULT_CONCURRENCY);
    expect(first.nextDueAt).toBe(clock.now() + 30_000);
    expect(sync.concurrencyNow).toBe(0);

    clock.advance(29_999);
    expect(await sync.drain()).toMatchObject({ sent: 0 });
    expect(backend.calls.length).toBe(sentBefore);

    clock.advance(1);
    // Halved (the rest of that flight's answers may have added a little since).
    expect(sync.concurrencyNow).toBeGreaterThanOrEqual(1);
    expect(sync.concurrencyNow).toBeLessThan(DEFAULT_CONCURRENCY);
    expect(await sync.drain()).toMatchObject({ confirmed: 30 - (DEFAULT_CONCURRENCY - 1) });
    expect(await database.outbox.where('state').equals('confirmed').count()).toBe(30);
  });

  it('holds a whole flight of 429s for their Retry-After only, not as an outage that grows', async () => {
    await queue(20);
    backend.script = () => ({ status: 'retry', afterMs: 1_000, reason: 'Rate limit is exceeded.', throttled: true });
    // A high draw: an outage hold (backoff with jitter per pass) would go well past the Retry-After.
    const sync = engine({ random: () => 0.99 });
    const report = await sync.drain();
    expect(report).toMatchObject({ sent: DEFAULT_CONCURRENCY, retried: DEFAULT_CONCURRENCY });
    expect(report.nextDueAt).toBe(clock.now() + 1_000);
    expect(sync.heldUntil).toBeNull();
  });

  it('keeps a fixed bound fixed, and refuses one that is no whole number of at least 1', async () => {
    await queue(40);
    const sync = engine({ concurrency: 3 });
    await sync.drain();
    expect(backend.maxInFlight).toBeLessThanOrEqual(3);
    expect(sync.concurrencyNow).toBe(3);
    expect(() => engine({ concurrency: 0 })).toThrow(/at least 1/);
    expect(() => engine({ concurrency: 2.5 })).toThrow(/at least 1/);
  });
});
