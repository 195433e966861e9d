/**
 * The steps the sync engine takes on the stored outbox: lease, settle, recover. Each is one atomic
 * storage write decided here (the state machine of `item.ts`), with no network I/O inside; the
 * engine calls the backend between them. `OutboxSteps` lets the engine run against any store (the
 * soak fences it to simulate a killed window).
 */
import type { AuthNeed } from '../../../shared/ipc/results';
import type { AgreementRecord } from '../../../shared/domain/agreement';
import { auditEntry, type AuditKind, type OutboxItem } from './item';
import type { EnhancedProgress } from './ports';
import { nextCheckDelayMs, type EnhancedState } from './enhanced-state';
import type { OutboxStorage } from './ports';

export type Settlement =
  | { status: 'confirmed'; record: AgreementRecord; alreadyRecorded: boolean }
  | { status: 'retry'; nextAttemptAt: number; reason: string }
  | { status: 'failed'; code: string | number; reason: string }
  | { status: 'auth-required'; reason: string; need?: AuthNeed }
  /** Parked like `failed` (the agent's to act on), marked so the enhanced route can take it over. */
  | { status: 'legacy-retired'; code: string | number; reason: string }
  /** A step of an enhanced attestation went through: the item stays queued for its next step, due then. */
  | (Omit<EnhancedProgress, 'audit'> & { audit: AuditKind })
  /** The signer did not accept in time: parked for "Send a new link". */
  | { status: 'link-expired'; reason: string };

export interface OutboxSteps {
  /** Every item still to send (queued or sending), oldest first. */
  listPending(): Promise<OutboxItem[]>;
  /** Marks these queued items as sending under `owner` until `now + leaseMs`; answers the ones it leased. */
  lease(ids: readonly string[], owner: string, now: number, leaseMs: number): Promise<OutboxItem[]>;
  /** Writes a send's outcome; answers the item as stored, or undefined when the outcome was stale. */
  settle(itemId: string, owner: string, outcome: Settlement, now: number): Promise<OutboxItem | undefined>;
  /**
   * Puts `sending` items back to `queued`: those whose lease expired, and (`othersToo`) every lease not
   * held by `owner`, which is right for a new sync leader: the old one lost its lock, so it is gone.
   */
  recoverLeases(now: number, owner: string, othersToo: boolean): Promise<number>;
}

export class OutboxQueue implements OutboxSteps {
  constructor(private readonly storage: OutboxStorage) {}

  listPending(): Promise<OutboxItem[]> {
    return this.storage.listPending();
  }

  lease(ids: readonly string[], owner: string, now: number, leaseMs: number): Promise<OutboxItem[]> {
    return this.storage.update(ids, (items) => {
      const leased = items
        .filter((item): item is OutboxItem => item?.state === 'queued')
        .map((item): OutboxItem => ({
          ...item,
          state: 'sending',
          leaseOwner: owner,
          leaseUntil: now + leaseMs,
          attempts: item.attempts + 1,
          updatedAt: now,
        }));
      return { put: leased, audit: leased.map((item) => auditEntry(item, 'sending', now, `attempt ${item.attempts}`)), result: leased };
    });
  }

  settle(itemId: string, owner: string, outcome: Settlement, now: number): Promise<OutboxItem | undefined> {
    return this.storage.update([itemId], ([item]) => {
      if (!item) return { put: [], audit: [], result: undefined };
      const ours = item.state === 'sending' && item.leaseOwner === owner;
      // A confirmation is the truth whoever holds the lease now; anything else from a lost lease is stale.
      const acceptConfirmed = outcome.status === 'confirmed' && (ours || item.state === 'queued' || item.state === 'sending');
      if (!ours && !acceptConfirmed)
        return {
          put: [],
          audit: [auditEntry(item, 'stale-result', now, `${outcome.status} arrived for a lease that is no longer held`)],
          result: undefined,
        };
      const next = settled(item, outcome, now);
      return {
        put: [next],
        audit: [auditEntry(next, outcome.status === 'progress' ? outcome.audit : outcome.status, now, describe(outcome))],
        ...(outcome.status === 'confirmed' ? { confirmed: [{ customerId: item.customerId, record: outcome.record, at: now }] } : {}),
        result: next,
      };
    });
  }

  async recoverLeases(now: number, owner: string, othersToo: boolean): Promise<number> {
    const sending = await this.storage.listSending();
    if (sending.length === 0) return 0;
    return this.storage.update(
      sending.map((item) => item.id),
      (items) => {
        // Decided on the items as they are now: a lease settled meanwhile is left alone.
        const stale = items.filter(
          (item): item is OutboxItem =>
            item?.state === 'sending' && ((item.leaseUntil ?? 0) <= now || (othersToo && item.leaseOwner !== owner)),
        );
        const recovered = stale.map((item): OutboxItem => ({
          ...item,
          state: 'queued',
          leaseOwner: undefined,
          leaseUntil: undefined,
          nextAttemptAt: now,
          updatedAt: now,
        }));
        return {
          put: recovered,
          audit: recovered.map((item) =>
            auditEntry(item, 'lease-recovered', now, 'the send was interrupted; it will be resent with the same request id'),
          ),
          result: recovered.length,
        };
      },
    );
  }
}

function settled(item: OutboxItem, outcome: Settlement, now: number): OutboxItem {
  const base: OutboxItem = { ...item, leaseOwner: undefined, leaseUntil: undefined, updatedAt: now };
  switch (outcome.status) {
    case 'confirmed':
      return {
        ...base,
        state: 'confirmed',
        confirmedAt: now,
        record: outcome.record,
        alreadyRecorded: outcome.alreadyRecorded,
        lastError: undefined,
      };
    case 'retry':
      return {
        ...base,
        state: 'queued',
        nextAttemptAt: outcome.nextAttemptAt,
        lastError: { kind: 'retry', reason: outcome.reason, at: now },
      };
    case 'failed':
      return { ...base, state: 'failed', lastError: { kind: 'failed', reason: outcome.reason, code: outcome.code, at: now } };
    case 'auth-required':
      return { ...base, state: 'queued', nextAttemptAt: now, lastError: { kind: 'auth-required', reason: outcome.reason, at: now } };
    case 'legacy-retired':
      return { ...base, state: 'failed', lastError: { kind: 'legacy-retired', reason: outcome.reason, code: outcome.code, at: now } };
    case 'progress': {
      // Applied to the item as stored now: the agent may have marked the link sent during the read.
      // `attempts` counts the leases of the step ahead, which has not been tried yet.
      const enhanced = progressed(item.enhanced, outcome, now);
      const nextAttemptAt = outcome.next === 'now' || !enhanced ? now : now + nextCheckDelayMs(enhanced, now);
      return { ...base, state: 'queued', attempts: 0, nextAttemptAt, ...(enhanced ? { enhanced } : {}), lastError: undefined };
    }
    case 'link-expired':
      return { ...base, state: 'failed', lastError: { kind: 'link-expired', reason: outcome.reason, at: now } };
  }
}

function progressed(state: EnhancedState | undefined, outcome: Omit<EnhancedProgress, 'audit'>, now: number): EnhancedState | undefined {
  if (!state) return undefined;
  const stepChanged = outcome.changes.step !== undefined && outcome.changes.step !== state.step;
  const checks = outcome.counted ? state.checks + 1 : stepChanged ? 0 : state.checks;
  // The read the agent asked for has been made (or the item moved on): the next one is on the schedule.
  const { askedAt: _answered, ...rest } = state;
  return { ...rest, ...outcome.changes, checks, ...(outcome.counted ? { lastCheckedAt: now } : {}) };
}

function describe(outcome: Settlement): string {
  switch (outcome.status) {
    case 'confirmed':
      return outcome.alreadyRecorded ? 'already recorded at the backend' : 'recorded at the backend';
    case 'retry':
      return outcome.reason;
    case 'failed':
    case 'legacy-retired':
      return `${outcome.code}: ${outcome.reason}`;
    case 'auth-required':
    case 'link-expired':
      return outcome.reason;
    case 'progress':
      return outcome.note;
  }
}
