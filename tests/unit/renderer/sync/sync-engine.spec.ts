import { beforeEach, describe, expect, it } from 'vitest';
import type { McaDeskDatabase } from '../../../../renderer/src/db/database';
import { enqueueAttestation, requeueFailed } from '../../../../renderer/src/outbox/commands';
import { SyncEngine, type SyncEvent } from '../../../../renderer/src/outbox/engine';
import { enqueueMany } from '../../../../renderer/src/outbox/enqueue-many';
import { ipcTransport } from '../../../../renderer/src/sync/ipc-transport';
import { useTransport } from '../../../../renderer/src/platform/api';
import { createFakeApi } from '../helpers/fake-api';
import { CUSTOMER_A, CUSTOMER_B, contact, customerId, freshDatabase, queueOn, storageOn } from '../helpers/database';
import { FakeBackend, FakeClock } from '../helpers/fake-backend';

let database: McaDeskDatabase;
let backend: FakeBackend;
let clock: FakeClock;
let events: SyncEvent[];

function engine(overrides: Partial<ConstructorParameters<typeof SyncEngine>[0]> = {}) {
  return new SyncEngine({
    queue: queueOn(database),
    transport: backend.transport,
    now: clock.now,
    random: () => 0.5,
    owner: 'leader-1',
    onEvent: (event) => events.push(event),
    ...overrides,
  });
}

async function queue(customer: string, email = contact.email) {
  const item = await enqueueAttestation(
    {
      customerId: customer,
      customerName: `Customer ${customer.slice(0, 4)}`,
      primaryContact: { ...contact, email },
      dateAgreed: '2026-11-19',
    },
    { storage: storageOn(database), actor: 'admin@contoso.example', now: clock.now() },
  );
  clock.advance(1);
  return item;
}

async function states() {
  return Object.fromEntries((await database.outbox.toArray()).map((item) => [item.id, item.state]));
}

beforeEach(async () => {
  database = await freshDatabase();
  backend = new FakeBackend();
  clock = new FakeClock();
  events = [];
});

describe('sync engine', () => {
  it('confirms queued items, keeps them in history and writes the MCA state, with an audit trail', async () => {
    const a = await queue(CUSTOMER_A);
    const report = await engine().drain();
    expect(report).toMatchObject({ sent: 1, confirmed: 1, nextDueAt: null });
    const stored = await database.outbox.get(a.id);
    expect(stored).toMatchObject({ state: 'confirmed', attempts: 1, alreadyRecorded: false });
    expect(await database.mcaState.get(CUSTOMER_A)).toMatchObject({ partnerAttestationCompleted: true });
    expect((await database.audit.where('itemId').equals(a.id).toArray()).map((e) => e.kind)).toEqual(['queued', 'sending', 'confirmed']);
    expect(events.map((e) => e.type)).toEqual(['confirmed']);
  });

  it('sends several items at once but never more than the cap, and one at a time per customer', async () => {
    for (let n = 0; n < 20; n++) await queue(customerId(n % 10));
    const report = await engine({ concurrency: 4 }).drain();
    expect(report.confirmed).toBe(20);
    expect(backend.maxInFlight).toBeLessThanOrEqual(4);
    expect(backend.maxInFlight).toBeGreaterThan(1);
    expect(backend.maxInFlightPerCustomer).toBe(1);
  });

  it("sends a customer's items oldest first", async () => {
    const first = await queue(CUSTOMER_A, 'first@example.com');
    const second = await queue(CUSTOMER_A, 'second@example.com');
    await engine({ concurrency: 8 }).drain();
    expect(backend.calls).toEqual([first.id, second.id]);
  });

  it('backs off with jitter but never sooner than Retry-After, while the other items go on', async () => {
    const a = await queue(CUSTOMER_A);
    const b = await queue(CUSTOMER_B);
    backend.script = (item) => (item.id === a.id ? { status: 'retry', afterMs: 30_000, reason: 'Throttled' } : 'apply');
    const sync = engine({ concurrency: 1 });
    const report = await sync.drain();
    const stored = await database.outbox.get(a.id);
    expect(stored?.state).toBe('queued');
    expect(stored?.nextAttemptAt).toBeGreaterThanOrEqual(clock.now() + 30_000);
    expect(stored?.lastError).toMatchObject({ kind: 'retry', reason: 'Throttled' });
    expect(report).toMatchObject({ confirmed: 1, retried: 1 });
    expect((await database.outbox.get(b.id))?.state).toBe('confirmed');
    expect(report.nextDueAt).toBe(stored?.nextAttemptAt);
    clock.advance(29_000);
    expect((await sync.drain()).sent).toBe(0);
    clock.advance(1_001);
    backend.script = () => 'apply';
    expect((await sync.drain()).confirmed).toBe(1);
  });

  it('holds the whole queue at least as long as Retry-After when every call is throttled', async () => {
    for (let n = 0; n < 6; n++) await queue(customerId(n));
    backend.script = () => ({ status: 'retry', afterMs: 20_000, reason: 'Throttled' });
    const sync = engine({ concurrency: 1, outageThreshold: 3 });
    const report = await sync.drain();
    expect(backend.calls).toHaveLength(3);
    expect(sync.heldUntil).toBeGreaterThanOrEqual(clock.now() + 20_000);
    expect(report.nextDueAt).toBeGreaterThanOrEqual(clock.now() + 20_000);
    expect((await sync.drain()).sent).toBe(0);
    clock.advance(60_000);
    backend.script = () => 'apply';
    expect((await sync.drain()).confirmed).toBe(6);
  });

  it('uses full jitter: the delay is drawn between the floor and the exponential cap', async () => {
    const a = await queue(CUSTOMER_A);
    backend.script = () => ({ status: 'retry', afterMs: 0, reason: 'HTTP 503' });
    await engine({ random: () => 0.999, outageThreshold: 100 }).drain();
    const first = (await database.outbox.get(a.id))!;
    expect(first.nextAttemptAt - clock.now()).toBe(999); // attempt 1: up to 1 s
    clock.advance(1_000);
    await engine({ random: () => 0, outageThreshold: 100 }).drain();
    const second = (await database.outbox.get(a.id))!;
    expect(second.nextAttemptAt - clock.now()).toBe(250); // the floor, never a tight loop
  });

  it('parks a permanent failure and goes on with the rest', async () => {
    const bad = await queue(CUSTOMER_A);
    const good = await queue(CUSTOMER_B);
    backend.script = (item) =>
      item.id === bad.id
        ? { status: 'failed', code: 600002, reason: 'Date of agreement cannot be greater than the current date.' }
        : 'apply';
    const report = await engine().drain();
    expect(report).toMatchObject({ confirmed: 1, failed: 1 });
    expect(await states()).toEqual({ [bad.id]: 'failed', [good.id]: 'confirmed' });
    expect((await database.outbox.get(bad.id))?.lastError).toMatchObject({ kind: 'failed', code: 600002 });
    // A parked item is not retried on its own.
    expect((await engine().drain()).sent).toBe(0);
  });

  it("a failed item doesn't block the same customer's next item", async () => {
    const bad = await queue(CUSTOMER_A, 'bad@example.com');
    const next = await queue(CUSTOMER_A, 'next@example.com');
    backend.script = (item) => (item.id === bad.id ? { status: 'failed', code: 403, reason: 'Forbidden' } : 'apply');
    await engine().drain();
    expect(await states()).toEqual({ [bad.id]: 'failed', [next.id]: 'confirmed' });
  });

  it('pauses on auth-required with the queue intact, and resumes after sign-in', async () => {
    const a = await queue(CUSTOMER_A);
    const b = await queue(CUSTOMER_B);
    backend.script = () => ({ status: 'auth-required', reason: 'The sign-in expired.' });
    const sync = engine({ concurrency: 1 });
    const report = await sync.drain();
    expect(report.paused).toBe(true);
    expect(backend.calls).toHaveLength(1);
    expect(await states()).toEqual({ [a.id]: 'queued', [b.id]: 'queued' });
    expect(events.filter((e) => e.type === 'auth-required')).toHaveLength(1);
    expect((await sync.drain()).sent).toBe(0);
    backend.script = () => 'apply';
    sync.resume();
    expect((await sync.drain()).confirmed).toBe(2);
  });

  it('resends an item whose lease expired (the app was killed mid-send) with the same id: one agreement', async () => {
    const a = await queue(CUSTOMER_A);
    backend.holdCalls = true;
    const first = engine({ owner: 'window-that-dies' });
    void first.drain();
    await until(() => backend.heldCount === 1);
    expect((await database.outbox.get(a.id))?.state).toBe('sending');
    // The first window is gone without an answer; its request did reach the backend.
    backend.holdCalls = false;
    backend.script = () => 'apply';
    const second = engine({ owner: 'new-leader' });
    expect(await second.recover()).toBe(1);
    expect((await database.outbox.get(a.id))?.state).toBe('queued');
    await second.drain();
    backend.releaseAll(); // the dead window's call finally lands too
    await until(() => backend.inFlight === 0);
    expect(backend.agreements.size).toBe(1);
    expect((await database.outbox.get(a.id))?.state).toBe('confirmed');
    expect(new Set(backend.calls)).toEqual(new Set([a.id]));
  });

  it('a lost response is retried with the same request id and counts once (exactly-once effect)', async () => {
    const a = await queue(CUSTOMER_A);
    backend.script = (_item, call) => (call === 1 ? 'apply-and-lose' : 'apply');
    const sync = engine({ outageThreshold: 100 });
    await sync.drain();
    expect((await database.outbox.get(a.id))?.state).toBe('queued');
    clock.advance(60_000);
    await sync.drain();
    const stored = await database.outbox.get(a.id);
    expect(stored).toMatchObject({ state: 'confirmed', alreadyRecorded: true, attempts: 2 });
    expect(backend.calls).toEqual([a.id, a.id]);
    expect(backend.agreements.size).toBe(1);
  });

  it('holds the queue after a run of transport failures instead of trying every item', async () => {
    for (let n = 0; n < 10; n++) await queue(customerId(n));
    backend.script = () => ({ status: 'retry', afterMs: 0, reason: 'The backend is not reachable.' });
    const sync = engine({ concurrency: 1, outageThreshold: 3 });
    const report = await sync.drain();
    expect(backend.calls).toHaveLength(3);
    expect(report.nextDueAt).toBeGreaterThan(clock.now());
    // The network came back: the agent's "Sync now" lifts the hold at once.
    backend.script = () => 'apply';
    sync.releaseHold();
    expect((await sync.drain()).confirmed).toBe(10);
  });

  it('a failed item retried by the agent is sent again under a new request id', async () => {
    const bad = await queue(CUSTOMER_A);
    backend.script = (item) => (item.dateAgreed === '2026-11-19' ? { status: 'failed', code: 600002, reason: 'future' } : 'apply');
    await engine().drain();
    const replacement = await requeueFailed(
      bad.id,
      { dateAgreed: '2026-11-18' },
      { storage: storageOn(database), actor: 'admin@contoso.example', now: clock.now() },
    );
    await engine().drain();
    expect(replacement.id).not.toBe(bad.id);
    expect(await states()).toEqual({ [bad.id]: 'replaced', [replacement.id]: 'confirmed' });
    expect((await database.outbox.get(replacement.id))?.dateAgreed).toBe('2026-11-18');
  });

  it('picks up items queued while a sync is running', async () => {
    await queue(CUSTOMER_A);
    backend.holdCalls = true;
    const sync = engine();
    const running = sync.drain();
    await until(() => backend.heldCount === 1);
    const late = await queue(CUSTOMER_B);
    sync.notifyEnqueued();
    await until(() => backend.heldCount === 2);
    backend.holdCalls = false;
    backend.releaseAll();
    expect((await running).confirmed).toBe(2);
    expect((await database.outbox.get(late.id))?.state).toBe('confirmed');
  });

  it('ignores a non-confirmed outcome that arrives for a lease it no longer holds', async () => {
    const a = await queue(CUSTOMER_A);
    const repository = queueOn(database);
    await repository.lease([a.id], 'old-owner', clock.now(), 1000);
    await repository.recoverLeases(clock.now(), 'new-owner', true);
    const stale = await repository.settle(a.id, 'old-owner', { status: 'failed', code: 500, reason: 'late' }, clock.now());
    expect(stale).toBeUndefined();
    expect((await database.outbox.get(a.id))?.state).toBe('queued');
    expect((await database.audit.toArray()).map((e) => e.kind)).toContain('stale-result');
  });
});

describe('MCA refresh items (bulk re-attestation)', () => {
  it('sends 1,200 queued re-attestations in 3 bulk calls of at most 500, each item once, while ordinary items go alongside', async () => {
    const fake = createFakeApi();
    useTransport(fake.api);
    const sent = new Map<string, number>();
    const record = (customer: string) => ({
      customerId: customer,
      primaryContact: contact,
      templateId: 't',
      dateAgreed: '2026-11-19T00:00:00Z',
      type: 'MicrosoftCustomerAgreement',
    });
    fake.on('bulkReattest', ({ items }) => {
      for (const entry of items) sent.set(entry.itemId, (sent.get(entry.itemId) ?? 0) + 1);
      return {
        results: items.map((entry) => ({
          itemId: entry.itemId,
          result: { status: 'confirmed' as const, record: record(entry.customerId), alreadyRecorded: false },
        })),
      };
    });
    fake.on('submitAttestation', (entry) => {
      sent.set(entry.itemId, (sent.get(entry.itemId) ?? 0) + 1);
      return { status: 'confirmed', record: record(entry.customerId), alreadyRecorded: false };
    });
    const refresh = Array.from({ length: 1200 }, (_, n) => ({
      customerId: customerId(n + 1),
      customerName: `C${n}`,
      primaryContact: contact,
      dateAgreed: '2026-11-19',
      kind: 'reattest' as const,
    }));
    await enqueueMany(refresh, { storage: storageOn(database), actor: 'admin@contoso.example', now: clock.now });
    for (let n = 0; n < 8; n++) await queue(customerId(5000 + n));

    const report = await engine({ transport: ipcTransport }).drain();

    const bulkCalls = fake.calls
      .filter((call) => call.channel === 'bulkReattest')
      .map((call) => (call.request as { items: unknown[] }).items.length);
    expect(bulkCalls).toEqual([500, 500, 200]);
    expect(fake.calls.filter((call) => call.channel === 'submitAttestation')).toHaveLength(8);
    expect(report).toMatchObject({ sent: 1208, confirmed: 1208, failed: 0, retried: 0 });
    expect(sent.size).toBe(1208);
    expect([...sent.values()].every((times) => times === 1)).toBe(true);
    expect(Object.values(await states()).every((state) => state === 'confirmed')).toBe(true);
  }, 120_000);
});

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
