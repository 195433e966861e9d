import { beforeEach, describe, expect, it } from 'vitest';
import { useCustomersStore } from '../../../../renderer/src/stores/customers';
import { useCustomerListStore } from '../../../../renderer/src/stores/customer-list';
import { ADMIN, ApiFailure } from '../helpers/fake-api';
import { customerId } from '../helpers/database';
import { createTestApp, eventually, type TestApp } from '../helpers/app';

let app: TestApp;

function summaries(from: number, count: number) {
  return Array.from({ length: count }, (_, n) => ({
    id: customerId(from + n),
    companyName: `Customer ${String(from + n).padStart(4, '0')}`,
    domain: `c${from + n}.example`,
  }));
}

/** The backend's customers in pages of 500, with continuation tokens "page-1", "page-2", … */
function serve(total: number, failOnPage?: number) {
  const all = summaries(0, total);
  let failed = false;
  app.fake.on('listCustomers', ({ continuationToken }) => {
    const page = continuationToken ? Number(continuationToken.split('-')[1]) : 0;
    if (page === failOnPage && !failed) {
      failed = true;
      throw new ApiFailure({ code: 'network', message: 'The backend could not be reached.' });
    }
    const items = all.slice(page * 500, page * 500 + 500);
    return { items, continuationToken: (page + 1) * 500 < total ? `page-${page + 1}` : null, totalCount: total };
  });
}

beforeEach(async () => {
  app = await createTestApp(ADMIN);
});

describe('customers cache', () => {
  it('downloads every page into IndexedDB with progress, then lists them in name order', async () => {
    serve(1_200);
    const customers = useCustomersStore();
    await customers.refresh();
    expect(customers.download).toMatchObject({ running: false, loaded: 1_200, total: 1_200, error: null });
    expect(await app.database.customers.count()).toBe(1_200);
    expect(customers.records[0]?.companyName).toBe('Customer 0000');
    expect(customers.index?.size).toBe(1_200);
    const listCalls = app.fake.calls.filter((call) => call.channel === 'listCustomers');
    expect(listCalls.map((call) => (call.request as { continuationToken?: string }).continuationToken)).toEqual([
      undefined,
      'page-1',
      'page-2',
    ]);
  });

  it('a window that read the cache while another window was downloading gets the list when that download ends', async () => {
    serve(1_200);
    // This window opened mid-download: the other window has not written a row yet, but has finished by the time this one looks at the meta.
    await app.database.meta.put({ key: 'customers.updatedAt', value: Date.now() });
    const customers = useCustomersStore();
    await customers.load();
    expect(customers.records).toHaveLength(0);
    expect(app.fake.calls.filter((call) => call.channel === 'listCustomers')).toHaveLength(0);

    // The other window's download lands in the shared IndexedDB and it says so.
    await app.database.customers.bulkPut(
      summaries(0, 3).map((summary) => ({ ...summary, nameKey: summary.companyName.toLowerCase(), seenRun: 'other-window' })),
    );
    const otherWindow = new BroadcastChannel(`mca-desk-customers:${app.database.name}`);
    otherWindow.postMessage('downloaded');
    otherWindow.close();
    await eventually(() => customers.records.length === 3 && customers.index?.size === 3);
    expect(customers.records.map((row) => row.companyName)).toEqual(['Customer 0000', 'Customer 0001', 'Customer 0002']);
  });

  it('an automatic refresh that waited for another window finds the cache fresh and downloads nothing', async () => {
    serve(1_200);
    await app.database.meta.put({ key: 'customers.updatedAt', value: Date.now() });
    const customers = useCustomersStore();
    await customers.refresh({ onlyIfStale: true });
    expect(app.fake.calls.filter((call) => call.channel === 'listCustomers')).toHaveLength(0);
    // The agent's own Refresh always downloads.
    await customers.refresh();
    expect(await app.database.customers.count()).toBe(1_200);
  });

  it('resumes an interrupted download at the saved checkpoint instead of starting over', async () => {
    serve(1_200, 2);
    const customers = useCustomersStore();
    await customers.refresh();
    expect(customers.download.error).toContain('could not be reached');
    expect(await app.database.customers.count()).toBe(1_000);
    expect((await app.database.meta.get('customers.download'))?.value).toMatchObject({ continuationToken: 'page-2', loaded: 1_000 });
    app.fake.calls.length = 0;
    await customers.refresh();
    expect(app.fake.calls.filter((call) => call.channel === 'listCustomers')).toHaveLength(1);
    expect(await app.database.customers.count()).toBe(1_200);
    expect(await app.database.meta.get('customers.download')).toBeUndefined();
  });

  it('removes customers a complete pass no longer lists, never after a partial one', async () => {
    serve(600);
    const customers = useCustomersStore();
    await customers.refresh();
    serve(400, 0);
    await customers.refresh();
    expect(await app.database.customers.count()).toBe(600);
    await customers.refresh();
    expect(await app.database.customers.count()).toBe(400);
    expect(customers.records).toHaveLength(400);
  });

  it('loads the cache without the network and finds customers by name, domain, tenant id and contact email', async () => {
    await app.database.customers.bulkPut(summaries(0, 50).map((row) => ({ ...row, nameKey: row.companyName.toLowerCase(), seenRun: 'r' })));
    await app.database.meta.put({ key: 'customers.updatedAt', value: Date.now() });
    const customers = useCustomersStore();
    await customers.load();
    await eventually(() => customers.index !== null);
    const list = useCustomerListStore();
    list.query = 'c7.example';
    expect(list.rows.length).toBe(1);
    list.query = customerId(12).slice(0, 8);
    expect([...list.rows].map((position) => customers.records[position]?.companyName)).toEqual(['Customer 0012']);
    app.fake.on('getCustomer', ({ customerId: id }) => ({
      id,
      companyName: 'Customer 0003',
      domain: 'c3.example',
      country: 'NL',
      language: 'nl',
      contact: { firstName: 'Zoë', lastName: 'Z', email: 'zoe@unique.example' },
    }));
    await customers.fetchDetails(customerId(3));
    list.query = 'zoe@unique';
    expect([...list.rows].map((position) => customers.records[position]?.companyName)).toEqual(['Customer 0003']);
    expect(app.fake.calls.some((call) => call.channel === 'listCustomers')).toBe(false);
  });

  it('filters by MCA status and sorts by a column in both directions', async () => {
    await app.database.customers.bulkPut(
      summaries(0, 5).map((row) => ({
        ...row,
        domain: `${5 - Number(row.id.slice(0, 8))}.example`,
        nameKey: row.companyName.toLowerCase(),
        seenRun: 'r',
      })),
    );
    await app.database.meta.put({ key: 'customers.updatedAt', value: Date.now() });
    await app.database.mcaState.put({
      customerId: customerId(2),
      partnerAttestationCompleted: true,
      lastContact: null,
      lastDateAgreed: null,
      updatedAt: 1,
    });
    await app.database.directAcceptance.put({ customerId: customerId(4), isSigned: true, checkedAt: 1 });
    const customers = useCustomersStore();
    await customers.load();
    const { useMcaStateStore } = await import('../../../../renderer/src/stores/mca-state');
    await useMcaStateStore().load();
    const list = useCustomerListStore();
    const names = () => [...list.rows].map((position) => customers.records[position]?.companyName);
    list.statusFilter = 'confirmed-by-partner';
    expect(names()).toEqual(['Customer 0002']);
    list.statusFilter = 'accepted-directly';
    expect(names()).toEqual(['Customer 0004']);
    list.statusFilter = 'all';
    list.sortBy('domain');
    expect(names()).toEqual(['Customer 0004', 'Customer 0003', 'Customer 0002', 'Customer 0001', 'Customer 0000']);
    list.sortBy('domain');
    expect(names()[0]).toBe('Customer 0000');
    list.sortBy('companyName');
    list.sortBy('companyName');
    expect(names()[0]).toBe('Customer 0004');
  });
  it('re-derives only the changed statuses and agrees with a full derivation after each change', async () => {
    await app.database.customers.bulkPut(summaries(0, 6).map((row) => ({ ...row, nameKey: row.companyName.toLowerCase(), seenRun: 'r' })));
    await app.database.meta.put({ key: 'customers.updatedAt', value: Date.now() });
    const customers = useCustomersStore();
    await customers.load();
    const { useMcaStateStore } = await import('../../../../renderer/src/stores/mca-state');
    const mcaState = useMcaStateStore();
    await mcaState.load();
    const list = useCustomerListStore();
    const statuses = () => customers.records.map((_, position) => list.statusOf(position));
    expect(statuses()).toEqual(Array(6).fill('not-checked'));
    // A record the backend reports (through the live query on the table).
    await app.database.mcaState.put({
      customerId: customerId(1),
      partnerAttestationCompleted: true,
      lastContact: null,
      lastDateAgreed: null,
      updatedAt: Date.now(),
    });
    await eventually(() => list.statusOf(1) === 'confirmed-by-partner');
    expect(statuses()).toEqual(['not-checked', 'confirmed-by-partner', 'not-checked', 'not-checked', 'not-checked', 'not-checked']);
    // A save queues customer 3 (the outbox store), then customer 4 is signed directly.
    const { useOutboxStore } = await import('../../../../renderer/src/stores/outbox');
    await useOutboxStore().save({
      customerId: customerId(3),
      customerName: 'Customer 0003',
      primaryContact: { firstName: 'A', lastName: 'B', email: 'a@b.example', phoneNumber: '' },
      dateAgreed: '2024-01-02',
    });
    await eventually(() => list.statusOf(3) === 'queued');
    await app.database.directAcceptance.put({ customerId: customerId(4), isSigned: true, checkedAt: Date.now() });
    // Customer 5 was asked and did not accept: Not accepted, where the others are Not checked yet.
    await app.database.directAcceptance.put({ customerId: customerId(5), isSigned: false, checkedAt: Date.now() });
    await eventually(() => list.statusOf(4) === 'accepted-directly' && list.statusOf(5) === 'not-accepted');
    expect(statuses()).toEqual(['not-checked', 'confirmed-by-partner', 'not-checked', 'queued', 'accepted-directly', 'not-accepted']);
    expect(list.countOf('not-checked')).toBe(2);
    expect(list.countOf('accepted-directly')).toBe(1);
    list.statusFilter = 'queued';
    expect([...list.rows].map((position) => customers.records[position]?.companyName)).toEqual(['Customer 0003']);
    // A full reload gives the same statuses.
    await mcaState.load();
    expect(statuses()).toEqual(['not-checked', 'confirmed-by-partner', 'not-checked', 'queued', 'accepted-directly', 'not-accepted']);
  });

  it('keeps the rows as they are when a status changes in the background and no status filter is set', async () => {
    await app.database.customers.bulkPut(summaries(0, 4).map((row) => ({ ...row, nameKey: row.companyName.toLowerCase(), seenRun: 'r' })));
    await app.database.meta.put({ key: 'customers.updatedAt', value: Date.now() });
    const customers = useCustomersStore();
    await customers.load();
    const { useMcaStateStore } = await import('../../../../renderer/src/stores/mca-state');
    await useMcaStateStore().load();
    const list = useCustomerListStore();
    await eventually(() => customers.index !== null);
    // A search and a column sort: the rows are a list of their own (not the matches as they come).
    list.query = 'customer 0001';
    list.sortBy('domain');
    const before = list.rows;
    expect(before.length).toBe(1);
    // What the direct-acceptance scan writes while the agent types.
    await app.database.directAcceptance.put({ customerId: customerId(2), isSigned: true, checkedAt: Date.now() });
    await eventually(() => list.statusOf(2) === 'accepted-directly');
    // The same rows (no re-arranged list, no scroll back to the top); a status filter still follows the change.
    expect(list.rows).toBe(before);
    list.query = '';
    list.statusFilter = 'accepted-directly';
    expect([...list.rows].map((position) => customers.records[position]?.companyName)).toEqual(['Customer 0002']);
    await app.database.directAcceptance.put({ customerId: customerId(3), isSigned: true, checkedAt: Date.now() });
    await eventually(() => list.rows.length === 2);
  });
});
