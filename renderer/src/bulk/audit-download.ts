/** Downloads audit entries as CSV or JSON Lines and records the export itself; answers the file's name. */
import { auditCsv, auditJsonLines } from '../audit/audit-view';
import type { AuditRow } from '../audit/audit-rows';
import { recordAgentAction } from '../stores/agent-actions';
import { downloadText, todaysFileName } from './download';

export async function downloadAudit(
  entries: readonly AuditRow[],
  kind: 'csv' | 'jsonl',
  nameOf: (customerId: string) => string | undefined,
): Promise<string> {
  const file = todaysFileName('mca-audit', kind);
  if (kind === 'csv') downloadText(file, auditCsv(entries, nameOf));
  else downloadText(file, auditJsonLines(entries, nameOf), 'application/jsonl;charset=utf-8');
  await recordAgentAction('audit-exported', { detail: `${file}: ${entries.length} entries` });
  return file;
}
