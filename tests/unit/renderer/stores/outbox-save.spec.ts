/**
 * `outbox.save()` applies the save rules itself (role, duplicate) and answers a typed refusal: the
 * pages no longer gather what a save is checked against, and a refused save writes nothing.
 */
import { describe, expect, it, vi } from 'vitest';
import { useOutboxStore } from '../../../../renderer/src/stores/outbox';
import { ADMIN, HELPDESK } from '../helpers/fake-api';
import { CUSTOMER_A, contact } from '../helpers/database';
import { createTestApp } from '../helpers/app';

const attestation = { customerId: CUSTOMER_A, customerName: 'Contoso', primaryContact: contact, dateAgreed: '2026-11-19' };

describe('outbox.save', () => {
  it('queues an allowed attestation with its audit entry', async () => {
    const app = await createTestApp(ADMIN);
    const outcome = await useOutboxStore().save(attestation);
    expect(outcome).toMatchObject({ saved: true, item: { customerId: CUSTOMER_A, state: 'queued' } });
    expect(await app.database.outbox.count()).toBe(1);
    expect((await app.database.audit.toArray()).map((entry) => entry.kind)).toEqual(['queued']);
  });

  it('refuses an agent whose role may not attest, and writes nothing', async () => {
    const app = await createTestApp(HELPDESK);
    expect(await useOutboxStore().save(attestation)).toEqual({ saved: false, refusal: { reason: 'not-allowed' } });
    expect(await app.database.outbox.count()).toBe(0);
  });

  it('refuses the same contact as the latest confirmation, at Microsoft or still queued', async () => {
    const app = await createTestApp(ADMIN);
    // What the partner-wide records say (no cached history): the same contact is the latest.
    await app.database.mcaState.put({
      customerId: CUSTOMER_A,
      partnerAttestationCompleted: true,
      lastContact: contact,
      lastDateAgreed: '2024-05-01T00:00:00Z',
      updatedAt: 1,
    });
    expect(await useOutboxStore().save(attestation)).toMatchObject({
      saved: false,
      refusal: { reason: 'duplicate-recorded', latest: { dateAgreed: '2024-05-01T00:00:00Z' } },
    });
    expect(await app.database.outbox.count()).toBe(0);

    const other = { ...attestation, primaryContact: { ...contact, email: 'someone.else@example.com' } };
    expect(await useOutboxStore().save(other)).toMatchObject({ saved: true });
    expect(await useOutboxStore().save(other)).toMatchObject({ saved: false, refusal: { reason: 'duplicate-queued' } });
    expect(await app.database.outbox.count()).toBe(1);
  });

  it('checks the save rules and writes in one transaction, and a refused save writes nothing in it', async () => {
    const app = await createTestApp(ADMIN);
    const transaction = vi.spyOn(app.database, 'transaction');
    expect(await useOutboxStore().save(attestation)).toMatchObject({ saved: true });
    expect(transaction.mock.calls.map((call) => call[0])).toEqual(['rw']);
    transaction.mockClear();
    expect(await useOutboxStore().save(attestation)).toMatchObject({ saved: false, refusal: { reason: 'duplicate-queued' } });
    expect(transaction.mock.calls.map((call) => call[0])).toEqual(['rw']);
    expect(await app.database.outbox.count()).toBe(1);
    expect(await app.database.audit.count()).toBe(1);
  });

  it('answers the item already stored under a named id (a resumed step) and writes nothing, while fresh saves get new ids', async () => {
    const app = await createTestApp(ADMIN);
    const first = await useOutboxStore().save({ ...attestation, id: 'resumed-step-1' });
    expect(first).toMatchObject({ saved: true, item: { id: 'resumed-step-1' } });
    // The same step resumed after a crash, its contact since corrected: the stored item stands.
    const corrected = { ...attestation, id: 'resumed-step-1', primaryContact: { ...contact, email: 'corrected@example.com' } };
    expect(await useOutboxStore().save(corrected)).toMatchObject({
      saved: true,
      item: { id: 'resumed-step-1', primaryContact: { email: contact.email } },
    });
    expect(await app.database.outbox.count()).toBe(1);
    expect(await app.database.audit.count()).toBe(1);

    const fresh = await useOutboxStore().save({ ...attestation, primaryContact: { ...contact, email: 'third@example.com' } });
    expect(fresh.saved && fresh.item.id).not.toBe('resumed-step-1');
    expect(await app.database.outbox.count()).toBe(2);
  });
});
