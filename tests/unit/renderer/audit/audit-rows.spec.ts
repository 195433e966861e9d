/**
 * The Audit screen's two sources in one list: main's journal records mapped to rows (agent, machine,
 * request and attestation ids, the backend's answer), merged by time with the renderer's entries,
 * each record kept once however often it is read, and both sources (with the machine) in the exports.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { mergeAuditRows, rowKey, sourceOf, type AuditRow } from '../../../../renderer/src/audit/audit-rows';
import { HostRowBook, toHostRow } from '../../../../renderer/src/audit/host-rows';
import {
  AUDIT_COLUMNS,
  actorsOf,
  auditCsv,
  auditJsonLines,
  EMPTY_AUDIT_FILTER,
  filterAudit,
} from '../../../../renderer/src/audit/audit-view';
import { machineLabel } from '../../../../renderer/src/audit/machine-name';
import type { AuditEntry } from '../../../../renderer/src/outbox/item';
import type { HostAuditRecord } from '../../../../shared/ipc/host-audit';

const CUSTOMER = '14876998-c0dc-46e6-9d0c-65a57a6c32ec';
const ADMIN = { name: 'admin@contoso.example', objectId: '3d6f2c09-eb40-48ca-a4b3-d24c9c007531' };
const nameOf = (id: string) => (id === CUSTOMER ? 'Adatum Corporation' : undefined);
const t = (second: number) => Date.UTC(2026, 11, 4, 10, 0, second);

const app: AuditEntry[] = [
  { seq: 1, at: t(0), kind: 'queued', itemId: 'item-1', customerId: CUSTOMER, actor: ADMIN.name, machine: 'DESK-07' },
  { seq: 2, at: t(2), kind: 'link-ready', itemId: 'item-1', customerId: CUSTOMER, actor: ADMIN.name, machine: 'DESK-07' },
  // Recorded before the machine was kept.
  { seq: 3, at: t(5), kind: 'signed-out', itemId: '', customerId: '', actor: ADMIN.name },
];

const record = (id: number, second: number, extra: Partial<HostAuditRecord> = {}): HostAuditRecord => ({
  id,
  at: new Date(t(second)).toISOString(),
  action: 'attestation.create',
  agent: ADMIN,
  backend: 'sandbox',
  customerId: CUSTOMER,
  requestId: 'item-1',
  attestationId: 'att-9',
  outcome: 'created',
  sent: true,
  machine: 'DESK-07',
  ...extra,
});

describe("main's journal on the Audit screen", () => {
  it('maps a record to a row with its agent, machine, ids and the answer with its code', () => {
    expect(toHostRow(record(0, 1))).toEqual({
      source: 'main',
      id: 0,
      at: t(1),
      kind: 'attestation.create',
      actor: ADMIN.name,
      actorObjectId: ADMIN.objectId,
      customerId: CUSTOMER,
      itemId: '',
      requestId: 'item-1',
      attestationId: 'att-9',
      answer: 'created',
      sent: true,
      machine: 'DESK-07',
    });
    const refused = toHostRow(
      record(120, 3, { action: 'attestation.finalise', outcome: 'failed', code: 'role-not-permitted', sent: false, machine: undefined }),
    );
    expect(refused).toMatchObject({ answer: 'failed role-not-permitted', sent: false });
    expect(refused.machine).toBeUndefined();
    const credential = toHostRow({ ...record(300, 4, { action: 'app-credential.set', outcome: 'certificate' }), customerId: undefined });
    expect(credential).toMatchObject({ customerId: '', kind: 'app-credential.set', answer: 'certificate' });
  });

  it("merges both sources into one time line, the renderer's row first at equal times, each row keyed by source", () => {
    const main = [toHostRow(record(0, 1)), toHostRow(record(97, 2, { action: 'attestation.read', outcome: 'pending' }))];
    const merged = mergeAuditRows(app, main);
    expect(merged.map((row) => `${sourceOf(row)}:${row.kind}`)).toEqual([
      'app:queued',
      'main:attestation.create',
      'app:link-ready',
      'main:attestation.read',
      'app:signed-out',
    ]);
    expect(new Set(merged.map(rowKey)).size).toBe(merged.length);
    // Without main rows nothing is copied: the screen keeps the renderer's array.
    expect(mergeAuditRows(app, [])).toBe(app);
  });

  it('keeps each journal record once, however often a page is read again', () => {
    const book = new HostRowBook();
    expect(book.add([record(0, 1), record(97, 2)], 194).map((row) => row.id)).toEqual([0, 97]);
    expect(book.add([record(97, 2), record(194, 3)], 291).map((row) => row.id)).toEqual([194]);
    expect(book.add([], 100)).toEqual([]);
    expect(book.cursor).toBe(291);
  });

  it('filters and exports both sources: source, machine ("—" or empty for old entries), request and attestation ids, answer', () => {
    const rows: readonly AuditRow[] = mergeAuditRows(app, [toHostRow(record(0, 1))]);
    expect(filterAudit(rows, { ...EMPTY_AUDIT_FILTER, kind: 'attestation.create' }, nameOf).map(rowKey)).toEqual(['main:0']);
    expect(filterAudit(rows, { ...EMPTY_AUDIT_FILTER, customer: 'adatum' }, nameOf).map(rowKey)).toEqual(['app:2', 'main:0', 'app:1']);
    expect(actorsOf(rows)).toEqual([ADMIN.name]);
    expect(machineLabel(app[2]!.machine)).toBe('—');
    expect(machineLabel(app[0]!.machine)).toBe('DESK-07');

    const csv = Papa.parse<string[]>(
      auditCsv(rows, nameOf)
        .replace(/^\uFEFF/, '')
        .trim(),
    ).data;
    expect(csv[0]).toEqual([...AUDIT_COLUMNS]);
    const column = (name: (typeof AUDIT_COLUMNS)[number]) => csv.slice(1).map((row) => row[AUDIT_COLUMNS.indexOf(name)]);
    expect(column('source')).toEqual(['app', 'main', 'app', 'app']);
    expect(column('machine')).toEqual(['DESK-07', 'DESK-07', 'DESK-07', '']);
    expect(column('requestId')).toEqual(['', 'item-1', '', '']);
    expect(column('attestationId')).toEqual(['', 'att-9', '', '']);
    expect(column('answer')).toEqual(['', 'created', '', '']);
    expect(column('agentObjectId')).toEqual(['', ADMIN.objectId, '', '']);

    const lines = auditJsonLines(rows, nameOf)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[1]).toMatchObject({
      source: 'main',
      seq: 0,
      action: 'attestation.create',
      machine: 'DESK-07',
      requestId: 'item-1',
      sent: true,
    });
    expect(lines[3]).toMatchObject({ source: 'app', machine: null, requestId: null });
  });
});
