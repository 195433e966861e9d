/**
 * The outbox as the sync engine sees it. Every method is one short Dexie transaction with no network
 * I/O inside (a fetch inside a transaction commits it early); the engine calls the backend between
 * them. The interface lets the engine be tested against any store.
 */
import type { AgreementRecord } from '../../../shared/domain/agreement';
import type { McaDeskDatabase } from '../db/database';
import type { AuditEntry, OutboxItem } from '../db/rows';
import { guardStorage } from '../db/storage-errors';

export type Settlement =
  | { status: 'confirmed'; record: AgreementRecord; alreadyRecorded: boolean }
  | { status: 'retry'; nextAttemptAt: number; reason: string }
  | { status: 'failed'; code: string | number; reason: string }
  | { status: 'auth-required'; reason: string };

export interface OutboxRepository {
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

export class DexieOutboxRepository implements OutboxRepository {
  constructor(private readonly database: McaDeskDatabase) {}

  async listPending(): Promise<OutboxItem[]> {
    // Two equality reads in one transaction rather than anyOf(): anyOf walks the index with
    // cursor.continue(key) jumps, which some IndexedDB implementations (fake-indexeddb: 15 s for
    // 5,000 items) do in linear time per jump.
    const { outbox } = this.database;
    const [queued, sending] = await this.database.transaction('r', outbox, () =>
      Promise.all([outbox.where('state').equals('queued').toArray(), outbox.where('state').equals('sending').toArray()]),
    );
    return [...queued, ...sending].sort((a, b) => a.createdAt - b.createdAt);
  }

  lease(ids: readonly string[], owner: string, now: number, leaseMs: number): Promise<OutboxItem[]> {
    const { outbox, audit } = this.database;
    return guardStorage(() =>
      this.database.transaction('rw', outbox, audit, async () => {
        const leased: OutboxItem[] = [];
        const items = await outbox.bulkGet([...ids]);
        for (const item of items) {
          if (!item || item.state !== 'queued') continue;
          const next: OutboxItem = { ...item, state: 'sending', leaseOwner: owner, leaseUntil: now + leaseMs, attempts: item.attempts + 1, updatedAt: now };
          leased.push(next);
        }
        await outbox.bulkPut(leased);
        await audit.bulkAdd(leased.map((item) => entry(item, 'sending', now, `attempt ${item.attempts}`)));
        return leased;
      }),
    );
  }

  settle(itemId: string, owner: string, outcome: Settlement, now: number): Promise<OutboxItem | undefined> {
    const { outbox, audit, mcaState } = this.database;
    return guardStorage(() =>
      this.database.transaction('rw', outbox, audit, mcaState, async () => {
        const item = await outbox.get(itemId);
        if (!item) return undefined;
        const ours = item.state === 'sending' && item.leaseOwner === owner;
        // A confirmation is the truth whoever holds the lease now; anything else from a lost lease is stale.
        const acceptConfirmed = outcome.status === 'confirmed' && (ours || item.state === 'queued' || item.state === 'sending');
        if (!ours && !acceptConfirmed) {
          await audit.add(entry(item, 'stale-result', now, `${outcome.status} arrived for a lease that is no longer held`));
          return undefined;
        }
        const base: OutboxItem = { ...item, leaseOwner: undefined, leaseUntil: undefined, updatedAt: now };
        let next: OutboxItem;
        switch (outcome.status) {
          case 'confirmed':
            next = { ...base, state: 'confirmed', confirmedAt: now, record: outcome.record, alreadyRecorded: outcome.alreadyRecorded, lastError: undefined };
            await mcaState.put({
              ...(await mcaState.get(item.customerId)),
              customerId: item.customerId,
              partnerAttestationCompleted: true,
              lastContact: outcome.record.primaryContact,
              lastDateAgreed: outcome.record.dateAgreed,
              updatedAt: now,
            });
            break;
          case 'retry':
            next = { ...base, state: 'queued', nextAttemptAt: outcome.nextAttemptAt, lastError: { kind: 'retry', reason: outcome.reason, at: now } };
            break;
          case 'failed':
            next = { ...base, state: 'failed', lastError: { kind: 'failed', reason: outcome.reason, code: outcome.code, at: now } };
            break;
          case 'auth-required':
            next = { ...base, state: 'queued', nextAttemptAt: now, lastError: { kind: 'auth-required', reason: outcome.reason, at: now } };
            break;
        }
        await outbox.put(next);
        await audit.add(entry(next, outcome.status, now, describe(outcome)));
        return next;
      }),
    );
  }

  recoverLeases(now: number, owner: string, othersToo: boolean): Promise<number> {
    const { outbox, audit } = this.database;
    return guardStorage(() =>
      this.database.transaction('rw', outbox, audit, async () => {
        const sending = await outbox.where('state').equals('sending').toArray();
        const stale = sending.filter((item) => (item.leaseUntil ?? 0) <= now || (othersToo && item.leaseOwner !== owner));
        const recovered = stale.map((item): OutboxItem => ({ ...item, state: 'queued', leaseOwner: undefined, leaseUntil: undefined, nextAttemptAt: now, updatedAt: now }));
        await outbox.bulkPut(recovered);
        await audit.bulkAdd(recovered.map((item) => entry(item, 'lease-recovered', now, 'the send was interrupted; it will be resent with the same request id')));
        return recovered.length;
      }),
    );
  }
}

function describe(outcome: Settlement): string {
  switch (outcome.status) {
    case 'confirmed':
      return outcome.alreadyRecorded ? 'already recorded at the backend' : 'recorded at the backend';
    case 'retry':
      return outcome.reason;
    case 'failed':
      return `${outcome.code}: ${outcome.reason}`;
    case 'auth-required':
      return outcome.reason;
  }
}

export function entry(item: OutboxItem, kind: AuditEntry['kind'], at: number, detail?: string): AuditEntry {
  return { at, kind, itemId: item.id, customerId: item.customerId, actor: item.createdBy, ...(detail ? { detail } : {}) };
}
