/**
 * Issue 13's `direct_sign_scan_share_of_limit`: the app's direct-acceptance scan (scan/direct-sign-scan.ts,
 * the module the renderer runs) against the real host and a sandbox limited to `--rate-limit`
 * requests a minute, over real HTTP through a counting proxy, with a jumping clock (the sandbox's
 * throttling window follows it too), so ten minutes of scanning take seconds. Every request the app
 * makes in the window, as a share of the limit: the default share is half, and it must use what it
 * is given (≥ 0.4), never more (≤ 0.5), and never be answered 429.
 */
import '../../soak/fake-idb';
import { startSandbox, SEEDED_PASSWORD } from '../../../sandbox/index';
import { createHost } from '../../../electron/host/host';
import { MemorySecretStore } from '../../../electron/host/secrets/store';
import { MemorySettingsStore } from '../../../electron/host/settings';
import { MemoryAuditJournal } from '../../../electron/host/audit/journal';
import { DEFAULT_DIRECT_SCAN_SHARE } from '../../../shared/domain/settings-form';
import { DirectSignScan, ScanCallError, scanFailureOf, type ScanCustomer } from '../../../renderer/src/scan/direct-sign-scan';
import { dispatcherCall } from '../../unit/node/helpers/dispatcher-call';
import { startLossyProxy } from '../../unit/node/helpers/lossy-proxy';
import { VirtualTimers } from '../enhanced/virtual-timers';
import { round } from '../report';

const MINUTE = 60_000;
const DIRECT_SIGN_PATH = /^\/v1\/customers\/[^/]+\/directSignedMicrosoftCustomerAgreementStatus$/i;

export interface DirectScanOptions {
  /** Generated customers (about two in three have no partner confirmation). */
  customers: number;
  minutes: number;
  limitPerMinute: number;
  share?: number;
  log: (message: string) => void;
}

export interface DirectScanOutcome {
  customers: number;
  unconfirmed: number;
  minutes: number;
  limitPerMinute: number;
  share: number;
  requests: number;
  checks: number;
  throttled: number;
  /** The most requests in any one-minute window (sliding, 1-second steps). */
  busiestMinute: number;
  shareOfLimit: number;
  realSeconds: number;
}

export async function measureDirectScan(options: DirectScanOptions): Promise<DirectScanOutcome> {
  const began = performance.now();
  const share = options.share ?? DEFAULT_DIRECT_SCAN_SHARE;
  const timers = new VirtualTimers(Date.now());
  options.log(
    `Direct-acceptance scan: ${options.customers} generated customers, a limit of ${options.limitPerMinute}/min, share ${share}, ${options.minutes} min (jumping clock, real HTTP)…`,
  );
  const sandbox = await startSandbox({
    port: 0,
    memory: true,
    quiet: true,
    customers: options.customers,
    clock: () => new Date(timers.now),
  });
  const proxy = await startLossyProxy(sandbox.url);
  try {
    const host = createHost({
      transport: 'browser',
      version: 'bench',
      settings: new MemorySettingsStore(),
      secrets: new MemorySecretStore(),
      overrides: { backend: 'sandbox', sandboxUrl: proxy.url },
      journal: new MemoryAuditJournal(),
      log: { warn: () => undefined, error: () => undefined },
    });
    await host.start();
    const signIn = await host.dispatch('signIn', { method: 'password', userName: 'admin@contoso.example', password: SEEDED_PASSWORD });
    if (!signIn.ok) throw new Error(`sign-in failed: ${JSON.stringify(signIn.error)}`);
    const call = dispatcherCall(() => host.dispatch);

    // What the app holds before the scan: the customer list and the partner-wide records (not measured).
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const page = await call('listCustomers', { pageSize: 500, ...(token ? { continuationToken: token } : {}) });
      ids.push(...page.items.map((customer) => customer.id));
      token = page.continuationToken ?? undefined;
    } while (token);
    const confirmed = new Set<string>();
    token = undefined;
    do {
      const page: { records: Array<{ customerId: string; partnerAttestationCompleted: boolean }>; continuationToken: string | null } =
        await call('listAgreementRecords', token ? { continuationToken: token } : {});
      for (const record of page.records) if (record.partnerAttestationCompleted) confirmed.add(record.customerId);
      token = page.continuationToken ?? undefined;
    } while (token);
    const answers = new Map<string, number>();
    const customers = (): ScanCustomer[] =>
      ids.map((customerId) => ({ customerId, partnerConfirmed: confirmed.has(customerId), checkedAt: answers.get(customerId) ?? null }));
    const unconfirmed = customers().filter((customer) => !customer.partnerConfirmed).length;

    sandbox.setFaults({ rateLimitPerMinute: options.limitPerMinute });
    const work = new Set<Promise<unknown>>();
    const track = <T>(promise: Promise<T>): Promise<T> => {
      work.add(promise);
      void promise.finally(() => work.delete(promise)).catch(() => undefined);
      return promise;
    };
    const sentAt: number[] = [];
    let checks = 0;
    const scan = new DirectSignScan({
      timers: {
        now: () => timers.now,
        setTimeout: (callback, ms) => timers.setTimeout(callback, ms),
        clearTimeout: (handle) => timers.clearTimeout(handle),
      },
      limitPerMinute: options.limitPerMinute,
      share,
      ports: {
        customers: () => track(Promise.resolve(customers())),
        check: (customerId) =>
          track(
            (async () => {
              sentAt.push(timers.now);
              try {
                return (await call('getDirectSignStatus', { customerId })).isSigned;
              } catch (error) {
                throw new ScanCallError(scanFailureOf(error));
              }
            })(),
          ),
        save: (customerId, _isSigned, checkedAt) =>
          track(
            (async () => {
              checks += 1;
              answers.set(customerId, checkedAt);
            })(),
          ),
      },
    });
    const settle = async () => {
      for (let idle = 0; idle < 3;) {
        await new Promise((resolve) => setImmediate(resolve));
        if (work.size) {
          idle = 0;
          await Promise.allSettled([...work]);
        } else idle += 1;
      }
    };
    const start = timers.now;
    const end = start + options.minutes * MINUTE;
    const firstRequest = proxy.requests.length;
    scan.start();
    await settle();
    // Up to (not including) the window's end: a call at `end` belongs to the next window.
    while (timers.fireNext(end - 1).fired) await settle();
    scan.stop();
    const requests = proxy.requests.slice(firstRequest);
    const throttled = requests.filter((request) => request.status === 429).length;
    let busiestMinute = 0;
    for (let from = start; from + MINUTE <= end; from += 1_000)
      busiestMinute = Math.max(busiestMinute, sentAt.filter((at) => at >= from && at < from + MINUTE).length);
    const shareOfLimit = round(requests.length / (options.limitPerMinute * options.minutes), 3);
    const outcome: DirectScanOutcome = {
      customers: ids.length,
      unconfirmed,
      minutes: options.minutes,
      limitPerMinute: options.limitPerMinute,
      share,
      requests: requests.length,
      checks: requests.filter((request) => DIRECT_SIGN_PATH.test(request.path)).length,
      throttled,
      busiestMinute,
      shareOfLimit,
      realSeconds: round((performance.now() - began) / 1000, 1),
    };
    options.log(
      `  ${outcome.requests} requests (${outcome.checks} isSigned checks, ${checks} answers kept, ${throttled} answered 429) in ${options.minutes} min = ${shareOfLimit} of the limit; busiest minute ${busiestMinute}; ${unconfirmed} of ${ids.length} customers without a partner confirmation; ${outcome.realSeconds} s real`,
    );
    return outcome;
  } finally {
    await proxy.close();
    await sandbox.stop();
  }
}
