/**
 * Sync of queued attestations against the sandbox with added latency, three runs on one app:
 * 1. the baseline: the same engine sending one item at a time,
 * 2. the engine as the app configures it,
 * 3. the app again with a sandbox rate limit low enough to bind.
 * Each run queues its own items (other customers, so nothing is a duplicate of an earlier run)
 * through the app's own outbox command in the harness page, then sends them with the app's own
 * SyncEngine + SyncWorker over the bridge. Every request the host makes to the sandbox is counted
 * (start time and status) to compute the rate the limit allowed and the rate achieved.
 */
import type { Browser } from '@playwright/test';
import { startWebApp } from '../../../electron/web/index';
import type { FetchLike } from '../../../electron/host/partner-center/http';
import { SEEDED_PASSWORD } from '../../../sandbox/index';
import { bench, listCustomerIds, newContext, openHarness, signInThroughBridge } from '../browser';
import type { SyncResult } from '../protocol';
import { round } from '../report';

export interface SyncConfig {
  siteDir: string;
  items: number;
  latencyMs: number;
  /** 0: no rate-limited run; undefined: chosen from the unthrottled run so that it binds. */
  rateLimitPerMinute?: number;
  userName: string;
  timeoutMs: number;
  /** How long the rate-limited run may take (the smoke test cuts it short and reports its first window). */
  rateLimitedTimeoutMs?: number;
  log: (message: string) => void;
}

export interface RunOutcome extends Omit<SyncResult, 'confirmedAt'> {
  itemsPerSecond: number;
  requests: number;
  throttled: number;
}

export interface RateLimitOutcome extends RunOutcome {
  limitPerMinute: number;
  /** Whole one-minute windows of the sandbox's limiter that the run spanned. */
  fullWindows: number;
  acceptedInFullWindows: number;
  /** Accepted requests per minute over the full windows, divided by the limit. */
  utilisation: number;
  requestsPerItem: number;
  itemsPerMinute: number;
}

export interface SyncOutcome {
  baseline: RunOutcome;
  app: RunOutcome;
  speedup: number;
  rateLimited: RateLimitOutcome | null;
}

interface CountedRequest {
  at: number;
  status: number;
}

export async function measureSync(browser: Browser, config: SyncConfig): Promise<SyncOutcome> {
  const requests: CountedRequest[] = [];
  const counting: FetchLike = async (input, init) => {
    const at = Date.now();
    const response = await fetch(input, init);
    if (new URL(String(input)).pathname.startsWith('/v1/')) requests.push({ at, status: response.status });
    return response;
  };
  const customers = config.items * 3 + 10;
  config.log(`Sync: a sandbox with ${customers} customers and ${config.latencyMs} ms added latency…`);
  const app = await startWebApp({
    memory: true,
    staticDir: config.siteDir,
    // The seed's route (one request per item): the enhanced route's sync benchmarks are not built yet.
    sandbox: { customers, latencyMs: config.latencyMs, quiet: true, legacyAttestation: 'available' },
    host: { fetch: counting },
    log: { warn: () => undefined, error: (message) => config.log(`  app error: ${message}`) },
  });
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(app.url);
    await signInThroughBridge(page, app.apiSecret, config.userName, SEEDED_PASSWORD);
    await openHarness(page, app.origin, app.apiSecret);
    await bench(page, 'openAgentDatabase');
    const ids = (await listCustomerIds(page, app.apiSecret)).slice(0, config.items * 3);
    if (ids.length < config.items * 3)
      throw new Error(`The sandbox lists ${ids.length} customers; the sync runs need ${config.items * 3}.`);

    const run = async (label: string, slice: string[], concurrency?: number, timeoutMs = config.timeoutMs): Promise<RunOutcome> => {
      await bench(page, 'enqueueBacklog', { customerIds: slice, tag: label });
      const from = requests.length;
      const result = await bench(page, 'sync', { ...(concurrency ? { concurrency } : {}), timeoutMs });
      const made = requests.slice(from);
      const { confirmedAt: _confirmedAt, ...rest } = result;
      if (result.left > 0 || result.failed > 0) config.log(`  ${label}: ${result.left} items left, ${result.failed} failed`);
      return {
        ...rest,
        itemsPerSecond: round(result.confirmed / (result.ms / 1000), 1),
        requests: made.length,
        throttled: made.filter((r) => r.status === 429).length,
      };
    };

    config.log(`  ${config.items} items, one at a time…`);
    const baseline = await run('one-at-a-time', ids.slice(0, config.items), 1);
    config.log(`  ${round(baseline.ms / 1000, 1)} s (${baseline.itemsPerSecond}/s, ${baseline.requests} requests)`);
    config.log(`  ${config.items} items, the app's engine…`);
    const appRun = await run('app', ids.slice(config.items, config.items * 2));
    config.log(`  ${round(appRun.ms / 1000, 1)} s (${appRun.itemsPerSecond}/s, ${appRun.requests} requests)`);
    const speedup = round(baseline.ms / appRun.ms, 2);

    let rateLimited: RateLimitOutcome | null = null;
    if (config.rateLimitPerMinute !== 0) {
      const requestsPerItem = appRun.requests / Math.max(appRun.confirmed, 1);
      const unthrottledPerMinute = (appRun.requests / appRun.ms) * 60_000;
      // Low enough to bind (half of what the app reached unthrottled) and to span at least two whole windows.
      const limit =
        config.rateLimitPerMinute ?? Math.max(10, Math.floor(Math.min(unthrottledPerMinute / 2, (config.items * requestsPerItem) / 2.5)));
      config.log(
        `  ${config.items} items, the app's engine, sandbox limit ${limit} requests/minute (unthrottled the app made ${Math.round(unthrottledPerMinute)}/minute)…`,
      );
      app.sandbox?.setFaults({ rateLimitPerMinute: limit });
      const from = requests.length;
      const limited = await run('rate-limited', ids.slice(config.items * 2, config.items * 3), undefined, config.rateLimitedTimeoutMs);
      app.sandbox?.setFaults({ rateLimitPerMinute: 0 });
      const made = requests.slice(from);
      // The limiter's first window opens with the first request after the limit was set.
      const start = made[0]?.at ?? 0;
      const last = made.at(-1)?.at ?? start;
      const fullWindows = Math.floor((last - start) / 60_000);
      // Over the whole windows the run spanned; a run cut short inside its first window (the smoke
      // test) is judged on that window alone.
      const windows = Math.max(fullWindows, 1);
      const accepted = made.filter((r) => r.status !== 429 && r.at < start + windows * 60_000).length;
      const utilisation = round(accepted / (windows * limit), 2);
      rateLimited = {
        ...limited,
        limitPerMinute: limit,
        fullWindows,
        acceptedInFullWindows: accepted,
        utilisation,
        requestsPerItem: round(limited.requests / Math.max(limited.confirmed, 1), 2),
        itemsPerMinute: round((limited.confirmed / limited.ms) * 60_000, 0),
      };
      config.log(
        `  ${round(limited.ms / 1000, 1)} s; ${accepted} requests accepted in ${fullWindows} full window(s): ${utilisation} of the limit; ${limited.throttled} answered 429`,
      );
    }
    return { baseline, app: appRun, speedup, rateLimited };
  } finally {
    await context.close();
    await app.stop();
  }
}
