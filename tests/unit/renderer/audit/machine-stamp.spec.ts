/**
 * The "where" of every audit entry: the database stamps each new entry with the computer's name main
 * gave once (getAppInfo), whichever layer writes it (outbox, evidence, the agent's actions); an
 * entry written before the name was known keeps none and shows "—".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setMachineName } from '../../../../renderer/src/audit/machine-name';
import { loadMachineName } from '../../../../renderer/src/platform/machine-name-load';
import { machineName } from '../../../../renderer/src/audit/machine-name';
import { useTransport } from '../../../../renderer/src/platform/api';
import { EvidenceRepository } from '../../../../renderer/src/db/evidence-repository';
import { createFakeApi } from '../helpers/fake-api';
import { CUSTOMER_A, freshDatabase, storageOn } from '../helpers/database';

afterEach(() => {
  setMachineName(undefined);
  useTransport(undefined);
});

describe('the machine name in audit entries', () => {
  it('is asked of main once and stamped on entries from the outbox, evidence and direct adds; older ones keep none', async () => {
    const database = await freshDatabase();
    await database.audit.add({ at: 1, kind: 'signed-in', itemId: '', customerId: '', actor: 'admin@contoso.example' });

    const fake = createFakeApi();
    let asked = 0;
    fake.on('getAppInfo', () => {
      asked += 1;
      return {
        name: 'MCA Desk',
        version: 'test',
        transport: 'electron',
        platform: 'linux',
        machineName: '  DESK-07 ',
        backend: { kind: 'sandbox', url: 'http://127.0.0.1:4010' },
        secretStorage: { backend: 'memory', secure: false, kind: 'memory', consent: 'not-needed' },
      };
    });
    useTransport(fake.api);
    await loadMachineName();
    await loadMachineName();
    expect(asked).toBe(1);
    expect(machineName()).toBe('DESK-07');

    await storageOn(database).update([], () => ({
      put: [],
      audit: [{ at: 2, kind: 'queued', itemId: 'item-1', customerId: CUSTOMER_A, actor: 'admin@contoso.example' }],
      result: undefined,
    }));
    await new EvidenceRepository(database).add(
      {
        id: 'ev-1',
        customerId: CUSTOMER_A,
        companyName: 'Adatum',
        confirmation: {
          key: 'k',
          day: '2026-12-01',
          signer: { firstName: 'A', lastName: 'B', email: 'a@b.example' },
          source: 'acceptance-link',
        },
        fileName: 'proof.txt',
        mediaType: 'text/plain',
        size: 1,
        sha256: 'x',
        addedBy: { name: 'admin@contoso.example', objectId: 'o' },
        addedAt: 3,
      },
      new Uint8Array([1]),
    );
    await database.audit.add({ at: 4, kind: 'csv-exported', itemId: '', customerId: '', actor: 'admin@contoso.example' });
    // An entry that names its machine already (none does today) is not overwritten.
    await database.audit.add({ at: 5, kind: 'csv-exported', itemId: '', customerId: '', actor: 'a', machine: 'OTHER' });

    const entries = await database.audit.orderBy('seq').toArray();
    expect(entries.map((entry) => [entry.kind, entry.machine])).toEqual([
      ['signed-in', undefined],
      ['queued', 'DESK-07'],
      ['evidence-added', 'DESK-07'],
      ['csv-exported', 'DESK-07'],
      ['csv-exported', 'OTHER'],
    ]);
    database.close();
  });

  it('asks again later when main could not answer, and writes entries without a name meanwhile', async () => {
    const fake = createFakeApi();
    useTransport(fake.api);
    await loadMachineName();
    expect(machineName()).toBeUndefined();
    const database = await freshDatabase();
    await database.audit.add({ at: 1, kind: 'signed-in', itemId: '', customerId: '', actor: 'admin@contoso.example' });
    expect((await database.audit.toArray())[0]!.machine).toBeUndefined();
    expect(fake.calls.filter((entry) => entry.channel === 'getAppInfo')).toHaveLength(1);
    database.close();
  });
});
