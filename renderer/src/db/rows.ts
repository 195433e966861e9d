/**
 * What each IndexedDB table holds. Times are epoch milliseconds (indexable); dates the agent picked
 * stay calendar days (YYYY-MM-DD) until they are sent.
 */
import type { AgreementRecord, StoredContact } from '../../../shared/domain/agreement';
import type { Customer } from '../../../shared/domain/customer';
import type { InvitationDraft } from '../../../shared/domain/invitations';

// The outbox table holds the outbox layer's items and their audit trail.
export { ACTIVE_OUTBOX_STATES, type AuditEntry, type AuditKind, type OutboxError, type OutboxItem, type OutboxState } from '../outbox/item';

export type { CustomerRow } from '../customers/download';

export interface CustomerDetailRow extends Customer {
  fetchedAt: number;
}

export interface ConfirmationsRow {
  customerId: string;
  items: AgreementRecord[];
  fetchedAt: number;
}

/** A customer's partner attestation as the partner-wide records tell it (direct acceptance: `DirectAcceptanceRow`). */
export interface McaStateRow {
  customerId: string;
  partnerAttestationCompleted: boolean;
  lastContact: StoredContact | null;
  lastDateAgreed: string | null;
  updatedAt: number;
}

/**
 * Whether the customer accepted the MCA themselves (Microsoft 365 admin center, `isSigned`), and when
 * this computer last asked. Written by the direct-acceptance scan and when a customer is opened; the
 * only place the app keeps that answer.
 */
export interface DirectAcceptanceRow {
  customerId: string;
  isSigned: boolean;
  /** When the backend answered (epoch ms). */
  checkedAt: number;
  /**
   * When this computer first heard "accepted" (epoch ms): Partner Center tells no date for a direct
   * acceptance, and `checkedAt` moves on with every re-check. Missing on rows kept before it existed.
   */
  acceptedSeenAt?: number;
}

export type DraftRow = InvitationDraft;

export interface MetaRow {
  key: string;
  value: unknown;
}

// New customers whose acceptance is not queued yet (customers/new-customer-flow.ts).
export type { PendingCustomerRow } from '../customers/new-customer-flow';
