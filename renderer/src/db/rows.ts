/**
 * What each IndexedDB table holds. Times are epoch milliseconds (indexable); dates the agent picked
 * stay calendar days (YYYY-MM-DD) until they are sent.
 */
import type { AgreementRecord, StoredContact } from '../../../shared/domain/agreement';
import type { Contact } from '../../../shared/domain/contact';
import type { Customer } from '../../../shared/domain/customer';
import type { InvitationDraft } from '../../../shared/domain/invitations';

/**
 * queued → sending (leased) → confirmed | queued (retry later) | failed (parked for the agent).
 * A failed item the agent retries or edits becomes `replaced` by a new item with a new id (a refused
 * request id is never reused with another payload); a discarded one stays as `discarded` for history.
 */
export type OutboxState = 'queued' | 'sending' | 'failed' | 'confirmed' | 'replaced' | 'discarded';

/** The states the agent still has to care about (the "queue"). */
export const ACTIVE_OUTBOX_STATES: readonly OutboxState[] = ['queued', 'sending', 'failed'];

export interface OutboxError {
  kind: 'retry' | 'failed' | 'auth-required';
  reason: string;
  code?: string | number;
  at: number;
}

export interface OutboxItem {
  /** crypto.randomUUID(): the idempotency key, sent as MS-RequestId on every attempt. */
  id: string;
  customerId: string;
  customerName: string;
  primaryContact: Contact;
  /** The calendar day of acceptance as picked (YYYY-MM-DD). */
  dateAgreed: string;
  templateId?: string;
  /**
   * 'reattest': an MCA refresh of the customer's last contact (sent through the bulk re-attestation
   * call, which accepts the same contact again); absent for an ordinary confirmation.
   */
  kind?: 'reattest';
  state: OutboxState;
  attempts: number;
  createdAt: number;
  updatedAt: number;
  /** userName of the agent who recorded it. */
  createdBy: string;
  nextAttemptAt: number;
  leaseOwner?: string;
  leaseUntil?: number;
  lastError?: OutboxError;
  confirmedAt?: number;
  record?: AgreementRecord;
  /** The backend already had this confirmation (a replay, or 600061). */
  alreadyRecorded?: boolean;
  replaces?: string;
  replacedBy?: string;
}

export type AuditKind =
  | 'queued'
  | 'sending'
  | 'confirmed'
  | 'retry'
  | 'failed'
  | 'auth-required'
  | 'lease-recovered'
  | 'replaced'
  | 'discarded'
  | 'stale-result';

export interface AuditEntry {
  seq?: number;
  at: number;
  kind: AuditKind;
  itemId: string;
  customerId: string;
  actor: string;
  detail?: string;
}

/** One row of the customers cache: what the list call gives. */
export interface CustomerRow {
  id: string;
  companyName: string;
  domain: string;
  relationshipToPartner?: string;
  /** Lower-cased name: the index the list loads in order. */
  nameKey: string;
  /** The download run that last saw this customer (a full pass removes the ones it did not see). */
  seenRun: string;
}

export interface CustomerDetailRow extends Customer {
  fetchedAt: number;
}

export interface ConfirmationsRow {
  customerId: string;
  items: AgreementRecord[];
  fetchedAt: number;
}

/** A customer's MCA state as the backend knows it (partner-wide records plus direct-sign status). */
export interface McaStateRow {
  customerId: string;
  partnerAttestationCompleted: boolean;
  lastContact: StoredContact | null;
  lastDateAgreed: string | null;
  isSigned?: boolean;
  isSignedCheckedAt?: number;
  updatedAt: number;
}

export type DraftRow = InvitationDraft;

export interface MetaRow {
  key: string;
  value: unknown;
}
