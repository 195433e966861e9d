/**
 * The rules a save must pass before anything is queued, in one place: the role and partner type
 * (`mayAttest`, from the session) and the duplicate rule (600061) against what the backend recorded
 * and what this computer still holds. Answers a typed refusal, or null when the save may go ahead.
 */
import { MCA_TYPE, checkDuplicateOfLatest, isSameContact, type AgreementRecord } from '../../../shared/domain/agreement';
import type { Contact } from '../../../shared/domain/contact';
import { apiInstantToCalendarDate, toUtcMidnight } from '../../../shared/domain/dates';
import type { OutboxItem } from './item';

export type SaveRefusal =
  | { reason: 'not-allowed' }
  /** The same contact is already the latest one waiting in the outbox. */
  | { reason: 'duplicate-queued'; latest: AgreementRecord }
  /** The same contact is already the customer's latest confirmation at Microsoft. */
  | { reason: 'duplicate-recorded'; latest: AgreementRecord };

/** What a save is checked against: the backend's confirmations of the customer (oldest first) and its outbox items. */
export interface SaveContext {
  mayAttest: boolean;
  records: readonly AgreementRecord[];
  items: readonly OutboxItem[];
}

/** What the partner-wide records say about a customer's latest confirmation (the MCA state). */
export interface LatestConfirmation {
  partnerAttestationCompleted: boolean;
  lastContact: AgreementRecord['primaryContact'] | null;
  lastDateAgreed: string | null;
}

/**
 * The backend's confirmations of a customer, oldest first: its cached history when it holds any,
 * else what the partner-wide records say about the latest one (the one mapping the customer page,
 * a save and a CSV import all use).
 */
export function backendRecordsOf(
  customerId: string,
  history: readonly AgreementRecord[] | undefined,
  latest: LatestConfirmation | undefined,
): AgreementRecord[] {
  if (history?.length) return [...history];
  if (latest?.partnerAttestationCompleted && latest.lastContact && latest.lastDateAgreed)
    return [
      { customerId, primaryContact: latest.lastContact, templateId: '', dateAgreed: latest.lastDateAgreed, type: MCA_TYPE, userId: null },
    ];
  return [];
}

/**
 * The day of acceptance an item stands for: the one the agent picked, or for an enhanced attestation
 * the signer's (known once it is finalised). Undefined while an enhanced attestation waits.
 */
export function itemDayOf(item: OutboxItem): string | undefined {
  return item.dateAgreed ?? (item.record ? apiInstantToCalendarDate(item.record.dateAgreed) : undefined);
}

/** The day as the backend writes it (UTC midnight), or '' while not known. */
function itemInstantOf(item: OutboxItem): string {
  const day = itemDayOf(item);
  return day ? toUtcMidnight(day) : '';
}

/** Whether a local item is that backend record (same contact, same day). */
export function isSameEntry(record: AgreementRecord, item: OutboxItem): boolean {
  return isSameContact(record.primaryContact, item.primaryContact) && apiInstantToCalendarDate(record.dateAgreed) === itemDayOf(item);
}

/**
 * The records the duplicate rule looks at, oldest first: the backend's, then confirmations this
 * computer has sent or still holds (queued or sending). Failed and discarded items never count.
 */
export function duplicateCheckList(records: readonly AgreementRecord[], items: readonly OutboxItem[]): AgreementRecord[] {
  const list = records.filter((record) => record.type === MCA_TYPE);
  const pending = items
    .filter((item) => item.state === 'queued' || item.state === 'sending' || item.state === 'confirmed')
    .filter((item) => !(item.state === 'confirmed' && records.some((record) => isSameEntry(record, item))))
    .sort((a, b) => a.createdAt - b.createdAt);
  for (const item of pending)
    list.push({
      customerId: item.customerId,
      primaryContact: item.primaryContact,
      templateId: item.templateId ?? '',
      dateAgreed: itemInstantOf(item),
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
    (item) =>
      (item.state === 'queued' || item.state === 'sending') &&
      isSameContact(item.primaryContact, latest.primaryContact) &&
      itemInstantOf(item) === latest.dateAgreed,
  );
  return { kind: waiting ? 'queued' : 'recorded', latest };
}

/** The refusal of a save of `contact`, or null when it may be queued. */
export function checkSave(contact: Contact, context: SaveContext): SaveRefusal | null {
  if (!context.mayAttest) return { reason: 'not-allowed' };
  const duplicate = findDuplicate(contact, context.records, context.items);
  if (!duplicate) return null;
  return { reason: duplicate.kind === 'queued' ? 'duplicate-queued' : 'duplicate-recorded', latest: duplicate.latest };
}
