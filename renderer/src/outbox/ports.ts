/**
 * The outbox layer's two ports. The layer (this folder) is plain TypeScript that runs anywhere:
 * the renderer plugs in Dexie (`db/outbox-storage.ts`) and the IPC contract
 * (`sync/ipc-transport.ts`); the Node tests and the soak plug in the same adapters over
 * fake-indexeddb and a host in the same process.
 */
import type { SubmitResult } from '../../../shared/ipc/contract';
import type { AgreementRecord } from '../../../shared/domain/agreement';
import type { AttestationView, CreateAttestationResult, FinaliseResult } from '../../../shared/ipc/enhanced';
import type { AuditEntry, OutboxItem } from './item';
import type { CallFailure } from './call-failure';
import type { EnhancedState } from './enhanced-state';

/** A read answers the attestation, or fails by the host's verdict as any send (retry, failed, auth-required). */
export type ReadAttestationResult = { status: 'read'; attestation: AttestationView } | CallFailure;

/**
 * A step of an enhanced attestation went through: what the backend said (`changes`), and whether the
 * item is due again at once (the next step) or on the watching schedule. The schedule is applied to
 * the item as stored when the outcome is written, so a link marked sent during a read counts.
 */
export interface EnhancedProgress {
  status: 'progress';
  changes: Partial<Pick<EnhancedState, 'step' | 'attestation'>>;
  next: 'now' | 'scheduled';
  /** The send was a read of a pending attestation: one more check on the schedule. */
  counted: boolean;
  audit: 'link-ready' | 'checked' | 'accepted';
  note: string;
}

/**
 * What one send of an item answers. Besides a send's final outcomes (SubmitResult), a step of an
 * enhanced attestation can move it on (`progress`: the changes to store and when it is next due)
 * or find its link expired (parked for "Send a new link").
 */
export type SendResult = SubmitResult | EnhancedProgress | { status: 'link-expired'; reason: string };

/** What one atomic write of the outbox puts: items (new or changed), their audit entries, and what the backend now has. */
export interface OutboxWrite<T> {
  put: OutboxItem[];
  audit: AuditEntry[];
  /** Items the backend just confirmed, with its record: the storage updates what it knows of each customer in the same write. */
  confirmed?: Array<{ customerId: string; record: AgreementRecord; at: number }>;
  /** What the caller gets back. */
  result: T;
}

/** Where the outbox lives. Every method is one short transaction with no network I/O inside. */
export interface OutboxStorage {
  /** Every item still to send (queued or sending), oldest first. */
  listPending(): Promise<OutboxItem[]>;
  /** Every item being sent (leased). */
  listSending(): Promise<OutboxItem[]>;
  /**
   * Reads these items (undefined where there is none), and writes what `decide` answers, in one
   * transaction: nobody else's write comes between the read and the write. `decide` is pure and
   * synchronous; what it throws aborts the write and reaches the caller.
   */
  update<T>(ids: readonly string[], decide: (items: ReadonlyArray<OutboxItem | undefined>) => OutboxWrite<T>): Promise<T>;
}

/** A customer's history as the save rules read it: the backend's confirmations (oldest first) and its outbox items. */
export interface CustomerHistory {
  records: AgreementRecord[];
  items: OutboxItem[];
}

/** A storage that also reads a customer's history inside the write: a checked save is one transaction. */
export interface HistoryStorage {
  /**
   * Writes new items (and their audit entries) in one transaction unless `veto`, given the
   * customer's history and the items already stored under `mayExist` as they were before the write,
   * answers something: then nothing is written and that answer is returned. The reads and the writes
   * are issued together, so a save waits for one round of requests, not two.
   */
  insertUnlessVetoed<V>(
    customerId: string,
    mayExist: readonly string[],
    write: Pick<OutboxWrite<unknown>, 'put' | 'audit'>,
    veto: (history: CustomerHistory, stored: ReadonlyArray<OutboxItem | undefined>) => V | null,
  ): Promise<V | null>;
}

/**
 * How items reach the backend. Never throws for an item's sake: every failure is a result (the
 * host's verdict, read). One method per kind of call; `kinds.ts` says which kind uses which.
 */
export interface OutboxTransport {
  /** Sends one attestation; its id is the request id on every attempt. */
  submit(item: OutboxItem): Promise<SubmitResult>;
  /** Sends MCA-refresh items in one call; answers a result per item id (an item without one is retried). */
  submitBatch(items: readonly OutboxItem[]): Promise<ReadonlyMap<string, SubmitResult>>;
  /** How many items one `submitBatch` call carries. */
  readonly batchLimit: number;
  /** Creates the attestation of an enhanced item (its id is the request id on every attempt). */
  createAttestation(item: OutboxItem): Promise<CreateAttestationResult>;
  /** Reads the attestation of an enhanced item (a read: safe to repeat). */
  readAttestation(item: OutboxItem): Promise<ReadAttestationResult>;
  /** Makes the agreement from an accepted attestation (`finaliseRequestId` is its request id). */
  finaliseAttestation(item: OutboxItem): Promise<FinaliseResult>;
}
