/**
 * The main process's audit journal for the Audit screen: read page by page after a cursor, once when
 * the screen opens and again whenever the local log grows (an enhanced call main records is always
 * followed by the outbox's entry for it). Each record is kept once (host-rows.ts).
 */
import { shallowRef, watch, type Ref } from 'vue';
import { HOST_AUDIT_PAGE_MAX } from '../../../shared/ipc/host-audit';
import type { HostAuditRow } from '../audit/audit-rows';
import { HostRowBook } from '../audit/host-rows';
import { call } from '../platform/api';

/** Pages one read may take before it yields (a huge journal is read over several turns, not in one). */
const PAGES_PER_READ = 50;

export function useHostAudit(localChanged: Ref<unknown>) {
  const rows = shallowRef<HostAuditRow[]>([]);
  const error = shallowRef<string | null>(null);
  const book = new HostRowBook();
  let reading: Promise<void> = Promise.resolve();

  async function readNew(): Promise<void> {
    const fresh: HostAuditRow[] = [];
    try {
      for (let page = 0; page < PAGES_PER_READ; page += 1) {
        const answer = await call('listHostAudit', { after: book.cursor, limit: HOST_AUDIT_PAGE_MAX });
        fresh.push(...book.add(answer.records, answer.next));
        if (answer.done) break;
      }
      error.value = null;
    } catch (failure) {
      // The screen still shows the local log; the next change tries again from the same cursor.
      error.value = failure instanceof Error ? failure.message : String(failure);
    }
    if (fresh.length) rows.value = [...rows.value, ...fresh];
  }

  watch(localChanged, () => (reading = reading.then(readNew)), { immediate: true });

  return { rows, error };
}
