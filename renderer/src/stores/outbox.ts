/**
 * The outbox as the agent sees it: what waits, what failed, what was recently confirmed, and the
 * agent's commands (save, retry, edit, discard). Every command writes locally first, then nudges the
 * sync worker; none waits for the network.
 */
import { defineStore } from 'pinia';
import { computed } from 'vue';
import { Dexie } from 'dexie';
import type { Contact } from '../../../shared/domain/contact';
import { db } from '../db/database';
import { ACTIVE_OUTBOX_STATES, type OutboxItem } from '../db/rows';
import { discardItem, enqueueAttestation, requeueFailed, type NewAttestation } from '../sync/outbox-commands';
import { useLiveQuery } from '../composables/useLiveQuery';
import { localStatesOf } from '../domain/mca-status';
import { useSessionStore } from './session';
import { useSyncStore } from './sync';

export const useOutboxStore = defineStore('outbox', () => {
  const active = useLiveQuery(
    () => db().outbox.where('state').anyOf([...ACTIVE_OUTBOX_STATES]).sortBy('createdAt'),
    [] as OutboxItem[],
  );
  const recentlyConfirmed = useLiveQuery(
    () => db().outbox.where('[state+updatedAt]').between(['confirmed', Dexie.minKey], ['confirmed', Dexie.maxKey]).reverse().limit(10).toArray(),
    [] as OutboxItem[],
  );

  const waitingCount = computed(() => active.value.filter((item) => item.state === 'queued' || item.state === 'sending').length);
  const sendingCount = computed(() => active.value.filter((item) => item.state === 'sending').length);
  const failedCount = computed(() => active.value.filter((item) => item.state === 'failed').length);
  const localStates = computed(() => localStatesOf(active.value));

  function context() {
    const actor = useSessionStore().user?.userName ?? 'unknown';
    return { database: db(), actor, now: Date.now() };
  }

  /** Saves an attestation locally (atomically with its audit entry) and asks the worker to send it. */
  async function save(attestation: NewAttestation): Promise<OutboxItem> {
    const item = await enqueueAttestation(attestation, context());
    useSyncStore().trigger('enqueue');
    return item;
  }

  async function retry(itemId: string): Promise<OutboxItem> {
    const item = await requeueFailed(itemId, {}, context());
    useSyncStore().trigger('enqueue');
    return item;
  }

  async function edit(itemId: string, changes: { primaryContact: Contact; dateAgreed: string }): Promise<OutboxItem> {
    const item = await requeueFailed(itemId, changes, context());
    useSyncStore().trigger('enqueue');
    return item;
  }

  function discard(itemId: string): Promise<OutboxItem> {
    return discardItem(itemId, context());
  }

  return { active, recentlyConfirmed, waitingCount, sendingCount, failedCount, localStates, save, retry, edit, discard };
});
