import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_COLUMNS,
  AUDIT_KINDS,
  actorsOf,
  auditCsv,
  auditJsonLines,
  EMPTY_AUDIT_FILTER,
  filterAudit,
} from '../../../../renderer/src/audit/audit-view';
import type { AuditEntry } from '../../../../renderer/src/outbox/item';

const ADATUM = '14876998-c0dc-46e6-9d0c-65a57a6c32ec';
const FOURTH = 'f1b0c2d3-0000-4000-8000-000000000001';
const names: Record<string, string> = { [ADATUM]: 'Adatum Corporation', [FOURTH]: 'Fourth Coffee' };
const nameOf = (id: string) => names[id];
const at = (day: string, hour = 12) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00`).getTime();

const entries: AuditEntry[] = [
  { seq: 1, at: at('2026-12-01'), kind: 'queued', itemId: 'a', customerId: ADATUM, actor: 'admin@contoso.example' },
  { seq: 2, at: at('2026-12-01', 13), kind: 'confirmed', itemId: 'a', customerId: ADATUM, actor: 'admin@contoso.example' },
  {
    seq: 3,
    at: at('2026-12-02'),
    kind: 'queued',
    itemId: 'b',
    customerId: FOURTH,
    actor: 'sales@contoso.example',
    detail: '=HYPERLINK("x")',
  },
  { seq: 4, at: at('2026-12-03', 23), kind: 'evidence-added', itemId: 'e', customerId: FOURTH, actor: 'sales@contoso.example' },
];

describe('the audit view', () => {
  it('filters by customer name or id, agent, action and inclusive local days, newest first', () => {
    const seqs = (filter: Partial<typeof EMPTY_AUDIT_FILTER>) =>
      filterAudit(entries, { ...EMPTY_AUDIT_FILTER, ...filter }, nameOf).map((e) => e.seq);
    expect(seqs({})).toEqual([4, 3, 2, 1]);
    expect(seqs({ customer: 'adatum' })).toEqual([2, 1]);
    expect(seqs({ customer: 'F1B0C2D3' })).toEqual([4, 3]);
    expect(seqs({ actor: 'sales@contoso.example' })).toEqual([4, 3]);
    expect(seqs({ kind: 'queued' })).toEqual([3, 1]);
    expect(seqs({ from: '2026-12-02' })).toEqual([4, 3]);
    expect(seqs({ to: '2026-12-01' })).toEqual([2, 1]);
    expect(seqs({ from: '2026-12-03', to: '2026-12-03' })).toEqual([4]);
    expect(seqs({ customer: 'nobody' })).toEqual([]);
    expect(actorsOf(entries)).toEqual(['admin@contoso.example', 'sales@contoso.example']);
  });

  it('offers every action once', () => {
    expect(new Set(AUDIT_KINDS).size).toBe(AUDIT_KINDS.length);
    expect(AUDIT_KINDS).toContain('evidence-removed');
  });

  it('exports CSV (formula cells escaped) and JSON Lines with UTC and local time and the company name', () => {
    const csv = Papa.parse<string[]>(
      auditCsv(entries, nameOf)
        .replace(/^\uFEFF/, '')
        .trim(),
    ).data;
    expect(csv[0]).toEqual([...AUDIT_COLUMNS]);
    expect(csv).toHaveLength(5);
    const row3 = csv[3]!;
    expect(row3[AUDIT_COLUMNS.indexOf('companyName')]).toBe('Fourth Coffee');
    expect(row3[AUDIT_COLUMNS.indexOf('detail')]).toBe(`'=HYPERLINK("x")`);
    const lines = auditJsonLines(entries, nameOf)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ seq: 1, action: 'queued', agent: 'admin@contoso.example', companyName: 'Adatum Corporation' });
    expect(new Date(lines[0].atUtc).getTime()).toBe(entries[0]!.at);
    expect(new Date(lines[0].atLocal).getTime()).toBe(entries[0]!.at);
    expect(auditJsonLines([], nameOf)).toBe('');
  });
});
