/**
 * The outbox's storage port over Dexie: every write one short transaction over the outbox and
 * audit tables (and the customer's MCA state when the backend confirmed an item), with no network
 * I/O inside (a fetch inside a transaction commits it early). A full disk is shown, never swallowed.
 */
import { backendRecordsOf } from '../outbox/save-rules';
import type { OutboxItem } from '../outbox/item';
import type { CustomerHistory, HistoryStorage, OutboxStorage, OutboxWrite } from '../outbox/ports';
import type { McaDeskDatabase } from './mca-desk-database';
import { guardStorage } from './storage-errors';

export class DexieOutboxStorage implements OutboxStorage, HistoryStorage {
  constructor(private readonly database: McaDeskDatabase) {}

  async listPending(): Promise<OutboxItem[]> {
    // Two equality reads in one transaction rather than anyOf(): anyOf walks the index with
    // cursor.continue(key) jumps, which some IndexedDB implementations (fake-indexeddb: 15 s for
    // 5,000 items) do in linear time per jump.
    const { outbox } = this.database;
    const [queued, sending] = await this.database.transaction('r', outbox, () =>
      Promise.all([outbox.where('state').equals('queued').toArray(), outbox.where('state').equals('sending').toArray()]),
    );
    return [...queued, ...sending].sort((a, b) => a.createdAt - b.createdAt);
  }

  listSending(): Promise<OutboxItem[]> {
    return this.database.outbox.where('state').equals('sending').toArray();
  }

  update<T>(ids: readonly string[], decide: (items: ReadonlyArray<OutboxItem | undefined>) => OutboxWrite<T>): Promise<T> {
    const { outbox, audit, mcaState } = this.database;
    return guardStorage(() =>
      this.database.transaction('rw', outbox, audit, mcaState, async () => {
        const items = ids.length ? await outbox.bulkGet([...ids]) : [];
        return this.apply(decide(items));
      }),
    );
  }

  /**
   * IndexedDB runs a transaction's requests in the order they were issued, so the reads, issued
   * first, see the customer as it was before the writes that follow them at once. A veto aborts the
   * transaction, which undoes the writes: a save is one transaction, and no other window's save
   * comes between the check and the write.
   */
  insertUnlessVetoed<V>(
    customerId: string,
    mayExist: readonly string[],
    write: Pick<OutboxWrite<unknown>, 'put' | 'audit'>,
    veto: (history: CustomerHistory, stored: ReadonlyArray<OutboxItem | undefined>) => V | null,
  ): Promise<V | null> {
    const { outbox, audit, mcaState, confirmations } = this.database;
    return guardStorage(async () => {
      try {
        await this.database.transaction('rw', [outbox, audit, mcaState, confirmations], async () => {
          const read = Promise.all([this.readHistory(customerId), mayExist.length ? outbox.bulkGet([...mayExist]) : []]);
          const written = this.apply({ ...write, result: null });
          // A vetoed save's writes fail with its aborted transaction; the veto is the answer.
          written.catch(() => undefined);
          const verdict = veto(...(await read));
          if (verdict !== null) throw new Vetoed(verdict);
          await written;
        });
        return null;
      } catch (error) {
        if (error instanceof Vetoed) return error.verdict as V;
        throw error;
      }
    });
  }

  /** Writes what a decision answers; inside the caller's transaction. */
  private async apply<T>(write: OutboxWrite<T>): Promise<T> {
    const { outbox, audit, mcaState } = this.database;
    // Both requests issued at once: IndexedDB runs them in order, without a round trip between them.
    await Promise.all([write.put.length ? outbox.bulkPut(write.put) : null, write.audit.length ? audit.bulkAdd(write.audit) : null]);
    for (const { customerId, record, at } of write.confirmed ?? [])
      await mcaState.put({
        ...(await mcaState.get(customerId)),
        customerId,
        partnerAttestationCompleted: true,
        lastContact: record.primaryContact,
        lastDateAgreed: record.dateAgreed,
        updatedAt: at,
      });
    return write.result;
  }

  /** What a save for this customer is checked against: the backend's confirmations as cached, and its outbox items. */
  historyOf(customerId: string): Promise<CustomerHistory> {
    const { outbox, confirmations, mcaState } = this.database;
    return this.database.transaction('r', outbox, confirmations, mcaState, () => this.readHistory(customerId));
  }

  /** Inside a transaction over outbox, confirmations and mcaState. */
  private async readHistory(customerId: string): Promise<CustomerHistory> {
    const { outbox, confirmations, mcaState } = this.database;
    const [cached, state, items] = await Promise.all([
      confirmations.get(customerId),
      mcaState.get(customerId),
      outbox.where('customerId').equals(customerId).toArray(),
    ]);
    return { records: backendRecordsOf(customerId, cached?.items, state), items };
  }
}

/** Thrown inside a save's transaction to abort it; carries the veto out. */
class Vetoed extends Error {
  constructor(readonly verdict: unknown) {
    super('vetoed');
  }
}
