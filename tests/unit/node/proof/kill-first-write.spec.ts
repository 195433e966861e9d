// @vitest-environment node
/**
 * The first attempt of a write goes without a read (outbox/check-first.ts), so the proof that matters
 * is the kill that lands after that write left and before its answer came back: MCA Desk's renderer
 * is killed (its outbox writes stop; the answer is lost on the wire too), then started again on the
 * same IndexedDB. The lease written before the request left (attempts 1) makes the recovered attempt
 * read first, so each kind ends confirmed exactly once: a legacy attestation (one agreement by its
 * request id), a create (one attestation, then one agreement), a finalise (one agreement). Real sync
 * engine, Dexie outbox on fake-indexeddb, host services and sandbox; a proxy loses the answer.
 */
import '../../../soak/fake-idb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, SEEDED_PASSWORD, type RunningSandbox } from '../../../../sandbox/index';
import { createHost, type Host } from '../../../../electron/host/host';
import { MemorySecretStore } from '../../../../electron/host/secrets/store';
import { MemorySettingsStore } from '../../../../electron/host/settings';
import { McaDeskDatabase } from '../../../../renderer/src/db/database';
import { DexieOutboxStorage } from '../../../../renderer/src/db/outbox-storage';
import { OutboxQueue, type OutboxSteps, type Settlement } from '../../../../renderer/src/outbox/queue';
import { checkNow, enqueueAttestation, enqueueEnhancedAttestation } from '../../../../renderer/src/outbox/commands';
import { SyncEngine } from '../../../../renderer/src/outbox/engine';
import { channelTransport } from '../../../../renderer/src/outbox/channel-transport';
import type { OutboxItem } from '../../../../renderer/src/outbox/item';
import { calendarDateIn } from '../../../../shared/domain/dates';
import { startLossyProxy, type LossyProxy, type ProxiedRequest } from '../helpers/lossy-proxy';
import { dispatcherCall } from '../helpers/dispatcher-call';

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The outbox as one renderer life sees it: once killed, nothing it does reaches the database. */
class FencedSteps implements OutboxSteps {
  dead = false;
  constructor(private readonly inner: OutboxSteps) {}
  private guard<T>(run: () => Promise<T>): Promise<T> {
    if (this.dead) return never();
    return run().then((value) => (this.dead ? never<T>() : value));
  }
  listPending() {
    return this.guard(() => this.inner.listPending());
  }
  lease(ids: readonly string[], owner: string, now: number, leaseMs: number) {
    return this.guard(() => this.inner.lease(ids, owner, now, leaseMs));
  }
  settle(itemId: string, owner: string, outcome: Settlement, now: number) {
    return this.guard(() => this.inner.settle(itemId, owner, outcome, now));
  }
  recoverLeases(now: number, owner: string, othersToo: boolean) {
    return this.guard(() => this.inner.recoverLeases(now, owner, othersToo));
  }
}

interface World {
  sandbox: RunningSandbox;
  proxy: LossyProxy;
  host: Host;
  customers: Array<{ id: string; companyName: string }>;
  stop(): Promise<void>;
}

async function startWorld(legacyAttestation: 'available' | 'retired'): Promise<World> {
  const sandbox = await startSandbox({ port: 0, memory: true, quiet: true, legacyAttestation, customers: 30 });
  const proxy = await startLossyProxy(sandbox.url);
  const host = createHost({
    transport: 'browser',
    version: 'test',
    settings: new MemorySettingsStore(),
    secrets: new MemorySecretStore(),
    overrides: { backend: 'sandbox', sandboxUrl: proxy.url },
    http: { timeoutMs: 10_000, maxRetries: 0, backoffBaseMs: 10 },
    log: { warn: () => undefined, error: () => undefined },
  });
  await host.start();
  const signIn = await host.dispatch('signIn', { method: 'password', userName: 'admin@contoso.example', password: SEEDED_PASSWORD });
  if (!signIn.ok) throw new Error(`sign-in failed: ${JSON.stringify(signIn.error)}`);
  const page = await host.dispatch('listCustomers', { pageSize: 100 });
  if (!page.ok) throw new Error('no customers');
  // Customers with nothing recorded yet (the seed gives some of them agreements or attestations).
  const touched = new Set([
    ...(await sandbox.inspect.agreements()).map((agreement) => agreement.customerId),
    ...(await sandbox.inspect.attestations()).map((attestation) => attestation.customerTenantId),
  ]);
  const customers = (page.data as { items: Array<{ id: string; companyName: string }> }).items.filter((c) => !touched.has(c.id));
  if (customers.length < 3) throw new Error('the seed has too few untouched customers');
  return {
    sandbox,
    proxy,
    host,
    customers,
    async stop() {
      await proxy.close();
      await sandbox.stop();
    },
  };
}

/** One renderer life on the shared database: its engine and the kill that fences its outbox. */
function life(world: World, database: McaDeskDatabase, clock: { now: number }) {
  const steps = new FencedSteps(new OutboxQueue(new DexieOutboxStorage(database)));
  const engine = new SyncEngine({
    queue: steps,
    transport: channelTransport(dispatcherCall(() => world.host.dispatch)),
    now: () => clock.now,
    owner: crypto.randomUUID(),
    random: () => 0.5,
  });
  let killed: () => void = () => undefined;
  const dead = new Promise<'killed'>((resolve) => (killed = () => resolve('killed')));
  return {
    engine,
    kill() {
      steps.dead = true;
      killed();
    },
    /** Drains until the kill lands; answers 'killed', or the report when the drain ended first. */
    drainUntilKilled: () => Promise.race([engine.drain(), dead]),
  };
}

/**
 * Arms the kill: the next request `isWrite` picks is forwarded (the backend acts), the renderer is
 * killed before any answer can reach it, and the answer is dropped on the wire. Answers the request.
 */
function killOnWrite(world: World, isWrite: (request: ProxiedRequest) => boolean, kill: () => void): () => ProxiedRequest | undefined {
  let hit: ProxiedRequest | undefined;
  world.proxy.rule = (request) => {
    if (hit || !isWrite(request)) return 'forward';
    hit = request;
    kill();
    return 'drop-response';
  };
  return () => hit;
}

async function landed(request: () => ProxiedRequest | undefined): Promise<ProxiedRequest> {
  for (let n = 0; n < 200; n++) {
    const hit = request();
    if (hit?.status !== undefined) return hit;
    await sleep(10);
  }
  throw new Error('the write never reached the backend');
}

const context = (database: McaDeskDatabase, clock: { now: number }) => ({
  storage: new DexieOutboxStorage(database),
  actor: 'admin@contoso.example',
  now: clock.now,
});
const requestsSince = (world: World, from: number) => world.proxy.requests.slice(from);
const isAgreementsPost = (customerId: string) => (request: ProxiedRequest) =>
  request.method === 'POST' && request.path.toLowerCase() === `/v1/customers/${customerId}/agreements`;
const isCreatePost = (request: ProxiedRequest) => request.method === 'POST' && request.path === '/v1/attestations/enhanced';

async function confirmedAudits(database: McaDeskDatabase, itemId: string): Promise<number> {
  return (await database.audit.where('itemId').equals(itemId).toArray()).filter((entry) => entry.kind === 'confirmed').length;
}

/** The item as stored once a life's drain stopped: the lease taken before the write left, never settled. */
async function expectLeasedOnce(database: McaDeskDatabase, itemId: string): Promise<OutboxItem> {
  const stored = (await database.outbox.get(itemId))!;
  expect(stored).toMatchObject({ state: 'sending', attempts: 1 });
  return stored;
}

describe('the first attempt of a write, killed after it left and before its answer', () => {
  let legacy: World;
  let today: World;
  beforeAll(async () => {
    [legacy, today] = await Promise.all([startWorld('available'), startWorld('retired')]);
  }, 90_000);
  afterAll(async () => {
    await Promise.all([legacy?.stop(), today?.stop()]);
  });

  it('a legacy attestation: posted at once, then read first after the restart, one agreement', async () => {
    const database = new McaDeskDatabase(`kill-first-legacy-${crypto.randomUUID()}`);
    await database.open();
    const clock = { now: Date.now() };
    const customer = legacy.customers[0]!;
    const item = await enqueueAttestation(
      {
        customerId: customer.id,
        customerName: customer.companyName,
        primaryContact: { firstName: 'Kill', lastName: 'First', email: 'kill.first.legacy@example.com', phoneNumber: undefined },
        dateAgreed: calendarDateIn(new Date(clock.now - 86_400_000), 'UTC'),
      },
      context(database, clock),
    );

    const first = life(legacy, database, clock);
    const from = legacy.proxy.requests.length;
    const hit = killOnWrite(legacy, isAgreementsPost(customer.id), () => first.kill());
    expect(await first.drainUntilKilled()).toBe('killed');
    expect((await landed(hit)).status).toBe(201);
    // The first attempt wrote directly: no read of the customer's confirmations before its POST.
    const sent = requestsSince(legacy, from).filter((request) => request.path.toLowerCase().includes(customer.id));
    expect(sent.map((request) => request.method)).toEqual(['POST']);
    await expectLeasedOnce(database, item.id);

    legacy.proxy.rule = () => 'forward';
    const second = life(legacy, database, clock);
    const afterKill = legacy.proxy.requests.length;
    expect(await second.engine.recover()).toBe(1);
    expect(await second.engine.drain()).toMatchObject({ sent: 1, confirmed: 1 });
    // The recovered attempt read first, found the agreement, and posted nothing.
    const resent = requestsSince(legacy, afterKill).filter((request) => request.path.toLowerCase().includes(customer.id));
    expect(resent.map((request) => request.method)).toEqual(['GET']);
    expect(await database.outbox.get(item.id)).toMatchObject({ state: 'confirmed', alreadyRecorded: true, attempts: 2 });
    const agreements = (await legacy.sandbox.inspect.agreements()).filter((agreement) => agreement.requestId === item.id);
    expect(agreements).toHaveLength(1);
    expect(await confirmedAudits(database, item.id)).toBe(1);
    database.close();
  });

  it('a create: sent at once, then replayed by its request id after the restart, one attestation and one agreement', async () => {
    const database = new McaDeskDatabase(`kill-first-create-${crypto.randomUUID()}`);
    await database.open();
    const clock = { now: Date.now() };
    const customer = today.customers[0]!;
    const item = await enqueueEnhancedAttestation(
      {
        customerId: customer.id,
        customerName: customer.companyName,
        signer: { firstName: 'Kill', lastName: 'Create', email: 'kill.create@customer.example' },
        fields: { companyName: customer.companyName, country: 'NL', language: 'nl-NL', linkExpiryMinutes: 10_080 },
      },
      context(database, clock),
    );

    const first = life(today, database, clock);
    const hit = killOnWrite(today, isCreatePost, () => first.kill());
    expect(await first.drainUntilKilled()).toBe('killed');
    expect((await landed(hit)).status).toBe(201);
    await expectLeasedOnce(database, item.id);

    today.proxy.rule = () => 'forward';
    const second = life(today, database, clock);
    expect(await second.engine.recover()).toBe(1);
    await second.engine.drain();
    const watching = (await database.outbox.get(item.id))!;
    expect(watching).toMatchObject({ state: 'queued', enhanced: { step: 'watch' } });
    const attestations = (await today.sandbox.inspect.attestations()).filter((a) => a.customerTenantId === customer.id);
    expect(attestations).toHaveLength(1);
    expect(watching.enhanced!.attestation!.id).toBe(attestations[0]!.id);

    // The signer accepts; the finalise (a first attempt) makes the one agreement.
    const accepted = await fetch(`${today.sandbox.url}/sandbox/attestations/${attestations[0]!.id}/accept`, { method: 'POST' });
    expect(accepted.status).toBe(200);
    await checkNow(item.id, context(database, clock));
    expect(await second.engine.drain()).toMatchObject({ confirmed: 1 });
    expect(await database.outbox.get(item.id)).toMatchObject({ state: 'confirmed' });
    expect((await today.sandbox.inspect.agreements()).filter((agreement) => agreement.customerId === customer.id)).toHaveLength(1);
    expect(await confirmedAudits(database, item.id)).toBe(1);
    database.close();
  });

  it('a finalise: posted at once, then read first after the restart, one agreement', async () => {
    const database = new McaDeskDatabase(`kill-first-finalise-${crypto.randomUUID()}`);
    await database.open();
    const clock = { now: Date.now() };
    const customer = today.customers[1]!;
    const item = await enqueueEnhancedAttestation(
      {
        customerId: customer.id,
        customerName: customer.companyName,
        signer: { firstName: 'Kill', lastName: 'Finalise', email: 'kill.finalise@customer.example' },
        fields: { companyName: customer.companyName, country: 'NL', language: 'nl-NL', linkExpiryMinutes: 10_080 },
      },
      context(database, clock),
    );
    const creating = life(today, database, clock);
    await creating.engine.drain();
    const attestationId = (await database.outbox.get(item.id))!.enhanced!.attestation!.id;
    const accepted = await fetch(`${today.sandbox.url}/sandbox/attestations/${attestationId}/accept`, { method: 'POST' });
    expect(accepted.status).toBe(200);
    await checkNow(item.id, context(database, clock));

    const first = life(today, database, clock);
    const from = today.proxy.requests.length;
    const hit = killOnWrite(today, isAgreementsPost(customer.id), () => first.kill());
    expect(await first.drainUntilKilled()).toBe('killed');
    expect((await landed(hit)).status).toBe(201);
    // The watch read saw the acceptance; the finalise went out at once, with no read of its own before it.
    const calls = requestsSince(today, from).map((request) => `${request.method} ${request.path}`);
    expect(calls).toEqual([`GET /v1/attestations/enhanced/${attestationId}`, `POST /v1/customers/${customer.id}/agreements`]);
    const stored = await expectLeasedOnce(database, item.id);
    expect(stored.enhanced!.step).toBe('finalise');

    today.proxy.rule = () => 'forward';
    const second = life(today, database, clock);
    const afterKill = today.proxy.requests.length;
    expect(await second.engine.recover()).toBe(1);
    expect(await second.engine.drain()).toMatchObject({ sent: 1, confirmed: 1 });
    // The recovered attempt read the attestation first, found it finalised, and posted nothing.
    expect(requestsSince(today, afterKill).map((request) => request.method)).toEqual(['GET']);
    expect(await database.outbox.get(item.id)).toMatchObject({ state: 'confirmed', alreadyRecorded: true, attempts: 2 });
    expect((await today.sandbox.inspect.agreements()).filter((agreement) => agreement.customerId === customer.id)).toHaveLength(1);
    expect(await confirmedAudits(database, item.id)).toBe(1);
    database.close();
  });
});
