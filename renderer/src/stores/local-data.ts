/**
 * "Clear local data": empties this agent's IndexedDB (customers cache, MCA states, history, outbox,
 * drafts, evidence) in one transaction, then reloads the caches from the backend. Queued items that have not
 * reached Microsoft are lost with it, so the UI asks for an explicit acknowledgement first.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { db } from '../db/database';
import { guardStorage } from '../db/storage-errors';
import { useLiveQuery } from '../composables/useLiveQuery';
import { useCustomersStore } from './customers';
import { useDraftsStore } from './drafts';
import { useMcaStateStore } from './mca-state';
import { useOutboxStore } from './outbox';
import { useOverviewStore } from './overview';

export const useLocalDataStore = defineStore('localData', () => {
  const outbox = useOutboxStore();
  const drafts = useDraftsStore();
  const clearing = ref(false);

  /** Items that would be lost: waiting to be sent, being sent, or failed and not yet fixed. */
  const unsentCount = computed(() => outbox.active.length);
  const draftCount = computed(() => drafts.drafts.length);
  /** Evidence files, which exist nowhere but here: clearing deletes them. */
  const evidenceCount = useLiveQuery(() => db().evidence.count(), 0);
  /** Audit log entries: the agent's own record of what was done, gone once cleared. */
  const auditCount = useLiveQuery(() => db().audit.count(), 0);

  async function clearAll(): Promise<void> {
    clearing.value = true;
    try {
      const database = db();
      await guardStorage(() =>
        database.transaction('rw', database.tables, () => Promise.all(database.tables.map((table) => table.clear()))),
      );
      const customers = useCustomersStore();
      const mcaState = useMcaStateStore();
      customers.reset();
      mcaState.reset();
      // Its figures were this data's.
      useOverviewStore().reset();
      await Promise.all([customers.load(), mcaState.load()]);
      if (navigator.onLine) void mcaState.refreshRecords();
    } finally {
      clearing.value = false;
    }
  }

  return { clearing, unsentCount, draftCount, evidenceCount, auditCount, clearAll };
});
