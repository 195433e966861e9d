/**
 * The confirmations of a customer that evidence can be added to: what the backend recorded (the
 * history's "recorded" entries), newest first, with the ids the manifest names.
 */
import { MCA_TYPE, type AgreementRecord } from '../../../shared/domain/agreement';
import { mergeHistory } from '../domain/history';
import type { OutboxItem } from '../outbox/item';
import type { EvidenceConfirmation } from './evidence-row';

export function evidenceConfirmations(records: readonly AgreementRecord[], items: readonly OutboxItem[]): EvidenceConfirmation[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const mcaRecords = records.filter((record) => record.type === MCA_TYPE);
  return mergeHistory(records, items)
    .filter((entry) => entry.state === 'recorded')
    .map((entry): EvidenceConfirmation => {
      const item = byId.get(entry.key);
      const record = entry.key.startsWith('backend-') ? mcaRecords[Number(entry.key.slice('backend-'.length))] : undefined;
      const attestationId = item?.enhanced?.attestation?.id ?? record?.attestationId;
      return {
        key: entry.key,
        day: entry.day,
        signer: entry.contact,
        source: attestationId || item?.enhanced ? 'acceptance-link' : 'partner-attestation',
        ...(item ? { requestId: item.id } : {}),
        ...(attestationId ? { attestationId } : {}),
        recordedBy: entry.who,
      };
    })
    .reverse();
}
