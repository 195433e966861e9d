import type { StoredContact } from '../../../shared/domain/agreement';

/** Where a confirmation came from, as the evidence manifest names it. */
export type ConfirmationSource = 'partner-attestation' | 'acceptance-link';

/** The confirmation a piece of evidence backs, as it stood when the file was added. */
export interface EvidenceConfirmation {
  /** The history entry's key (an outbox item id, or the backend record's place). */
  key: string;
  /** Day of acceptance, YYYY-MM-DD. */
  day: string | null;
  signer: StoredContact;
  source: ConfirmationSource;
  /** The `MS-RequestId` MCA Desk sent it with, when this computer sent it. */
  requestId?: string;
  attestationId?: string;
  /** Who recorded it: an agent's sign-in name, or the backend's user id. */
  recordedBy?: string | null;
}

/** One evidence file's description (its bytes are in `evidenceFiles`, so a list never loads them). */
export interface EvidenceRow {
  id: string;
  customerId: string;
  companyName: string;
  confirmation: EvidenceConfirmation;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  addedBy: { name: string; objectId: string };
  addedAt: number;
}

export interface EvidenceFileRow {
  id: string;
  bytes: Uint8Array;
}
