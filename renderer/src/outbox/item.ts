/**
 * An outbox item and its audit trail, as the outbox layer and every storage adapter see them.
 * Times are epoch milliseconds; the day the agent picked stays a calendar day (YYYY-MM-DD) until
 * it is sent.
 */
import type { AgreementRecord } from '../../../shared/domain/agreement';
import type { Contact } from '../../../shared/domain/contact';
import type { EnhancedState } from './enhanced-state';

/**
 * queued → sending (leased) → confirmed | queued (retry later) | failed (parked for the agent).
 * A failed item the agent retries or edits becomes `replaced` by a new item with a new id (a refused
 * request id is never reused with another payload); a discarded one stays as `discarded` for history.
 */
export type OutboxState = 'queued' | 'sending' | 'failed' | 'confirmed' | 'replaced' | 'discarded';

/** The states the agent still has to care about (the "queue"). */
export const ACTIVE_OUTBOX_STATES: readonly OutboxState[] = ['queued', 'sending', 'failed'];

/**
 * What an item asks the backend to do; each kind has one entry in `kinds.ts` (its lane and its
 * transport call). Stored only when it is not an ordinary attestation (items written before kinds
 * existed have none).
 */
export type OutboxItemKind = 'attest' | 'reattest' | 'enhanced';

export interface OutboxError {
  /**
   * `legacy-retired`: the backend retired this kind of attestation; the item is parked (state `failed`) with everything typed, never retried on its own.
   * `link-expired`: the signer did not accept in time (an enhanced attestation); parked for "Send a new link".
   */
  kind: 'retry' | 'failed' | 'auth-required' | 'legacy-retired' | 'link-expired';
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
  /**
   * The calendar day of acceptance as picked (YYYY-MM-DD). An enhanced attestation has none: the
   * signer's acceptance sets the date (its record, once finalised, carries it).
   */
  dateAgreed?: string;
  templateId?: string;
  /**
   * 'reattest': an MCA refresh of the customer's last contact (sent through the bulk re-attestation
   * call, which accepts the same contact again); absent for an ordinary confirmation.
   */
  kind?: Exclude<OutboxItemKind, 'attest'>;
  /** 'enhanced' only: the step the attestation is at and what the backend answered so far (`primaryContact` is the signer). */
  enhanced?: EnhancedState;
  state: OutboxState;
  /** Leases taken so far: 1 while the first attempt is out, so 0 means it never left this computer. */
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

export function kindOf(item: Pick<OutboxItem, 'kind'>): OutboxItemKind {
  return item.kind ?? 'attest';
}

export type AuditKind =
  | 'queued'
  | 'sending'
  | 'confirmed'
  | 'retry'
  | 'failed'
  | 'auth-required'
  | 'legacy-retired'
  | 'link-ready'
  | 'link-sent'
  | 'checked'
  | 'accepted'
  | 'link-expired'
  | 'lease-recovered'
  | 'replaced'
  | 'discarded'
  | 'stale-result'
  | 'evidence-added'
  | 'evidence-removed'
  | 'signed-in'
  | 'signed-out'
  | 'csv-exported'
  | 'csv-imported'
  | 'evidence-exported'
  | 'audit-exported'
  | 'credentials-sent';

export interface AuditEntry {
  seq?: number;
  at: number;
  kind: AuditKind;
  itemId: string;
  customerId: string;
  actor: string;
  detail?: string;
  /** The computer it was recorded on (stamped by the database; absent in entries from before it was kept). */
  machine?: string;
}

export function auditEntry(item: OutboxItem, kind: AuditKind, at: number, detail?: string): AuditEntry {
  return { at, kind, itemId: item.id, customerId: item.customerId, actor: item.createdBy, ...(detail ? { detail } : {}) };
}
