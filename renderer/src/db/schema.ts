/**
 * The versioned IndexedDB schema. Each entry is one version: add a new entry (never edit a shipped
 * one) with the tables it changes and, when data must move, an `upgrade` that moves it. Queued
 * outbox items must survive every upgrade: an upgrade may reshape them, never drop them.
 */
import type { Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const schemaVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      outbox: 'id, state, customerId, [state+nextAttemptAt], [state+updatedAt], createdAt',
      audit: '++seq, at, itemId, customerId',
      customers: 'id, nameKey, seenRun',
      customerDetails: 'id',
      confirmations: 'customerId',
      mcaState: 'customerId, updatedAt',
      drafts: 'id, updatedAt, customerId, template',
      meta: 'key',
    },
  },
  {
    // Customer details by write time: the search index follows them through their change feed.
    version: 2,
    stores: { customerDetails: 'id, fetchedAt' },
  },
  {
    // New customers whose acceptance is not queued yet (db/rows.ts PendingCustomerRow).
    version: 3,
    stores: { pendingCustomers: 'requestId, createdAt' },
  },
  {
    // Direct acceptance (isSigned) in a table of its own, by the time it was checked: the scan asks the
    // oldest answers again and the list follows the table's change feed. Answers kept so far move here.
    version: 4,
    stores: { directAcceptance: 'customerId, checkedAt' },
    async upgrade(tx) {
      const moved: Array<{ customerId: string; isSigned: boolean; checkedAt: number }> = [];
      await tx
        .table('mcaState')
        .toCollection()
        .modify((row: { customerId: string; isSigned?: boolean; isSignedCheckedAt?: number; updatedAt: number }) => {
          if (typeof row.isSigned === 'boolean')
            moved.push({ customerId: row.customerId, isSigned: row.isSigned, checkedAt: row.isSignedCheckedAt ?? row.updatedAt });
          delete row.isSigned;
          delete row.isSignedCheckedAt;
        });
      if (moved.length) await tx.table('directAcceptance').bulkPut(moved);
    },
  },
  {
    // Evidence of acceptance (evidence/evidence-row.ts): descriptions by customer, bytes apart.
    version: 5,
    stores: { evidence: 'id, customerId, addedAt', evidenceFiles: 'id' },
  },
];
