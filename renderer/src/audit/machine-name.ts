/**
 * The "where" of every audit entry: this computer's name, which only the main process knows
 * (`getAppInfo`). Held here, with no framework and no transport, so the database layer can stamp each
 * new entry with it (mca-desk-database.ts) whoever writes the entry: the outbox, evidence, the agent's
 * actions. `loadMachineName` (platform/machine-name-load.ts) fills it once at start.
 */
let current: string | undefined;

/** The computer's name, or undefined while it is not known (the entry is then written without one). */
export function machineName(): string | undefined {
  return current;
}

export function setMachineName(name: string | undefined): void {
  current = name?.trim() ? name.trim().slice(0, 255) : undefined;
}

/** What the Audit screen and the exports show for an entry: its machine, or "—" for entries from before it was kept. */
export function machineLabel(machine: string | undefined): string {
  return machine ?? '—';
}
