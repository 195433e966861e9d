/**
 * The signed-in agent's database, the one the app works on now (`db()`). Switching it tells the
 * listeners (live queries re-subscribe); this module holds no framework state itself.
 */
import { McaDeskDatabase } from './mca-desk-database';

export { McaDeskDatabase, databaseNameFor } from './mca-desk-database';

let current: McaDeskDatabase | undefined;

type Listener = () => void;
const switchListeners = new Set<Listener>();
let onVersionChange: Listener = () => undefined;

function switched(): void {
  for (const listener of switchListeners) listener();
}

/** Calls `listener` whenever another database becomes current (or none). */
export function onDatabaseSwitch(listener: Listener): () => void {
  switchListeners.add(listener);
  return () => switchListeners.delete(listener);
}

/** Called when another window upgrades the schema: this window's connection is closed and must reload. */
export function onDatabaseVersionChange(listener: Listener): void {
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
  switched();
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
  switched();
}

/** For tests: use this database as the current one. */
export function useDatabase(database: McaDeskDatabase | undefined): void {
  current = database;
  switched();
}
