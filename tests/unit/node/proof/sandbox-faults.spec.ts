// @vitest-environment node
/**
 * Sandbox faults while a batch syncs: random 5xx, dropped connections (before the sandbox acted, and
 * after it acted with the answer lost), added latency, and 429 bursts with Retry-After. The queue
 * must wait as told (no request reaches the backend inside a throttling window once the client has
 * heard the 429, allowing for requests already on the wire), recover, and reach zero with every item
 * confirmed exactly once. Faults are injected and counted by a proxy in front of the real sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxHandle, runFaultScenario } from '../../../soak/harness';

const seed = () => Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
const exactlyOnce = (items: number) => ({
  finished: true,
  items,
  confirmed: items,
  duplicates: 0,
  lost: 0,
  strays: 0,
  auditMismatches: 0,
  problems: [],
});

describe('the outbox against a faulty sandbox', () => {
  let sandbox: SandboxHandle;
  beforeAll(async () => {
    sandbox = await SandboxHandle.start(10, true);
  }, 90_000);
  afterAll(async () => {
    await sandbox?.stop();
  });

  it('reaches zero through random 5xx, dropped connections and latency, each item confirmed exactly once', async () => {
    const result = await runFaultScenario({
      sandbox,
      items: 20,
      customers: 10,
      kills: 0,
      mix: {
        error5xx: 0.05,
        dropBefore: 0.03,
        dropAfter: 0.05,
        latencyMs: [0, 40],
        at: { error5xx: [2], dropBefore: [5], dropAfter: [8] },
      },
      seed: seed(),
    });
    expect(result, `seed ${result.seed}`).toMatchObject(exactlyOnce(20));
    expect(result.faultsByKind, `seed ${result.seed}`).toMatchObject({
      error5xx: expect.any(Number),
      dropBefore: expect.any(Number),
      dropAfter: expect.any(Number),
    });
    for (const kind of ['error5xx', 'dropBefore', 'dropAfter'])
      expect(result.faultsByKind[kind], `${kind}, seed ${result.seed}`).toBeGreaterThan(0);
  }, 120_000);

  it('waits out 429 bursts as Retry-After says, then finishes exactly once', async () => {
    const result = await runFaultScenario({
      sandbox,
      items: 20,
      customers: 10,
      kills: 0,
      mix: { throttle: 0.05, retryAfterSeconds: 2, at: { throttle: [3, 25] } },
      seed: seed(),
    });
    expect(result, `seed ${result.seed}`).toMatchObject({ ...exactlyOnce(20), retryAfterViolations: 0 });
    expect(result.faultsByKind.throttle, `seed ${result.seed}`).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
