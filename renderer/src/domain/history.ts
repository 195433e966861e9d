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
  /** Who recorded it: the agent's user name for local items, the backend's user id otherwise. */
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
