// @vitest-environment node
/** The audit journal on disk: append-only JSON Lines, user-only, readable after a torn last line, refusing a record that is not one. */
import { mkdtemp, readFile, rm, stat, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_FILE_NAME, FileAuditJournal, type AuditRecord } from '../../../../electron/host/audit/journal';

const record = (n: number): AuditRecord => ({
  at: new Date(Date.UTC(2026, 11, 3, 12, 0, n)).toISOString(),
  action: 'attestation.create',
  agent: { name: 'admin@contoso.example', objectId: '3d6f2c09-eb40-48ca-a4b3-d24c9c007531' },
  backend: 'sandbox',
  customerId: '14876998-c0dc-46e6-9d0c-65a57a6c32ec',
  requestId: `5b3f1a7e-2d4c-4e8f-9a1b-3c5d7e9f0a${String(n).padStart(2, '0')}`,
  outcome: 'created',
  sent: true,
});

describe('the audit journal file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mca-audit-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('appends one line per record, in order, even when appends race, and keeps the file user-only', async () => {
    const journal = FileAuditJournal.inDataDir(dir);
    await Promise.all(Array.from({ length: 30 }, (_, n) => journal.append(record(n))));
    const lines = (await readFile(join(dir, AUDIT_FILE_NAME), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(30);
    expect(lines.map((line) => (JSON.parse(line) as AuditRecord).requestId)).toEqual(
      Array.from({ length: 30 }, (_, n) => record(n).requestId),
    );
    if (process.platform !== 'win32') expect((await stat(join(dir, AUDIT_FILE_NAME))).mode & 0o777).toBe(0o600);
    // A new journal on the same folder (a restart) reads them all and adds after them.
    const again = FileAuditJournal.inDataDir(dir);
    await again.append(record(30));
    expect((await again.list()).map((entry) => entry.requestId)).toEqual(Array.from({ length: 31 }, (_, n) => record(n).requestId));
    expect((await again.list({ limit: 2 })).map((entry) => entry.requestId)).toEqual([record(29).requestId, record(30).requestId]);
  });

  it('skips a line cut short by a crash and refuses to write what is not a record', async () => {
    await FileAuditJournal.inDataDir(dir).append(record(1));
    await appendFile(join(dir, AUDIT_FILE_NAME), '{"at":"2026-12-03T12:00:02.000Z","action":"attest');
    // The app restarts after the crash: its first record starts on a line of its own.
    const journal = FileAuditJournal.inDataDir(dir);
    await journal.append(record(3));
    expect((await journal.list()).map((entry) => entry.requestId)).toEqual([record(1).requestId, record(3).requestId]);
    await expect(journal.append({ ...record(4), action: 'delete-everything' } as unknown as AuditRecord)).rejects.toThrow();
    await expect(journal.append({ ...record(5), token: 'eyJ…' } as unknown as AuditRecord)).resolves.toBeUndefined();
    // Unknown fields (a token put there by mistake) are never written.
    expect(await readFile(join(dir, AUDIT_FILE_NAME), 'utf8')).not.toContain('eyJ');
    expect(await FileAuditJournal.inDataDir(join(dir, 'nothing-yet')).list()).toEqual([]);
  });
});
