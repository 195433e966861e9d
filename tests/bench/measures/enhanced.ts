/**
 * Issue 12's benchmarks of the enhanced route, on the app's real outbox, host and sandbox (real HTTP)
 * with a jumping clock (enhanced/virtual-timers.ts), so an hour of watching takes seconds:
 * - accept → Confirmed: links sent at once, each signer accepts (the sandbox helper, as at the
 *   acceptance page) at a random moment within the first hour; the delay until the outbox has the
 *   agreement (the customer shows Confirmed from that write), and the requests per link;
 * - watching's share of the limit: 1,000 links sent at the same moment (the worst case: a mail
 *   merge), none accepted, the sandbox limited to 500 requests/min; every request the app makes over
 *   10 minutes, as a share of the limit.
 */
import { enqueueEnhancedAttestation, markLinkSent } from '../../../renderer/src/outbox/commands';
import type { OutboxItem } from '../../../renderer/src/outbox/item';
import { percentile, round } from '../report';
import { requestKind, startBenchApp, startBenchBackend, type BenchApp, type BenchBackend } from '../enhanced/world';
import { seededRandom } from '../enhanced/virtual-timers';

const MINUTE = 60_000;
const signer = (n: number) => ({ firstName: 'Eva', lastName: `Jansen ${n}`, email: `eva.jansen.${n}@customer.example` });

/** The app as built, or the baseline: the same schedule with no watching budget. */
type Budget = { watchReadsPerMinute?: number };
const NO_BUDGET: Budget = { watchReadsPerMinute: Number.POSITIVE_INFINITY };

export interface AcceptOutcome {
  links: number;
  confirmed: number;
  delaysS: number[];
  p50S: number;
  p95S: number;
  maxS: number;
  requestsPerConfirmed: number;
  readsPerConfirmed: number;
  realSeconds: number;
}

export interface WatchingOutcome {
  links: number;
  minutes: number;
  limitPerMinute: number;
  requests: number;
  reads: number;
  throttled: number;
  shareOfLimit: number;
  realSeconds: number;
}

export interface EnhancedOutcome {
  accept: AcceptOutcome;
  watching: WatchingOutcome;
  /** The same runs without the watching budget (the schedule alone), measured in the same run. */
  baseline: { accept: AcceptOutcome; watching: WatchingOutcome };
}

export interface EnhancedOptions {
  acceptLinks: number;
  pendingLinks: number;
  watchMinutes: number;
  limitPerMinute: number;
  seed: number;
  log: (message: string) => void;
}

/** Queues one enhanced attestation per customer, lets the app create them all, and marks every link sent (copied). */
async function sentLinks(app: BenchApp, customers: Array<{ id: string; companyName: string }>): Promise<OutboxItem[]> {
  const items: OutboxItem[] = [];
  for (const [n, customer] of customers.entries())
    items.push(
      await enqueueEnhancedAttestation(
        {
          customerId: customer.id,
          customerName: customer.companyName,
          signer: signer(n),
          fields: { companyName: customer.companyName, country: 'NL', language: 'nl-NL', linkExpiryMinutes: 10_080 },
        },
        app.context(),
      ),
    );
  app.worker.trigger('enqueue');
  await app.settle();
  const made = await app.database.outbox.bulkGet(items.map((item) => item.id));
  const missing = made.filter((item) => item?.enhanced?.step !== 'watch').length;
  if (missing) throw new Error(`${missing} of ${items.length} attestations were not created`);
  for (const item of items) await markLinkSent(item.id, 'clipboard', app.context());
  return items;
}

async function measureAccept(backend: BenchBackend, options: EnhancedOptions, budget: Budget): Promise<AcceptOutcome> {
  const began = performance.now();
  const random = seededRandom(options.seed);
  const confirmedAt = new Map<string, number>();
  const start = Date.parse('2026-12-01T09:00:00Z');
  const app = await startBenchApp(
    backend,
    start,
    random,
    (event, at) => {
      if (event.type === 'confirmed') confirmedAt.set(event.item.id, at);
    },
    budget,
  );
  const firstRequest = backend.proxy.requests.length;
  const items = await sentLinks(app, backend.takeCustomers(options.acceptLinks));
  const sentAt = app.timers.now;
  const acceptAt = new Map<string, number>();
  for (const item of items) {
    const stored = (await app.database.outbox.get(item.id))!;
    const at = sentAt + Math.floor(random() * 60 * MINUTE);
    acceptAt.set(item.id, at);
    app.timers.setTimeout(
      () =>
        fetch(`${backend.sandbox.url}/sandbox/attestations/${stored.enhanced!.attestation!.id}/accept`, { method: 'POST' }).then(
          (response) => response.arrayBuffer(),
        ),
      at - sentAt,
    );
  }
  await app.runUntil(sentAt + 3 * 60 * MINUTE, () => confirmedAt.size === items.length);
  app.stop();
  // Every request the app made (the signers' accepts go to the sandbox directly, not through the proxy).
  const appRequests = backend.proxy.requests.slice(firstRequest);
  const reads = appRequests.filter((request) => requestKind(request) === 'read').length;
  const delaysS = items
    .flatMap((item) => (confirmedAt.has(item.id) ? [(confirmedAt.get(item.id)! - acceptAt.get(item.id)!) / 1000] : []))
    .sort((a, b) => a - b);
  const confirmed = confirmedAt.size;
  options.log(
    `  ${budget === NO_BUDGET ? 'baseline (no budget) ' : ''}accept → Confirmed: ${confirmed}/${items.length} confirmed; delay p50 ${round(percentile(delaysS, 50), 1)} s, p95 ${round(percentile(delaysS, 95), 1)} s; ${appRequests.length} requests`,
  );
  return {
    links: items.length,
    confirmed,
    delaysS: delaysS.map((delay) => round(delay, 1)),
    p50S: round(percentile(delaysS, 50), 1),
    p95S: round(percentile(delaysS, 95), 1),
    maxS: round(delaysS.at(-1) ?? Number.NaN, 1),
    requestsPerConfirmed: round(appRequests.length / Math.max(confirmed, 1), 1),
    readsPerConfirmed: round(reads / Math.max(confirmed, 1), 1),
    realSeconds: round((performance.now() - began) / 1000, 1),
  };
}

async function measureWatching(backend: BenchBackend, options: EnhancedOptions, budget: Budget): Promise<WatchingOutcome> {
  const began = performance.now();
  const start = Date.parse('2026-12-02T09:00:00Z');
  const app = await startBenchApp(backend, start, seededRandom(options.seed + 1), () => undefined, budget);
  // Setting up (1,000 creates) is not watching: the limit applies from the moment the links are sent.
  await sentLinks(app, backend.takeCustomers(options.pendingLinks));
  // The baseline runs unthrottled: it measures what the schedule alone would ask for, which a
  // limiter would cut (and, with the clock jumping, the sandbox's real-time window would cut wrongly).
  backend.sandbox.setFaults({ rateLimitPerMinute: budget === NO_BUDGET ? 0 : options.limitPerMinute });
  const sentAt = app.timers.now;
  const firstRequest = backend.proxy.requests.length;
  await app.runUntil(sentAt + options.watchMinutes * MINUTE);
  app.stop();
  backend.sandbox.setFaults({ rateLimitPerMinute: 0 });
  const requests = backend.proxy.requests.slice(firstRequest);
  const reads = requests.filter((request) => requestKind(request) === 'read').length;
  const throttled = requests.filter((request) => request.status === 429).length;
  const shareOfLimit = round(requests.length / (options.limitPerMinute * options.watchMinutes), 3);
  options.log(
    `  ${budget === NO_BUDGET ? 'baseline (no budget) ' : ''}watching ${options.pendingLinks} pending links for ${options.watchMinutes} min: ${requests.length} requests (${reads} reads, ${throttled} answered 429) = ${shareOfLimit} of the limit`,
  );
  return {
    links: options.pendingLinks,
    minutes: options.watchMinutes,
    limitPerMinute: options.limitPerMinute,
    requests: requests.length,
    reads,
    throttled,
    shareOfLimit,
    realSeconds: round((performance.now() - began) / 1000, 1),
  };
}

export async function measureEnhanced(options: EnhancedOptions): Promise<EnhancedOutcome> {
  options.log(
    `Enhanced route: ${options.acceptLinks} links accepted within the first hour, then ${options.pendingLinks} pending links watched for ${options.watchMinutes} min (sandbox of Partner Center today, a jumping clock, real HTTP)…`,
  );
  const backend = await startBenchBackend(2 * (options.acceptLinks + options.pendingLinks) + 50);
  try {
    const accept = await measureAccept(backend, options, {});
    const watching = await measureWatching(backend, options, {});
    // The baseline: the same accept moments (same seed) and the same number of links, without the budget.
    const baseline = {
      accept: await measureAccept(backend, options, NO_BUDGET),
      watching: await measureWatching(backend, options, NO_BUDGET),
    };
    return { accept, watching, baseline };
  } finally {
    await backend.stop();
  }
}
