import { expect, test } from '@playwright/test';
import { runBrowserKillLoop } from '../soak/browser-kill-loop';

/**
 * The real thing, short: browser mode as a child process on a persistent data folder with an
 * external sandbox, Chromium on a persistent profile, a batch of queued attestations, and the
 * browser (closed or SIGKILLed) and the bridge (SIGKILLed) killed at random moments during sync.
 * After restarts every item is confirmed exactly once in the outbox, its audit log and the sandbox.
 * `npm run soak` runs a longer loop.
 */
test('queued attestations survive the browser and the bridge being killed at random moments, each confirmed exactly once', async () => {
  test.setTimeout(180_000);
  const result = await runBrowserKillLoop({
    items: 40,
    customers: 8,
    kills: 4,
    latencyMs: 250,
    killDelayMs: [200, 1_200],
    kinds: ['browser-kill', 'bridge-kill', 'both', 'browser-close'],
    seed: Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31)),
    log: (line) => console.log(line),
  });
  expect(result.killsMidSync, `seed ${result.seed}`).toBeGreaterThanOrEqual(2);
  expect(result, `seed ${result.seed}`).toMatchObject({ items: 40, confirmed: 40, duplicates: 0, lost: 0, auditMismatches: 0, securityProblems: [] });
});
