/**
 * "Import CSV": the file is read in chunks and every row checked (customer in the local cache,
 * contact, date, duplicate of the latest confirmation) into a report before anything is queued;
 * then the valid rows are queued through the outbox, one item per row. Kept in a store, so the
 * report is still there when the agent comes back from the Outbox.
 */
import { defineStore } from 'pinia';
import { markRaw, ref, shallowRef } from 'vue';
import { db } from '../db/database';
import { DexieOutboxStorage } from '../db/outbox-storage';
import type { OutboxItem } from '../db/rows';
import { ImportValidator, mapColumns, type ImportColumn, type ImportLookup, type RowProblem } from '../bulk/attestation-csv';
import { parseCsv } from '../bulk/parse-csv';
import type { NewAttestation } from '../outbox/commands';
import { enqueueMany } from '../outbox/enqueue-many';
import { backendRecordsOf } from '../outbox/save-rules';
import { useAcceptanceDateLimits } from '../composables/useAcceptanceDateLimits';
import { useCustomersStore } from './customers';
import { useMcaStateStore } from './mca-state';
import { useSessionStore } from './session';
import { useSyncStore } from './sync';

export type ImportPhase = 'idle' | 'reading' | 'checked' | 'queuing' | 'queued' | 'failed';

export interface ImportReport {
  fileName: string;
  rows: number;
  valid: NewAttestation[];
  problems: RowProblem[];
  /** Rows with at least one problem. */
  invalidRows: number;
  missingColumns: ImportColumn[];
}

/** Backend records and local items per customer, read once per import. */
async function historyLookup(): Promise<ImportLookup['history']> {
  const states = useMcaStateStore().states;
  const confirmations = new Map((await db().confirmations.toArray()).map((row) => [row.customerId, row.items]));
  const items = new Map<string, OutboxItem[]>();
  for (const item of await db().outbox.where('state').anyOf('queued', 'sending', 'confirmed').toArray()) {
    const list = items.get(item.customerId) ?? [];
    list.push(item);
    items.set(item.customerId, list);
  }
  return (customerId) => ({ records: backendRecordsOf(customerId, confirmations.get(customerId), states.get(customerId)), items: items.get(customerId) ?? [] });
}

function customerLookup(): ImportLookup['customer'] {
  const customers = useCustomersStore();
  const byDomain = new Map(customers.records.map((row) => [row.domain.toLowerCase(), row]));
  return (key) => {
    const row = customers.byId(key.toLowerCase()) ?? customers.byId(key) ?? byDomain.get(key.toLowerCase());
    return row ? { id: row.id, name: row.companyName } : undefined;
  };
}

export const useCsvImportStore = defineStore('csvImport', () => {
  const phase = ref<ImportPhase>('idle');
  const progress = ref(0);
  const report = shallowRef<ImportReport | null>(null);
  const error = ref<string | null>(null);
  const queued = ref(0);
  const dateLimits = useAcceptanceDateLimits();
  let controller: AbortController | null = null;

  async function read(file: Blob, fileName: string): Promise<void> {
    controller?.abort();
    controller = new AbortController();
    phase.value = 'reading';
    progress.value = 0;
    error.value = null;
    queued.value = 0;
    report.value = null;
    const lookup: ImportLookup = {
      customer: customerLookup(),
      history: await historyLookup(),
      dateContext: dateLimits.context(),
    };
    let validator: ImportValidator | null = null;
    let missing: ImportColumn[] = [];
    let rows = 0;
    try {
      const outcome = await parseCsv(
        file,
        {
          rows: (chunk, firstRow) => {
            chunk.forEach((cells, offset) => {
              const row = firstRow + offset;
              if (row === 1) {
                const mapped = mapColumns(cells);
                if (mapped.ok) validator = new ImportValidator(mapped.columns, lookup);
                else missing = mapped.missing;
                return;
              }
              if (!validator) return;
              rows += cells.some((cell) => cell.trim() !== '') ? 1 : 0;
              validator.check(cells, row);
            });
          },
          progress: (share) => (progress.value = share),
        },
        controller.signal,
      );
      if (outcome.aborted) return;
      const found = validator as ImportValidator | null;
      const problems = found?.problems ?? [];
      report.value = markRaw({
        fileName,
        rows,
        valid: found?.valid ?? [],
        problems,
        invalidRows: new Set(problems.map((problem) => problem.row)).size,
        missingColumns: missing,
      });
      phase.value = 'checked';
    } catch (caught) {
      error.value = caught instanceof Error ? caught.message : String(caught);
      phase.value = 'failed';
    }
  }

  /** Queues the valid rows (one outbox item each); the invalid ones are never queued. */
  async function queueValid(): Promise<void> {
    const current = report.value;
    if (!current || phase.value !== 'checked' || !useSessionStore().mayAttest) return;
    phase.value = 'queuing';
    queued.value = 0;
    try {
      const actor = useSessionStore().user?.userName ?? 'unknown';
      const sync = useSyncStore();
      await enqueueMany(current.valid, { storage: new DexieOutboxStorage(db()), actor, now: Date.now }, (done) => {
        queued.value = done;
        sync.trigger('enqueue');
      });
      phase.value = 'queued';
    } catch (caught) {
      error.value = caught instanceof Error ? caught.message : String(caught);
      phase.value = 'failed';
    }
  }

  function reset(): void {
    controller?.abort();
    phase.value = 'idle';
    progress.value = 0;
    report.value = null;
    error.value = null;
    queued.value = 0;
  }

  return { phase, progress, report, error, queued, read, queueValid, reset };
});
