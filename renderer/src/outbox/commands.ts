/**
 * What the agent does to the outbox. Each command is one atomic storage write of the item and its
 * audit entry together; none of them talks to the network (the sync engine does, afterwards).
 */
import type { Contact } from '../../../shared/domain/contact';
import { auditEntry, type OutboxItem, type OutboxItemKind } from './item';
import type { CustomerHistory, HistoryStorage, OutboxStorage } from './ports';
import { initialEnhancedState, nextCheckDelayMs as nextFirstCheckMs, type EnhancedFields } from './enhanced-state';

export interface NewAttestation {
  customerId: string;
  customerName: string;
  primaryContact: Contact;
  /** YYYY-MM-DD, already checked against the date rule. */
  dateAgreed: string;
  templateId?: string;
  /** 'reattest' for an MCA refresh; absent for an ordinary attestation. */
  kind?: Exclude<OutboxItemKind, 'attest'>;
  /** Queue at most once under this id (a step resumed after a crash); a new id when absent. */
  id?: string;
}

/** An enhanced attestation request (Partner Center today): the signer and what the link is made for. */
export interface NewEnhancedAttestation {
  customerId: string;
  customerName: string;
  signer: Contact;
  fields: EnhancedFields;
  /** Queue at most once under this id (a step resumed after a crash); a new id when absent. */
  id?: string;
}

/** What a new item is made from: a legacy attestation's fields, or an enhanced one's. */
export type ItemInput = Pick<
  OutboxItem,
  'customerId' | 'customerName' | 'primaryContact' | 'dateAgreed' | 'templateId' | 'kind' | 'enhanced'
>;

/** Either kind of new request, as a bulk enqueue takes them. */
export type NewRequest = NewAttestation | NewEnhancedAttestation;

export interface CommandContext {
  storage: OutboxStorage;
  actor: string;
  now: number;
  newId?: () => string;
}

export class OutboxCommandError extends Error {
  constructor(readonly reason: 'not-found' | 'not-failed' | 'sending' | 'not-watching' | 'repeats-latest-contact') {
    super(reason);
    this.name = 'OutboxCommandError';
  }
}

/** A new item: a new UUID (its request id for good) unless named, queued now. */
export function freshItem(attestation: ItemInput, context: Omit<CommandContext, 'storage'>, replaces?: string, named?: string): OutboxItem {
  const id = named ?? newIdOf(context)();
  return {
    id,
    customerId: attestation.customerId,
    customerName: attestation.customerName,
    primaryContact: attestation.primaryContact,
    ...(attestation.dateAgreed ? { dateAgreed: attestation.dateAgreed } : {}),
    ...(attestation.templateId ? { templateId: attestation.templateId } : {}),
    ...(attestation.kind ? { kind: attestation.kind } : {}),
    ...(attestation.enhanced ? { enhanced: attestation.enhanced } : {}),
    state: 'queued',
    attempts: 0,
    createdAt: context.now,
    updatedAt: context.now,
    createdBy: context.actor,
    nextAttemptAt: context.now,
    ...(replaces ? { replaces } : {}),
  };
}

function newIdOf(context: Pick<CommandContext, 'newId'>): () => string {
  return context.newId ?? (() => crypto.randomUUID());
}

/** The audit entry of a freshly queued attestation. */
export function queuedEntry(item: OutboxItem, at: number) {
  const what = item.enhanced
    ? `acceptance link for ${item.primaryContact.email}, valid ${item.enhanced.linkExpiryMinutes} min`
    : `${item.dateAgreed} ${item.primaryContact.email}`;
  return auditEntry(item, 'queued', at, what);
}

/** Puts a new item and its audit entry, atomically; an item already stored under its id stays as it is. */
function enqueueOnce(item: OutboxItem, context: CommandContext): Promise<OutboxItem> {
  return context.storage.update([item.id], ([existing]) =>
    existing ? { put: [], audit: [], result: existing } : { put: [item], audit: [queuedEntry(item, context.now)], result: item },
  );
}

/** A checked save queued its item, or `refuse` said why not (nothing written). */
export type CheckedSave<R> = { saved: true; item: OutboxItem } | { saved: false; refusal: R };

/**
 * Saves a request of either kind unless `refuse` (the save rules, pure) refuses it, with the
 * customer's history read in the same transaction as the write: one small transaction per save,
 * and no save of another window between the check and the write. An item already stored under
 * the request's id stays as it is (and is answered).
 */
export async function enqueueChecked<R>(
  request: NewRequest,
  context: CommandContext & { storage: HistoryStorage },
  refuse: (history: CustomerHistory) => R | null,
): Promise<CheckedSave<R>> {
  const item = freshItem(itemInputOf(request, context), context, undefined, request.id);
  // Only a named id (a resumed step) can be stored already: a fresh UUID is not read for, which
  // spares the save's transaction one of its reads.
  const mayExist = request.id !== undefined ? [item.id] : [];
  const write = { put: [item], audit: [queuedEntry(item, context.now)] };
  const vetoed = await context.storage.insertUnlessVetoed<CheckedSave<R>>(item.customerId, mayExist, write, (history, [stored]) => {
    const refusal = refuse(history);
    if (refusal !== null) return { saved: false, refusal };
    return stored ? { saved: true, item: stored } : null;
  });
  return vetoed ?? { saved: true, item };
}

/** Saves an attestation: the outbox item and its audit entry, atomically. */
export function enqueueAttestation(attestation: NewAttestation, context: CommandContext): Promise<OutboxItem> {
  const { id, ...fields } = attestation;
  return enqueueOnce(freshItem(fields, context, undefined, id), context);
}

/** Saves an enhanced attestation request: the item (at its first step, create) and its audit entry, atomically. */
export function enqueueEnhancedAttestation(request: NewEnhancedAttestation, context: CommandContext): Promise<OutboxItem> {
  return enqueueOnce(freshItem(enhancedInputOf(request, context), context, undefined, request.id), context);
}

/** An enhanced request as the outbox holds it: the signer as the item's contact, the link's details at the first step. */
function enhancedInputOf(request: NewEnhancedAttestation, context: Pick<CommandContext, 'newId'>): ItemInput {
  return {
    customerId: request.customerId,
    customerName: request.customerName,
    primaryContact: request.signer,
    kind: 'enhanced',
    enhanced: initialEnhancedState(request.fields, newIdOf(context)),
  };
}

/** What a new item of either kind is made from (one mapping for the single saves and the bulk enqueue). */
export function itemInputOf(request: NewRequest, context: Pick<CommandContext, 'newId'>): ItemInput {
  // freshItem takes only the item's fields: a legacy request's own `id` is not one of them.
  return 'signer' in request ? enhancedInputOf(request, context) : request;
}

export interface RequeueChanges extends Partial<Pick<NewAttestation, 'primaryContact' | 'dateAgreed'>> {
  /** An enhanced item's company, country, language or link lifetime, corrected. */
  fields?: EnhancedFields;
}

/**
 * Replaces a parked (failed) item by a new one with a new request id, unchanged ("Retry") or
 * corrected ("Edit"). A refused request id is never reused: the backend may remember the refusal.
 * An enhanced item starts over at its first step ("Send a new link" after an expired one): a new
 * attestation, a new link.
 */
export function requeueFailed(itemId: string, changes: RequeueChanges, context: CommandContext): Promise<OutboxItem> {
  return context.storage.update([itemId], ([old]) => {
    if (!old) throw new OutboxCommandError('not-found');
    if (old.state !== 'failed') throw new OutboxCommandError('not-failed');
    const what =
      changes.primaryContact || changes.dateAgreed || changes.fields
        ? 'edited and queued again'
        : old.enhanced
          ? 'a new link requested'
          : 'queued again';
    return replaced(old, changes, what, context);
  });
}

/**
 * "Send a new link": an enhanced item starts over at its first step (a new attestation, a new link for
 * the same signer), whether its link expired or failed (parked) or still works and is being watched (a
 * signer who lost the email, a link about to end). The old link is no longer watched: if the signer
 * accepts it after all, MCA Desk does not see it, so the agent sends the new one. Not while a read of
 * the old one is out (`sending`): its answer would land on a replaced item.
 */
export function requestNewLink(itemId: string, context: CommandContext): Promise<OutboxItem> {
  return context.storage.update([itemId], ([old]) => {
    if (!old?.enhanced) throw new OutboxCommandError('not-found');
    if (old.state === 'sending') throw new OutboxCommandError('sending');
    const watching = old.state === 'queued' && old.enhanced.step === 'watch' && old.enhanced.attestation !== undefined;
    if (old.state !== 'failed' && !watching) throw new OutboxCommandError('not-failed');
    return replaced(old, {}, watching ? 'a new link requested while the last one still worked' : 'a new link requested', context);
  });
}

/** The write that replaces `old` by a fresh item with a new request id, with the audit entries of both. */
function replaced(old: OutboxItem, changes: RequeueChanges, what: string, context: CommandContext) {
  const { fields, ...contactAndDate } = changes;
  const enhanced = old.enhanced ? initialEnhancedState(fields ?? old.enhanced, newIdOf(context)) : undefined;
  const replacement = freshItem({ ...old, ...contactAndDate, enhanced }, context, old.id);
  // Keep the place in the customer's order: the replacement stands where the old item stood.
  replacement.createdAt = old.createdAt;
  return {
    put: [{ ...old, state: 'replaced' as const, replacedBy: replacement.id, updatedAt: context.now }, replacement],
    audit: [
      auditEntry(old, 'replaced', context.now, `${what} as ${replacement.id}`),
      auditEntry(replacement, 'queued', context.now, `replaces ${old.id}`),
    ],
    result: replacement,
  };
}

/**
 * Whether a retired legacy item becomes an acceptance link. Not a re-confirmation (MCA refresh): it
 * repeats the customer's latest contact, and Partner Center refuses an agreement for that signer as a
 * duplicate (600061, reference 2026 §1), so the link would cost the signer a visit for nothing. It stays
 * parked, and MCA refresh shows the route that replaced it.
 */
export function retiredMovesToLink(item: Pick<OutboxItem, 'kind'>): boolean {
  return item.kind !== 'reattest';
}

/**
 * A legacy attestation the backend answered "retired" (Partner Center since 5 January 2026) becomes
 * an acceptance link request for the same customer, its contact as the signer: the failed item is
 * replaced, and the new one starts at its first step. Nothing else about the contact changes.
 */
export function moveRetiredToEnhanced(itemId: string, fields: EnhancedFields, context: CommandContext): Promise<OutboxItem> {
  return context.storage.update([itemId], ([old]) => {
    if (!old) throw new OutboxCommandError('not-found');
    if (old.state !== 'failed' || old.lastError?.kind !== 'legacy-retired') throw new OutboxCommandError('not-failed');
    if (!retiredMovesToLink(old)) throw new OutboxCommandError('repeats-latest-contact');
    const replacement = freshItem(
      {
        customerId: old.customerId,
        customerName: old.customerName,
        primaryContact: old.primaryContact,
        kind: 'enhanced',
        enhanced: initialEnhancedState(fields, newIdOf(context)),
      },
      context,
      old.id,
    );
    replacement.createdAt = old.createdAt;
    return {
      put: [{ ...old, state: 'replaced', replacedBy: replacement.id, updatedAt: context.now }, replacement],
      audit: [
        auditEntry(old, 'replaced', context.now, `the backend retired this attestation; moved to an acceptance link as ${replacement.id}`),
        auditEntry(replacement, 'queued', context.now, `acceptance link for ${replacement.primaryContact.email}, replaces ${old.id}`),
      ],
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

/**
 * The agent sent the acceptance link (copied it, or opened it in an email): recorded with the time, and
 * the watching starts over from its first, short gap. Sending it again later changes nothing.
 */
export function markLinkSent(itemId: string, via: 'clipboard' | 'email', context: CommandContext): Promise<OutboxItem> {
  return context.storage.update([itemId], ([item]) => {
    if (!item?.enhanced) throw new OutboxCommandError('not-found');
    if (item.enhanced.step !== 'watch' || item.enhanced.linkSentAt !== undefined || (item.state !== 'queued' && item.state !== 'sending'))
      return { put: [], audit: [], result: item };
    const enhanced = { ...item.enhanced, linkSentAt: context.now, linkSentVia: via, checks: 0 };
    // A read in flight keeps its lease; its outcome is applied to this stored item (queue.ts).
    const first = item.state === 'queued' ? { nextAttemptAt: context.now + nextFirstCheckMs(enhanced, context.now) } : {};
    const next: OutboxItem = { ...item, enhanced, ...first, updatedAt: context.now };
    return {
      put: [next],
      audit: [
        auditEntry(
          next,
          'link-sent',
          context.now,
          `by ${context.actor}, ${via === 'email' ? 'opened in email' : 'copied to the clipboard'}`,
        ),
      ],
      result: next,
    };
  });
}

/**
 * The agent sent the signer a reminder with the same link (Overview › Follow up): recorded with the
 * time, so the link leaves the follow-up list until it is due again, and the watching starts over from
 * its short gaps. Audited like the first send.
 */
export function markFollowUpSent(itemId: string, via: 'clipboard' | 'email', context: CommandContext): Promise<OutboxItem> {
  return context.storage.update([itemId], ([item]) => {
    if (!item?.enhanced) throw new OutboxCommandError('not-found');
    if (item.enhanced.step !== 'watch' || item.enhanced.linkSentAt === undefined || (item.state !== 'queued' && item.state !== 'sending'))
      throw new OutboxCommandError('not-watching');
    const enhanced = { ...item.enhanced, followedUpAt: context.now };
    // The watching starts over from its short gaps (the signer may open the reminder at once); a read in
    // flight keeps its lease, and its outcome is applied to this stored item (queue.ts).
    const first = item.state === 'queued' ? { nextAttemptAt: context.now + nextFirstCheckMs(enhanced, context.now) } : {};
    const next: OutboxItem = { ...item, enhanced, ...first, updatedAt: context.now };
    const how = via === 'email' ? 'opened in email' : 'copied to the clipboard';
    return { put: [next], audit: [auditEntry(next, 'follow-up-sent', context.now, `by ${context.actor}, ${how}`)], result: next };
  });
}

/** "Check now" (or the agent opened the customer): the attestation is read at the next sync (never inside a Retry-After: the engine's hold). */
export function checkNow(itemId: string, context: CommandContext): Promise<OutboxItem> {
  return context.storage.update([itemId], ([item]) => {
    if (!item?.enhanced) throw new OutboxCommandError('not-found');
    if (item.state !== 'queued' || item.enhanced.step !== 'watch') return { put: [], audit: [], result: item };
    if (item.enhanced.askedAt !== undefined && item.nextAttemptAt <= context.now) return { put: [], audit: [], result: item };
    // Asked by the agent: read at once, even when the watching budget holds the scheduled reads back.
    const next: OutboxItem = {
      ...item,
      nextAttemptAt: Math.min(item.nextAttemptAt, context.now),
      enhanced: { ...item.enhanced, askedAt: context.now },
      updatedAt: context.now,
    };
    return { put: [next], audit: [], result: next };
  });
}
