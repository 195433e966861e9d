/**
 * The partner's customers, cached on this computer, as the screens see them. The store only wires:
 * the download (`customers/download.ts`), the cache (`db/customer-cache.ts`) and the search index
 * (`search/customer-index.ts`), plus what only a window can do: paint first, one download at a time
 * across windows (Web Locks), and tell the other windows when a download ended.
 */
import { defineStore } from 'pinia';
import { markRaw, reactive, ref, shallowRef, triggerRef } from 'vue';
import type { Customer } from '../../../shared/domain/customer';
import { db } from '../db/database';
import { CustomerCache } from '../db/customer-cache';
import { customerDetailsFeed } from '../db/change-feed';
import type { CustomerDetailRow, CustomerRow } from '../db/rows';
import { call } from '../platform/api';
import { downloadCustomers, PAGE_SIZE } from '../customers/download';
import { CustomerIndexHolder } from '../search/customer-index';
import type { CustomerSearchIndex } from '../search/customer-search';
import { useTrackedRows } from '../composables/useTrackedRows';

/** Rows read first, in name order, so the list paints before the whole cache is read. */
const FIRST_SCREEN = 100;
/** A cache older than this is refreshed on its own when the app starts online. */
const STALE_AFTER_MS = 12 * 60 * 60_000;

function isStale(updated: number | null): boolean {
  return updated === null || Date.now() - updated > STALE_AFTER_MS;
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
  const loaded = ref(false);
  /** True while the cache is being read: the list shows only its first screen until then. */
  const reading = ref(false);
  const updatedAt = ref<number | null>(null);
  const download = reactive({ running: false, loaded: 0, total: null as number | null, error: null as string | null });
  let indexJob = 0;
  let loadJob = 0;
  let channel: BroadcastChannel | null = null;

  const holder = new CustomerIndexHolder();
  const indexed = ref(false);
  // The index learns contact emails in place from the details feed; `triggerRef` tells whoever searches it.
  const { published } = useTrackedRows(
    holder.details,
    () => customerDetailsFeed(db().customerDetails),
    indexed,
    () => {
      holder.catchUp(positions.value);
      triggerRef(index);
    },
  );

  const cache = () => new CustomerCache(db());

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

  /** The whole cache into memory and its index. */
  async function readWholeCache(): Promise<void> {
    setRecords(await cache().allRows());
    updatedAt.value = await cache().updatedAt();
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
    const [updated, checkpoint] = await Promise.all([cache().updatedAt(), cache().checkpoint()]);
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
    const built = holder.build(rows, positions.value, await cache().allDetails());
    if (job !== indexJob || rows !== records.value) return;
    holder.use(built);
    index.value = markRaw(built);
    indexed.value = true;
    published();
  }

  /**
   * Reads the cache (name order) into memory; downloads it when empty or stale and online.
   * 100,000 rows take seconds to read through the name index, so the first screenful is read that
   * way and shown at once, and then the whole table is read in key order and sorted.
   */
  async function load(): Promise<void> {
    const job = ++loadJob;
    listenToOtherWindows();
    reading.value = true;
    let rows = await cache().firstRows(FIRST_SCREEN);
    if (job !== loadJob) return;
    if (rows.length === FIRST_SCREEN) {
      if (records.value.length === 0) setRecords(rows);
      // Let that screen paint before the whole table arrives: reading it back takes the main thread a while.
      await afterNextPaint();
      if (job !== loadJob) return;
      rows = await cache().allRows();
      if (job !== loadJob) return;
    }
    setRecords(rows);
    reading.value = false;
    updatedAt.value = await cache().updatedAt();
    loaded.value = true;
    void buildIndex();
    const checkpoint = await cache().checkpoint();
    if (navigator.onLine && (checkpoint || isStale(updatedAt.value))) void refresh({ onlyIfStale: true });
  }

  /** Downloads every customer (resuming an interrupted download); the list fills in as pages arrive on a first download. */
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
        let pending: CustomerRow[] = [];
        let shownAt = 0;
        await downloadCustomers(
          (continuationToken) => call('listCustomers', { pageSize: PAGE_SIZE, ...(continuationToken ? { continuationToken } : {}) }),
          cache(),
          {
            progress(loaded, total) {
              download.loaded = loaded;
              download.total = total;
            },
            rows(rows, last) {
              // On a first download the list fills in as pages arrive (searched by scan until indexed), about once a second.
              if (!initial) return;
              pending.push(...rows);
              if (last || Date.now() - shownAt > 1_000) {
                setRecords([...records.value, ...pending]);
                pending = [];
                shownAt = Date.now();
              }
            },
          },
        );
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

  function byId(id: string): CustomerRow | undefined {
    const position = positions.value.get(id);
    return position === undefined ? undefined : records.value[position];
  }

  /**
   * A customer's country: the list row's, else the cached details' (the real list call carries no
   * country, a customer's details do once it was opened). The details are followed through `index`.
   */
  function countryOf(id: string): string | undefined {
    return byId(id)?.country ?? holder.details.rows.get(id)?.country;
  }

  /** A customer's cached details (country, language, contact), if it was opened before. */
  function cachedDetails(id: string): Promise<CustomerDetailRow | undefined> {
    return cache().details(id);
  }

  /** Fetches a customer's details from the backend and caches them; the search learns the contact email at once. */
  async function fetchDetails(id: string): Promise<CustomerDetailRow> {
    const row = await cache().putDetails(await call('getCustomer', { customerId: id }), Date.now());
    if (holder.details.apply({ changed: [row] })) published();
    return row;
  }

  /** Adds a customer just created here to the cache (list, details, search), without a new download. */
  async function addCreated(customer: Customer): Promise<void> {
    const { row } = await cache().addCreated(customer, Date.now());
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
    holder.use(null);
    index.value = null;
    indexed.value = false;
    loaded.value = false;
    updatedAt.value = null;
    Object.assign(download, { running: false, loaded: 0, total: null, error: null });
  }

  return {
    records,
    positions,
    index,
    loaded,
    reading,
    updatedAt,
    download,
    load,
    refresh,
    byId,
    countryOf,
    cachedDetails,
    fetchDetails,
    addCreated,
    reset,
  };
});
