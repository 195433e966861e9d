/**
 * "Import CSV": the file is read in chunks and every row checked into a report before anything is
 * queued; then the valid rows are queued through the outbox, one item per row. Which rows depends on
 * the session's route: on Partner Center today (enhanced) signer rows, each an acceptance link
 * (bulk/signer-csv.ts); where the backend still offers it, the seed's contact and date
 * (bulk/attestation-csv.ts). Kept in a store, so the report is still there when the agent comes
 * back from the Outbox.
 */
import { defineStore } from 'pinia';
import { markRaw, ref, shallowRef } from 'vue';
import { db } from '../db/database';
import { DexieOutboxStorage } from '../db/outbox-storage';
import type { OutboxItem } from '../db/rows';
import { ImportValidator, mapColumns, type ImportLookup, type RowProblem } from '../bulk/attestation-csv';
import { SignerImportValidator, mapSignerColumns, type FilledValue, type SignerImportLookup } from '../bulk/signer-csv';
import { fetchSome } from '../bulk/fetch-some';
import { parseCsv } from '../bulk/parse-csv';
import type { NewRequest } from '../outbox/commands';
import { enqueueMany } from '../outbox/enqueue-many';
import { backendRecordsOf } from '../outbox/save-rules';
import { recordAgentAction } from './agent-actions';
import { useAcceptanceDateLimits } from '../composables/useAcceptanceDateLimits';
import { useCustomersStore } from './customers';
import { useMcaStateStore } from './mca-state';
import { useSessionStore } from './session';
import { useSyncStore } from './sync';

export type ImportPhase = 'idle' | 'reading' | 'checked' | 'queuing' | 'queued' | 'failed';

/** Which rows the import reads: signer rows for acceptance links, or the seed's contact and date. */
export type ImportKind = 'signers' | 'attestations';

/** Customers whose details a signer import may fetch to fill in country and language (see fetch-some.ts). */
const DETAIL_FETCHES_PER_IMPORT = 200;

export interface ImportReport {
  fileName: string;
  kind: ImportKind;
  rows: number;
  valid: NewRequest[];
  problems: RowProblem[];
  /** Values of ready rows that came from the customer rather than the file. */
  filled: FilledValue[];
  /** Rows with at least one problem. */
  invalidRows: number;
  missingColumns: string[];
}

/** One import's check, whichever rows it reads. */
interface RowCheck {
  readonly valid: NewRequest[];
  readonly problems: RowProblem[];
  readonly filled: FilledValue[];
  /** Looks up what the chunk's rows need before they are checked. */
  prepare(rows: readonly string[][]): Promise<void>;
  check(cells: readonly string[], row: number): void;
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
  return (customerId) => ({
    records: backendRecordsOf(customerId, confirmations.get(customerId), states.get(customerId)),
    items: items.get(customerId) ?? [],
  });
}

function customerLookup(): ImportLookup['customer'] {
  const customers = useCustomersStore();
  const byDomain = new Map(customers.records.map((row) => [row.domain.toLowerCase(), row]));
  return (key) => {
    const row = customers.byId(key.toLowerCase()) ?? customers.byId(key) ?? byDomain.get(key.toLowerCase());
    return row ? { id: row.id, name: row.companyName } : undefined;
  };
}

/** The cached details' company, country (in capitals, as the form pre-fills it) and language, per customer. */
async function defaultsLookup(): Promise<Map<string, { companyName: string; country: string; language: string }>> {
  const details = new Map<string, { companyName: string; country: string; language: string }>();
  await db().customerDetails.each((row) =>
    details.set(row.id, { companyName: row.companyName, country: row.country.toUpperCase(), language: row.language }),
  );
  return details;
}

export const useCsvImportStore = defineStore('csvImport', () => {
  const phase = ref<ImportPhase>('idle');
  const progress = ref(0);
  const report = shallowRef<ImportReport | null>(null);
  const error = ref<string | null>(null);
  const queued = ref(0);
  const dateLimits = useAcceptanceDateLimits();
  let controller: AbortController | null = null;

  /** The seed's rows (contact and date): checked as they come, from what is on this computer. */
  async function attestationCheck(): Promise<(header: readonly string[]) => RowCheck | { missing: string[] }> {
    const lookup: ImportLookup = { customer: customerLookup(), history: await historyLookup(), dateContext: dateLimits.context() };
    return (header) => {
      const mapped = mapColumns(header);
      if (!mapped.ok) return { missing: mapped.missing };
      const validator = new ImportValidator(mapped.columns, lookup);
      return {
        valid: validator.valid,
        problems: validator.problems,
        filled: [],
        prepare: () => Promise.resolve(),
        check: (cells, row) => validator.check(cells, row),
      };
    };
  }

  /**
   * Signer rows: a row that leaves country or language to a customer whose details are not on this
   * computer has them fetched first (online, a bounded number per import), as the single form does.
   */
  async function signerCheck(): Promise<(header: readonly string[]) => RowCheck | { missing: string[] }> {
    const customers = useCustomersStore();
    const defaults = await defaultsLookup();
    const lookup: SignerImportLookup = {
      customer: customerLookup(),
      defaults: (id) => defaults.get(id),
      history: await historyLookup(),
      mayAttest: useSessionStore().mayAttest,
    };
    const budget = { left: DETAIL_FETCHES_PER_IMPORT };
    const fetchDefaults = async (id: string) => {
      const row = await customers.fetchDetails(id);
      defaults.set(id, { companyName: row.companyName, country: row.country.toUpperCase(), language: row.language });
    };
    return (header) => {
      const mapped = mapSignerColumns(header);
      if (!mapped.ok) return { missing: mapped.missing };
      const validator = new SignerImportValidator(mapped.columns, lookup);
      return {
        valid: validator.valid,
        problems: validator.problems,
        filled: validator.filled,
        prepare: async (rows) => {
          if (!navigator.onLine || budget.left <= 0) return;
          const needed = rows.map((cells) => validator.customerNeedingDefaults(cells)).filter((id): id is string => id !== undefined);
          await fetchSome(needed, fetchDefaults, budget);
        },
        check: (cells, row) => validator.check(cells, row),
      };
    };
  }

  async function read(file: Blob, fileName: string): Promise<void> {
    controller?.abort();
    controller = new AbortController();
    phase.value = 'reading';
    progress.value = 0;
    error.value = null;
    queued.value = 0;
    report.value = null;
    const kind: ImportKind = useSessionStore().attestationRoute === 'enhanced' ? 'signers' : 'attestations';
    const startCheck = kind === 'signers' ? await signerCheck() : await attestationCheck();
    let check: RowCheck | null = null;
    let missing: string[] = [];
    let rows = 0;
    try {
      const outcome = await parseCsv(
        file,
        {
          rows: async (chunk, firstRow) => {
            let data = chunk;
            if (firstRow === 1 && chunk.length) {
              const started = startCheck(chunk[0]!);
              if ('missing' in started) missing = started.missing;
              else check = started;
              data = chunk.slice(1);
            }
            const current = check as RowCheck | null;
            if (!current) return;
            await current.prepare(data);
            const first = firstRow === 1 ? 2 : firstRow;
            data.forEach((cells, offset) => {
              rows += cells.some((cell) => cell.trim() !== '') ? 1 : 0;
              current.check(cells, first + offset);
            });
          },
          progress: (share) => (progress.value = share),
        },
        controller.signal,
      );
      if (outcome.aborted) return;
      const found = check as RowCheck | null;
      const problems = found?.problems ?? [];
      report.value = markRaw({
        fileName,
        kind,
        rows,
        valid: found?.valid ?? [],
        problems,
        filled: found?.filled ?? [],
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
      if (current.valid.length > 0)
        void recordAgentAction('csv-imported', { detail: `${current.fileName}: ${current.valid.length} row(s) queued` });
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
