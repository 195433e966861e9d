/**
 * Every customer's MCA state as the backend knows it, in bulk: the partner-wide agreement records
 * (one paged call for all customers, never one call per customer) plus each opened customer's
 * direct-sign status. Kept in IndexedDB and mirrored in memory for the list's filter.
 */
import { defineStore } from 'pinia';
import { markRaw, ref, shallowRef, watch } from 'vue';
import { db } from '../db/database';
import type { McaStateRow } from '../db/rows';
import { guardStorage } from '../db/storage-errors';
import { call } from '../platform/api';
import { useLiveQuery } from '../composables/useLiveQuery';

const UPDATED_KEY = 'records.updatedAt';

export const useMcaStateStore = defineStore('mcaState', () => {
  /** Updated in place (100,000 entries are not copied per change); `version` tells Vue it changed. */
  const states = shallowRef<Map<string, McaStateRow>>(markRaw(new Map()));
  const version = ref(0);
  const updatedAt = ref<number | null>(null);
  const refreshing = ref(false);
  const error = ref<string | null>(null);
  const seenUntil = ref(0);

  // Rows changed since the last look (this window's writes, the sync worker's, other windows').
  // (aboveOrEqual: two writes in the same millisecond must not hide the second one.)
  // Not before `load` read the table: from time 0 this query would read every row a second time.
  const loadedOnce = ref(false);
  const changed = useLiveQuery(
    () => (loadedOnce.value ? db().mcaState.where('updatedAt').aboveOrEqual(seenUntil.value).toArray() : []),
    [] as McaStateRow[],
    [seenUntil, loadedOnce],
  );
  /**
   * Which customers each recent version changed (null: possibly all of them), so the list can
   * re-derive a few statuses instead of 100,000 when one confirmation lands.
   */
  let changeLog: Array<{ version: number; ids: string[] | null }> = [];
  function bump(ids: string[] | null): void {
    version.value += 1;
    changeLog.push({ version: version.value, ids });
    if (changeLog.length > 64) changeLog = changeLog.slice(-32);
  }

  /** The customers changed after `since` (a `version` value), or null when that is not known (then: all). */
  function changedSince(since: number): Set<string> | null {
    if (since > version.value) return null;
    const first = changeLog[0];
    if (!first || first.version > since + 1) return since === version.value ? new Set() : null;
    const ids = new Set<string>();
    for (const entry of changeLog) {
      if (entry.version <= since) continue;
      if (entry.ids === null) return null;
      for (const id of entry.ids) ids.add(id);
    }
    return ids;
  }

  watch(changed, (rows) => {
    let latest = seenUntil.value;
    const news: string[] = [];
    for (const row of rows) {
      if (states.value.get(row.customerId)?.updatedAt !== row.updatedAt) news.push(row.customerId);
      states.value.set(row.customerId, row);
      latest = Math.max(latest, row.updatedAt);
    }
    if (news.length) bump(news);
    seenUntil.value = latest;
  });

  async function load(): Promise<void> {
    const rows = await db().mcaState.toArray();
    states.value = markRaw(new Map(rows.map((row) => [row.customerId, row])));
    bump(null);
    seenUntil.value = rows.reduce((latest, row) => Math.max(latest, row.updatedAt), 0);
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
          const known = states.value.get(record.customerId);
          return !known || !sameRecord(known, record);
        });
        if (candidates.length)
          await guardStorage(() =>
            db().transaction('rw', db().mcaState, async () => {
              const existing = await db().mcaState.bulkGet(candidates.map((record) => record.customerId));
              const changedRows = candidates.flatMap((record, position) => {
                const row = existing[position];
                if (row && sameRecord(row, record)) return [];
                return [{ ...row, customerId: record.customerId, partnerAttestationCompleted: record.partnerAttestationCompleted, lastContact: record.lastContact, lastDateAgreed: record.lastDateAgreed, updatedAt: now }];
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
    states.value = markRaw(new Map());
    bump(null);
    updatedAt.value = null;
    seenUntil.value = 0;
  }

  return { states, version, changedSince, updatedAt, refreshing, error, load, refreshRecords, refreshDirectSign, reset };
});

function sameRecord(row: McaStateRow, record: Pick<McaStateRow, 'partnerAttestationCompleted' | 'lastContact' | 'lastDateAgreed'>): boolean {
  return (
    row.partnerAttestationCompleted === record.partnerAttestationCompleted &&
    row.lastDateAgreed === record.lastDateAgreed &&
    JSON.stringify(row.lastContact) === JSON.stringify(record.lastContact)
  );
}
