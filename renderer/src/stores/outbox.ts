/**
 * The outbox as the agent sees it: what waits, what failed, what was recently confirmed, and the
 * agent's commands (save, retry, edit, discard). Every command writes locally first, then nudges the
 * sync worker; none waits for the network. `save` and `edit` apply the save rules first and answer a
 * typed refusal when one refuses (the pages only turn it into words).
 */
import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef, watch } from 'vue';
import { Dexie } from 'dexie';
import type { Contact } from '../../../shared/domain/contact';
import { db } from '../db/database';
import { ACTIVE_OUTBOX_STATES, type OutboxItem } from '../db/rows';
import { discardItem, enqueueAttestation, OutboxCommandError, requeueFailed, type NewAttestation } from '../outbox/commands';
import { checkSave, type SaveRefusal } from '../outbox/save-rules';
import { DexieOutboxStorage } from '../db/outbox-storage';
import { useLiveQuery } from '../composables/useLiveQuery';
import { localStatesOf } from '../domain/mca-status';
import { useSessionStore } from './session';
import { useSyncStore } from './sync';

/** A save either queued its item or was refused by a save rule (nothing written). */
export type SaveOutcome = { saved: true; item: OutboxItem } | { saved: false; refusal: SaveRefusal };

interface ActiveDelta {
  /** Ids of every active item (index keys only: no item is read for these). */
  ids: string[];
  /** Active items written since the last look (every write sets `updatedAt`). */
  changed: OutboxItem[];
  /** Active items this window has not seen yet (only after a reset, or when the clock went back). */
  fetched: OutboxItem[];
}

export const useOutboxStore = defineStore('outbox', () => {
  /**
   * The active items (queued, sending, failed), kept up to date incrementally: with 10,000 items
   * queued, re-reading them all on every save or send made each write cost a read of the whole
   * queue, in every window. A change now costs the active ids (keys only) and the few items written
   * since the last look.
   */
  const byId = shallowRef<ReadonlyMap<string, OutboxItem>>(markRaw(new Map()));
  const seenUntil = ref(0);
  const delta = useLiveQuery(
    async (): Promise<ActiveDelta | null> => {
      const { outbox } = db();
      const since = seenUntil.value;
      const known = byId.value;
      const [ids, changed] = await Promise.all([
        Promise.all(ACTIVE_OUTBOX_STATES.map((state) => outbox.where('state').equals(state).primaryKeys())),
        Promise.all(ACTIVE_OUTBOX_STATES.map((state) => outbox.where('[state+updatedAt]').between([state, since], [state, Dexie.maxKey], true, true).toArray())),
      ]);
      const allIds = ids.flat() as string[];
      const changedItems = changed.flat();
      const changedIds = new Set(changedItems.map((item) => item.id));
      const missing = allIds.filter((id) => !known.has(id) && !changedIds.has(id));
      const fetched = missing.length ? (await outbox.bulkGet(missing)).filter((item): item is OutboxItem => item !== undefined) : [];
      return { ids: allIds, changed: changedItems, fetched };
    },
    null,
    [seenUntil],
  );
  watch(delta, (next) => {
    if (!next) {
      byId.value = markRaw(new Map());
      return;
    }
    const known = byId.value;
    const fresh = new Map<string, OutboxItem>();
    for (const item of next.fetched) fresh.set(item.id, item);
    for (const item of next.changed) fresh.set(item.id, item);
    const items = new Map<string, OutboxItem>();
    let latest = seenUntil.value;
    for (const id of next.ids) {
      const item = fresh.get(id) ?? known.get(id);
      if (item && (ACTIVE_OUTBOX_STATES as readonly string[]).includes(item.state)) items.set(id, item);
    }
    for (const item of next.changed) latest = Math.max(latest, item.updatedAt);
    byId.value = markRaw(items);
    // (aboveOrEqual: two writes in the same millisecond must not hide the second one.)
    seenUntil.value = latest;
  });

  /** Every active item, oldest first. */
  const active = computed(() => [...byId.value.values()].sort((a, b) => a.createdAt - b.createdAt));
  const recentlyConfirmed = useLiveQuery(
    () => db().outbox.where('[state+updatedAt]').between(['confirmed', Dexie.minKey], ['confirmed', Dexie.maxKey]).reverse().limit(10).toArray(),
    [] as OutboxItem[],
  );

  const counts = computed(() => {
    let queued = 0;
    let sending = 0;
    let failed = 0;
    for (const item of byId.value.values()) {
      if (item.state === 'queued') queued += 1;
      else if (item.state === 'sending') sending += 1;
      else if (item.state === 'failed') failed += 1;
    }
    return { queued, sending, failed };
  });
  const waitingCount = computed(() => counts.value.queued + counts.value.sending);
  const sendingCount = computed(() => counts.value.sending);
  const failedCount = computed(() => counts.value.failed);
  const localStates = computed(() => localStatesOf([...byId.value.values()]));

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
   * unless a save rule refuses it: then nothing is written and the refusal says why.
   */
  async function save(attestation: NewAttestation): Promise<SaveOutcome> {
    const refusal = await refusalOf(attestation.customerId, attestation.primaryContact);
    if (refusal) return { saved: false, refusal };
    const item = await enqueueAttestation(attestation, context());
    useSyncStore().trigger('enqueue');
    return { saved: true, item };
  }

  async function retry(itemId: string): Promise<OutboxItem> {
    const item = await requeueFailed(itemId, {}, context());
    useSyncStore().trigger('enqueue');
    return item;
  }

  /** Replaces a failed item by a corrected one, under the same save rules as a new save. */
  async function edit(itemId: string, changes: { primaryContact: Contact; dateAgreed: string }): Promise<SaveOutcome> {
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

  return { active, recentlyConfirmed, waitingCount, sendingCount, failedCount, localStates, save, retry, edit, discard };
});
