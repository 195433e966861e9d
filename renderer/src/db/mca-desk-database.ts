/**
 * The renderer's local database (Dexie over IndexedDB). One database per backend and signed-in
 * agent, so a queue is only ever sent by the agent who recorded it and partners never share a cache.
 */
import { Dexie, type EntityTable } from 'dexie';
import type {
  AuditEntry,
  ConfirmationsRow,
  CustomerDetailRow,
  CustomerRow,
  DirectAcceptanceRow,
  DraftRow,
  McaStateRow,
  MetaRow,
  OutboxItem,
  PendingCustomerRow,
} from './rows';
import type { EvidenceFileRow, EvidenceRow } from '../evidence/evidence-row';
import { schemaVersions, type SchemaVersion } from './schema';
import { machineName } from '../audit/machine-name';

export class McaDeskDatabase extends Dexie {
  outbox!: EntityTable<OutboxItem, 'id'>;
  audit!: EntityTable<AuditEntry, 'seq'>;
  customers!: EntityTable<CustomerRow, 'id'>;
  customerDetails!: EntityTable<CustomerDetailRow, 'id'>;
  confirmations!: EntityTable<ConfirmationsRow, 'customerId'>;
  mcaState!: EntityTable<McaStateRow, 'customerId'>;
  drafts!: EntityTable<DraftRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  pendingCustomers!: EntityTable<PendingCustomerRow, 'requestId'>;
  evidence!: EntityTable<EvidenceRow, 'id'>;
  evidenceFiles!: EntityTable<EvidenceFileRow, 'id'>;
  directAcceptance!: EntityTable<DirectAcceptanceRow, 'customerId'>;

  constructor(name: string, versions: readonly SchemaVersion[] = schemaVersions) {
    super(name);
    for (const entry of versions) {
      const version = this.version(entry.version).stores(entry.stores);
      if (entry.upgrade) version.upgrade(entry.upgrade);
    }
    // Every writer of the log (outbox, evidence, the agent's actions) gets the "where" from one place.
    // Not indexed, so no schema version: entries from before simply have none.
    this.audit.hook('creating', (_key, entry) => {
      const machine = machineName();
      if (entry.machine === undefined && machine) entry.machine = machine;
    });
  }
}

/** The database name for one agent at one backend. */
export function databaseNameFor(backend: string, partnerTenantId: string, userId: string): string {
  return `mca-desk/${backend}/${partnerTenantId}/${userId}`;
}
