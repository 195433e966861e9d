/**
 * The local audit journal of the main process: one line per enhanced attestation call (who, which
 * request and attestation, what the answer was), since AppOnly tokens carry no user and MCA Desk's own
 * record is the only one that says which agent acted. Append-only JSON Lines in the data folder
 * (`audit.jsonl`, user-only permissions); never a token, a secret or a request body. The Audit
 * screen reads it a page at a time through `page` (journal-page.ts), after a cursor.
 */
import { appendFile, chmod, mkdir, open, readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { readJournalPage, type JournalPage } from './journal-page';

export const auditActions = [
  'attestation.create',
  'attestation.read',
  'attestation.finalise',
  'app-credential.set',
  'app-credential.remove',
] as const;

export const auditRecordSchema = z.object({
  at: z.string(),
  action: z.enum(auditActions),
  /** The signed-in agent: sign-in name and object id (null when nobody was signed in). */
  agent: z.object({ name: z.string(), objectId: z.string() }).nullable(),
  backend: z.enum(['sandbox', 'partner-center']),
  customerId: z.string().optional(),
  /** `MS-RequestId` of the call, when one was sent or would have been. */
  requestId: z.string().optional(),
  attestationId: z.string().optional(),
  /** The answer: the outcome's status (`created`, `confirmed`, `retry`, `failed`, `auth-required`, `refused`, `read`, …) and the backend's code or HTTP status. */
  outcome: z.string(),
  code: z.union([z.string(), z.number()]).optional(),
  /** Whether the call reached the backend (false: refused here, by the role gate or for want of a credential). */
  sent: z.boolean(),
  /** The computer this main process ran on (the journal stamps it; older lines have none). */
  machine: z.string().max(255).optional(),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

export interface AuditJournal {
  /** Appends one record; resolves once it is on disk. */
  append(record: AuditRecord): Promise<void>;
  /** The records, oldest first (the newest `limit` when given). A torn last line (a crash mid-write) is skipped. */
  list(options?: { limit?: number }): Promise<AuditRecord[]>;
  /** At most `limit` records after the cursor `after` (0: the start), each with an id that stays its own. */
  page(after: number, limit: number): Promise<JournalPage<AuditRecord>>;
}

export const AUDIT_FILE_NAME = 'audit.jsonl';

export class FileAuditJournal implements AuditJournal {
  private queue: Promise<unknown> = Promise.resolve();
  /** Whether this journal checked that the file ends with a whole line (a crash may have cut the last one). */
  private tailChecked = false;

  constructor(
    private readonly file: string,
    private readonly machine: string = hostname(),
  ) {}

  static inDataDir(dataDir: string): FileAuditJournal {
    return new FileAuditJournal(join(dataDir, AUDIT_FILE_NAME));
  }

  append(record: AuditRecord): Promise<void> {
    const parsed = auditRecordSchema.safeParse({ machine: this.machine, ...record });
    if (!parsed.success)
      return Promise.reject(new Error(`Not an audit record: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`));
    const line = `${JSON.stringify(parsed.data)}\n`;
    // One write at a time, so lines never interleave.
    const write = this.queue.then(async () => {
      await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
      // After a torn last line, start on a line of our own, so this record is not glued to the fragment.
      const prefix = this.tailChecked || (await endsWithWholeLine(this.file)) ? '' : '\n';
      await appendFile(this.file, prefix + line, { encoding: 'utf8', mode: 0o600 });
      this.tailChecked = true;
      await chmod(this.file, 0o600).catch(() => undefined);
    });
    this.queue = write.catch(() => undefined);
    return write;
  }

  async list(options: { limit?: number } = {}): Promise<AuditRecord[]> {
    await this.queue;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return newest(parseLines(text), options.limit);
  }

  async page(after: number, limit: number): Promise<JournalPage<AuditRecord>> {
    await this.queue;
    return readJournalPage(this.file, after, limit, parseRecord);
  }
}

/** For tests and `--memory` runs: the same records, kept in memory. */
export class MemoryAuditJournal implements AuditJournal {
  readonly records: AuditRecord[] = [];

  constructor(private readonly machine: string = hostname()) {}

  async append(record: AuditRecord): Promise<void> {
    this.records.push(auditRecordSchema.parse({ machine: this.machine, ...record }));
  }

  async list(options: { limit?: number } = {}): Promise<AuditRecord[]> {
    return newest([...this.records], options.limit);
  }

  /** Cursors are indices here: a record's id is its place in the list. */
  async page(after: number, limit: number): Promise<JournalPage<AuditRecord>> {
    const slice = this.records.slice(after, after + limit);
    const next = after + slice.length;
    return { entries: slice.map((record, index) => ({ id: after + index, record })), next, done: next >= this.records.length };
  }
}

async function endsWithWholeLine(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    await handle.close();
  }
}

/** One line as a record, or undefined for a line cut short by a crash (skipped: the rest stays readable). */
function parseRecord(line: string): AuditRecord | undefined {
  if (line.trim() === '') return undefined;
  try {
    const parsed = auditRecordSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function parseLines(text: string): AuditRecord[] {
  return text.split('\n').flatMap((line) => parseRecord(line) ?? []);
}

function newest(records: AuditRecord[], limit: number | undefined): AuditRecord[] {
  return limit !== undefined && limit >= 0 ? records.slice(Math.max(0, records.length - limit)) : records;
}
