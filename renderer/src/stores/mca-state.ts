/**
 * Every customer's MCA state as the backend knows it, in bulk: the partner-wide agreement records
 * (one paged call for all customers, never one call per customer) and each customer's direct
 * acceptance (`isSigned`: the direct-acceptance scan, and each opened customer). Kept in IndexedDB
 * and mirrored in memory for the list's filter.
 */
import { defineStore } from 'pinia';
import { markRaw, ref } from 'vue';
import { db } from '../db/database';
import type { DirectAcceptanceRow, McaStateRow } from '../db/rows';
import { guardStorage } from '../db/storage-errors';
import { call } from '../platform/api';
import { directAcceptanceFeed, mcaStateFeed, TrackedRows } from '../db/change-feed';
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
  /** Every customer's direct acceptance, followed the same way. */
  const directTracked = new TrackedRows<DirectAcceptanceRow>({ keyOf: (row) => row.customerId, timeOf: (row) => row.checkedAt });
  const direct: ReadonlyMap<string, DirectAcceptanceRow> = markRaw(directTracked.rows);
  const { version: directVersion, published: directPublished } = useTrackedRows(
    directTracked,
    () => directAcceptanceFeed(db().directAcceptance),
    loadedOnce,
  );

  /** The customers changed after `since` (a `version` value), or null when that is not known (then: all). */
  function changedSince(since: number): Set<string> | null {
    return tracked.changedSince(since);
  }

  /** The customers whose direct acceptance changed after `since` (a `directVersion` value), or null (then: all). */
  function directChangedSince(since: number): Set<string> | null {
    return directTracked.changedSince(since);
  }

  /** Keeps one answer about a customer's direct acceptance (the customer page). */
  function saveDirectAcceptance(customerId: string, isSigned: boolean, checkedAt: number = Date.now()): Promise<void> {
    return saveDirectAcceptances([{ customerId, isSigned, checkedAt }]);
  }

  /** Keeps answers about customers' direct acceptance in one write (the scan keeps a second's answers at once). */
  async function saveDirectAcceptances(
    answers: ReadonlyArray<{ customerId: string; isSigned: boolean; checkedAt: number }>,
  ): Promise<void> {
    if (answers.length === 0) return;
    const rows = answers.map(({ customerId, isSigned, checkedAt }): DirectAcceptanceRow => {
      // A re-check keeps the first time "accepted" was heard (the Overview counts the acceptance in that week).
      const known = direct.get(customerId);
      const acceptedSeenAt = isSigned ? (known?.isSigned ? (known.acceptedSeenAt ?? known.checkedAt) : checkedAt) : undefined;
      return { customerId, isSigned, checkedAt, ...(acceptedSeenAt === undefined ? {} : { acceptedSeenAt }) };
    });
    await guardStorage(() => db().directAcceptance.bulkPut(rows));
  }

  async function load(): Promise<void> {
    tracked.reset(await db().mcaState.toArray());
    directTracked.reset(await db().directAcceptance.toArray());
    published();
    directPublished();
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
    await saveDirectAcceptance(customerId, isSigned);
    return isSigned;
  }

  function reset(): void {
    loadedOnce.value = false;
    tracked.reset([]);
    directTracked.reset([]);
    published();
    directPublished();
    updatedAt.value = null;
  }

  return {
    states,
    version,
    /** Whether the rows were read from IndexedDB (the Overview says when its numbers are the whole book's). */
    loaded: loadedOnce,
    changedSince,
    direct,
    directVersion,
    directChangedSince,
    updatedAt,
    refreshing,
    error,
    load,
    refreshRecords,
    refreshDirectSign,
    saveDirectAcceptance,
    saveDirectAcceptances,
    reset,
  };
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
