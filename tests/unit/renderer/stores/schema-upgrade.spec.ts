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
});
