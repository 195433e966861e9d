/**
 * The Audit screen's logic, without Vue: the filter over the local audit log (every entry in memory,
 * so a filter over 100,000 entries is one pass), and the CSV / JSON Lines exports of what is shown.
 */
import { addDays, formatISO, parseISO } from 'date-fns';
import { escapeCell, toCsv } from '../bulk/csv-cells';
import type { AuditEntry, AuditKind } from '../outbox/item';

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

export interface AuditFilter {
  /** Customer name or tenant id, any part, any case. */
  customer: string;
  /** Exact agent sign-in name; empty for all. */
  actor: string;
  /** Exact action; empty for all. */
  kind: AuditKind | '';
  /** Inclusive local calendar days (YYYY-MM-DD); empty for open-ended. */
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTER: AuditFilter = { customer: '', actor: '', kind: '', from: '', to: '' };

/** The entries that match, newest first. `nameOf` answers a customer's company name (or undefined). */
export function filterAudit(
  entries: readonly AuditEntry[],
  filter: AuditFilter,
  nameOf: (customerId: string) => string | undefined,
): AuditEntry[] {
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
  const result: AuditEntry[] = [];
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
export function actorsOf(entries: readonly AuditEntry[]): string[] {
  return [...new Set(entries.map((entry) => entry.actor))].sort();
}

export const AUDIT_COLUMNS = ['seq', 'atUtc', 'atLocal', 'action', 'agent', 'customerId', 'companyName', 'itemId', 'detail'] as const;

function exportRecord(entry: AuditEntry, nameOf: (customerId: string) => string | undefined) {
  const at = new Date(entry.at);
  return {
    seq: entry.seq ?? null,
    atUtc: at.toISOString(),
    // "2026-12-04T21:05:00+01:00": the moment as the agent's clock showed it.
    atLocal: formatISO(at),
    action: entry.kind,
    agent: entry.actor,
    customerId: entry.customerId,
    companyName: nameOf(entry.customerId) ?? '',
    itemId: entry.itemId,
    detail: entry.detail ?? '',
  };
}

export function auditCsv(entries: readonly AuditEntry[], nameOf: (customerId: string) => string | undefined): string {
  return toCsv(
    AUDIT_COLUMNS,
    entries.map((entry) => {
      const record = exportRecord(entry, nameOf);
      return AUDIT_COLUMNS.map((column) => escapeCell(String(record[column] ?? '')));
    }),
  );
}

export function auditJsonLines(entries: readonly AuditEntry[], nameOf: (customerId: string) => string | undefined): string {
  return entries.map((entry) => JSON.stringify(exportRecord(entry, nameOf))).join('\n') + (entries.length ? '\n' : '');
}
