/**
 * The outbox as the agent sees it: what waits, what failed, what was recently confirmed, and the
 * agent's commands (save, retry, edit, discard). Every command writes locally first, then nudges the
 * sync worker; none waits for the network. `save` and `edit` apply the save rules first and answer a
 * typed refusal when one refuses (the pages only turn it into words).
 */
import { defineStore } from 'pinia';
import { computed } from 'vue';
import { Dexie } from 'dexie';
import type { Contact } from '../../../shared/domain/contact';
import { db } from '../db/database';
import { LINK_EXPIRY_DEFAULT_MINUTES } from '../../../shared/api/enhanced-attestation';
import type { OutboxItem } from '../db/rows';
import { activeOutboxFeed, TrackedRows } from '../db/change-feed';
import {
  checkNow as checkItemNow,
  discardItem,
  moveRetiredToEnhanced,
  enqueueChecked,
  markFollowUpSent as markItemFollowUpSent,
  markLinkSent as markItemLinkSent,
  OutboxCommandError,
  requeueFailed,
  requestNewLink,
  type NewAttestation,
  type NewEnhancedAttestation,
  type NewRequest,
  type RequeueChanges,
} from '../outbox/commands';
import { checkSave, type SaveRefusal } from '../outbox/save-rules';
import { DexieOutboxStorage } from '../db/outbox-storage';
import { useLiveQuery } from '../composables/useLiveQuery';
import { useTrackedRows } from '../composables/useTrackedRows';
import { localStatesOf } from '../domain/mca-status';
import { useSessionStore } from './session';
import { useSyncStore } from './sync';

/** A save either queued its item or was refused by a save rule (nothing written). */
export type SaveOutcome = { saved: true; item: OutboxItem } | { saved: false; refusal: SaveRefusal };

export const useOutboxStore = defineStore('outbox', () => {
  /**
   * The active items (queued, sending, failed), followed through the outbox's change feed: with
   * 10,000 items queued, a change costs the active ids (keys only) and the few items written since
   * the last look, never a read of the whole queue. Changes are reported by customer.
   */
  const tracked = new TrackedRows<OutboxItem>({
    keyOf: (item) => item.id,
    timeOf: (item) => item.updatedAt,
    same: (before, after) => before.updatedAt === after.updatedAt && before.state === after.state && before.attempts === after.attempts,
    affects: (item) => item.customerId,
  });
  const { version } = useTrackedRows(tracked, () => activeOutboxFeed(db().outbox));

  const activeItems = computed(() => {
    void version.value;
    return [...tracked.rows.values()];
  });
  /** Every active item, oldest first. */
  const active = computed(() => [...activeItems.value].sort((a, b) => a.createdAt - b.createdAt));
  const recentlyConfirmed = useLiveQuery(
    () =>
      db()
        .outbox.where('[state+updatedAt]')
        .between(['confirmed', Dexie.minKey], ['confirmed', Dexie.maxKey])
        .reverse()
        .limit(10)
        .toArray(),
    [] as OutboxItem[],
  );

  const counts = computed(() => {
    let queued = 0;
    let sending = 0;
    let failed = 0;
    for (const item of activeItems.value) {
      if (item.state === 'queued') queued += 1;
      else if (item.state === 'sending') sending += 1;
      else if (item.state === 'failed') failed += 1;
    }
    return { queued, sending, failed };
  });
  const waitingCount = computed(() => counts.value.queued + counts.value.sending);
  const sendingCount = computed(() => counts.value.sending);
  const failedCount = computed(() => counts.value.failed);
  const localStates = computed(() => localStatesOf(activeItems.value));

  /** The customers whose active items changed after `since` (a `version` value), or null when not known (then: all). */
  function changedSince(since: number): Set<string> | null {
    return tracked.changedSince(since);
  }

  function storage(): DexieOutboxStorage {
    return new DexieOutboxStorage(db());
  }

  function context() {
    const actor = useSessionStore().user?.userName ?? 'unknown';
    return { storage: storage(), actor, now: Date.now() };
  }

  /** The save rules (role, duplicate) for `contact` on this customer; `replacing` is left out of the check. */
  async function refusalOf(customerId: string, contact: Contact, replacing?: string): Promise<SaveRefusal | null> {
    const history = await storage().historyOf(customerId);
    const items = replacing ? history.items.filter((item) => item.id !== replacing) : history.items;
    return checkSave(contact, { mayAttest: useSessionStore().mayAttest, records: history.records, items });
  }

  /**
   * Saves an attestation locally (atomically with its audit entry) and asks the worker to send it,
   * unless a save rule refuses it: then nothing is written and the refusal says why. The rules and
   * the write are one transaction (outbox/commands.ts, enqueueChecked); the worker is nudged after.
   */
  function save(attestation: NewAttestation): Promise<SaveOutcome> {
    return checkedSave(attestation, attestation.primaryContact);
  }

  /**
   * Queues an enhanced attestation request (the signer and the link's details), unless a save rule
   * refuses it (the role, or the signer is the customer's latest confirmed contact already).
   */
  function saveEnhanced(request: NewEnhancedAttestation): Promise<SaveOutcome> {
    return checkedSave(request, request.signer);
  }

  async function checkedSave(request: NewRequest, contact: Contact): Promise<SaveOutcome> {
    const mayAttest = useSessionStore().mayAttest;
    const outcome = await enqueueChecked(request, context(), ({ records, items }) => checkSave(contact, { mayAttest, records, items }));
    if (outcome.saved) useSyncStore().trigger('enqueue');
    return outcome;
  }

  /** The agent copied the acceptance link's email, or opened it in email: the watching starts. */
  async function markLinkSent(itemId: string, via: 'clipboard' | 'email'): Promise<OutboxItem> {
    const item = await markItemLinkSent(itemId, via, context());
    useSyncStore().trigger('enqueue');
    return item;
  }

  /** The agent sent the signer a reminder with the same link (copied, or opened in email). */
  async function markFollowUpSent(itemId: string, via: 'clipboard' | 'email'): Promise<OutboxItem> {
    return markItemFollowUpSent(itemId, via, context());
  }

  /** "Send a new link" (customer page, Overview › Follow up): a new attestation for the same signer, sent at the next sync. */
  async function sendNewLink(itemId: string): Promise<OutboxItem> {
    const item = await requestNewLink(itemId, context());
    useSyncStore().trigger('enqueue');
    return item;
  }

  /** "Check now", or the agent opened the customer: the link's attestation is read at once (inside the engine's rules). */
  async function checkNow(itemId: string): Promise<OutboxItem> {
    const item = await checkItemNow(itemId, context());
    useSyncStore().trigger('enqueue');
    return item;
  }

  /**
   * A legacy attestation answered "retired": the same contact becomes the signer of an acceptance
   * link, with the company, country and language of the cached customer. Answers the new item, or
   * null when the customer's details are not known on this computer (the item stays parked).
   */
  async function moveToEnhanced(itemId: string): Promise<OutboxItem | null> {
    const current = await db().outbox.get(itemId);
    if (!current) return null;
    const details = await db().customerDetails.get(current.customerId);
    if (!details?.country || !details.language) return null;
    const fields = {
      companyName: details.companyName,
      country: details.country.toUpperCase(),
      language: details.language,
      linkExpiryMinutes: LINK_EXPIRY_DEFAULT_MINUTES,
    };
    const item = await moveRetiredToEnhanced(itemId, fields, context());
    useSyncStore().trigger('enqueue');
    return item;
  }

  async function retry(itemId: string): Promise<OutboxItem> {
    const item = await requeueFailed(itemId, {}, context());
    useSyncStore().trigger('enqueue');
    return item;
  }

  /** Replaces a failed item by a corrected one, under the same save rules as a new save. */
  async function edit(itemId: string, changes: { primaryContact: Contact } & Omit<RequeueChanges, 'primaryContact'>): Promise<SaveOutcome> {
    const current = await db().outbox.get(itemId);
    if (!current) throw new OutboxCommandError('not-found');
    const refusal = await refusalOf(current.customerId, changes.primaryContact, itemId);
    if (refusal) return { saved: false, refusal };
    const item = await requeueFailed(itemId, changes, context());
    useSyncStore().trigger('enqueue');
    return { saved: true, item };
  }

  function discard(itemId: string): Promise<OutboxItem> {
    return discardItem(itemId, context());
  }

  return {
    active,
    recentlyConfirmed,
    waitingCount,
    sendingCount,
    failedCount,
    localStates,
    version,
    changedSince,
    save,
    saveEnhanced,
    markLinkSent,
    markFollowUpSent,
    sendNewLink,
    checkNow,
    moveToEnhanced,
    retry,
    edit,
    discard,
  };
});
