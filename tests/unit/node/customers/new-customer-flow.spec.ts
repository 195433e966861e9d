// @vitest-environment node
/**
 * "New customer" with an acceptance link in one flow, against the real host and a sandbox of Partner
 * Center today: the customer is created online and its acceptance link request queued; a crash
 * between the two (or after queuing, before the pending row went) is resumed at the next start with
 * one customer and one outbox item; a refusal leaves nothing pending.
 */
import '../../../soak/fake-idb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEnhancedWorld, type EnhancedWorld } from '../host/enhanced-helpers';
import type { Host } from '../../../../electron/host/host';
import { McaDeskDatabase } from '../../../../renderer/src/db/database';
import { DexieOutboxStorage } from '../../../../renderer/src/db/outbox-storage';
import { OutboxQueue } from '../../../../renderer/src/outbox/queue';
import { SyncEngine } from '../../../../renderer/src/outbox/engine';
import { channelTransport } from '../../../../renderer/src/outbox/channel-transport';
import { enqueueEnhancedAttestation } from '../../../../renderer/src/outbox/commands';
import {
  createCustomerThenQueue,
  resumePendingCustomers,
  type NewCustomerFlowPorts,
} from '../../../../renderer/src/customers/new-customer-flow';
import type { NewCustomerFormValues } from '../../../../shared/domain/new-customer-form';
import { ApiError } from '../../../../shared/ipc/errors';
import { dispatcherCall } from '../helpers/dispatcher-call';

let backend: EnhancedWorld;
let admin: Host;
let helpdesk: Host;
beforeAll(async () => {
  backend = await startEnhancedWorld();
  ({ host: admin } = await backend.signedIn('admin@contoso.example'));
  ({ host: helpdesk } = await backend.signedIn('helpdesk@contoso.example'));
}, 60_000);
afterAll(() => backend?.stop());

function newCustomer(name: string): NewCustomerFormValues {
  const slug = name.toLowerCase().replace(/[^a-z]/g, '');
  return {
    companyName: name,
    domain: `${slug}${Date.now() % 100_000}.onmicrosoft.com`,
    email: `office@${slug}.example`,
    language: 'nl-NL',
    address: {
      firstName: 'Eva',
      lastName: 'Jansen',
      addressLine1: 'Keizersgracht 1',
      city: 'Amsterdam',
      postalCode: '1015 CJ',
      country: 'NL',
      phoneNumber: '+31 20 555 0101',
    },
    acceptance: {
      mode: 'acceptance-link',
      primaryContact: { firstName: 'Eva', lastName: 'Jansen', email: `eva@${slug}.example` },
      linkExpiryMinutes: 1440,
    },
  } as NewCustomerFormValues;
}

/** One app window's ports: its own database; `crashAtQueue` makes the window die after the create. */
async function window(host: Host, database: McaDeskDatabase, options: { crashAtQueue?: boolean } = {}): Promise<NewCustomerFlowPorts> {
  const call = dispatcherCall(() => host.dispatch);
  const storage = new DexieOutboxStorage(database);
  return {
    pending: {
      get: (id) => database.pendingCustomers.get(id),
      put: (row) => database.pendingCustomers.put(row),
      delete: (id) => database.pendingCustomers.delete(id),
      list: () => database.pendingCustomers.orderBy('createdAt').toArray(),
    },
    isQueued: async (id) => (await database.outbox.get(id)) !== undefined,
    createCustomer: (requestId, values) => call('createCustomer', { requestId, customer: values }),
    async queueAcceptance(customer, values, itemId) {
      if (options.crashAtQueue) throw new Error('the window closed');
      const acceptance = values.acceptance as Extract<NewCustomerFormValues['acceptance'], { mode: 'acceptance-link' }>;
      await enqueueEnhancedAttestation(
        {
          id: itemId,
          customerId: customer.id,
          customerName: customer.companyName,
          signer: acceptance.primaryContact,
          fields: {
            companyName: customer.companyName,
            country: values.address.country,
            language: values.language,
            linkExpiryMinutes: acceptance.linkExpiryMinutes,
          },
        },
        { storage, actor: 'admin@contoso.example', now: Date.now() },
      );
      return { queued: true };
    },
    actor: 'admin@contoso.example',
    now: Date.now,
    newId: () => crypto.randomUUID(),
  };
}

async function customersNamed(name: string): Promise<number> {
  const call = dispatcherCall(() => admin.dispatch);
  const page = await call('listCustomers', { pageSize: 500, filter: { field: 'CompanyName', prefix: name } });
  return page.items.filter((customer) => customer.companyName === name).length;
}

describe('a new customer with an acceptance link', () => {
  it('creates the customer and queues its link request, which the outbox sends', async () => {
    const database = new McaDeskDatabase(`nc-${crypto.randomUUID()}`);
    const outcome = await createCustomerThenQueue(crypto.randomUUID(), newCustomer('Tulip Logistics'), await window(admin, database));
    expect(outcome).toMatchObject({ kind: 'queued', outcome: { queued: true } });
    const [item] = await database.outbox.toArray();
    expect(item).toMatchObject({
      kind: 'enhanced',
      customerName: 'Tulip Logistics',
      enhanced: { step: 'create', country: 'NL', language: 'nl-NL', linkExpiryMinutes: 1440 },
    });
    expect(await database.pendingCustomers.count()).toBe(0);
    const engine = new SyncEngine({
      queue: new OutboxQueue(new DexieOutboxStorage(database)),
      transport: channelTransport(dispatcherCall(() => admin.dispatch)),
      now: Date.now,
      owner: 'w',
      random: () => 0.5,
    });
    await engine.drain();
    const attestations = (await backend.sandbox.inspect.attestations()).filter(
      (attestation) => attestation.customerTenantId === item!.customerId,
    );
    expect(attestations).toHaveLength(1);
    database.close();
  });

  it('a crash after the create is resumed at the next start: one customer, one queued link request', async () => {
    const name = 'Dune Bakery';
    const database = new McaDeskDatabase(`nc-${crypto.randomUUID()}`);
    const requestId = crypto.randomUUID();
    const crashed = await createCustomerThenQueue(requestId, newCustomer(name), await window(admin, database, { crashAtQueue: true }));
    expect(crashed).toMatchObject({ kind: 'queued', outcome: { queued: false } });
    expect(await database.outbox.count()).toBe(0);
    expect(await database.pendingCustomers.get(requestId)).toBeDefined();

    const resumed = await resumePendingCustomers(await window(admin, database));
    expect(resumed).toMatchObject([{ companyName: name, outcome: { kind: 'queued', outcome: { queued: true } } }]);
    expect(await customersNamed(name)).toBe(1);
    expect(await database.outbox.count()).toBe(1);
    expect(await database.pendingCustomers.count()).toBe(0);
    // Resuming again finds nothing to do.
    expect(await resumePendingCustomers(await window(admin, database))).toEqual([]);
    database.close();
  });

  it('a crash after queuing but before the pending row went queues nothing twice', async () => {
    const name = 'Harbour Optics';
    const database = new McaDeskDatabase(`nc-${crypto.randomUUID()}`);
    const ports = await window(admin, database);
    await createCustomerThenQueue(crypto.randomUUID(), newCustomer(name), ports);
    const [item] = await database.outbox.toArray();
    // As if the window died between the outbox write and the row's removal.
    await database.pendingCustomers.put({
      requestId: 'a1b2c3d4-0000-4000-8000-000000000001',
      itemId: item!.id,
      values: newCustomer(name),
      createdAt: Date.now(),
      createdBy: 'admin@contoso.example',
    });
    const resumed = await resumePendingCustomers(ports);
    expect(resumed).toHaveLength(1);
    expect(await database.outbox.count()).toBe(1);
    expect(await database.pendingCustomers.count()).toBe(0);
    database.close();
  });

  it('a refusal (a Helpdesk agent may not create customers) leaves nothing pending and nothing queued', async () => {
    const database = new McaDeskDatabase(`nc-${crypto.randomUUID()}`);
    const error = await createCustomerThenQueue(crypto.randomUUID(), newCustomer('Refused Retail'), await window(helpdesk, database)).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('forbidden');
    expect(await database.pendingCustomers.count()).toBe(0);
    expect(await database.outbox.count()).toBe(0);
    expect(await customersNamed('Refused Retail')).toBe(0);
    database.close();
  });
});
