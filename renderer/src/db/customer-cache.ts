/**
 * The customers cache in IndexedDB: the rows the list shows, each customer's details once opened,
 * when the last complete download ended, and the checkpoint of a download under way. Every write
 * is one short transaction; a full disk is shown, never swallowed.
 */
import type { Customer } from '../../../shared/domain/customer';
import { rowOf, type DownloadCheckpoint } from '../customers/download';
import type { McaDeskDatabase } from './mca-desk-database';
import type { CustomerDetailRow, CustomerRow } from './rows';
import { guardStorage } from './storage-errors';

const CHECKPOINT_KEY = 'customers.download';
const UPDATED_KEY = 'customers.updatedAt';

/** Name order as the `nameKey` index gives it (code-unit order, then the id, which `getAll` already follows). */
export function byName(rows: CustomerRow[]): CustomerRow[] {
  return rows.sort((a, b) => (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : 0));
}

export class CustomerCache {
  constructor(private readonly database: McaDeskDatabase) {}

  /** The first `limit` rows in name order (through the name index: enough for one screen). */
  firstRows(limit: number): Promise<CustomerRow[]> {
    return this.database.customers.orderBy('nameKey').limit(limit).toArray();
  }

  /** Every row in name order: one plain read in key order (several times faster than the name index), sorted here. */
  async allRows(): Promise<CustomerRow[]> {
    return byName(await this.database.customers.toArray());
  }

  async updatedAt(): Promise<number | null> {
    return ((await this.database.meta.get(UPDATED_KEY))?.value as number | undefined) ?? null;
  }

  async checkpoint(): Promise<DownloadCheckpoint | undefined> {
    return (await this.database.meta.get(CHECKPOINT_KEY))?.value as DownloadCheckpoint | undefined;
  }

  async forgetCheckpoint(): Promise<void> {
    await this.database.meta.delete(CHECKPOINT_KEY);
  }

  /** One downloaded page and where the download goes on (null on the last page), together. */
  savePage(rows: CustomerRow[], checkpoint: DownloadCheckpoint | null): Promise<void> {
    const { customers, meta } = this.database;
    return guardStorage(() =>
      this.database.transaction('rw', customers, meta, async () => {
        await customers.bulkPut(rows);
        if (checkpoint) await meta.put({ key: CHECKPOINT_KEY, value: checkpoint });
      }),
    );
  }

  /** A complete pass ended: customers it did not see are gone; the cache is fresh as of `at`. */
  finishPass(runId: string, at: number): Promise<void> {
    const { customers, meta } = this.database;
    return guardStorage(() =>
      this.database.transaction('rw', customers, meta, async () => {
        await customers.where('seenRun').notEqual(runId).delete();
        await meta.delete(CHECKPOINT_KEY);
        await meta.put({ key: UPDATED_KEY, value: at });
      }),
    );
  }

  /** Every cached customer's details. */
  allDetails(): Promise<CustomerDetailRow[]> {
    return this.database.customerDetails.toArray();
  }

  details(id: string): Promise<CustomerDetailRow | undefined> {
    return this.database.customerDetails.get(id);
  }

  async putDetails(customer: Customer, at: number): Promise<CustomerDetailRow> {
    const row: CustomerDetailRow = { ...customer, fetchedAt: at };
    await guardStorage(() => this.database.customerDetails.put(row));
    return row;
  }

  /** A customer created here joins the list and the details at once (its run id is none of the downloads'). */
  async addCreated(customer: Customer, at: number): Promise<{ row: CustomerRow; details: CustomerDetailRow }> {
    const row = rowOf(customer, 'created-here');
    const details: CustomerDetailRow = { ...customer, fetchedAt: at };
    const { customers, customerDetails } = this.database;
    await guardStorage(() =>
      this.database.transaction('rw', customers, customerDetails, async () => {
        await customers.put(row);
        await customerDetails.put(details);
      }),
    );
    return { row, details };
  }
}
