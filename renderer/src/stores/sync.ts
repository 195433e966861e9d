/**
 * Runs the outbox sync for the signed-in agent and tells the UI how it goes: online or not, whether
 * the backend answered, when the last sync was, and whether sending is paused or held.
 */
import { personName } from '../../../shared/domain/contact';
import { LEGACY_ATTESTATION_RETIRED_ON } from '../../../shared/domain/legacy-retirement';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { db } from '../db/database';
import { DexieOutboxStorage } from '../db/outbox-storage';
import { OutboxQueue } from '../outbox/queue';
import { SyncEngine, type DrainReport, type SyncEvent } from '../outbox/engine';
import { SyncWorker, type MessageChannelLike, type SyncTrigger } from '../sync/sync-worker';
import { ipcTransport } from '../sync/ipc-transport';
import { StorageFullError } from '../db/storage-errors';
import { useLiveQuery } from '../composables/useLiveQuery';
import { i18n } from '../i18n';
import { formatDay } from '../i18n/format';
import { useNotificationsStore } from './notifications';
import { useSessionStore } from './session';
import { useOutboxStore } from './outbox';
import { OutboxCommandError, retiredMovesToLink } from '../outbox/commands';
import type { OutboxItem } from '../outbox/item';

const LAST_SYNC_KEY = 'sync.lastSyncAt';

export const useSyncStore = defineStore('sync', () => {
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine);
  const leading = ref(false);
  /** null until a send was tried; false after a drain in which the backend could not be reached. */
  const reachable = ref<boolean | null>(null);
  const paused = ref(false);
  const heldUntil = ref<number | null>(null);
  const lastReport = ref<DrainReport | null>(null);
  const lastSyncAt = useLiveQuery(
    async () => ((await db().meta.get(LAST_SYNC_KEY))?.value as number | undefined) ?? null,
    null as number | null,
  );

  let worker: SyncWorker | null = null;
  let engine: SyncEngine | null = null;
  let channel: BroadcastChannel | null = null;

  const updateOnline = () => {
    online.value = navigator.onLine;
  };

  function describeEvent(event: SyncEvent): void {
    const notifications = useNotificationsStore();
    const { t } = i18n.global;
    const signer = 'item' in event ? personName(event.item.primaryContact) : '';
    if (event.type === 'confirmed' && event.item.enhanced)
      notifications.notify('success', t('enhanced.notify.confirmed', { customer: event.item.customerName, signer }));
    else if (event.type === 'confirmed')
      notifications.notify(
        'success',
        t(event.item.alreadyRecorded ? 'notifications.confirmedAlready' : 'notifications.confirmed', { customer: event.item.customerName }),
      );
    else if (event.type === 'progress' && event.before.enhanced?.step === 'create' && event.item.enhanced?.step === 'watch')
      notifications.notify('info', t('enhanced.notify.linkReady', { customer: event.item.customerName, signer }));
    else if (event.type === 'failed' && event.item.lastError?.kind === 'legacy-retired') void moveRetired(event.item);
    else if (event.type === 'failed' && event.item.lastError?.kind === 'link-expired')
      notifications.notify('error', t('enhanced.notify.expired', { customer: event.item.customerName, signer }));
    else if (event.type === 'failed')
      notifications.notify(
        'error',
        t('notifications.failed', { customer: event.item.customerName, reason: event.item.lastError?.reason ?? '' }),
      );
    else if (event.type === 'auth-required') {
      paused.value = true;
      useSessionStore().markExpired(event.need ?? null);
      // Partner Center's own reasons come first: a sign-in without MFA, or no app registration for the enhanced calls.
      const key =
        event.need === 'mfa'
          ? 'enhanced.needMfa'
          : event.need === 'app-credential'
            ? 'enhanced.needAppCredential'
            : 'notifications.authRequired';
      notifications.notify('error', t(key));
    } else if (event.type === 'recovered') notifications.notify('info', t('notifications.recovered', { count: event.count }));
  }

  /**
   * The backend retired the seed's attestation: the item moves to an acceptance link for the same
   * contact, and the agent is told. Every window hears the event; the move is one atomic command, so
   * only the first window's succeeds and only it speaks.
   */
  async function moveRetired(item: OutboxItem): Promise<void> {
    const notifications = useNotificationsStore();
    const { t } = i18n.global;
    if (!retiredMovesToLink(item)) {
      notifications.notify(
        'error',
        t('refresh.retired.notify', { customer: item.customerName, date: formatDay(LEGACY_ATTESTATION_RETIRED_ON) }),
      );
      return;
    }
    const signer = personName(item.primaryContact);
    try {
      const moved = await useOutboxStore().moveToEnhanced(item.id);
      if (moved) notifications.notify('info', t('enhanced.legacyMoved', { customer: item.customerName, signer }));
      else notifications.notify('error', t('enhanced.legacyNotMoved', { customer: item.customerName }));
    } catch (error) {
      if (error instanceof OutboxCommandError) return; // another window moved it
      throw error;
    }
  }

  async function recordDrain(report: DrainReport, fromThisWindow: boolean): Promise<void> {
    lastReport.value = report;
    paused.value = report.paused;
    heldUntil.value = engine?.heldUntil ?? null;
    const answered = report.confirmed + report.failed > 0 || report.sent === 0;
    if (report.sent > 0 || report.retried > 0) reachable.value = report.confirmed + report.failed > 0 || report.retried === 0;
    if (fromThisWindow && answered && !report.paused && reachable.value !== false)
      await db()
        .meta.put({ key: LAST_SYNC_KEY, value: Date.now() })
        .catch(() => undefined);
  }

  /** Starts syncing the current database (call after the agent's database is open). */
  function start(): void {
    stop();
    const database = db();
    const name = `mca-desk-sync:${database.name}`;
    channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
    engine = new SyncEngine({
      queue: new OutboxQueue(new DexieOutboxStorage(database)),
      transport: ipcTransport,
      now: Date.now,
      owner: crypto.randomUUID(),
      onEvent: (event) => worker?.publish(event),
    });
    worker = new SyncWorker({
      engine,
      lockName: name,
      channel: channel as unknown as MessageChannelLike | null,
      events: window,
      isOnline: () => navigator.onLine,
      onLeadership: (value) => {
        leading.value = value;
      },
      onDrained: (report) => void recordDrain(report, worker?.isLeader ?? false),
      onEvent: describeEvent,
      onError: (error) => {
        if (error instanceof StorageFullError) return; // already shown by the storage guard
        useNotificationsStore().notify('error', i18n.global.t('errors.generic', { message: String(error) }));
      },
    });
    window.addEventListener('online', updateOnline);
    window.addEventListener('offline', updateOnline);
    worker.start();
  }

  function stop(): void {
    worker?.stop();
    channel?.close();
    worker = null;
    engine = null;
    channel = null;
    leading.value = false;
    paused.value = false;
    reachable.value = null;
    window.removeEventListener('online', updateOnline);
    window.removeEventListener('offline', updateOnline);
  }

  function trigger(reason: SyncTrigger): void {
    worker?.trigger(reason);
  }

  /** "Sync now": also lifts a hold caused by unreachability (never a Retry-After). */
  function syncNow(): void {
    trigger('manual');
  }

  /** After the agent signed in again. */
  function resume(): void {
    paused.value = false;
    worker?.resume();
  }

  return { online, leading, reachable, paused, heldUntil, lastReport, lastSyncAt, start, stop, trigger, syncNow, resume };
});
