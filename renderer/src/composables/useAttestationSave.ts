/**
 * Saving a confirmation from a form: the outbox applies the save rules (role, duplicate) and answers
 * a typed refusal; this turns a refusal or a failed write into the sentence the agent reads.
 */
import { useI18n } from 'vue-i18n';
import { StorageFullError } from '../db/storage-errors';
import { formatApiDay } from '../i18n/format';
import type { SaveRefusal } from '../outbox/save-rules';
import type { SaveOutcome } from '../stores/outbox';

export function useAttestationSave() {
  const { t } = useI18n();

  function refusalMessage(refusal: SaveRefusal, customer: string): string {
    switch (refusal.reason) {
      case 'not-allowed':
        return t('attest.notAllowed');
      case 'duplicate-queued':
        return t('attest.duplicateQueued', { customer });
      case 'duplicate-recorded':
        return t('attest.duplicateRecorded', { customer, date: formatApiDay(refusal.latest.dateAgreed) });
    }
  }

  /** Runs `save`; answers null when the item was queued, else the reason for the agent. */
  async function saveWith(customer: string, save: () => Promise<SaveOutcome>): Promise<string | null> {
    try {
      const outcome = await save();
      return outcome.saved ? null : refusalMessage(outcome.refusal, customer);
    } catch (error) {
      if (error instanceof StorageFullError) return t('notifications.storageFull');
      return t('errors.generic', { message: error instanceof Error ? error.message : String(error) });
    }
  }

  return { saveWith };
}
