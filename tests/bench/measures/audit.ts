/**
 * The Audit screen's filter at `entries` entries (generated: 2,000 customers, 12 agents, every
 * action, a year of moments), p95 over a round of realistic filters (customer text, agent, action,
 * a date range, all four). Baseline in the same run: one `Array.filter` on the action alone, the
 * least any filter must do.
 */
import { performance } from 'node:perf_hooks';
import { AUDIT_KINDS, EMPTY_AUDIT_FILTER, filterAudit, type AuditFilter } from '../../../renderer/src/audit/audit-view';
import type { AuditEntry } from '../../../renderer/src/outbox/item';
import { round } from '../report';

export interface AuditOutcome {
  entries: number;
  p95Ms: number;
  baselineP95Ms: number;
  filters: number;
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
}

export function measureAuditFilter(options: { entries: number; rounds: number; log: (message: string) => void }): AuditOutcome {
  options.log(`Audit filter at ${options.entries} entries…`);
  const start = Date.UTC(2026, 0, 1);
  const names = new Map<string, string>();
  for (let index = 0; index < 2_000; index += 1) names.set(`customer-${index}`, `Company ${index} B.V.`);
  const entries: AuditEntry[] = Array.from({ length: options.entries }, (_, index) => ({
    seq: index + 1,
    at: start + index * Math.floor((365 * 24 * 3_600_000) / options.entries),
    kind: AUDIT_KINDS[index % AUDIT_KINDS.length]!,
    itemId: `item-${Math.floor(index / 4)}`,
    customerId: `customer-${(index * 7) % 2_000}`,
    actor: `agent${index % 12}@contoso.example`,
    ...(index % 3 === 0 ? { detail: `attempt ${index % 5}` } : {}),
  }));
  const nameOf = (id: string) => names.get(id);
  const filters: AuditFilter[] = [
    { ...EMPTY_AUDIT_FILTER, customer: 'company 1' },
    { ...EMPTY_AUDIT_FILTER, actor: 'agent3@contoso.example' },
    { ...EMPTY_AUDIT_FILTER, kind: 'confirmed' },
    { ...EMPTY_AUDIT_FILTER, from: '2026-03-01', to: '2026-05-31' },
    { customer: '42', actor: 'agent5@contoso.example', kind: 'queued', from: '2026-02-01', to: '2026-11-30' },
    { ...EMPTY_AUDIT_FILTER },
  ];
  const samples: number[] = [];
  const baseline: number[] = [];
  for (let round_ = 0; round_ < options.rounds; round_ += 1) {
    for (const filter of filters) {
      const began = performance.now();
      filterAudit(entries, filter, nameOf);
      samples.push(performance.now() - began);
      const kind = AUDIT_KINDS[round_ % AUDIT_KINDS.length];
      const baseBegan = performance.now();
      entries.filter((entry) => entry.kind === kind);
      baseline.push(performance.now() - baseBegan);
    }
  }
  return { entries: options.entries, p95Ms: round(p95(samples), 2), baselineP95Ms: round(p95(baseline), 2), filters: samples.length };
}
