/**
 * "Import CSV" end to end inside the renderer (store, fake IndexedDB, fake window.api): on the
 * enhanced route a signer file is checked, its ready rows queued as enhanced attestations with their
 * audit entries, a re-import queues nothing again, a bad file writes nothing, and a customer whose
 * details were never opened has them fetched once to fill in country and language.
 */
import { describe, expect, it } from 'vitest';
import { useCsvImportStore } from '../../../../renderer/src/stores/csv-import';
import { useCustomersStore } from '../../../../renderer/src/stores/customers';
import type { Customer } from '../../../../shared/domain/customer';
import { ADMIN } from '../helpers/fake-api';
import { createTestApp, type TestApp } from '../helpers/app';
import { CUSTOMER_A, CUSTOMER_B, CUSTOMER_C } from '../helpers/database';

const customers: Customer[] = [
  {
    id: CUSTOMER_A,
    companyName: 'Fourth Coffee',
    domain: 'fourthcoffee.onmicrosoft.com',
    country: 'us',
    language: 'en-US',
    contact: { firstName: 'Tom', lastName: 'Bee', email: 'tom@fourthcoffee.example' },
  },
  {
    id: CUSTOMER_B,
    companyName: 'Adatum',
    domain: 'adatum.onmicrosoft.com',
    country: 'NL',
    language: 'nl-NL',
    contact: { firstName: 'Ad', lastName: 'Atum', email: 'ad@adatum.example' },
  },
  {
    id: CUSTOMER_C,
    companyName: 'Graphic Design Institute',
    domain: 'graphic.onmicrosoft.com',
    country: 'BE',
    language: 'nl-BE',
    contact: { firstName: 'Gi', lastName: 'Di', email: 'gi@graphic.example' },
  },
];

/** A signed-in app with the three customers in the list cache (fresh: no download), Fourth Coffee opened before. */
async function app(route: 'enhanced' | 'legacy' = 'enhanced'): Promise<TestApp> {
  const test = await createTestApp(ADMIN, { attestationRoute: route });
  await test.database.customers.bulkPut(
    customers.map((c) => ({ id: c.id, companyName: c.companyName, domain: c.domain, nameKey: c.companyName.toLowerCase(), seenRun: 'r' })),
  );
  await test.database.meta.put({ key: 'customers.updatedAt', value: Date.now() });
  await test.database.customerDetails.put({ ...customers[0]!, fetchedAt: 1 });
  test.fake.on('getCustomer', ({ customerId }) => {
    const found = customers.find((c) => c.id === customerId);
    if (!found) throw new Error('unknown customer');
    return found;
  });
  await useCustomersStore().load();
  return test;
}

const file = (lines: string[]) => new Blob([lines.join('\r\n')], { type: 'text/csv' });

const signerFile = file([
  'Customer,Signer first name,Signer last name,Signer email,Country,Language,Link valid for',
  'fourthcoffee.onmicrosoft.com,Mila,Jansen,mila@fourthcoffee.example,,,1d',
  `${CUSTOMER_B},Noor,Visser,noor@adatum.example,,,`,
  'nosuch.onmicrosoft.com,Piet,Pol,piet@nosuch.example,NL,nl,',
  `${CUSTOMER_C},Ann,,ann@graphic.example,BE,nl-BE,2h`,
]);

describe('Import CSV on the enhanced route', () => {
  it('checks signer rows, then queues one enhanced attestation per ready row, each with its audit entry', async () => {
    const test = await app();
    const store = useCsvImportStore();
    await store.read(signerFile, 'signers.csv');
    expect(store.phase).toBe('checked');
    const report = store.report!;
    expect(report).toMatchObject({ kind: 'signers', rows: 4, invalidRows: 2, missingColumns: [] });
    expect(report.problems.map((problem) => [problem.row, problem.field, problem.code])).toEqual([
      [4, 'customer', 'unknown-customer'],
      // An unknown customer has no company to take: the file must name it.
      [4, 'companyName', 'required'],
      [5, 'signerLastName', 'required'],
      [5, 'linkValidFor', 'invalid-link-validity'],
    ]);
    // Fourth Coffee from the cache (its country in capitals, as the form pre-fills it); Adatum fetched once for this check.
    expect(report.filled).toEqual([
      { row: 2, field: 'companyName', value: 'Fourth Coffee' },
      { row: 2, field: 'country', value: 'US' },
      { row: 2, field: 'language', value: 'en-US' },
      { row: 3, field: 'companyName', value: 'Adatum' },
      { row: 3, field: 'country', value: 'NL' },
      { row: 3, field: 'language', value: 'nl-NL' },
    ]);
    expect(test.fake.calls.filter((call) => call.channel === 'getCustomer').map((call) => call.request)).toEqual([
      { customerId: CUSTOMER_B },
    ]);
    // Checking wrote nothing to the outbox.
    expect(await test.database.outbox.count()).toBe(0);

    await store.queueValid();
    expect(store.phase).toBe('queued');
    expect(store.queued).toBe(2);
    // One batch shares one createdAt, so the order is by customer here (CUSTOMER_A sorts before CUSTOMER_B).
    const items = await test.database.outbox.orderBy('customerId').toArray();
    expect(
      items.map((item) => [
        item.customerId,
        item.kind,
        item.state,
        item.enhanced?.step,
        item.enhanced?.linkExpiryMinutes,
        item.primaryContact.email,
      ]),
    ).toEqual([
      [CUSTOMER_A, 'enhanced', 'queued', 'create', 1440, 'mila@fourthcoffee.example'],
      [CUSTOMER_B, 'enhanced', 'queued', 'create', 10_080, 'noor@adatum.example'],
    ]);
    expect(items.every((item) => item.createdBy === ADMIN.userName && item.dateAgreed === undefined)).toBe(true);
    const audit = await test.database.audit.toArray();
    expect(audit.map((entry) => entry.kind)).toEqual(['queued', 'queued', 'csv-imported']);
    expect(audit[2]).toMatchObject({ actor: ADMIN.userName, detail: 'signers.csv: 2 row(s) queued' });

    // The same file again: the customers already have their link requested; nothing more is queued.
    await store.read(signerFile, 'signers.csv');
    expect(store.report!.valid).toEqual([]);
    expect(store.report!.problems.filter((problem) => problem.code === 'link-already-pending').map((problem) => problem.row)).toEqual([
      2, 3,
    ]);
    await store.queueValid();
    expect(await test.database.outbox.count()).toBe(2);
  });

  it('a bad file changes nothing: missing columns are named, and nothing can be queued', async () => {
    const test = await app();
    const store = useCsvImportStore();
    await store.read(file(['customer,name,mail,date', `${CUSTOMER_B},Noor Visser,noor@adatum.example,2026-11-19`]), 'other.csv');
    expect(store.report).toMatchObject({
      kind: 'signers',
      missingColumns: ['signerFirstName', 'signerLastName', 'signerEmail'],
      valid: [],
    });
    await store.queueValid();
    expect(await test.database.outbox.count()).toBe(0);
    expect(await test.database.audit.count()).toBe(0);

    await store.read(
      file(['customer,signerFirstName,signerLastName,signerEmail,country,language', `${CUSTOMER_B},Noor,Visser,not-an-email,nl,nl`]),
      'bad.csv',
    );
    expect(store.report!.valid).toEqual([]);
    expect(store.report!.problems.map((problem) => problem.code)).toEqual(['invalid-email', 'country-not-upper-case']);
    await store.queueValid();
    expect(await test.database.outbox.count()).toBe(0);
  });
});

describe('Import CSV on the legacy route', () => {
  it('still reads the seed’s contact and date (a signer file lacks its date column)', async () => {
    const test = await app('legacy');
    const store = useCsvImportStore();
    await store.read(signerFile, 'signers.csv');
    expect(store.report).toMatchObject({ kind: 'attestations', missingColumns: ['firstName', 'lastName', 'email', 'date'] });
    await store.read(
      file(['customer,firstName,lastName,email,date', `${CUSTOMER_B},Noor,Visser,noor@adatum.example,2026-01-02`]),
      'legacy.csv',
    );
    expect(store.report).toMatchObject({ kind: 'attestations', problems: [], filled: [] });
    await store.queueValid();
    const [item] = await test.database.outbox.toArray();
    expect(item).toMatchObject({ customerId: CUSTOMER_B, dateAgreed: '2026-01-02', state: 'queued' });
    expect(item!.enhanced).toBeUndefined();
  });
});
