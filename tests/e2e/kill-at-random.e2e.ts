import { expect, test } from '@playwright/test';
import { runBrowserKillLoop } from '../soak/browser-kill-loop';

/**
 * The real thing, short and repeatable: browser mode as a child process on a persistent data folder
 * with an external sandbox, Chromium on a persistent profile, a batch of queued attestations, and the
 * browser (closed or SIGKILLed) and the bridge (SIGKILLed) killed during sync at moments drawn from a
 * fixed seed (`FAULT_SEED` picks another). After restarts every item is confirmed exactly once in the
 * outbox, its audit log and the sandbox. `npm run soak` runs the long loop with a random seed.
 */
const ITEMS = 20;

test('queued attestations survive the browser and the bridge being killed mid-sync, each confirmed exactly once', async () => {
  test.setTimeout(180_000);
  const result = await runBrowserKillLoop({
    items: ITEMS,
    customers: 5,
    kills: 3,
    latencyMs: 250,
    killDelayMs: [200, 1_000],
    kinds: ['browser-kill', 'bridge-kill', 'both', 'browser-close'],
    seed: Number(process.env.FAULT_SEED ?? 20261203),
    log: (line) => console.log(line),
  });
  expect(result.killsMidSync, `seed ${result.seed}`).toBeGreaterThanOrEqual(2);
  expect(result, `seed ${result.seed}`).toMatchObject({
    items: ITEMS,
    confirmed: ITEMS,
    duplicates: 0,
    lost: 0,
    auditMismatches: 0,
    securityProblems: [],
  });
});
