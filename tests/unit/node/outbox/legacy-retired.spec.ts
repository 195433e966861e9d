// @vitest-environment node
/**
 * The renderer's outbox (its real engine and Dexie storage on fake-indexeddb) against
 * the real host and a sandbox of Partner Center today, where the legacy attestation is retired: the
 * item is parked as `legacy-retired` with everything the agent typed, and never sent again on its own.
 */
import '../../../soak/fake-idb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../../sandbox/index';
import { startEnhancedWorld, type EnhancedWorld } from '../host/enhanced-helpers';
import type { Host } from '../../../../electron/host/host';
import { McaDeskDatabase } from '../../../../renderer/src/db/database';
import { DexieOutboxStorage } from '../../../../renderer/src/db/outbox-storage';
import { OutboxQueue } from '../../../../renderer/src/outbox/queue';
import { enqueueAttestation, moveRetiredToEnhanced, OutboxCommandError } from '../../../../renderer/src/outbox/commands';
import { enqueueMany } from '../../../../renderer/src/outbox/enqueue-many';
import { SyncEngine } from '../../../../renderer/src/outbox/engine';
import { channelTransport } from '../../../../renderer/src/outbox/channel-transport';
import { dispatcherCall } from '../helpers/dispatcher-call';
import type { OutboxTransport } from '../../../../renderer/src/outbox/ports';
import { calendarDateIn } from '../../../../shared/domain/dates';

let world: EnhancedWorld;
let sandbox: RunningSandbox;
let host: Host;
let sends = 0;

beforeAll(async () => {
  // Partner Center as it is today, a host signed in as Contoso's Admin agent (the enhanced host tests' world).
  world = await startEnhancedWorld();
  sandbox = world.sandbox;
  ({ host } = await world.signedIn('admin@contoso.example'));
}, 60_000);
afterAll(() => world?.stop());

/** The IPC transport's mapping (outbox/channel-transport.ts), straight onto the host's dispatcher; sends counted. */
const channels = channelTransport(dispatcherCall(() => host.dispatch));
const transport: OutboxTransport = {
  ...channels,
  submit(item) {
    sends += 1;
    return channels.submit(item);
  },
};

describe('a legacy attestation in the outbox, on Partner Center today', () => {
  it('is parked as legacy-retired with what the agent typed, and a later drain does not send it again', async () => {
    const database = new McaDeskDatabase(`legacy-retired-${Date.now()}`);
    await database.open();
    const page = await host.dispatch('listCustomers', { pageSize: 5 });
    if (!page.ok) throw new Error('no customers');
    const customer = (page.data as { items: Array<{ id: string; companyName: string }> }).items[2]!;
    const storage = new DexieOutboxStorage(database);
    let now = Date.now();
    const typed = { firstName: 'Tania', lastName: 'Carr', email: 'tania@customer.example', phoneNumber: '+31 20 794 0000' };
    const dateAgreed = calendarDateIn(new Date(now - 86_400_000), 'UTC');
    const item = await enqueueAttestation(
      { customerId: customer.id, customerName: customer.companyName, primaryContact: typed, dateAgreed },
      { storage, actor: 'admin@contoso.example', now },
    );
    const engine = new SyncEngine({ queue: new OutboxQueue(storage), transport, now: () => now, owner: 'leader', random: () => 0.5 });

    const first = await engine.drain();
    expect(first).toMatchObject({ sent: 1, failed: 1, confirmed: 0, retried: 0, nextDueAt: null, paused: false });
    const parked = await database.outbox.get(item.id);
    expect(parked).toMatchObject({
      state: 'failed',
      primaryContact: typed,
      dateAgreed,
      customerId: customer.id,
      customerName: customer.companyName,
      lastError: { kind: 'legacy-retired', code: 600070, reason: expect.stringContaining('enhanced attestation flow') },
    });
    expect((await database.audit.where('itemId').equals(item.id).toArray()).map((entry) => entry.kind)).toEqual([
      'queued',
      'sending',
      'legacy-retired',
    ]);

    // Hours later the engine runs again: the parked item is not sent (no retry loop).
    now += 6 * 3_600_000;
    expect(await engine.drain()).toMatchObject({ sent: 0 });
    expect(sends).toBe(1);
    expect(await database.outbox.get(item.id)).toMatchObject({ state: 'failed', attempts: 1 });

    // It moves to the enhanced route, the contact as the signer: a new link is requested and made.
    const fields = { companyName: customer.companyName, country: 'US', language: 'en-US', linkExpiryMinutes: 60 };
    const moved = await moveRetiredToEnhanced(item.id, fields, { storage, actor: 'admin@contoso.example', now });
    expect(moved).toMatchObject({
      kind: 'enhanced',
      state: 'queued',
      replaces: item.id,
      primaryContact: typed,
      enhanced: { step: 'create', ...fields },
    });
    expect(await database.outbox.get(item.id)).toMatchObject({ state: 'replaced', replacedBy: moved.id });
    // A second window trying the same move changes nothing.
    await expect(moveRetiredToEnhanced(item.id, fields, { storage, actor: 'admin@contoso.example', now })).rejects.toBeInstanceOf(
      OutboxCommandError,
    );
    expect(await engine.drain()).toMatchObject({ sent: 1, failed: 0 });
    const ready = await database.outbox.get(moved.id);
    expect(ready).toMatchObject({ state: 'queued', enhanced: { step: 'watch', attestation: { status: 'pending' } } });
    const made = (await sandbox.inspect.attestations()).filter((attestation) => attestation.customerTenantId === customer.id);
    expect(made).toHaveLength(1);
    expect(made[0]!.signatory).toMatchObject({ firstName: 'Tania', lastName: 'Carr', email: typed.email });
    database.close();
  });

  it('moves only an item the backend answered "retired"', async () => {
    const database = new McaDeskDatabase(`legacy-retired-only-${Date.now()}`);
    await database.open();
    const storage = new DexieOutboxStorage(database);
    const now = Date.now();
    const queued = await enqueueAttestation(
      {
        customerId: '11111111-1111-4111-8111-111111111111',
        customerName: 'Queued Ltd',
        primaryContact: { firstName: 'A', lastName: 'B', email: 'a@b.example' },
        dateAgreed: '2025-01-02',
      },
      { storage, actor: 'admin@contoso.example', now },
    );
    const fields = { companyName: 'Queued Ltd', country: 'NL', language: 'nl-NL', linkExpiryMinutes: 60 };
    await expect(moveRetiredToEnhanced(queued.id, fields, { storage, actor: 'admin@contoso.example', now })).rejects.toBeInstanceOf(
      OutboxCommandError,
    );
    expect(await database.outbox.toArray()).toMatchObject([{ id: queued.id, state: 'queued' }]);
    database.close();
  });

  it('parks an MCA refresh answered "retired" and keeps it parked: a link for the latest contact would be refused as a duplicate', async () => {
    const database = new McaDeskDatabase(`legacy-retired-refresh-${Date.now()}`);
    await database.open();
    const page = await host.dispatch('listCustomers', { pageSize: 5 });
    if (!page.ok) throw new Error('no customers');
    const customer = (page.data as { items: Array<{ id: string; companyName: string }> }).items[3]!;
    const storage = new DexieOutboxStorage(database);
    const now = Date.now();
    const contact = { firstName: 'Ravi', lastName: 'Iyer', email: 'ravi@customer.example' };
    const [item] = await enqueueMany(
      [
        {
          customerId: customer.id,
          customerName: customer.companyName,
          primaryContact: contact,
          dateAgreed: calendarDateIn(new Date(now), 'UTC'),
          kind: 'reattest',
        },
      ],
      { storage, actor: 'admin@contoso.example', now: () => now },
    );
    const engine = new SyncEngine({ queue: new OutboxQueue(storage), transport, now: () => now, owner: 'leader', random: () => 0.5 });
    expect(await engine.drain()).toMatchObject({ failed: 1, confirmed: 0 });
    expect(await database.outbox.get(item!.id)).toMatchObject({ state: 'failed', kind: 'reattest', lastError: { kind: 'legacy-retired' } });

    const fields = { companyName: customer.companyName, country: 'US', language: 'en-US', linkExpiryMinutes: 60 };
    await expect(moveRetiredToEnhanced(item!.id, fields, { storage, actor: 'admin@contoso.example', now })).rejects.toMatchObject({
      reason: 'repeats-latest-contact',
    });
    expect(await database.outbox.toArray()).toMatchObject([{ id: item!.id, state: 'failed', kind: 'reattest' }]);
    expect((await sandbox.inspect.attestations()).filter((attestation) => attestation.customerTenantId === customer.id)).toHaveLength(0);
    database.close();
  });
});
