/**
 * The enhanced-route benchmarks' world: a sandbox of Partner Center today with generated customers,
 * a counting proxy in front of it (every request the app makes is seen), the real host signed in as
 * Contoso's Admin agent, and the renderer's real outbox (Dexie on fake-indexeddb, engine, sync
 * worker) on a jumping clock.
 */
import '../../soak/fake-idb';
import { startSandbox, SEEDED_PASSWORD, type RunningSandbox } from '../../../sandbox/index';
import { createHost, type Host } from '../../../electron/host/host';
import { MemorySecretStore } from '../../../electron/host/secrets/store';
import { MemorySettingsStore } from '../../../electron/host/settings';
import { MemoryAuditJournal } from '../../../electron/host/audit/journal';
import { McaDeskDatabase } from '../../../renderer/src/db/database';
import { DexieOutboxStorage } from '../../../renderer/src/db/outbox-storage';
import { OutboxQueue } from '../../../renderer/src/outbox/queue';
import { SyncEngine, type SyncEngineOptions, type SyncEvent } from '../../../renderer/src/outbox/engine';
import { channelTransport } from '../../../renderer/src/outbox/channel-transport';
import { SyncWorker } from '../../../renderer/src/sync/sync-worker';
import { dispatcherCall } from '../../unit/node/helpers/dispatcher-call';
import { startLossyProxy, type LossyProxy, type ProxiedRequest } from '../../unit/node/helpers/lossy-proxy';
import { VirtualTimers } from './virtual-timers';

export interface BenchBackend {
  sandbox: RunningSandbox;
  proxy: LossyProxy;
  host: Host;
  /** Customers with nothing of the enhanced flow yet, each used once. */
  takeCustomers(count: number): Array<{ id: string; companyName: string }>;
  stop(): Promise<void>;
}

export async function startBenchBackend(customers: number): Promise<BenchBackend> {
  const sandbox = await startSandbox({ port: 0, memory: true, quiet: true, customers });
  const proxy = await startLossyProxy(sandbox.url);
  // The host as the app runs it (its own time limits and retries), on the proxy.
  const host = createHost({
    transport: 'browser',
    version: 'bench',
    settings: new MemorySettingsStore(),
    secrets: new MemorySecretStore(),
    overrides: { backend: 'sandbox', sandboxUrl: proxy.url },
    journal: new MemoryAuditJournal(),
    log: { warn: () => undefined, error: () => undefined },
  });
  await host.start();
  await signInSeededAdmin(host);
  const touched = new Set((await sandbox.inspect.attestations()).map((attestation) => attestation.customerTenantId));
  const takeCustomers = await customerPool(host, touched);
  return {
    sandbox,
    proxy,
    host,
    takeCustomers,
    async stop() {
      await proxy.close();
      await sandbox.stop();
    },
  };
}

/** Signs the bench's host in as Contoso's seeded Admin agent. */
export async function signInSeededAdmin(host: Host): Promise<void> {
  const signIn = await host.dispatch('signIn', { method: 'password', userName: 'admin@contoso.example', password: SEEDED_PASSWORD });
  if (!signIn.ok) throw new Error(`sign-in failed: ${JSON.stringify(signIn.error)}`);
}

/** Every customer the host lists except the `touched` ones, handed out by the answer, each once. */
export async function customerPool(
  host: Host,
  touched: ReadonlySet<string>,
): Promise<(count: number) => Array<{ id: string; companyName: string }>> {
  const free: Array<{ id: string; companyName: string }> = [];
  let continuationToken: string | undefined;
  const call = dispatcherCall(() => host.dispatch);
  do {
    const page = await call('listCustomers', { pageSize: 500, ...(continuationToken ? { continuationToken } : {}) });
    free.push(...page.items.filter((customer) => !touched.has(customer.id)));
    continuationToken = page.continuationToken ?? undefined;
  } while (continuationToken);
  return (count) => {
    if (free.length < count) throw new Error(`the sandbox has ${free.length} untouched customers, ${count} wanted`);
    return free.splice(0, count);
  };
}

/** What a request to the backend was, for counting. */
export function requestKind(request: Pick<ProxiedRequest, 'method' | 'path'>): 'create' | 'read' | 'finalise' | 'other' {
  if (request.method === 'POST' && /^\/v1\/attestations\/enhanced\/?$/i.test(request.path)) return 'create';
  if (request.method === 'GET' && /^\/v1\/attestations\/enhanced\/[^/]+$/i.test(request.path)) return 'read';
  if (request.method === 'POST' && /^\/v1\/customers\/[^/]+\/agreements$/i.test(request.path)) return 'finalise';
  return 'other';
}

export interface BenchApp {
  database: McaDeskDatabase;
  storage: DexieOutboxStorage;
  timers: VirtualTimers;
  worker: SyncWorker;
  context(): { storage: DexieOutboxStorage; actor: string; now: number };
  /** Waits until everything set off so far (drains, signer actions) has finished. */
  settle(): Promise<void>;
  /** Runs the app's timers up to `until` (virtual), settling after each; stops early when `done()` says so. */
  runUntil(until: number, done?: () => boolean): Promise<void>;
  stop(): void;
}

/** One app window, the sync leader, on a jumping clock starting at `start`. */
export async function startBenchApp(
  backend: BenchBackend,
  start: number,
  random: () => number,
  onEvent: (event: SyncEvent, at: number) => void,
  engineOptions: Pick<SyncEngineOptions, 'watchReadsPerMinute'> = {},
): Promise<BenchApp> {
  const database = new McaDeskDatabase(`bench-enhanced-${crypto.randomUUID()}`);
  await database.open();
  const storage = new DexieOutboxStorage(database);
  const timers = new VirtualTimers(start);
  const now = () => timers.now;
  const work = new Set<Promise<unknown>>();
  const track = (promise: unknown) => {
    if (!(promise instanceof Promise)) return;
    work.add(promise);
    void promise.finally(() => work.delete(promise)).catch(() => undefined);
  };
  const engine = new SyncEngine({
    queue: new OutboxQueue(storage),
    transport: channelTransport(dispatcherCall(() => backend.host.dispatch)),
    now,
    random,
    owner: 'bench-leader',
    onEvent: (event) => worker.publish(event),
    ...engineOptions,
  });
  // Every drain the worker starts is waited for before the clock moves on.
  const drain = engine.drain.bind(engine);
  engine.drain = () => {
    const running = drain();
    track(running);
    return running;
  };
  const worker = new SyncWorker({
    engine,
    lockName: 'bench',
    locks: null,
    channel: null,
    events: null,
    isOnline: () => true,
    timers,
    now,
    onEvent: (event) => onEvent(event, timers.now),
  });
  const settle = async () => {
    // Real I/O runs in real time; the clock waits for it.
    for (let idle = 0; idle < 3;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (work.size) {
        idle = 0;
        await Promise.allSettled([...work]);
      } else idle += 1;
    }
  };
  worker.start();
  await settle();
  return {
    database,
    storage,
    timers,
    worker,
    context: () => ({ storage, actor: 'admin@contoso.example', now: timers.now }),
    settle,
    async runUntil(until, done = () => false) {
      while (!done()) {
        const { fired, result } = timers.fireNext(until);
        if (!fired) break;
        track(result);
        await settle();
      }
    },
    stop() {
      worker.stop();
      database.close();
    },
  };
}
