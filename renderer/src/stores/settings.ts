/**
 * The app's settings as the main process keeps them (which backend, the sandbox URL, the Partner
 * Center tenant and client id, the earliest acceptance day, the direct check's share, the follow-up
 * days). Changing the backend ends the session there, so the agent signs in again.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Settings } from '../../../shared/ipc/contract';
import { call } from '../platform/api';
import { useSessionStore } from './session';

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings | null>(null);
  const loadError = ref<string | null>(null);

  async function load(): Promise<void> {
    try {
      settings.value = await call('getSettings', {});
      loadError.value = null;
    } catch (error) {
      loadError.value = error instanceof Error ? error.message : String(error);
    }
  }

  /** Saves the backend settings; answers whether the backend changed (the agent was signed out). */
  async function saveBackend(next: Settings): Promise<{ changedBackend: boolean }> {
    const before = settings.value;
    settings.value = await call('updateSettings', next);
    const after = settings.value;
    const changedBackend =
      !before ||
      before.backend !== after.backend ||
      before.sandboxUrl !== after.sandboxUrl ||
      before.partnerCenter.tenantId !== after.partnerCenter.tenantId ||
      before.partnerCenter.clientId !== after.partnerCenter.clientId;
    if (changedBackend) await useSessionStore().load(true);
    return { changedBackend };
  }

  /** Saves the earliest acceptance day; the forms, the CSV import and the main process use it from now on. */
  async function saveAcceptanceFloor(day: string): Promise<void> {
    settings.value = await call('updateSettings', { acceptanceFloor: day });
  }

  /** Saves the direct-acceptance scan's share of the rate limit (0.05 to 1); the scan uses it from its next call. */
  async function saveDirectScanShare(share: number): Promise<void> {
    settings.value = await call('updateSettings', { directScanShare: share });
  }

  /** Saves after how many days a sent, unaccepted link is listed under Overview › Follow up (1 to 7). */
  async function saveFollowUpAfterDays(days: number): Promise<void> {
    settings.value = await call('updateSettings', { followUpAfterDays: days });
  }

  return { settings, loadError, load, saveBackend, saveAcceptanceFloor, saveDirectScanShare, saveFollowUpAfterDays };
});
