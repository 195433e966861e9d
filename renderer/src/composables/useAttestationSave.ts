/**
 * Saving a confirmation from a form: the role rule and the duplicate rule first (nothing is queued
 * when either refuses), then the outbox. Answers a message for the agent when nothing was saved.
 */
import { useI18n } from 'vue-i18n';
import type { AgreementRecord } from '../../../shared/domain/agreement';
import type { AttestationFormValues } from '../../../shared/domain/attestation-form';
import type { OutboxItem } from '../db/rows';
import { StorageFullError } from '../db/storage-errors';
import { findDuplicate } from '../domain/history';
import { formatApiDay } from '../i18n/format';
import { useSessionStore } from '../stores/session';

export interface SaveContext {
  customerName: string;
  records: readonly AgreementRecord[];
  items: readonly OutboxItem[];
}

export function useAttestationSave() {
  const { t } = useI18n();
  const session = useSessionStore();

  /** Runs `write` unless a rule refuses; answers null when saved, else the reason for the agent. */
  async function guardedSave(values: AttestationFormValues, context: SaveContext, write: () => Promise<unknown>): Promise<string | null> {
    if (!session.mayAttest) return t('attest.notAllowed');
    const duplicate = findDuplicate(values.primaryContact, context.records, context.items);
    if (duplicate?.kind === 'queued') return t('attest.duplicateQueued', { customer: context.customerName });
    if (duplicate) return t('attest.duplicateRecorded', { customer: context.customerName, date: formatApiDay(duplicate.latest.dateAgreed) });
    try {
      await write();
      return null;
    } catch (error) {
      if (error instanceof StorageFullError) return t('notifications.storageFull');
      return t('errors.generic', { message: error instanceof Error ? error.message : String(error) });
    }
  }

  return { guardedSave };
}
