/**
 * What the agent does to the outbox. Each command is one Dexie transaction that writes the item and
 * its audit entry together; none of them talks to the network (the sync worker does, afterwards).
 */
import type { Contact } from '../../../shared/domain/contact';
import type { McaDeskDatabase } from '../db/database';
import type { OutboxItem } from '../db/rows';
import { guardStorage } from '../db/storage-errors';
import { entry } from './outbox-repository';

export interface NewAttestation {
  customerId: string;
  customerName: string;
  primaryContact: Contact;
  /** YYYY-MM-DD, already checked against the date rule. */
  dateAgreed: string;
  templateId?: string;
  /** 'reattest' for an MCA refresh (see OutboxItem.kind). */
  kind?: 'reattest';
}

export interface CommandContext {
  database: McaDeskDatabase;
  actor: string;
  now: number;
  newId?: () => string;
}

function freshItem(attestation: NewAttestation, context: CommandContext, replaces?: string): OutboxItem {
  const id = (context.newId ?? (() => crypto.randomUUID()))();
  return {
    id,
    customerId: attestation.customerId,
    customerName: attestation.customerName,
    primaryContact: attestation.primaryContact,
    dateAgreed: attestation.dateAgreed,
    ...(attestation.templateId ? { templateId: attestation.templateId } : {}),
    ...(attestation.kind ? { kind: attestation.kind } : {}),
    state: 'queued',
    attempts: 0,
    createdAt: context.now,
    updatedAt: context.now,
    createdBy: context.actor,
    nextAttemptAt: context.now,
    ...(replaces ? { replaces } : {}),
  };
}

/** Saves an attestation: the outbox item (a new UUID, its request id for good) and its audit entry, atomically. */
export function enqueueAttestation(attestation: NewAttestation, context: CommandContext): Promise<OutboxItem> {
  const { database } = context;
  const item = freshItem(attestation, context);
  return guardStorage(() =>
    database.transaction('rw', database.outbox, database.audit, async () => {
      await database.outbox.add(item);
      await database.audit.add(entry(item, 'queued', context.now, `${item.dateAgreed} ${item.primaryContact.email}`));
      return item;
    }),
  );
}

export class OutboxCommandError extends Error {
  constructor(readonly reason: 'not-found' | 'not-failed' | 'sending') {
    super(reason);
    this.name = 'OutboxCommandError';
  }
}

/**
 * Replaces a parked (failed) item by a new one with a new request id, unchanged ("Retry") or
 * corrected ("Edit"). A refused request id is never reused: the backend may remember the refusal.
 */
export function requeueFailed(itemId: string, changes: Partial<Pick<NewAttestation, 'primaryContact' | 'dateAgreed'>>, context: CommandContext): Promise<OutboxItem> {
  const { database } = context;
  return guardStorage(() =>
    database.transaction('rw', database.outbox, database.audit, async () => {
      const old = await database.outbox.get(itemId);
      if (!old) throw new OutboxCommandError('not-found');
      if (old.state !== 'failed') throw new OutboxCommandError('not-failed');
      const replacement = freshItem({ ...old, ...changes }, context, old.id);
      // Keep the place in the customer's order: the replacement stands where the failed item stood.
      replacement.createdAt = old.createdAt;
      await database.outbox.put({ ...old, state: 'replaced', replacedBy: replacement.id, updatedAt: context.now });
      await database.outbox.add(replacement);
      const what = changes.primaryContact || changes.dateAgreed ? 'edited and queued again' : 'queued again';
      await database.audit.add(entry(old, 'replaced', context.now, `${what} as ${replacement.id}`));
      await database.audit.add(entry(replacement, 'queued', context.now, `replaces ${old.id}`));
      return replacement;
    }),
  );
}

/** The agent gives up on an item that is queued or failed. It stays in the history as discarded. */
export function discardItem(itemId: string, context: CommandContext): Promise<OutboxItem> {
  const { database } = context;
  return guardStorage(() =>
    database.transaction('rw', database.outbox, database.audit, async () => {
      const item = await database.outbox.get(itemId);
      if (!item) throw new OutboxCommandError('not-found');
      if (item.state === 'sending') throw new OutboxCommandError('sending');
      if (item.state !== 'queued' && item.state !== 'failed') throw new OutboxCommandError('not-failed');
      const discarded: OutboxItem = { ...item, state: 'discarded', updatedAt: context.now, leaseOwner: undefined, leaseUntil: undefined };
      await database.outbox.put(discarded);
      await database.audit.add(entry(item, 'discarded', context.now, `by ${context.actor}`));
      return discarded;
    }),
  );
}
