/**
 * One customer's evidence: the list (live, so a second window sees additions), adding files with
 * their checks and SHA-256, removing one, and exporting the evidence pack with its progress.
 */
import { computed, ref, toValue, type MaybeRefOrGetter } from 'vue';
import { useI18n } from 'vue-i18n';
import { downloadBlob, todaysFileName } from '../bulk/download';
import { db } from '../db/database';
import { EvidenceRepository } from '../db/evidence-repository';
import { evidenceMediaType, evidenceRefusal } from '../evidence/evidence-file';
import { buildEvidencePack, EvidencePackError, type PackProgress } from '../evidence/evidence-pack';
import type { EvidenceConfirmation, EvidenceRow } from '../evidence/evidence-row';
import { sha256Hex } from '../evidence/sha256';
import { formatSize } from '../i18n/format';
import { useSessionStore } from '../stores/session';
import { useLiveQuery } from './useLiveQuery';
import { recordAgentAction } from '../stores/agent-actions';

const repository = () => new EvidenceRepository(db());

/** Writes the evidence pack of these customers and downloads it; answers the status line or throws a message. */
export async function exportEvidencePack(
  customerIds: readonly string[],
  createdBy: string,
  t: ReturnType<typeof useI18n>['t'],
  onProgress: (progress: PackProgress) => void,
): Promise<string> {
  const repo = repository();
  const rows = await repo.listFor(customerIds);
  try {
    const pack = await buildEvidencePack(
      rows.map((row) => ({ row, bytes: () => repo.bytesOf(row.id) })),
      { createdAt: Date.now(), createdBy },
      onProgress,
    );
    const file = todaysFileName('mca-evidence', 'zip');
    downloadBlob(file, pack);
    await recordAgentAction('evidence-exported', {
      ...(customerIds.length === 1 ? { customerId: customerIds[0] } : {}),
      detail: `${file}: ${rows.length} file(s) of ${new Set(rows.map((row) => row.customerId)).size} customer(s)`,
    });
    return t('evidence.exported', { file, count: rows.length, size: formatSize(pack.size) });
  } catch (error) {
    if (error instanceof EvidencePackError)
      throw new Error(t(`evidence.packFailed.${error.code}`, { name: error.fileName }), { cause: error });
    throw error;
  }
}

export function useCustomerEvidence(customerId: MaybeRefOrGetter<string>, companyName: MaybeRefOrGetter<string>) {
  const { t } = useI18n();
  const session = useSessionStore();
  const rows = useLiveQuery(() => repository().list(toValue(customerId)), [] as EvidenceRow[], [() => toValue(customerId)]);
  const status = ref<string | null>(null);
  const problems = ref<string[]>([]);
  const busy = ref(false);
  const progress = ref<PackProgress | null>(null);

  async function add(files: readonly File[], confirmation: EvidenceConfirmation): Promise<void> {
    const user = session.user;
    if (!user || busy.value) return;
    busy.value = true;
    status.value = null;
    problems.value = [];
    let added = 0;
    try {
      for (const file of files) {
        status.value = t('evidence.adding', { name: file.name });
        const bytes = new Uint8Array(await file.arrayBuffer());
        const refusal = evidenceRefusal(file, bytes.subarray(0, 8));
        if (refusal) {
          const extension = file.name.split('.').pop()?.toUpperCase() ?? '';
          problems.value = [
            ...problems.value,
            t(`evidence.refused.${refusal}`, { name: file.name, size: formatSize(file.size), extension }),
          ];
          continue;
        }
        await repository().add(
          {
            id: crypto.randomUUID(),
            customerId: toValue(customerId),
            companyName: toValue(companyName),
            confirmation: JSON.parse(JSON.stringify(confirmation)) as EvidenceConfirmation,
            fileName: file.name,
            mediaType: evidenceMediaType(file.name),
            size: bytes.byteLength,
            sha256: await sha256Hex(bytes),
            addedBy: { name: user.userName, objectId: user.userId },
            addedAt: Date.now(),
          },
          bytes,
        );
        added += 1;
      }
      status.value = t('evidence.added', { count: added }, added);
    } catch (error) {
      status.value = null;
      problems.value = [...problems.value, error instanceof Error ? error.message : String(error)];
    } finally {
      busy.value = false;
    }
  }

  async function remove(row: EvidenceRow): Promise<void> {
    const user = session.user;
    if (!user) return;
    problems.value = [];
    try {
      if (await repository().remove(row.id, user.userName, Date.now())) status.value = t('evidence.removed', { name: row.fileName });
    } catch (error) {
      problems.value = [error instanceof Error ? error.message : String(error)];
    }
  }

  async function exportPack(): Promise<void> {
    const user = session.user;
    if (!user || busy.value) return;
    busy.value = true;
    status.value = null;
    problems.value = [];
    try {
      status.value = await exportEvidencePack([toValue(customerId)], user.userName, t, (next) => (progress.value = next));
    } catch (error) {
      problems.value = [error instanceof Error ? error.message : String(error)];
    } finally {
      busy.value = false;
      progress.value = null;
    }
  }

  return { rows, status, problems, busy, progress, add, remove, exportPack, hasAny: computed(() => rows.value.length > 0) };
}
