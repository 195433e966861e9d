import { expect, test } from '@playwright/test';
import { runEnhancedBrowserKillLoop } from '../soak/browser-kill-loop';

/**
 * The real-browser kill loop with enhanced attestations (Partner Center today), short and repeatable:
 * browser mode as a child process on a persistent data folder with an external sandbox, Chromium on a
 * persistent profile, acceptance-link requests queued in the agent's IndexedDB, and a kill (browser
 * closed or SIGKILLed, bridge SIGKILLed, or both) at each step in turn: the request sent, a link ready,
 * the signer accepted, an item finalised; the seed is fixed (`FAULT_SEED` picks another). After the
 * restarts every item is confirmed exactly once in the outbox and its audit log, with one attestation
 * and one agreement at the sandbox. `npm run soak` runs the long loop with a random seed.
 */
const ITEMS = 8;

test('acceptance-link requests survive the browser and the bridge being killed between their steps, each confirmed exactly once', async () => {
  test.setTimeout(180_000);
  const result = await runEnhancedBrowserKillLoop({
    items: ITEMS,
    customers: ITEMS,
    kills: 5,
    latencyMs: 150,
    kinds: ['browser-kill', 'bridge-kill', 'both', 'browser-close'],
    seed: Number(process.env.FAULT_SEED ?? 20261204),
    log: (line) => console.log(line),
  });
  expect(result.killsByStep, `seed ${result.seed}`).toEqual({ requested: 2, 'link-ready': 1, accepted: 1, finalised: 1 });
  // The kills at "requested" and "link-ready" land with every item still open (waiting for the signer);
  // the later ones may find the queue drained already, as a first write goes without a read and the
  // engine's bound grows (issue 15), so only these two are certain on a machine of any speed.
  expect(result.killsMidSync, `seed ${result.seed}`).toBeGreaterThanOrEqual(2);
  expect(result, `seed ${result.seed}`).toMatchObject({
    items: ITEMS,
    confirmed: ITEMS,
    lost: 0,
    duplicated: 0,
    auditMismatches: 0,
    acceptedBySigner: ITEMS,
    securityProblems: [],
  });
});
