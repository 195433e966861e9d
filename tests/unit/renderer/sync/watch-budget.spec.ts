/**
 * Watching acceptance links under the rate limit: scheduled reads of pending attestations are held
 * to the watching budget however many links wait (the rest keep their place and go when the window
 * has room, never in a busy loop), a read the agent asked for goes at once, and the schedule thins
 * out with the time since the link was sent.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { McaDeskDatabase } from '../../../../renderer/src/db/database';
import { checkNow, enqueueEnhancedAttestation, markLinkSent } from '../../../../renderer/src/outbox/commands';
import { SyncEngine } from '../../../../renderer/src/outbox/engine';
import { nextCheckDelayMs, type EnhancedState } from '../../../../renderer/src/outbox/enhanced-state';
import type { OutboxTransport } from '../../../../renderer/src/outbox/ports';
import type { OutboxItem } from '../../../../renderer/src/outbox/item';
import type { AttestationView } from '../../../../shared/ipc/enhanced';
import { WatchBudget } from '../../../../renderer/src/outbox/watch-budget';
import { customerId, freshDatabase, queueOn, storageOn } from '../helpers/database';
import { FakeClock } from '../helpers/fake-backend';

const MINUTE = 60_000;
const signer = { firstName: 'Eva', lastName: 'Jansen', email: 'eva@customer.example' };

/** A backend whose attestations stay pending: it counts the reads. */
function pendingBackend(clock: FakeClock) {
  const reads: string[] = [];
  const view = (item: OutboxItem): AttestationView => ({
    id: `att-${item.id}`,
    customerId: item.customerId,
    status: 'pending',
    acceptanceUrl: `http://127.0.0.1:9/accept/${item.id}`,
    expiresAt: new Date(clock.now() + 7 * 24 * 60 * MINUTE).toISOString(),
    createdAt: new Date(clock.now()).toISOString(),
    country: 'NL',
    language: 'nl-NL',
    companyName: item.customerName,
    signatory: signer,
  });
  const transport: OutboxTransport = {
    submit: () => Promise.reject(new Error('no legacy items here')),
    submitBatch: () => Promise.reject(new Error('no legacy items here')),
    batchLimit: 500,
    createAttestation: async (item) => ({ status: 'created', attestation: view(item), alreadyCreated: false }),
    readAttestation: async (item) => {
      reads.push(item.id);
      return { status: 'read', attestation: view(item) };
    },
    finaliseAttestation: () => Promise.reject(new Error('nothing is accepted here')),
  };
  return { transport, reads };
}

let database: McaDeskDatabase;
let clock: FakeClock;

beforeEach(async () => {
  database = await freshDatabase();
  clock = new FakeClock();
});

async function sentLinks(count: number, engine: SyncEngine): Promise<OutboxItem[]> {
  const context = () => ({ storage: storageOn(database), actor: 'admin@contoso.example', now: clock.now() });
  const items: OutboxItem[] = [];
  for (let n = 0; n < count; n++)
    items.push(
      await enqueueEnhancedAttestation(
        {
          customerId: customerId(n + 1),
          customerName: `Customer ${n}`,
          signer,
          fields: { companyName: `Customer ${n}`, country: 'NL', language: 'nl-NL', linkExpiryMinutes: 10_080 },
        },
        context(),
      ),
    );
  await engine.drain();
  for (const item of items) await markLinkSent(item.id, 'clipboard', context());
  return items;
}

describe('watching under the rate limit', () => {
  it('holds scheduled reads to the budget per minute however many links are pending, the rest keep their place', async () => {
    const { transport, reads } = pendingBackend(clock);
    const engine = new SyncEngine({
      queue: queueOn(database),
      transport,
      now: clock.now,
      owner: 'leader',
      random: () => 0.5,
      watchReadsPerMinute: 10,
    });
    await sentLinks(25, engine);
    clock.advance(MINUTE);
    const first = await engine.drain();
    expect(reads).toHaveLength(10);
    // Due items wait for the window, not in a loop: the next drain is due when the oldest read leaves it.
    expect(first.nextDueAt).toBe(clock.now() + MINUTE);
    expect(await engine.drain()).toMatchObject({ sent: 0 });
    clock.advance(MINUTE);
    await engine.drain();
    expect(reads).toHaveLength(20);
    clock.advance(MINUTE);
    await engine.drain();
    // Every link was read once before any was read twice (oldest due first).
    expect(new Set(reads.slice(0, 25)).size).toBe(25);
    expect(reads.length).toBeLessThanOrEqual(30);
  });

  it('reads at once what the agent asked for ("Check now"), even with the budget spent', async () => {
    const { transport, reads } = pendingBackend(clock);
    const engine = new SyncEngine({
      queue: queueOn(database),
      transport,
      now: clock.now,
      owner: 'leader',
      random: () => 0.5,
      watchReadsPerMinute: 3,
    });
    const items = await sentLinks(6, engine);
    clock.advance(MINUTE);
    await engine.drain();
    expect(reads).toHaveLength(3);
    const waiting = items.find((item) => !reads.includes(item.id))!;
    await checkNow(waiting.id, { storage: storageOn(database), actor: 'admin@contoso.example', now: clock.now() });
    expect(await engine.drain()).toMatchObject({ sent: 1 });
    expect(reads.at(-1)).toBe(waiting.id);
    // Once read, that link is back on the schedule (and the budget) like the others.
    expect((await database.outbox.get(waiting.id))!.enhanced!.askedAt).toBeUndefined();
  });

  it('reads every 30 s for ten minutes after sending, every minute to the hour, then less and less often', () => {
    const sentAt = clock.now();
    const state = (extra: Partial<EnhancedState>): EnhancedState => ({
      step: 'watch',
      companyName: 'C',
      country: 'NL',
      language: 'nl-NL',
      linkExpiryMinutes: 10_080,
      finaliseRequestId: 'f',
      checks: 3,
      attestation: { id: 'a', acceptanceUrl: 'u', status: 'pending', expiresAt: new Date(sentAt + 7 * 24 * 60 * MINUTE).toISOString() },
      ...extra,
    });
    const gapAfter = (minutes: number) => nextCheckDelayMs(state({ linkSentAt: sentAt }), sentAt + minutes * MINUTE) / MINUTE;
    expect([0, 9, 10, 59, 60, 359, 360, 1439, 1440, 5000].map(gapAfter)).toEqual([0.5, 0.5, 1, 1, 5, 5, 15, 15, 60, 60]);
    // Not sent yet: hourly. Near the end: one read just after the link ends.
    expect(nextCheckDelayMs(state({}), sentAt) / MINUTE).toBe(60);
    const end = sentAt + 7 * 24 * 60 * MINUTE;
    expect(nextCheckDelayMs(state({ linkSentAt: sentAt }), end - 10 * MINUTE)).toBe(10 * MINUTE + 30_000);
    // A reminder two days on: the short gaps again, counted from it.
    const remindedAt = sentAt + 2 * 24 * 60 * MINUTE;
    expect(nextCheckDelayMs(state({ linkSentAt: sentAt }), remindedAt + 5 * MINUTE) / MINUTE).toBe(60);
    expect(nextCheckDelayMs(state({ linkSentAt: sentAt, followedUpAt: remindedAt }), remindedAt + 5 * MINUTE) / MINUTE).toBe(0.5);
    expect(nextCheckDelayMs(state({ linkSentAt: sentAt, followedUpAt: remindedAt }), remindedAt + 90 * MINUTE) / MINUTE).toBe(5);
  });

  it('the budget is a sliding window: no burst at the turn of a minute', () => {
    const budget = new WatchBudget(2);
    expect([budget.take(0), budget.take(30_000), budget.take(59_999)]).toEqual([true, true, false]);
    expect(budget.nextFreeAt(59_999)).toBe(60_000);
    expect([budget.take(60_000), budget.take(60_001)]).toEqual([true, false]);
  });
});
