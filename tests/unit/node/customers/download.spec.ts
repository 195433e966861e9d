// @vitest-environment node
/**
 * The customer download on its own, in Node: a page source and an in-memory cache are injected
 * (the app injects the `listCustomers` channel and the Dexie cache).
 */
import { describe, expect, it } from 'vitest';
import {
  downloadCustomers,
  type CustomerPage,
  type CustomerRow,
  type DownloadCache,
  type DownloadCheckpoint,
} from '../../../../renderer/src/customers/download';
import { ApiError } from '../../../../shared/ipc/errors';

const summary = (n: number) => ({
  id: `${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`,
  companyName: `Customer ${n}`,
  domain: `c${n}.example`,
});

/** Pages of `size` from `total` customers; tokens "page-1", "page-2", …; `fail(page)` may throw instead. */
function pages(total: number, size: number, fail: (page: number) => unknown = () => undefined) {
  const asked: Array<string | undefined> = [];
  const source = async (token: string | undefined): Promise<CustomerPage> => {
    asked.push(token);
    const page = token ? Number(token.split('-')[1]) : 0;
    const failure = fail(page);
    if (failure) throw failure;
    const items = Array.from({ length: Math.max(0, Math.min(size, total - page * size)) }, (_, n) => summary(page * size + n));
    return { items, continuationToken: (page + 1) * size < total ? `page-${page + 1}` : null, totalCount: items.length };
  };
  return { source, asked };
}

class MemoryCache implements DownloadCache {
  rows = new Map<string, CustomerRow>();
  saved: DownloadCheckpoint | undefined;
  finished: Array<{ runId: string; at: number }> = [];
  async checkpoint() {
    return this.saved;
  }
  async forgetCheckpoint() {
    this.saved = undefined;
  }
  async savePage(rows: CustomerRow[], checkpoint: DownloadCheckpoint | null) {
    for (const row of rows) this.rows.set(row.id, row);
    if (checkpoint) this.saved = checkpoint;
  }
  async finishPass(runId: string, at: number) {
    for (const [id, row] of this.rows) if (row.seenRun !== runId) this.rows.delete(id);
    this.saved = undefined;
    this.finished.push({ runId, at });
  }
}

const quiet = { progress: () => undefined };

describe('the customer download', () => {
  it('saves every page with a checkpoint, reports progress, and ends the pass removing customers it did not see', async () => {
    const cache = new MemoryCache();
    cache.rows.set('gone', { id: 'gone', companyName: 'Gone', domain: 'gone.example', nameKey: 'gone', seenRun: 'an-old-run' });
    const { source, asked } = pages(1_200, 500);
    const progress: number[] = [];
    await downloadCustomers(source, cache, { progress: (loaded) => progress.push(loaded) }, { now: () => 42, newRunId: () => 'run-1' });
    expect(asked).toEqual([undefined, 'page-1', 'page-2']);
    expect(progress).toEqual([0, 500, 1_000, 1_200]);
    expect(cache.rows.size).toBe(1_200);
    expect(cache.rows.has('gone')).toBe(false);
    expect(cache.finished).toEqual([{ runId: 'run-1', at: 42 }]);
    expect(cache.saved).toBeUndefined();
  });

  it('stops at a failed page with its checkpoint kept, and resumes there under the same run', async () => {
    const cache = new MemoryCache();
    let broken = true;
    const { source, asked } = pages(1_200, 500, (page) =>
      page === 2 && broken ? new ApiError({ code: 'network', message: 'The backend could not be reached.' }) : undefined,
    );
    await expect(downloadCustomers(source, cache, quiet, { newRunId: () => 'run-1' })).rejects.toThrow('could not be reached');
    expect(cache.saved).toEqual({ runId: 'run-1', continuationToken: 'page-2', loaded: 1_000, total: null });
    expect(cache.finished).toEqual([]);
    broken = false;
    asked.length = 0;
    await downloadCustomers(source, cache, quiet, { newRunId: () => 'run-2' });
    expect(asked).toEqual(['page-2']);
    expect(cache.finished.map((pass) => pass.runId)).toEqual(['run-1']);
    expect(cache.rows.size).toBe(1_200);
  });

  it('starts the pass again, once, when a resumed continuation token is refused', async () => {
    const cache = new MemoryCache();
    cache.saved = { runId: 'old', continuationToken: 'page-9', loaded: 4_500, total: null };
    const { source, asked } = pages(700, 500, (page) =>
      page === 9 ? new ApiError({ code: 'bad-request', message: 'The continuation token is not one MCA Desk gave out.' }) : undefined,
    );
    await downloadCustomers(source, cache, quiet, { newRunId: () => 'fresh' });
    expect(asked).toEqual(['page-9', undefined, 'page-1']);
    expect(cache.finished.map((pass) => pass.runId)).toEqual(['fresh']);
    expect(cache.rows.size).toBe(700);
  });

  it('never restarts a pass that did not resume, and keeps what it saved', async () => {
    const cache = new MemoryCache();
    const { source, asked } = pages(1_200, 500, (page) => (page === 1 ? new ApiError({ code: 'bad-request', message: 'no' }) : undefined));
    await expect(downloadCustomers(source, cache, quiet)).rejects.toBeInstanceOf(ApiError);
    expect(asked).toEqual([undefined, 'page-1']);
    expect(cache.rows.size).toBe(500);
    expect(cache.saved).toMatchObject({ continuationToken: 'page-1', loaded: 500 });
  });
});
