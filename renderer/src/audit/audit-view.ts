/**
 * The Audit screen's logic, without Vue: the filter over the audit rows (the local log and main's
 * journal, audit-rows.ts; every row in memory, so a filter over 100,000 entries is one pass), and the
 * CSV / JSON Lines exports of what is shown.
 */
import { addDays, formatISO, parseISO } from 'date-fns';
import { hostAuditActionSchema, type HostAuditAction } from '../../../shared/ipc/host-audit';
import { escapeCell, toCsv } from '../bulk/csv-cells';
import type { AuditKind } from '../outbox/item';
import { isHostRow, sourceOf, type AuditRow } from './audit-rows';

/** Every action, in the order the filter offers them (a Record, so a new kind must be listed here). */
const KIND_ORDER: Record<AuditKind, number> = {
  queued: 0,
  sending: 1,
  retry: 2,
  'auth-required': 3,
  'lease-recovered': 4,
  'stale-result': 5,
  confirmed: 6,
  failed: 7,
  'legacy-retired': 8,
  'link-ready': 9,
  'link-sent': 10,
  checked: 11,
  accepted: 12,
  'link-expired': 13,
  replaced: 14,
  discarded: 15,
  'evidence-added': 16,
  'evidence-removed': 17,
  'evidence-exported': 18,
  'csv-imported': 19,
  'csv-exported': 20,
  'audit-exported': 21,
  'credentials-sent': 22,
  'signed-in': 23,
  'signed-out': 24,
};
export const AUDIT_KINDS = (Object.keys(KIND_ORDER) as AuditKind[]).sort((a, b) => KIND_ORDER[a] - KIND_ORDER[b]);
/** The main process's actions, offered after the renderer's. */
export const HOST_AUDIT_KINDS: readonly HostAuditAction[] = hostAuditActionSchema.options;
export type AuditRowKind = AuditKind | HostAuditAction;

export interface AuditFilter {
  /** Customer name or tenant id, any part, any case. */
  customer: string;
  /** Exact agent sign-in name; empty for all. */
  actor: string;
  /** Exact action; empty for all. */
  kind: AuditRowKind | '';
  /** Inclusive local calendar days (YYYY-MM-DD); empty for open-ended. */
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTER: AuditFilter = { customer: '', actor: '', kind: '', from: '', to: '' };

/** The rows that match, newest first. `nameOf` answers a customer's company name (or undefined). */
export function filterAudit<Row extends AuditRow>(
  entries: readonly Row[],
  filter: AuditFilter,
  nameOf: (customerId: string) => string | undefined,
): Row[] {
  const needle = filter.customer.trim().toLowerCase();
  // A date-only ISO day parses as local midnight; `to` is inclusive, so it ends at the next midnight.
  const from = filter.from ? parseISO(filter.from).getTime() : -Infinity;
  const to = filter.to ? addDays(parseISO(filter.to), 1).getTime() : Infinity;
  const matchesCustomer = needle
    ? (() => {
        // Resolve each customer once: many entries share one.
        const verdicts = new Map<string, boolean>();
        return (customerId: string) => {
          let verdict = verdicts.get(customerId);
          if (verdict === undefined) {
            verdict = customerId.toLowerCase().includes(needle) || (nameOf(customerId)?.toLowerCase().includes(needle) ?? false);
            verdicts.set(customerId, verdict);
          }
          return verdict;
        };
      })()
    : () => true;
  const result: Row[] = [];
  for (let index = entries.length - 1; index >= 0; index -= 1) {
    const entry = entries[index]!;
    if (entry.at < from || entry.at >= to) continue;
    if (filter.kind && entry.kind !== filter.kind) continue;
    if (filter.actor && entry.actor !== filter.actor) continue;
    if (!matchesCustomer(entry.customerId)) continue;
    result.push(entry);
  }
  return result;
}

/** Every agent in the log, sorted. */
export function actorsOf(entries: readonly AuditRow[]): string[] {
  return [...new Set(entries.map((entry) => entry.actor))].filter(Boolean).sort();
}

export const AUDIT_COLUMNS = [
  'source',
  'seq',
  'atUtc',
  'atLocal',
  'action',
  'agent',
  'agentObjectId',
  'machine',
  'customerId',
  'companyName',
  'itemId',
  'requestId',
  'attestationId',
  'answer',
  'sent',
  'detail',
] as const;

function exportRecord(entry: AuditRow, nameOf: (customerId: string) => string | undefined) {
  const at = new Date(entry.at);
  const host = isHostRow(entry) ? entry : undefined;
  const local = isHostRow(entry) ? undefined : entry;
  return {
    source: sourceOf(entry),
    // The renderer's seq, or main's journal id: each unique within its source.
    seq: host ? host.id : (local?.seq ?? null),
    atUtc: at.toISOString(),
    // "2026-12-04T21:05:00+01:00": the moment as the agent's clock showed it.
    atLocal: formatISO(at),
    action: entry.kind,
    agent: entry.actor,
    agentObjectId: host?.actorObjectId ?? null,
    // Null (an empty cell) for entries from before the machine was kept.
    machine: entry.machine ?? null,
    customerId: entry.customerId,
    companyName: nameOf(entry.customerId) ?? '',
    itemId: entry.itemId,
    requestId: host?.requestId ?? null,
    attestationId: host?.attestationId ?? null,
    answer: host?.answer ?? null,
    sent: host ? host.sent : null,
    detail: local?.detail ?? '',
  };
}

export function auditCsv(entries: readonly AuditRow[], nameOf: (customerId: string) => string | undefined): string {
  return toCsv(
    AUDIT_COLUMNS,
    entries.map((entry) => {
      const record = exportRecord(entry, nameOf);
      return AUDIT_COLUMNS.map((column) => escapeCell(String(record[column] ?? '')));
    }),
  );
}

export function auditJsonLines(entries: readonly AuditRow[], nameOf: (customerId: string) => string | undefined): string {
  return entries.map((entry) => JSON.stringify(exportRecord(entry, nameOf))).join('\n') + (entries.length ? '\n' : '');
}
