// @vitest-environment node
/** Reading the main process's audit journal a page at a time: stable ids, a cursor that resumes, torn lines skipped, the machine stamped. */
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_FILE_NAME, FileAuditJournal, MemoryAuditJournal, type AuditRecord } from '../../../../electron/host/audit/journal';
import { readJournalPage } from '../../../../electron/host/audit/journal-page';

const record = (n: number): AuditRecord => ({
  at: new Date(Date.UTC(2026, 11, 3, 12, 0, n)).toISOString(),
  action: 'attestation.create',
  agent: { name: 'admin@contoso.example', objectId: '3d6f2c09-eb40-48ca-a4b3-d24c9c007531' },
  backend: 'sandbox',
  requestId: `req-${n}`,
  outcome: 'created',
  sent: true,
});

async function readAll(journal: FileAuditJournal | MemoryAuditJournal, limit: number, after = 0) {
  const seen: { id: number; record: AuditRecord }[] = [];
  for (let cursor = after, guard = 0; guard < 1000; guard += 1) {
    const page = await journal.page(cursor, limit);
    seen.push(...page.entries);
    cursor = page.next;
    if (page.done) return { seen, cursor };
  }
  throw new Error('the cursor never finished');
}

describe('the audit journal, page by page', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mca-audit-page-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('answers every record once across pages, each with its byte offset as id, and resumes after new appends', async () => {
    const journal = new FileAuditJournal(join(dir, AUDIT_FILE_NAME), 'DESK-07');
    for (let n = 0; n < 7; n += 1) await journal.append(record(n));
    const first = await readAll(journal, 3);
    expect(first.seen.map((entry) => entry.record.requestId)).toEqual([0, 1, 2, 3, 4, 5, 6].map((n) => `req-${n}`));
    const text = await readFile(join(dir, AUDIT_FILE_NAME), 'utf8');
    expect(first.seen.map((entry) => entry.id)).toEqual(
      text
        .split('\n')
        .slice(0, 7)
        .map((_, index, lines) => Buffer.byteLength(lines.slice(0, index).join('\n')) + (index ? 1 : 0)),
    );
    expect(first.seen.every((entry) => entry.record.machine === 'DESK-07')).toBe(true);
    // Nothing new: the same cursor, no record again.
    expect(await journal.page(first.cursor, 3)).toEqual({ entries: [], next: first.cursor, done: true });
    await journal.append(record(7));
    const second = await readAll(journal, 3, first.cursor);
    expect(second.seen.map((entry) => entry.record.requestId)).toEqual(['req-7']);
    // A restarted journal gives the same ids.
    const again = await readAll(new FileAuditJournal(join(dir, AUDIT_FILE_NAME), 'DESK-07'), 100);
    expect(again.seen.map((entry) => entry.id)).toEqual([...first.seen, ...second.seen].map((entry) => entry.id));
  });

  it('skips a line cut short by a crash and leaves an unfinished last line for later', async () => {
    const file = join(dir, AUDIT_FILE_NAME);
    const journal = new FileAuditJournal(file, 'DESK-07');
    await journal.append(record(0));
    await appendFile(file, '{"at":"2026-12-03T12:00:01.000Z","action":"attest');
    const before = await readAll(journal, 10);
    expect(before.seen.map((entry) => entry.record.requestId)).toEqual(['req-0']);
    // After the crash, a new journal (the restarted app) appends on a line of its own.
    const restarted = new FileAuditJournal(file, 'DESK-07');
    await restarted.append(record(2));
    const after = await readAll(restarted, 10, before.cursor);
    expect(after.seen.map((entry) => entry.record.requestId)).toEqual(['req-2']);
  });

  it('keeps an older line without a machine as it is', async () => {
    const file = join(dir, AUDIT_FILE_NAME);
    await appendFile(file, `${JSON.stringify(record(0))}\n`);
    const { seen } = await readAll(new FileAuditJournal(file, 'DESK-07'), 10);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.record.machine).toBeUndefined();
  });

  it('steps over a chunk with no line end at all instead of stalling', async () => {
    const file = join(dir, 'garbage.jsonl');
    await appendFile(file, `${'x'.repeat(64)}\n${JSON.stringify(record(1))}\n`);
    const parse = (line: string) => {
      try {
        return JSON.parse(line) as AuditRecord;
      } catch {
        return undefined;
      }
    };
    const first = await readJournalPage(file, 0, 10, parse, 32);
    expect(first).toMatchObject({ entries: [], next: 32, done: false });
  });

  it('pages the memory journal by index the same way', async () => {
    const journal = new MemoryAuditJournal('DESK-07');
    for (let n = 0; n < 5; n += 1) await journal.append(record(n));
    const { seen, cursor } = await readAll(journal, 2);
    expect(seen.map((entry) => entry.id)).toEqual([0, 1, 2, 3, 4]);
    expect(cursor).toBe(5);
    expect(journal.records[0]!.machine).toBe('DESK-07');
  });
});
