/**
 * A customer's confirmation history as the agent sees it: what the backend recorded plus what this
 * computer queued, sent or gave up on. (The duplicate rule is in `outbox/save-rules.ts`.)
 */
import { MCA_TYPE, type AgreementRecord, type StoredContact } from '../../../shared/domain/agreement';
import { apiInstantToCalendarDate } from '../../../shared/domain/dates';
import type { OutboxItem } from '../outbox/item';
import { isSameEntry, itemDayOf } from '../outbox/save-rules';

export type HistoryState = 'recorded' | 'queued' | 'sending' | 'failed' | 'discarded';

export interface HistoryEntry {
  key: string;
  /** Calendar day of acceptance (YYYY-MM-DD); null while an enhanced attestation waits for the signer. */
  day: string | null;
  contact: StoredContact;
  /** Who recorded it: the agent's user name for local items, the backend's user id otherwise (shown through `agentName`). */
  who: string | null;
  state: HistoryState;
  reason?: string;
}

/** Backend records (oldest first, as listed) followed by local items the backend does not show yet. */
export function mergeHistory(records: readonly AgreementRecord[], items: readonly OutboxItem[]): HistoryEntry[] {
  const entries: HistoryEntry[] = records
    .filter((record) => record.type === MCA_TYPE)
    .map((record, index) => ({
      key: `backend-${index}`,
      day: apiInstantToCalendarDate(record.dateAgreed) ?? record.dateAgreed,
      contact: record.primaryContact,
      who: record.userId ?? null,
      state: 'recorded' as const,
    }));
  const local = [...items].filter((item) => item.state !== 'replaced').sort((a, b) => a.createdAt - b.createdAt);
  for (const item of local) {
    if (item.state === 'confirmed' && records.some((record) => isSameEntry(record, item))) continue;
    const state: HistoryState = item.state === 'confirmed' ? 'recorded' : (item.state as Exclude<HistoryState, 'recorded'>);
    entries.push({
      key: item.id,
      day: itemDayOf(item) ?? null,
      contact: item.primaryContact,
      who: item.createdBy,
      state,
      ...(item.state === 'failed' && item.lastError ? { reason: item.lastError.reason } : {}),
    });
  }
  return entries;
}

/** An agent as this computer knows it: object id, sign-in name, display name. */
export interface AgentName {
  userId: string;
  userName: string;
  displayName: string;
}

/**
 * The name to show for a history entry's `who`: the agent's display name when this computer knows the
 * agent (by object id or sign-in name), else a sign-in name as it is, else undefined (an object id
 * nobody here knows is never shown: the page says "a partner user" instead).
 */
export function agentName(who: string | null, agents: readonly AgentName[]): string | undefined {
  const value = who?.trim();
  if (!value) return undefined;
  const lower = value.toLowerCase();
  const known = agents.find((agent) => agent.userId.toLowerCase() === lower || agent.userName.toLowerCase() === lower);
  if (known?.displayName.trim()) return known.displayName;
  return value.includes('@') ? value : undefined;
}
