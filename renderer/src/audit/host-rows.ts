/**
 * Main's journal records (as the IPC contract delivers them, parsed by the host's dispatcher) as
 * rows of the Audit screen, and the reader's bookkeeping that keeps each record once.
 */
import type { HostAuditRecord } from '../../../shared/ipc/host-audit';
import type { HostAuditRow } from './audit-rows';

export function toHostRow(record: HostAuditRecord): HostAuditRow {
  const at = Date.parse(record.at);
  return {
    source: 'main',
    id: record.id,
    at: Number.isNaN(at) ? 0 : at,
    kind: record.action,
    actor: record.agent?.name ?? '',
    actorObjectId: record.agent?.objectId ?? '',
    customerId: record.customerId ?? '',
    itemId: '',
    ...(record.requestId ? { requestId: record.requestId } : {}),
    ...(record.attestationId ? { attestationId: record.attestationId } : {}),
    answer: record.code === undefined ? record.outcome : `${record.outcome} ${record.code}`,
    sent: record.sent,
    ...(record.machine ? { machine: record.machine } : {}),
  };
}

/** The rows read so far and where the next page starts; `add` takes a page and answers the rows new to it. */
export class HostRowBook {
  private readonly ids = new Set<number>();
  cursor = 0;

  add(records: readonly HostAuditRecord[], next: number): HostAuditRow[] {
    const fresh: HostAuditRow[] = [];
    for (const record of records) {
      if (this.ids.has(record.id)) continue;
      this.ids.add(record.id);
      fresh.push(toHostRow(record));
    }
    this.cursor = Math.max(this.cursor, next);
    return fresh;
  }
}
