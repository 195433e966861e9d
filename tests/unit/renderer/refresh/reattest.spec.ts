import { describe, expect, it } from 'vitest';
import { noEnhancedCalls } from '../helpers/no-enhanced-calls';
import { planReattestation } from '../../../../renderer/src/refresh/reattest-plan';
import { enqueueMany } from '../../../../renderer/src/outbox/enqueue-many';
import { ipcTransport } from '../../../../renderer/src/sync/ipc-transport';
import { SyncEngine } from '../../../../renderer/src/outbox/engine';
import { planOf } from '../../../../renderer/src/outbox/kinds';
import type { OutboxTransport } from '../../../../renderer/src/outbox/ports';
import type { McaStateRow, OutboxItem } from '../../../../renderer/src/db/rows';
import type { SubmitResult } from '../../../../shared/ipc/contract';
import { useTransport } from '../../../../renderer/src/platform/api';
import { ApiFailure, createFakeApi } from '../helpers/fake-api';
import { CUSTOMER_A, CUSTOMER_B, CUSTOMER_C, customerId, freshDatabase, queueOn, storageOn } from '../helpers/database';

const contact = { firstName: 'Tania', lastName: 'Carr', email: 'tania@example.com', phoneNumber: '+1 425 555 0100' };
const state = (id: string, extra: Partial<McaStateRow> = {}): McaStateRow => ({
  customerId: id,
  partnerAttestationCompleted: true,
  lastContact: contact,
  lastDateAgreed: '2024-03-01T00:00:00',
  updatedAt: 1,
  ...extra,
});

describe('planning the MCA refresh', () => {
  it('re-confirms each customer with its last contact and today, and says why others are skipped', () => {
    const D = customerId(4);
    const E = customerId(5);
    const states = new Map([
      [CUSTOMER_A, state(CUSTOMER_A)],
      [CUSTOMER_B, state(CUSTOMER_B)],
      [CUSTOMER_C, state(CUSTOMER_C, { lastDateAgreed: '2026-11-20T00:00:00' })],
      [D, state(D, { lastContact: { ...contact, phoneNumber: 'call me' } })],
      [E, state(E, { partnerAttestationCompleted: false })],
    ]);
    const plan = planReattestation({
      customerIds: [CUSTOMER_A, CUSTOMER_B, CUSTOMER_C, D, E],
      states,
      local: new Map([[CUSTOMER_B, { waiting: true, failed: false }]]),
      nameOf: (id) => `Customer ${id.slice(0, 8)}`,
      today: '2026-11-20',
    });
    expect(plan.items).toEqual([
      { customerId: CUSTOMER_A, customerName: 'Customer 11111111', primaryContact: contact, dateAgreed: '2026-11-20', kind: 'reattest' },
    ]);
    expect(plan.skipped.map((skip) => [skip.customerId, skip.reason])).toEqual([
      [CUSTOMER_B, 'already-queued'],
      [CUSTOMER_C, 'already-today'],
      [D, 'invalid-contact'],
      [E, 'not-attested'],
    ]);
  });
});

describe('queuing many items', () => {
  it('gives each attestation its own outbox item and audit entry, in chunks with progress', async () => {
    const database = await freshDatabase();
    const attestations = Array.from({ length: 23 }, (_, n) => ({
      customerId: customerId(n + 1),
      customerName: `C${n}`,
      primaryContact: contact,
      dateAgreed: '2026-11-20',
      kind: 'reattest' as const,
    }));
    const progress: number[] = [];
    const items = await enqueueMany(
      attestations,
      { storage: storageOn(database), actor: 'admin@contoso.example', now: () => 1_000 },
      (done) => progress.push(done),
      10,
    );
    expect(progress).toEqual([10, 20, 23]);
    expect(new Set(items.map((item) => item.id)).size).toBe(23);
    const stored = await database.outbox.toArray();
    expect(stored).toHaveLength(23);
    expect(stored.every((item) => item.state === 'queued' && item.kind === 'reattest' && item.createdBy === 'admin@contoso.example')).toBe(
      true,
    );
    expect((await database.audit.toArray()).filter((entry) => entry.kind === 'queued')).toHaveLength(23);
  });
});

describe('sending re-confirmations', () => {
  const item = (n: number): OutboxItem => ({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    customerId: customerId(n),
    customerName: `C${n}`,
    primaryContact: contact,
    dateAgreed: '2026-11-20',
    kind: 'reattest',
    state: 'sending',
    attempts: 1,
    createdAt: n,
    updatedAt: n,
    createdBy: 'x',
    nextAttemptAt: 0,
  });

  /** An engine over the test database with this transport (the clock stands still, so a retry is not due again). */
  async function drainWith(database: Awaited<ReturnType<typeof freshDatabase>>, transport: OutboxTransport) {
    return new SyncEngine({ queue: queueOn(database), transport, now: () => 1_000, random: () => 0.5, owner: 'leader' }).drain();
  }

  async function queued(database: Awaited<ReturnType<typeof freshDatabase>>, items: OutboxItem[]) {
    await database.outbox.bulkPut(items.map((entry) => ({ ...entry, state: 'queued' as const, attempts: 0 })));
  }

  it('hands items over together in one bulk call of at most the batch limit and answers each with its own result', async () => {
    const database = await freshDatabase();
    await queued(database, [1, 2, 3, 4].map(item));
    const calls: string[][] = [];
    const transport: OutboxTransport = {
      ...noEnhancedCalls,
      batchLimit: 3,
      submit: async () => Promise.reject(new Error('not a single item')),
      async submitBatch(items) {
        calls.push(items.map((entry) => entry.id));
        const results = new Map<string, SubmitResult>();
        for (const entry of items.slice(0, -1)) results.set(entry.id, { status: 'failed', code: 600002, reason: 'future' });
        return results;
      },
    };
    await drainWith(database, transport);
    expect(calls.map((batch) => batch.length)).toEqual([3, 1]);
    const results = await Promise.all([1, 2, 3, 4].map(async (n) => (await database.outbox.get(item(n).id))?.state));
    // Without a result of its own an item is retried (queued again), never failed.
    expect(results).toEqual(['failed', 'failed', 'queued', 'queued']);
  });

  it('answers every item of a failed bulk call with the failure’s verdict', async () => {
    const fake = createFakeApi();
    useTransport(fake.api);
    fake.on('bulkReattest', () => {
      throw new ApiFailure({ code: 'unavailable', message: 'down' });
    });
    expect([...(await ipcTransport.submitBatch([item(1), item(2)])).values()]).toEqual([
      { status: 'retry', afterMs: 0, reason: 'down' },
      { status: 'retry', afterMs: 0, reason: 'down' },
    ]);
  });

  it('sends an MCA refresh item through bulkReattest and an ordinary one through submitAttestation', async () => {
    const fake = createFakeApi();
    useTransport(fake.api);
    const record = {
      customerId: CUSTOMER_A,
      primaryContact: contact,
      templateId: 't',
      dateAgreed: '2026-11-20T00:00:00Z',
      type: 'MicrosoftCustomerAgreement',
    };
    fake.on('bulkReattest', ({ items }) => ({
      results: items.map((entry) => ({ itemId: entry.itemId, result: { status: 'confirmed' as const, record, alreadyRecorded: false } })),
    }));
    fake.on('submitAttestation', () => ({ status: 'confirmed', record, alreadyRecorded: false }));
    for (const entry of [item(1), { ...item(2), kind: undefined }]) {
      const plan = planOf(entry);
      if (plan.lane === 'batch') await plan.send(ipcTransport, [entry]);
      else await plan.send(ipcTransport, entry);
    }
    expect(fake.calls.map((call) => call.channel)).toEqual(['bulkReattest', 'submitAttestation']);
    expect(fake.calls[0]!.request).toEqual({
      items: [{ itemId: item(1).id, customerId: customerId(1), primaryContact: contact, dateAgreed: '2026-11-20' }],
    });
  });
});
