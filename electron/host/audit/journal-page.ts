/**
 * One page of a JSON Lines journal after a byte cursor. The journal is append-only, so a line's byte
 * offset never changes: it is the line's id, and the offset after the last line read is the next
 * cursor. A page reads at most `PAGE_BYTES` from the file, so a long journal never has to be in
 * memory at once, and only whole lines are taken (a line still being written, or cut short by a
 * crash at the end of the file, is left for later; the next append starts on a line of its own).
 */
import { open } from 'node:fs/promises';

export const PAGE_BYTES = 1 << 20;
const NEWLINE = 0x0a;

export interface JournalPage<T> {
  entries: { id: number; record: T }[];
  next: number;
  /** True when nothing more can be read after `next` for now. */
  done: boolean;
}

/** Reads up to `limit` records after byte `after`; `parse` answers undefined for a line to skip. */
export async function readJournalPage<T>(
  file: string,
  after: number,
  limit: number,
  parse: (line: string) => T | undefined,
  pageBytes = PAGE_BYTES,
): Promise<JournalPage<T>> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], next: after, done: true };
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (after >= size) return { entries: [], next: after, done: true };
    const length = Math.min(size - after, pageBytes);
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, after);
    const entries: JournalPage<T>['entries'] = [];
    let start = 0;
    while (entries.length < limit) {
      const end = buffer.indexOf(NEWLINE, start);
      if (end < 0 || end >= bytesRead) break;
      const record = parse(buffer.toString('utf8', start, end));
      if (record !== undefined) entries.push({ id: after + start, record });
      start = end + 1;
    }
    // A full chunk without one newline is no record (they are a few hundred bytes): step over it.
    if (start === 0 && entries.length === 0 && bytesRead === pageBytes && buffer.indexOf(NEWLINE) < 0) start = bytesRead;
    const next = after + start;
    const stoppedAtLimit = entries.length >= limit && next < size;
    const readToEnd = after + bytesRead >= size;
    return { entries, next, done: !stoppedAtLimit && readToEnd };
  } finally {
    await handle.close();
  }
}
