/**
 * The outbox store keeps its active items up to date incrementally (a change reads the active ids
 * and the items written since the last look, never the whole queue again). These tests check it
 * still shows exactly what IndexedDB holds, through every kind of write.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { enqueueAttestation, discardItem, requeueFailed } from '../../../../renderer/src/outbox/commands';
import { useOutboxStore } from '../../../../renderer/src/stores/outbox';
import { ADMIN } from '../helpers/fake-api';
import { CUSTOMER_A, CUSTOMER_B, CUSTOMER_C, contact, queueOn, storageOn } from '../helpers/database';
import { createTestApp, eventually, type TestApp } from '../helpers/app';

describe('outbox store (incremental active list)', () => {
  let app: TestApp;
  let now = 1_000;
  const context = () => ({ storage: storageOn(app.database), actor: 'admin@contoso.example', now: (now += 1) });
  const enqueue = (customerId: string, email = contact.email) =>
    enqueueAttestation(
      { customerId, customerName: customerId, primaryContact: { ...contact, email }, dateAgreed: '2024-05-01' },
      context(),
    );

  beforeEach(async () => {
    app = await createTestApp(ADMIN);
    now = 1_000;
  });

  /** What the store shows must be what a full read of the table says. */
  async function matchesTable(): Promise<void> {
    const outbox = useOutboxStore();
    const expected = (await app.database.outbox.where('state').anyOf('queued', 'sending', 'failed').sortBy('createdAt')).map(
      (item) => `${item.id}:${item.state}:${item.attempts}`,
    );
    await eventually(() => outbox.active.map((item) => `${item.id}:${item.state}:${item.attempts}`).join() === expected.join());
  }

  it('follows enqueue, lease, settle, requeue, discard and a cleared table', async () => {
    const outbox = useOutboxStore();
    const a = await enqueue(CUSTOMER_A);
    const b = await enqueue(CUSTOMER_B);
    const c = await enqueue(CUSTOMER_C);
    await matchesTable();
    expect(outbox.waitingCount).toBe(3);
    expect(outbox.localStates.get(CUSTOMER_A)).toEqual({ waiting: true, failed: false });

    const repository = queueOn(app.database);
    await repository.lease([a.id, b.id], 'owner', (now += 1), 60_000);
    await matchesTable();
    expect(outbox.sendingCount).toBe(2);

    await repository.settle(a.id, 'owner', { status: 'failed', code: 600002, reason: 'no' }, (now += 1));
    await repository.settle(b.id, 'owner', { status: 'retry', nextAttemptAt: now + 5_000, reason: 'later' }, (now += 1));
    await matchesTable();
    expect(outbox.failedCount).toBe(1);
    expect(outbox.localStates.get(CUSTOMER_A)).toEqual({ waiting: false, failed: true });
    expect(outbox.active.find((item) => item.id === b.id)?.lastError?.reason).toBe('later');

    const replacement = await requeueFailed(a.id, { dateAgreed: '2024-05-02' }, context());
    await matchesTable();
    expect(outbox.active.some((item) => item.id === a.id)).toBe(false);
    expect(outbox.active.find((item) => item.id === replacement.id)?.dateAgreed).toBe('2024-05-02');

    await discardItem(c.id, context());
    await matchesTable();
    expect(outbox.localStates.has(CUSTOMER_C)).toBe(false);

    // Writes with an older clock (another window, a clock set back) are still seen, by their ids.
    now = 10;
    await enqueue(CUSTOMER_C, 'late@example.com');
    await matchesTable();

    await app.database.outbox.clear();
    await matchesTable();
    expect(outbox.waitingCount).toBe(0);
    expect(outbox.localStates.size).toBe(0);
  });

  it('keeps up with a queue of items written in bursts', async () => {
    const outbox = useOutboxStore();
    const ids = Array.from({ length: 200 }, (_, i) => `${String(i).padStart(8, '0')}-1111-4111-8111-111111111111`);
    await Promise.all(ids.map((id, i) => enqueue(id, `burst${i}@example.com`)));
    await matchesTable();
    expect(outbox.waitingCount).toBe(200);
    expect(outbox.localStates.size).toBe(200);
  });
});
