/**
 * A customer's confirmation history as the agent sees it: what the backend recorded plus what this
 * computer queued, sent or gave up on. Also the list the duplicate rule is checked against.
 */
import { MCA_TYPE, checkDuplicateOfLatest, isSameContact, type AgreementRecord, type StoredContact } from '../../../shared/domain/agreement';
import type { Contact } from '../../../shared/domain/contact';
import { apiInstantToCalendarDate, toUtcMidnight } from '../../../shared/domain/dates';
import type { OutboxItem } from '../db/rows';

export type HistoryState = 'recorded' | 'queued' | 'sending' | 'failed' | 'discarded';

export interface HistoryEntry {
  key: string;
  /** Calendar day of acceptance (YYYY-MM-DD). */
  day: string;
  contact: StoredContact;
  /** Who recorded it: the agent's user name for local items, the backend's user id otherwise. */
  who: string | null;
  state: HistoryState;
  reason?: string;
}

function sameEntry(record: AgreementRecord, item: OutboxItem): boolean {
  return isSameContact(record.primaryContact, item.primaryContact) && apiInstantToCalendarDate(record.dateAgreed) === item.dateAgreed;
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
    if (item.state === 'confirmed' && records.some((record) => sameEntry(record, item))) continue;
    const state: HistoryState = item.state === 'confirmed' ? 'recorded' : (item.state as Exclude<HistoryState, 'recorded'>);
    entries.push({
      key: item.id,
      day: item.dateAgreed,
      contact: item.primaryContact,
      who: item.createdBy,
      state,
      ...(item.state === 'failed' && item.lastError ? { reason: item.lastError.reason } : {}),
    });
  }
  return entries;
}

/**
 * The records the duplicate rule looks at, oldest first: the backend's, then confirmations this
 * computer has sent or still holds (queued or sending). Failed and discarded items never count.
 */
export function duplicateCheckList(records: readonly AgreementRecord[], items: readonly OutboxItem[]): AgreementRecord[] {
  const list = records.filter((record) => record.type === MCA_TYPE);
  const pending = items
    .filter((item) => item.state === 'queued' || item.state === 'sending' || item.state === 'confirmed')
    .filter((item) => !(item.state === 'confirmed' && records.some((record) => sameEntry(record, item))))
    .sort((a, b) => a.createdAt - b.createdAt);
  for (const item of pending)
    list.push({
      customerId: item.customerId,
      primaryContact: item.primaryContact,
      templateId: item.templateId ?? '',
      dateAgreed: toUtcMidnight(item.dateAgreed),
      type: MCA_TYPE,
      userId: null,
    });
  return list;
}

export type Duplicate = { kind: 'recorded' | 'queued'; latest: AgreementRecord };

/**
 * The duplicate rule (600061) checked before anything is queued: the same contact as the customer's
 * latest confirmation, whether Microsoft has it already or it still waits in the outbox.
 */
export function findDuplicate(contact: Contact, records: readonly AgreementRecord[], items: readonly OutboxItem[]): Duplicate | null {
  const check = checkDuplicateOfLatest(contact, duplicateCheckList(records, items));
  if (!check.duplicate) return null;
  const { latest } = check;
  const waiting = items.some(
    (item) => (item.state === 'queued' || item.state === 'sending') && isSameContact(item.primaryContact, latest.primaryContact) && toUtcMidnight(item.dateAgreed) === latest.dateAgreed,
  );
  return { kind: waiting ? 'queued' : 'recorded', latest };
}
