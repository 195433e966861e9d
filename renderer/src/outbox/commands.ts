/**
 * What the agent does to the outbox. Each command is one atomic storage write of the item and its
 * audit entry together; none of them talks to the network (the sync engine does, afterwards).
 */
import type { Contact } from '../../../shared/domain/contact';
import { auditEntry, type OutboxItem, type OutboxItemKind } from './item';
import type { OutboxStorage } from './ports';

export interface NewAttestation {
  customerId: string;
  customerName: string;
  primaryContact: Contact;
  /** YYYY-MM-DD, already checked against the date rule. */
  dateAgreed: string;
  templateId?: string;
  /** 'reattest' for an MCA refresh; absent for an ordinary attestation. */
  kind?: Exclude<OutboxItemKind, 'attest'>;
}

export interface CommandContext {
  storage: OutboxStorage;
  actor: string;
  now: number;
  newId?: () => string;
}

export class OutboxCommandError extends Error {
  constructor(readonly reason: 'not-found' | 'not-failed' | 'sending') {
    super(reason);
    this.name = 'OutboxCommandError';
  }
}

/** A new item: a new UUID (its request id for good), queued now. */
export function freshItem(attestation: NewAttestation, context: Omit<CommandContext, 'storage'>, replaces?: string): OutboxItem {
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

/** The audit entry of a freshly queued attestation. */
export function queuedEntry(item: OutboxItem, at: number) {
  return auditEntry(item, 'queued', at, `${item.dateAgreed} ${item.primaryContact.email}`);
}

/** Saves an attestation: the outbox item and its audit entry, atomically. */
export function enqueueAttestation(attestation: NewAttestation, context: CommandContext): Promise<OutboxItem> {
  const item = freshItem(attestation, context);
  return context.storage.update([], () => ({ put: [item], audit: [queuedEntry(item, context.now)], result: item }));
}

/**
 * Replaces a parked (failed) item by a new one with a new request id, unchanged ("Retry") or
 * corrected ("Edit"). A refused request id is never reused: the backend may remember the refusal.
 */
export function requeueFailed(itemId: string, changes: Partial<Pick<NewAttestation, 'primaryContact' | 'dateAgreed'>>, context: CommandContext): Promise<OutboxItem> {
  return context.storage.update([itemId], ([old]) => {
    if (!old) throw new OutboxCommandError('not-found');
    if (old.state !== 'failed') throw new OutboxCommandError('not-failed');
    const replacement = freshItem({ ...old, ...changes }, context, old.id);
    // Keep the place in the customer's order: the replacement stands where the failed item stood.
    replacement.createdAt = old.createdAt;
    const what = changes.primaryContact || changes.dateAgreed ? 'edited and queued again' : 'queued again';
    return {
      put: [{ ...old, state: 'replaced', replacedBy: replacement.id, updatedAt: context.now }, replacement],
      audit: [auditEntry(old, 'replaced', context.now, `${what} as ${replacement.id}`), auditEntry(replacement, 'queued', context.now, `replaces ${old.id}`)],
      result: replacement,
    };
  });
}

/** The agent gives up on an item that is queued or failed. It stays in the history as discarded. */
export function discardItem(itemId: string, context: CommandContext): Promise<OutboxItem> {
  return context.storage.update([itemId], ([item]) => {
    if (!item) throw new OutboxCommandError('not-found');
    if (item.state === 'sending') throw new OutboxCommandError('sending');
    if (item.state !== 'queued' && item.state !== 'failed') throw new OutboxCommandError('not-failed');
    const discarded: OutboxItem = { ...item, state: 'discarded', updatedAt: context.now, leaseOwner: undefined, leaseUntil: undefined };
    return { put: [discarded], audit: [auditEntry(item, 'discarded', context.now, `by ${context.actor}`)], result: discarded };
  });
}
