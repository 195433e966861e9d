/**
 * The one way the renderer follows what changed in IndexedDB (its own writes, the sync worker's,
 * other windows'): a table's change feed answers the rows written at or after a cursor (a write
 * time; "at": two writes in one millisecond must not hide the second), and a `TrackedRows` applies
 * those pages to rows kept in memory, counting versions and remembering which keys each version
 * touched, so a consumer re-derives only what changed since the version it last saw.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { CustomerDetailRow, DirectAcceptanceRow, McaStateRow, OutboxItem } from './rows';
import { ACTIVE_OUTBOX_STATES } from './rows';

export interface FeedPage<Row> {
  /** Rows written at or after the cursor. */
  changed: Row[];
  /** Every key the feed holds now, when it reads them: keys not listed are gone. */
  present?: string[];
  /** Present rows the tracker did not know and that were not written since the cursor (a clock set back), read for it. */
  fetched?: Row[];
}

export interface ChangeFeed<Row> {
  /** The rows written since `cursor`; `isKnown` tells the feed which keys the tracker holds already. */
  read(cursor: number, isKnown: (key: string) => boolean): Promise<FeedPage<Row>>;
}

export interface TrackedRowsOptions<Row> {
  keyOf(row: Row): string;
  /** The row's write time: the feed's cursor moves to the latest one seen. */
  timeOf(row: Row): number;
  /** Whether a newly read row is the same as the one held (default: the same write time). */
  same?(before: Row, after: Row): boolean;
  /** The key a change is reported under (default the row's key; e.g. its customer). */
  affects?(row: Row): string;
}

/** How many versions `changedSince` can answer for before it says "everything". */
const LOG_LENGTH = 64;

export class TrackedRows<Row> {
  readonly rows = new Map<string, Row>();
  version = 0;
  cursor = 0;
  private log: Array<{ version: number; keys: string[] | null }> = [];

  constructor(private readonly options: TrackedRowsOptions<Row>) {}

  /** Replaces every row (a full read); consumers re-derive everything. Answers the new version. */
  reset(rows: readonly Row[]): number {
    this.rows.clear();
    let cursor = 0;
    for (const row of rows) {
      this.rows.set(this.options.keyOf(row), row);
      cursor = Math.max(cursor, this.options.timeOf(row));
    }
    this.cursor = cursor;
    return this.bump(null);
  }

  /** Applies one page of the feed; answers whether anything changed. */
  apply(page: FeedPage<Row>): boolean {
    const { keyOf, timeOf } = this.options;
    const same = this.options.same ?? ((before: Row, after: Row) => timeOf(before) === timeOf(after));
    const affects = this.options.affects ?? keyOf;
    const touched = new Set<string>();
    if (page.present) {
      const present = new Set(page.present);
      for (const [key, row] of this.rows)
        if (!present.has(key)) {
          this.rows.delete(key);
          touched.add(affects(row));
        }
    }
    for (const row of [...(page.fetched ?? []), ...page.changed]) {
      const key = keyOf(row);
      const before = this.rows.get(key);
      this.rows.set(key, row);
      if (before && same(before, row)) continue;
      touched.add(affects(row));
      if (before) touched.add(affects(before));
    }
    for (const row of page.changed) this.cursor = Math.max(this.cursor, timeOf(row));
    if (touched.size === 0) return false;
    this.bump([...touched]);
    return true;
  }

  /** The keys changed after `version`, or null when that is not known any more (then: all). */
  changedSince(version: number): Set<string> | null {
    if (version > this.version) return null;
    if (version === this.version) return new Set();
    const first = this.log[0];
    if (!first || first.version > version + 1) return null;
    const keys = new Set<string>();
    for (const entry of this.log) {
      if (entry.version <= version) continue;
      if (entry.keys === null) return null;
      for (const key of entry.keys) keys.add(key);
    }
    return keys;
  }

  private bump(keys: string[] | null): number {
    this.version += 1;
    this.log.push({ version: this.version, keys });
    if (this.log.length > LOG_LENGTH) this.log = this.log.slice(-LOG_LENGTH / 2);
    return this.version;
  }
}

/**
 * The outbox's active items (queued, sending, failed). Every write sets `updatedAt`; the keys of
 * every active item are read too (keys only, no item), so an item that left the active states, a
 * cleared table, or a write with a clock set back is never missed.
 */
export function activeOutboxFeed(outbox: EntityTable<OutboxItem, 'id'>): ChangeFeed<OutboxItem> {
  return {
    async read(cursor, isKnown) {
      const [keys, changed] = await Promise.all([
        Promise.all(ACTIVE_OUTBOX_STATES.map((state) => outbox.where('state').equals(state).primaryKeys())),
        Promise.all(
          ACTIVE_OUTBOX_STATES.map((state) =>
            outbox.where('[state+updatedAt]').between([state, cursor], [state, Dexie.maxKey], true, true).toArray(),
          ),
        ),
      ]);
      const present = keys.flat() as string[];
      const changedRows = changed.flat();
      const changedIds = new Set(changedRows.map((item) => item.id));
      const missing = present.filter((id) => !isKnown(id) && !changedIds.has(id));
      const fetched = missing.length ? (await outbox.bulkGet(missing)).filter((item): item is OutboxItem => item !== undefined) : [];
      return { changed: changedRows, present, fetched };
    },
  };
}

/** Rows of a table with an index on their write time (`updatedAt`, `fetchedAt`); rows are only ever added or rewritten. */
export function writeTimeFeed<Row, Key extends keyof Row>(table: EntityTable<Row, Key>, index: string): ChangeFeed<Row> {
  return {
    async read(cursor) {
      return { changed: await table.where(index).aboveOrEqual(cursor).toArray() };
    },
  };
}

export const mcaStateFeed = (table: EntityTable<McaStateRow, 'customerId'>) => writeTimeFeed(table, 'updatedAt');
export const customerDetailsFeed = (table: EntityTable<CustomerDetailRow, 'id'>) => writeTimeFeed(table, 'fetchedAt');
export const directAcceptanceFeed = (table: EntityTable<DirectAcceptanceRow, 'customerId'>) => writeTimeFeed(table, 'checkedAt');
