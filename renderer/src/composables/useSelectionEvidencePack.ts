/**
 * The evidence pack of the customers selected in the list: one ZIP of every selected customer's files
 * and manifest rows, written by the one pack writer (`exportEvidencePack`, which also records the
 * export in the audit log as the customer page's export does), with its progress; a selection
 * without evidence is told so and nothing is written.
 */
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { db } from '../db/database';
import { EvidenceRepository } from '../db/evidence-repository';
import type { PackProgress } from '../evidence/evidence-pack';
import { useSessionStore } from '../stores/session';
import { exportEvidencePack } from './useCustomerEvidence';

export function useSelectionEvidencePack() {
  const { t } = useI18n();
  const session = useSessionStore();
  const busy = ref(false);
  const progress = ref<PackProgress | null>(null);
  const status = ref<string | null>(null);
  const error = ref<string | null>(null);

  async function exportPack(customerIds: readonly string[]): Promise<void> {
    const user = session.user;
    if (!user || busy.value || customerIds.length === 0) return;
    busy.value = true;
    status.value = null;
    error.value = null;
    try {
      const withEvidence = new Set((await new EvidenceRepository(db()).listFor(customerIds)).map((row) => row.customerId));
      if (withEvidence.size === 0) {
        error.value = t('evidence.selection.none', { count: customerIds.length }, customerIds.length);
        return;
      }
      const written = await exportEvidencePack(customerIds, user.userName, t, (next) => (progress.value = next));
      const without = customerIds.length - withEvidence.size;
      status.value = without
        ? `${written} ${t('evidence.selection.partly', { without, count: customerIds.length, with: withEvidence.size })}`
        : written;
    } catch (failure) {
      error.value = failure instanceof Error ? failure.message : String(failure);
    } finally {
      busy.value = false;
      progress.value = null;
    }
  }

  return { busy, progress, status, error, exportPack };
}
