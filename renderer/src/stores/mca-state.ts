/**
 * Every customer's MCA state as the backend knows it, in bulk: the partner-wide agreement records
 * (one paged call for all customers, never one call per customer) plus each opened customer's
 * direct-sign status. Kept in IndexedDB and mirrored in memory for the list's filter.
 */
import { defineStore } from 'pinia';
import { markRaw, ref } from 'vue';
import { db } from '../db/database';
import type { McaStateRow } from '../db/rows';
import { guardStorage } from '../db/storage-errors';
import { call } from '../platform/api';
import { mcaStateFeed, TrackedRows } from '../db/change-feed';
import { useTrackedRows } from '../composables/useTrackedRows';

const UPDATED_KEY = 'records.updatedAt';

export const useMcaStateStore = defineStore('mcaState', () => {
  /** Every customer's row, followed through the table's change feed (this window's writes, the sync worker's, other windows'). */
  const tracked = new TrackedRows<McaStateRow>({ keyOf: (row) => row.customerId, timeOf: (row) => row.updatedAt });
  // Raw: 100,000 rows must not become reactive proxies; `version` tells Vue they changed.
  const states: ReadonlyMap<string, McaStateRow> = markRaw(tracked.rows);
  const updatedAt = ref<number | null>(null);
  const refreshing = ref(false);
  const error = ref<string | null>(null);
  // Not before `load` read the table: from time 0 the feed would read every row a second time.
  const loadedOnce = ref(false);
  const { version, published } = useTrackedRows(tracked, () => mcaStateFeed(db().mcaState), loadedOnce);

  /** The customers changed after `since` (a `version` value), or null when that is not known (then: all). */
  function changedSince(since: number): Set<string> | null {
    return tracked.changedSince(since);
  }

  async function load(): Promise<void> {
    tracked.reset(await db().mcaState.toArray());
    published();
    loadedOnce.value = true;
    updatedAt.value = ((await db().meta.get(UPDATED_KEY))?.value as number | undefined) ?? null;
  }

  /** Downloads the partner-wide agreement records, page by page, keeping each customer's direct-sign status. */
  async function refreshRecords(): Promise<void> {
    if (refreshing.value) return;
    refreshing.value = true;
    error.value = null;
    try {
      let token: string | undefined;
      do {
        const page = await call('listAgreementRecords', token ? { continuationToken: token } : {});
        const now = Date.now();
        // Only what changed is written: an unchanged row rewritten with a new time would make every
        // window re-derive the status of every customer, once per page, on every start. The rows in
        // memory tell what may have changed without reading 100,000 rows back one by one.
        const candidates = page.records.filter((record) => {
          const known = states.get(record.customerId);
          return !known || !sameRecord(known, record);
        });
        if (candidates.length)
          await guardStorage(() =>
            db().transaction('rw', db().mcaState, async () => {
              const existing = await db().mcaState.bulkGet(candidates.map((record) => record.customerId));
              const changedRows = candidates.flatMap((record, position) => {
                const row = existing[position];
                if (row && sameRecord(row, record)) return [];
                return [
                  {
                    ...row,
                    customerId: record.customerId,
                    partnerAttestationCompleted: record.partnerAttestationCompleted,
                    lastContact: record.lastContact,
                    lastDateAgreed: record.lastDateAgreed,
                    updatedAt: now,
                  },
                ];
              });
              if (changedRows.length) await db().mcaState.bulkPut(changedRows);
            }),
          );
        token = page.continuationToken ?? undefined;
      } while (token);
      const now = Date.now();
      await db().meta.put({ key: UPDATED_KEY, value: now });
      updatedAt.value = now;
    } catch (caught) {
      error.value = caught instanceof Error ? caught.message : String(caught);
    } finally {
      refreshing.value = false;
    }
  }

  /** Asks whether the customer accepted directly (Microsoft 365 admin center) and keeps the answer. */
  async function refreshDirectSign(customerId: string): Promise<boolean> {
    const { isSigned } = await call('getDirectSignStatus', { customerId });
    const now = Date.now();
    await guardStorage(() =>
      db().transaction('rw', db().mcaState, async () => {
        const row = await db().mcaState.get(customerId);
        await db().mcaState.put({
          partnerAttestationCompleted: false,
          lastContact: null,
          lastDateAgreed: null,
          ...row,
          customerId,
          isSigned,
          isSignedCheckedAt: now,
          updatedAt: now,
        });
      }),
    );
    return isSigned;
  }

  function reset(): void {
    loadedOnce.value = false;
    tracked.reset([]);
    published();
    updatedAt.value = null;
  }

  return { states, version, changedSince, updatedAt, refreshing, error, load, refreshRecords, refreshDirectSign, reset };
});

function sameRecord(
  row: McaStateRow,
  record: Pick<McaStateRow, 'partnerAttestationCompleted' | 'lastContact' | 'lastDateAgreed'>,
): boolean {
  return (
    row.partnerAttestationCompleted === record.partnerAttestationCompleted &&
    row.lastDateAgreed === record.lastDateAgreed &&
    JSON.stringify(row.lastContact) === JSON.stringify(record.lastContact)
  );
}
