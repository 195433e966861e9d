/**
 * The local audit log, all of it in memory for the Audit screen: read once, then only the entries
 * added since (the log is append-only, so the highest `seq` seen is the whole change state).
 */
import { shallowRef, watch } from 'vue';
import { db } from '../db/database';
import type { AuditEntry } from '../db/rows';
import { useLiveQuery } from './useLiveQuery';

export function useAuditLog() {
  const entries = shallowRef<AuditEntry[]>([]);
  const loaded = shallowRef(false);
  // The newest entry's seq, live: it changes when any window appends.
  const lastSeq = useLiveQuery(async () => ((await db().audit.orderBy('seq').lastKey()) as number | undefined) ?? 0, -1);
  let seenUntil = 0;
  let reading: Promise<void> = Promise.resolve();

  watch(
    lastSeq,
    (last) => {
      if (last < 0) return;
      reading = reading.then(async () => {
        if (last < seenUntil) {
          // The log was cleared (Clear local data): start again.
          seenUntil = 0;
          entries.value = [];
        }
        if (last === seenUntil && loaded.value) return;
        const added = await db().audit.where('seq').above(seenUntil).toArray();
        seenUntil = added.at(-1)?.seq ?? seenUntil;
        entries.value = entries.value.length ? [...entries.value, ...added] : added;
        loaded.value = true;
      });
    },
    { immediate: true },
  );

  return { entries, loaded };
}
