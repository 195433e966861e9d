import { describe, expect, it } from 'vitest';
import { McaDeskDatabase } from '../../../../renderer/src/db/database';
import { schemaVersions, type SchemaVersion } from '../../../../renderer/src/db/schema';
import { enqueueAttestation } from '../../../../renderer/src/outbox/commands';
import { CUSTOMER_A, contact, storageOn } from '../helpers/database';

describe('schema versions', () => {
  it('an upgrade keeps queued items (and may reshape them), as every future version must', async () => {
    const name = `upgrade-${Math.random()}`;
    const v1 = new McaDeskDatabase(name);
    const item = await enqueueAttestation(
      { customerId: CUSTOMER_A, customerName: 'Contoso', primaryContact: contact, dateAgreed: '2026-11-19' },
      { storage: storageOn(v1), actor: 'a', now: 1 },
    );
    v1.close();

    const next: SchemaVersion = {
      version: schemaVersions.length + 1,
      stores: { outbox: 'id, state, customerId, [state+nextAttemptAt], [state+updatedAt], createdAt, createdBy' },
      upgrade: async (tx) => {
        await tx
          .table('outbox')
          .toCollection()
          .modify((row: { note?: string }) => {
            row.note = 'migrated';
          });
      },
    };
    const v2 = new McaDeskDatabase(name, [...schemaVersions, next]);
    const stored = await v2.outbox.get(item.id);
    expect(stored).toMatchObject({ id: item.id, state: 'queued', note: 'migrated' });
    expect(await v2.outbox.where('createdBy').equals('a').count()).toBe(1);
    expect(await v2.audit.count()).toBe(1);
    v2.close();
  });

  it('version 4 moves the direct-sign answers kept so far into their own table, with the time they were checked', async () => {
    const name = `upgrade-direct-${Math.random()}`;
    const v3 = new McaDeskDatabase(
      name,
      schemaVersions.filter((entry) => entry.version <= 3),
    );
    await v3.mcaState.bulkPut([
      {
        customerId: 'a',
        partnerAttestationCompleted: false,
        lastContact: null,
        lastDateAgreed: null,
        updatedAt: 5,
        isSigned: true,
        isSignedCheckedAt: 4,
      },
      { customerId: 'b', partnerAttestationCompleted: true, lastContact: null, lastDateAgreed: null, updatedAt: 6 },
    ] as never);
    v3.close();
    const v4 = new McaDeskDatabase(name);
    expect(await v4.directAcceptance.toArray()).toEqual([{ customerId: 'a', isSigned: true, checkedAt: 4 }]);
    expect(await v4.mcaState.get('a')).not.toHaveProperty('isSigned');
    expect(await v4.mcaState.get('b')).toMatchObject({ partnerAttestationCompleted: true });
    v4.close();
  });
});
