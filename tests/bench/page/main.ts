/**
 * The benchmark harness page. It is served next to the built app (same origin, so the same
 * IndexedDB) and drives the app's own modules: its database module, search index, outbox commands
 * and sync engine. The runner calls these functions through `window.__mcaBench`.
 */
import { captureBridgeSecret } from '../../../renderer/src/platform/bridge-secret';
import { databaseNameFor, db, openDatabase } from '../../../renderer/src/db/database';
import type { OutboxItem } from '../../../renderer/src/db/rows';
import { call } from '../../../renderer/src/platform/api';
import { CustomerSearchIndex, filterSearch } from '../../../renderer/src/search/customer-search';
import { DexieOutboxStorage } from '../../../renderer/src/db/outbox-storage';
import { enqueueMany } from '../../../renderer/src/outbox/enqueue-many';
import { OutboxQueue } from '../../../renderer/src/outbox/queue';
import { SyncEngine } from '../../../renderer/src/outbox/engine';
import { ipcTransport } from '../../../renderer/src/sync/ipc-transport';
import { SyncWorker } from '../../../renderer/src/sync/sync-worker';
import { latestAcceptanceDate } from '../../../shared/domain/dates';
import {
  BENCH_GLOBAL,
  type BacklogRequest,
  type BenchPageApi,
  type OutboxCounts,
  type SearchStepsRequest,
  type SearchStepsResult,
  type SyncRequest,
  type SyncResult,
} from '../protocol';

// Opened with the page secret in the fragment, as the app is (openHarness): the harness calls the bridge too.
captureBridgeSecret();

let actor = 'unknown';

async function openAgentDatabase(): Promise<string> {
  const session = await call('getSession', {});
  if (!session.signedIn) throw new Error('Nobody is signed in: the harness needs the agent the app runs as.');
  actor = session.user.userName;
  const name = databaseNameFor(session.backend, session.user.partnerTenantId, session.user.userId);
  await openDatabase(name).open();
  return name;
}

function same(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

async function searchSteps({ queries, rounds }: SearchStepsRequest): Promise<SearchStepsResult> {
  let started = performance.now();
  // The rows as the Customers store loads them: the whole cache in name order.
  const rows = await db().customers.orderBy('nameKey').toArray();
  const loadMs = performance.now() - started;
  started = performance.now();
  const index = CustomerSearchIndex.build(rows);
  const buildMs = performance.now() - started;
  const indexMs: number[] = [];
  const baselineMs: number[] = [];
  let mismatches = 0;
  const mismatchExamples: string[] = [];
  for (let round = 0; round < rounds; round++) {
    const measured = round === rounds - 1 || rounds === 1;
    for (const query of queries) {
      index.search('');
      for (let length = 1; length <= query.length; length++) {
        const prefix = query.slice(0, length);
        let at = performance.now();
        const fast = index.search(prefix);
        const fastMs = performance.now() - at;
        at = performance.now();
        const slow = filterSearch(rows, prefix);
        const slowMs = performance.now() - at;
        if (!same(fast, slow)) {
          mismatches += 1;
          if (mismatchExamples.length < 5)
            mismatchExamples.push(`"${prefix}" (after "${query.slice(0, length - 1)}"): index ${fast.length}, filter ${slow.length}`);
        }
        if (measured) {
          indexMs.push(fastMs);
          baselineMs.push(slowMs);
        }
      }
    }
  }
  return { rows: rows.length, loadMs, buildMs, indexMs, baselineMs, mismatches, mismatchExamples };
}

async function cachedCustomers(): Promise<number> {
  return db().customers.count();
}

async function sampleCustomers(count: number): Promise<Array<{ id: string; companyName: string; domain: string }>> {
  const rows = await db().customers.toArray();
  rows.sort((a, b) => (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : 0));
  const step = Math.max(1, Math.floor(rows.length / (count + 1)));
  return rows
    .filter((_, i) => i > 0 && i % step === 0)
    .slice(0, count)
    .map(({ id, companyName, domain }) => ({ id, companyName, domain }));
}

async function customerIds(offset: number, limit: number): Promise<string[]> {
  return (await db().customers.orderBy('nameKey').offset(offset).limit(limit).primaryKeys()) as string[];
}

const firstNames = ['Alex', 'Sam', 'Robin', 'Kim', 'Noor', 'Mika', 'Jules', 'Rene', 'Yuki', 'Ana'];
const lastNames = ['Jansen', 'Smith', 'Dubois', 'Sato', 'Silva', 'Novak', 'Rossi', 'Nguyen', 'Okafor', 'Larsen'];

/**
 * Queues one attestation per customer the way the app queues many (an MCA refresh, a CSV import):
 * `enqueueMany`, the ordinary outbox command a chunk per transaction, each item with its own request
 * id and audit entry.
 */
async function enqueueBacklog({ customerIds: ids, tag }: BacklogRequest): Promise<number> {
  const started = performance.now();
  const dateAgreed = latestAcceptanceDate(new Date(), 'UTC');
  const database = db();
  const names = new Map((await database.customers.bulkGet(ids)).map((row, i) => [ids[i] as string, row?.companyName ?? 'Customer']));
  const attestations = ids.map((customerId, i) => {
    const first = firstNames[i % firstNames.length] as string;
    const last = lastNames[Math.floor(i / firstNames.length) % lastNames.length] as string;
    return {
      customerId,
      customerName: names.get(customerId) ?? 'Customer',
      primaryContact: { firstName: first, lastName: last, email: `${first.toLowerCase()}.${tag}.${i}@bench.example`, phoneNumber: '' },
      dateAgreed,
    };
  });
  await enqueueMany(attestations, { storage: new DexieOutboxStorage(database), actor, now: Date.now });
  return performance.now() - started;
}

async function outboxCounts(): Promise<OutboxCounts> {
  const counts: OutboxCounts = {};
  await db().outbox.each((item: OutboxItem) => {
    counts[item.state] = (counts[item.state] ?? 0) + 1;
  });
  return counts;
}

/**
 * The enqueue measure's floor: one row put into `meta` in a read-write transaction of its own, timed
 * as the probe times the app's save transaction (transaction() to `complete`), on the same database.
 */
async function transactionFloor(rounds: number): Promise<number[]> {
  const idb = db().backendDB();
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction(['meta'], 'readwrite');
      tx.objectStore('meta').put({ key: 'bench.transactionFloor', value: round });
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    });
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await db().meta.delete('bench.transactionFloor');
  return times;
}

/**
 * Sends every pending item the way the app does: a `SyncEngine` on the Dexie outbox with the bridge
 * as transport, driven by a `SyncWorker` (leader lock, due timer, interval), as `stores/sync.ts`
 * builds them. `concurrency: 1` is the one-at-a-time baseline.
 */
async function sync({ concurrency, timeoutMs }: SyncRequest): Promise<SyncResult> {
  const database = db();
  const pending = await database.outbox.where('state').anyOf('queued', 'sending').count();
  const confirmedAt: number[] = [];
  let failed = 0;
  let retried = 0;
  const engine = new SyncEngine({
    queue: new OutboxQueue(new DexieOutboxStorage(database)),
    transport: ipcTransport,
    now: Date.now,
    owner: crypto.randomUUID(),
    ...(concurrency ? { concurrency } : {}),
    onEvent: (event) => {
      if (event.type === 'confirmed') confirmedAt.push(Date.now());
      else if (event.type === 'failed') failed += 1;
      else if (event.type === 'retry') retried += 1;
    },
  });
  const worker = new SyncWorker({
    engine,
    lockName: `mca-desk-bench-sync:${database.name}`,
    channel: null,
    events: window,
    isOnline: () => navigator.onLine,
    onError: (error) => console.error('sync error', error),
  });
  const startedAt = Date.now();
  worker.start();
  let left = pending;
  try {
    while (Date.now() - startedAt < timeoutMs) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (confirmedAt.length + failed < pending) continue;
      left = await database.outbox.where('state').anyOf('queued', 'sending').count();
      if (left === 0) break;
    }
  } finally {
    worker.stop();
  }
  const ms = (confirmedAt.length ? Math.max(...confirmedAt) : Date.now()) - startedAt;
  if (left !== 0) left = await database.outbox.where('state').anyOf('queued', 'sending').count();
  return { ms, items: pending, confirmed: confirmedAt.length, failed, retried, confirmedAt, startedAt, left };
}

const api: BenchPageApi = {
  sampleCustomers,
  openAgentDatabase,
  cachedCustomers,
  customerIds,
  searchSteps,
  enqueueBacklog,
  outboxCounts,
  transactionFloor,
  sync,
};
(globalThis as Record<string, unknown>)[BENCH_GLOBAL] = api;
document.getElementById('status')?.setAttribute('data-ready', 'true');
