/**
 * The partner's customers, cached on this computer: a paged download with progress that resumes
 * where it stopped, a refresh that never empties the cache before a full pass succeeded, the search
 * index over the cache, and each customer's details fetched when it is opened.
 */
import { defineStore } from 'pinia';
import { markRaw, reactive, ref, shallowRef } from 'vue';
import type { Customer, CustomerSummary } from '../../../shared/domain/customer';
import { ApiError } from '../../../shared/ipc/errors';
import { db } from '../db/database';
import type { CustomerDetailRow, CustomerRow } from '../db/rows';
import { guardStorage } from '../db/storage-errors';
import { call } from '../platform/api';
import { CustomerSearchIndex } from '../search/customer-search';

const CHECKPOINT_KEY = 'customers.download';
const UPDATED_KEY = 'customers.updatedAt';
const PAGE_SIZE = 500;
/** Rows read first, in name order, so the list paints before the whole cache is read. */
const FIRST_SCREEN = 100;
/** A cache older than this is refreshed on its own when the app starts online. */
const STALE_AFTER_MS = 12 * 60 * 60_000;

async function readUpdatedAt(): Promise<number | null> {
  return ((await db().meta.get(UPDATED_KEY))?.value as number | undefined) ?? null;
}

function isStale(updated: number | null): boolean {
  return updated === null || Date.now() - updated > STALE_AFTER_MS;
}

interface DownloadCheckpoint {
  runId: string;
  continuationToken: string;
  loaded: number;
  total: number | null;
}

function rowOf(summary: CustomerSummary, runId: string): CustomerRow {
  return {
    id: summary.id,
    companyName: summary.companyName,
    domain: summary.domain,
    ...(summary.relationshipToPartner ? { relationshipToPartner: summary.relationshipToPartner } : {}),
    nameKey: summary.companyName.toLowerCase(),
    seenRun: runId,
  };
}

/** Name order as the `nameKey` index gives it (code-unit order, then the id, which `getAll` already follows). */
function byName(rows: CustomerRow[]): CustomerRow[] {
  return rows.sort((a, b) => (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : 0));
}

function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves after the next frame was drawn (or after 100 ms where no frames come, e.g. a hidden window). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

export const useCustomersStore = defineStore('customers', () => {
  /** Plain (non-reactive) rows in name order; replaced as a whole, so Vue tracks one reference. */
  const records = shallowRef<readonly CustomerRow[]>(markRaw([]));
  const positions = shallowRef<ReadonlyMap<string, number>>(new Map());
  /** The index covers records[0 .. index.size); rows downloaded after it was built are scanned. */
  const index = shallowRef<CustomerSearchIndex | null>(null);
  /** Bumped when the index learnt something in place (a contact email). */
  const indexVersion = ref(0);
  const loaded = ref(false);
  /** True while the cache is being read: the list shows only its first screen until then. */
  const reading = ref(false);
  const updatedAt = ref<number | null>(null);
  const download = reactive({ running: false, loaded: 0, total: null as number | null, error: null as string | null });
  let indexJob = 0;
  let loadJob = 0;
  let channel: BroadcastChannel | null = null;

  /**
   * Other windows of the same profile share the cache: when one of them finishes a download it says
   * so here and the others read the cache again (a window that opened mid-download would otherwise
   * keep the empty list it read first, next to "updated less than a minute ago").
   */
  function listenToOtherWindows(): void {
    channel?.close();
    channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`mca-desk-customers:${db().name}`);
    if (channel) channel.onmessage = () => void rereadCache();
  }

  /** The whole cache into memory (key order, sorted here) and its index. */
  async function readWholeCache(): Promise<void> {
    setRecords(byName(await db().customers.toArray()));
    updatedAt.value = await readUpdatedAt();
    await buildIndex();
  }

  async function rereadCache(): Promise<void> {
    if (!download.running) await readWholeCache();
  }

  /** One download at a time across the windows (they would undo each other's pass); without Web Locks, this window is the only one. */
  function oneWindowAtATime(work: () => Promise<void>): Promise<void> {
    const locks = globalThis.navigator?.locks;
    return locks ? locks.request(`mca-desk-customers-download:${db().name}`, work) : work();
  }

  async function isFresh(): Promise<boolean> {
    const [updated, checkpoint] = await Promise.all([readUpdatedAt(), db().meta.get(CHECKPOINT_KEY)]);
    return !checkpoint && !isStale(updated);
  }

  function setRecords(rows: CustomerRow[]): void {
    records.value = markRaw(rows);
    positions.value = markRaw(new Map(rows.map((row, position) => [row.id, position])));
  }

  /** Builds the search index after the list has painted, and teaches it the contact emails already known. */
  async function buildIndex(): Promise<void> {
    const job = ++indexJob;
    await yieldToBrowser();
    if (job !== indexJob) return;
    const rows = records.value;
    const built = CustomerSearchIndex.build(rows);
    const details = await db().customerDetails.toArray();
    for (const detail of details) {
      const position = positions.value.get(detail.id);
      if (position !== undefined && detail.contact.email) built.update(position, { ...detail, email: detail.contact.email });
    }
    if (job === indexJob && rows === records.value) index.value = markRaw(built);
  }

  /**
   * Reads the cache (name order) into memory; downloads it when empty or stale and online.
   * 100,000 rows take seconds to read through the name index, so the first screenful is read that
   * way and shown at once, and then the whole table is read in key order (one plain `getAll`,
   * several times faster) and sorted here.
   */
  async function load(): Promise<void> {
    const job = ++loadJob;
    listenToOtherWindows();
    reading.value = true;
    let rows = await db().customers.orderBy('nameKey').limit(FIRST_SCREEN).toArray();
    if (job !== loadJob) return;
    if (rows.length === FIRST_SCREEN) {
      if (records.value.length === 0) setRecords(rows);
      // Let that screen paint before the whole table arrives: reading it back takes the main thread a while.
      await afterNextPaint();
      if (job !== loadJob) return;
      rows = byName(await db().customers.toArray());
      if (job !== loadJob) return;
    }
    setRecords(rows);
    reading.value = false;
    updatedAt.value = await readUpdatedAt();
    loaded.value = true;
    void buildIndex();
    const checkpoint = (await db().meta.get(CHECKPOINT_KEY))?.value as DownloadCheckpoint | undefined;
    if (navigator.onLine && (checkpoint || isStale(updatedAt.value))) void refresh({ onlyIfStale: true });
  }

  /**
   * Downloads every customer page by page, saving each page and a checkpoint together, so an
   * interrupted download resumes. Customers the full pass did not see are removed only at its end.
   */
  async function refresh(options: { onlyIfStale?: boolean } = {}): Promise<void> {
    if (download.running) return;
    download.running = true;
    download.error = null;
    try {
      let downloaded = false;
      await oneWindowAtATime(async () => {
        // Another window may have downloaded while this one waited for its turn.
        if (options.onlyIfStale && (await isFresh())) return;
        const initial = records.value.length === 0;
        const checkpoint = (await db().meta.get(CHECKPOINT_KEY))?.value as DownloadCheckpoint | undefined;
        try {
          await downloadPages(checkpoint, initial);
        } catch (error) {
          // A resumed continuation token may have expired: start the pass again once.
          if (!checkpoint || !(error instanceof ApiError) || !['bad-request', 'backend', 'not-found'].includes(error.code)) throw error;
          await db().meta.delete(CHECKPOINT_KEY);
          await downloadPages(undefined, initial);
        }
        downloaded = true;
      });
      if (downloaded) channel?.postMessage('downloaded');
      await readWholeCache();
    } catch (error) {
      download.error = error instanceof Error ? error.message : String(error);
    } finally {
      download.running = false;
    }
  }

  async function downloadPages(checkpoint: DownloadCheckpoint | undefined, initial: boolean): Promise<void> {
    const runId = checkpoint?.runId ?? crypto.randomUUID();
    let token = checkpoint?.continuationToken;
    download.loaded = checkpoint?.loaded ?? 0;
    download.total = checkpoint?.total ?? null;
    const { customers, meta } = db();
    let pending: CustomerRow[] = [];
    let shownAt = 0;
    for (;;) {
      const page = await call('listCustomers', { pageSize: PAGE_SIZE, ...(token ? { continuationToken: token } : {}) });
      const rows = page.items.map((summary) => rowOf(summary, runId));
      const next = page.continuationToken ?? undefined;
      download.loaded += rows.length;
      // Partner Center's `totalCount` is the number of items on this page (reference §8), not the
      // customer count: only a figure above what has arrived can be a total, else the count is unknown.
      if (page.totalCount !== undefined && page.totalCount > download.loaded) download.total = page.totalCount;
      const progress: DownloadCheckpoint | null = next ? { runId, continuationToken: next, loaded: download.loaded, total: download.total } : null;
      await guardStorage(() =>
        db().transaction('rw', customers, meta, async () => {
          await customers.bulkPut(rows);
          if (progress) await meta.put({ key: CHECKPOINT_KEY, value: progress });
        }),
      );
      // On a first download the list fills in as pages arrive (searched by scan until indexed), about once a second.
      if (initial) {
        pending.push(...rows);
        if (!next || Date.now() - shownAt > 1_000) {
          setRecords([...records.value, ...pending]);
          pending = [];
          shownAt = Date.now();
        }
      }
      if (!next) break;
      token = next;
    }
    await guardStorage(() =>
      db().transaction('rw', customers, meta, async () => {
        await customers.where('seenRun').notEqual(runId).delete();
        await meta.delete(CHECKPOINT_KEY);
        await meta.put({ key: UPDATED_KEY, value: Date.now() });
      }),
    );
  }

  function byId(id: string): CustomerRow | undefined {
    const position = positions.value.get(id);
    return position === undefined ? undefined : records.value[position];
  }

  /** A customer's cached details (country, language, contact), if it was opened before. */
  function cachedDetails(id: string): Promise<CustomerDetailRow | undefined> {
    return db().customerDetails.get(id);
  }

  /** Fetches a customer's details from the backend and caches them. */
  async function fetchDetails(id: string): Promise<CustomerDetailRow> {
    const customer = await call('getCustomer', { customerId: id });
    const row: CustomerDetailRow = { ...customer, fetchedAt: Date.now() };
    await guardStorage(() => db().customerDetails.put(row));
    const position = positions.value.get(id);
    if (position !== undefined && index.value && position < index.value.size && customer.contact.email)
    {
      index.value.update(position, { id, companyName: customer.companyName, domain: customer.domain, email: customer.contact.email });
      indexVersion.value += 1;
    }
    return row;
  }

  /** Adds a customer just created here to the cache (list, details, search), without a new download. */
  async function addCreated(customer: Customer): Promise<void> {
    // Its run id is none of the downloads': the next full download sees it and takes it over.
    const row = rowOf(customer, 'created-here');
    await guardStorage(() =>
      db().transaction('rw', db().customers, db().customerDetails, async () => {
        await db().customers.put(row);
        await db().customerDetails.put({ ...customer, fetchedAt: Date.now() });
      }),
    );
    const rows = records.value.filter((existing) => existing.id !== row.id);
    const at = rows.findIndex((existing) => existing.nameKey > row.nameKey);
    rows.splice(at < 0 ? rows.length : at, 0, row);
    setRecords(rows);
    void buildIndex();
  }

  function reset(): void {
    channel?.close();
    channel = null;
    indexJob += 1;
    loadJob += 1;
    reading.value = false;
    setRecords([]);
    index.value = null;
    loaded.value = false;
    updatedAt.value = null;
    Object.assign(download, { running: false, loaded: 0, total: null, error: null });
  }

  return { records, positions, index, indexVersion, loaded, reading, updatedAt, download, load, refresh, byId, cachedDetails, fetchDetails, addCreated, reset };
});
