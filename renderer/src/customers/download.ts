/**
 * Downloads every customer page by page into the cache, saving each page together with a
 * checkpoint, so an interrupted download resumes where it stopped; customers a complete pass did
 * not see are removed only at its end. Plain TypeScript: the page source (the `listCustomers`
 * channel) and the cache are injected, so it runs in Node tests as it runs in the app.
 */
import type { CustomerSummary } from '../../../shared/domain/customer';
import { ApiError } from '../../../shared/ipc/errors';

export const PAGE_SIZE = 500;

/** One row of the customers cache: what the list call gives (db/rows.ts names it for the table). */
export interface CustomerRow {
  id: string;
  companyName: string;
  domain: string;
  relationshipToPartner?: string;
  /** ISO-2, when the list gave it or the customer was created here (the Overview's countries); rows cached before lack it. */
  country?: string;
  /** Lower-cased name: the index the list loads in order. */
  nameKey: string;
  /** The download run that last saw this customer (a full pass removes the ones it did not see). */
  seenRun: string;
}

/** Where an interrupted download goes on. */
export interface DownloadCheckpoint {
  runId: string;
  continuationToken: string;
  loaded: number;
  total: number | null;
}

export function rowOf(summary: CustomerSummary, runId: string): CustomerRow {
  return {
    id: summary.id,
    companyName: summary.companyName,
    domain: summary.domain,
    ...(summary.relationshipToPartner ? { relationshipToPartner: summary.relationshipToPartner } : {}),
    ...(summary.country ? { country: summary.country } : {}),
    nameKey: summary.companyName.toLowerCase(),
    seenRun: runId,
  };
}

export interface CustomerPage {
  items: CustomerSummary[];
  continuationToken: string | null;
  totalCount?: number;
}

/** One page of the partner's customers: the first without a token, the next with the last page's. */
export type CustomerPageSource = (continuationToken: string | undefined) => Promise<CustomerPage>;

/** What the download needs of the cache. */
export interface DownloadCache {
  checkpoint(): Promise<DownloadCheckpoint | undefined>;
  forgetCheckpoint(): Promise<void>;
  savePage(rows: CustomerRow[], checkpoint: DownloadCheckpoint | null): Promise<void>;
  finishPass(runId: string, at: number): Promise<void>;
}

export interface DownloadEvents {
  /** Customers saved so far, and the total when the backend told one. */
  progress(loaded: number, total: number | null): void;
  /** Each saved page's rows, and whether it was the last page (a first download shows them as they arrive). */
  rows?(rows: CustomerRow[], last: boolean): void;
}

export interface DownloadOptions {
  now?: () => number;
  newRunId?: () => string;
}

/**
 * A complete pass, resumed from the cache's checkpoint when there is one. A resumed continuation
 * token may have expired: then the pass starts again from the first page, once.
 */
export async function downloadCustomers(
  source: CustomerPageSource,
  cache: DownloadCache,
  events: DownloadEvents,
  options: DownloadOptions = {},
): Promise<void> {
  const checkpoint = await cache.checkpoint();
  try {
    await onePass(source, cache, events, checkpoint, options);
  } catch (error) {
    if (!checkpoint || !(error instanceof ApiError) || !['bad-request', 'backend', 'not-found'].includes(error.code)) throw error;
    await cache.forgetCheckpoint();
    await onePass(source, cache, events, undefined, options);
  }
}

async function onePass(
  source: CustomerPageSource,
  cache: DownloadCache,
  events: DownloadEvents,
  checkpoint: DownloadCheckpoint | undefined,
  options: DownloadOptions,
): Promise<void> {
  const now = options.now ?? Date.now;
  const runId = checkpoint?.runId ?? (options.newRunId ?? (() => crypto.randomUUID()))();
  let token = checkpoint?.continuationToken;
  let loaded = checkpoint?.loaded ?? 0;
  let total = checkpoint?.total ?? null;
  events.progress(loaded, total);
  for (;;) {
    const page = await source(token);
    const rows = page.items.map((summary) => rowOf(summary, runId));
    const next = page.continuationToken ?? undefined;
    loaded += rows.length;
    // Partner Center's `totalCount` is the number of items on this page (reference §8), not the
    // customer count: only a figure above what has arrived can be a total, else the count is unknown.
    if (page.totalCount !== undefined && page.totalCount > loaded) total = page.totalCount;
    await cache.savePage(rows, next ? { runId, continuationToken: next, loaded, total } : null);
    events.progress(loaded, total);
    events.rows?.(rows, !next);
    if (!next) break;
    token = next;
  }
  await cache.finishPass(runId, now());
}
