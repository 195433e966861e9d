/**
 * The renderer's local database (Dexie over IndexedDB). One database per backend and signed-in
 * agent, so a queue is only ever sent by the agent who recorded it and partners never share a cache.
 */
import { Dexie, type EntityTable } from 'dexie';
import { shallowRef } from 'vue';
import type {
  AuditEntry,
  ConfirmationsRow,
  CustomerDetailRow,
  CustomerRow,
  DraftRow,
  McaStateRow,
  MetaRow,
  OutboxItem,
} from './rows';
import { schemaVersions, type SchemaVersion } from './schema';

export class McaDeskDatabase extends Dexie {
  outbox!: EntityTable<OutboxItem, 'id'>;
  audit!: EntityTable<AuditEntry, 'seq'>;
  customers!: EntityTable<CustomerRow, 'id'>;
  customerDetails!: EntityTable<CustomerDetailRow, 'id'>;
  confirmations!: EntityTable<ConfirmationsRow, 'customerId'>;
  mcaState!: EntityTable<McaStateRow, 'customerId'>;
  drafts!: EntityTable<DraftRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name: string, versions: readonly SchemaVersion[] = schemaVersions) {
    super(name);
    for (const entry of versions) {
      const version = this.version(entry.version).stores(entry.stores);
      if (entry.upgrade) version.upgrade(entry.upgrade);
    }
  }
}

/** The database name for one agent at one backend. */
export function databaseNameFor(backend: string, partnerTenantId: string, userId: string): string {
  return `mca-desk/${backend}/${partnerTenantId}/${userId}`;
}

let current: McaDeskDatabase | undefined;

/** Changes whenever another database becomes current, so live queries re-subscribe. */
export const databaseGeneration = shallowRef(0);

type VersionChangeListener = () => void;
let onVersionChange: VersionChangeListener = () => undefined;

/** Called when another window upgrades the schema: this window's connection is closed and must reload. */
export function onDatabaseVersionChange(listener: VersionChangeListener): void {
  onVersionChange = listener;
}

/** Opens (or switches to) the signed-in agent's database. */
export function openDatabase(name: string): McaDeskDatabase {
  if (current?.name === name) return current;
  current?.close();
  current = new McaDeskDatabase(name);
  current.on('versionchange', () => {
    current?.close();
    onVersionChange();
    return false;
  });
  databaseGeneration.value += 1;
  return current;
}

/** The open database; throws when nobody is signed in (a programming error, not a user error). */
export function db(): McaDeskDatabase {
  if (!current) throw new Error('No local database is open: nobody is signed in.');
  return current;
}

export function hasDatabase(): boolean {
  return current !== undefined;
}

export function closeDatabase(): void {
  current?.close();
  current = undefined;
  databaseGeneration.value += 1;
}

/** For tests: use this database as the current one. */
export function useDatabase(database: McaDeskDatabase | undefined): void {
  current = database;
  databaseGeneration.value += 1;
}
