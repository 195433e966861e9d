// @vitest-environment node
/**
 * An enhanced attestation through the renderer's outbox (its real engine, Dexie storage on
 * fake-indexeddb and the channel transport) against the real host and a sandbox of Partner Center
 * today: create → link ready → sent → watched on its schedule → the signer accepts → finalised by
 * itself, exactly once; an expired link is parked for "Send a new link"; lost answers on create and
 * finalise end in one attestation and one agreement.
 */
import '../../../soak/fake-idb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../../sandbox/index';
import { startEnhancedWorld, type EnhancedWorld } from '../host/enhanced-helpers';
import type { Host } from '../../../../electron/host/host';
import { McaDeskDatabase } from '../../../../renderer/src/db/database';
import { DexieOutboxStorage } from '../../../../renderer/src/db/outbox-storage';
import { OutboxQueue } from '../../../../renderer/src/outbox/queue';
import { checkNow, enqueueEnhancedAttestation, markLinkSent, requeueFailed } from '../../../../renderer/src/outbox/commands';
import { SyncEngine } from '../../../../renderer/src/outbox/engine';
import { channelTransport } from '../../../../renderer/src/outbox/channel-transport';
import type { OutboxTransport } from '../../../../renderer/src/outbox/ports';
import type { OutboxItem } from '../../../../renderer/src/outbox/item';
import { dispatcherCall } from '../helpers/dispatcher-call';

let backend: EnhancedWorld;
let sandbox: RunningSandbox;
let host: Host;
let customers: Array<{ id: string; companyName: string }>;
const MINUTE = 60_000;
const channels = () => channelTransport(dispatcherCall(() => host.dispatch));

beforeAll(async () => {
  // Partner Center as it is today, a host signed in as Contoso's Admin agent (the enhanced host tests' world).
  backend = await startEnhancedWorld();
  sandbox = backend.sandbox;
  ({ host } = await backend.signedIn('admin@contoso.example'));
  const page = await host.dispatch('listCustomers', { pageSize: 40 });
  if (!page.ok) throw new Error('no customers');
  // Customers with nothing of the enhanced flow or the legacy one yet (the seed gives some of them states).
  const touched = new Set([
    ...(await sandbox.inspect.attestations()).map((attestation) => attestation.customerTenantId),
    ...(await sandbox.inspect.agreements()).map((agreement) => agreement.customerId),
  ]);
  customers = (page.data as { items: Array<{ id: string; companyName: string }> }).items.filter((customer) => !touched.has(customer.id));
  if (customers.length < 4) throw new Error('the seed has too few untouched customers');
}, 60_000);
afterAll(() => backend?.stop());

const signer = { firstName: 'Eva', lastName: 'Jansen', email: 'eva.jansen@customer.example', phoneNumber: '+31 20 555 0101' };

async function world(transport: OutboxTransport = channels()) {
  const database = new McaDeskDatabase(`enhanced-route-${crypto.randomUUID()}`);
  await database.open();
  const storage = new DexieOutboxStorage(database);
  const clock = { now: Date.now() };
  const engine = new SyncEngine({ queue: new OutboxQueue(storage), transport, now: () => clock.now, owner: 'leader', random: () => 0.5 });
  const context = () => ({ storage, actor: 'admin@contoso.example', now: clock.now });
  return { database, storage, clock, engine, context };
}

async function enqueue(context: ReturnType<Awaited<ReturnType<typeof world>>['context']>, customer: { id: string; companyName: string }) {
  return enqueueEnhancedAttestation(
    {
      customerId: customer.id,
      customerName: customer.companyName,
      signer,
      fields: { companyName: customer.companyName, country: 'NL', language: 'nl-NL', linkExpiryMinutes: 10_080 },
    },
    context,
  );
}

const helper = (id: string, action: 'accept' | 'expire') =>
  fetch(`${sandbox.url}/sandbox/attestations/${id}/${action}`, { method: 'POST' });
const attestationsFor = async (customerId: string) =>
  (await sandbox.inspect.attestations()).filter((attestation) => attestation.customerTenantId === customerId);
const agreementsFor = async (customerId: string) =>
  (await sandbox.inspect.agreements()).filter((agreement) => agreement.customerId === customerId);

describe('an enhanced attestation in the outbox', () => {
  it('gets its link, is watched on its schedule once sent, and is finalised once the signer accepted', async () => {
    const { database, clock, engine, context } = await world();
    const customer = customers[0]!;
    const item = await enqueue(context(), customer);

    expect(await engine.drain()).toMatchObject({ sent: 1, confirmed: 0, failed: 0 });
    const ready = (await database.outbox.get(item.id))!;
    expect(ready).toMatchObject({
      state: 'queued',
      attempts: 0,
      enhanced: { step: 'watch', checks: 0, attestation: { status: 'pending' } },
    });
    expect(ready.enhanced!.attestation!.acceptanceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    // Not sent yet: the signer cannot accept, so the first read waits an hour.
    expect(ready.nextAttemptAt - clock.now).toBe(60 * MINUTE);
    expect(await attestationsFor(customer.id)).toHaveLength(1);

    await markLinkSent(item.id, 'clipboard', context());
    // Sent: the first read soon (signers often open the link at once), then the gaps grow.
    expect((await database.outbox.get(item.id))!.nextAttemptAt - clock.now).toBe(0.5 * MINUTE);
    expect(await engine.drain()).toMatchObject({ sent: 0 });

    clock.now += 0.5 * MINUTE;
    expect(await engine.drain()).toMatchObject({ sent: 1 });
    const checked = (await database.outbox.get(item.id))!;
    expect(checked).toMatchObject({ state: 'queued', enhanced: { step: 'watch', checks: 1 } });
    expect(checked.nextAttemptAt - clock.now).toBe(0.5 * MINUTE);

    const attestationId = checked.enhanced!.attestation!.id;
    expect((await helper(attestationId, 'accept')).status).toBe(200);
    // "Check now" brings the next read forward; the acceptance is seen and finalised in the same drain.
    await checkNow(item.id, context());
    expect(await engine.drain()).toMatchObject({ sent: 2, confirmed: 1 });
    const done = (await database.outbox.get(item.id))!;
    expect(done).toMatchObject({ state: 'confirmed', record: { attestationId, primaryContact: { email: signer.email } } });
    expect(await agreementsFor(customer.id)).toHaveLength(1);
    expect((await database.mcaState.get(customer.id))?.partnerAttestationCompleted).toBe(true);
    const kinds = (await database.audit.where('itemId').equals(item.id).toArray()).map((entry) => entry.kind);
    expect(kinds).toEqual([
      'queued',
      'sending',
      'link-ready',
      'link-sent',
      'sending',
      'checked',
      'sending',
      'accepted',
      'sending',
      'confirmed',
    ]);

    // Nothing is left to send.
    clock.now += 24 * 60 * MINUTE;
    expect(await engine.drain()).toMatchObject({ sent: 0 });
    database.close();
  });

  it('parks an expired link, and "Send a new link" makes a new attestation with the same signer', async () => {
    const { database, clock, engine, context } = await world();
    const customer = customers[1]!;
    const item = await enqueue(context(), customer);
    await engine.drain();
    const first = (await database.outbox.get(item.id))!.enhanced!.attestation!.id;
    expect((await helper(first, 'expire')).status).toBe(200);
    clock.now += 61 * MINUTE;
    expect(await engine.drain()).toMatchObject({ sent: 1, failed: 1 });
    expect(await database.outbox.get(item.id)).toMatchObject({ state: 'failed', lastError: { kind: 'link-expired' } });

    const renewed = await requeueFailed(item.id, {}, context());
    expect(renewed).toMatchObject({ state: 'queued', replaces: item.id, primaryContact: signer, enhanced: { step: 'create', checks: 0 } });
    expect(renewed.enhanced!.finaliseRequestId).not.toBe((await database.outbox.get(item.id))!.enhanced!.finaliseRequestId);
    await engine.drain();
    const second = (await database.outbox.get(renewed.id))!.enhanced!.attestation!;
    expect(second.id).not.toBe(first);
    expect(second.status).toBe('pending');
    expect((await attestationsFor(customer.id)).map((attestation) => attestation.status).sort()).toEqual(['expired', 'pending']);
    database.close();
  });

  it('a create whose answer was lost is sent again with the same request id: one attestation', async () => {
    let lose = true;
    const real = channels();
    const transport: OutboxTransport = {
      ...real,
      async createAttestation(item: OutboxItem) {
        const answer = await real.createAttestation(item);
        if (!lose) return answer;
        lose = false;
        return { status: 'retry', afterMs: 0, reason: 'the connection dropped after the backend acted' };
      },
    };
    const { database, clock, engine, context } = await world(transport);
    const customer = customers[2]!;
    const item = await enqueue(context(), customer);
    expect(await engine.drain()).toMatchObject({ retried: 1 });
    clock.now += 10 * MINUTE;
    await engine.drain();
    expect(await database.outbox.get(item.id)).toMatchObject({ state: 'queued', enhanced: { step: 'watch' } });
    expect(await attestationsFor(customer.id)).toHaveLength(1);
    database.close();
  });

  it('a finalise whose answer was lost ends confirmed on the next attempt: one agreement', async () => {
    let lose = true;
    const real = channels();
    const transport: OutboxTransport = {
      ...real,
      async finaliseAttestation(item: OutboxItem) {
        const answer = await real.finaliseAttestation(item);
        if (!lose) return answer;
        lose = false;
        return { status: 'retry', afterMs: 0, reason: 'the connection dropped after the backend acted' };
      },
    };
    const { database, clock, engine, context } = await world(transport);
    const customer = customers[3]!;
    const item = await enqueue(context(), customer);
    await engine.drain();
    await helper((await database.outbox.get(item.id))!.enhanced!.attestation!.id, 'accept');
    await checkNow(item.id, context());
    expect(await engine.drain()).toMatchObject({ retried: 1, confirmed: 0 });
    clock.now += 10 * MINUTE;
    expect(await engine.drain()).toMatchObject({ confirmed: 1 });
    expect(await database.outbox.get(item.id)).toMatchObject({ state: 'confirmed', alreadyRecorded: true });
    expect(await agreementsFor(customer.id)).toHaveLength(1);
    database.close();
  });
});
