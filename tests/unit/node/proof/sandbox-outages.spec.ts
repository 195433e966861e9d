// @vitest-environment node
/**
 * The backend's own incidents in the middle of a sync: every token expired (the queue pauses with
 * auth-required, the agent signs in again, it goes on) and the sandbox stopped and started again on
 * the same data folder, combined with kills of MCA Desk and a light mix of proxy faults. The queue
 * reaches zero with every item confirmed exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxHandle, runFaultScenario } from '../../../soak/harness';

const seed = () => Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));

describe('the outbox through backend outages', () => {
  let sandbox: SandboxHandle;
  beforeAll(async () => {
    sandbox = await SandboxHandle.start(10);
  }, 90_000);
  afterAll(async () => {
    await sandbox?.stop();
  });

  it('pauses on expired tokens, resumes after signing in again, survives a sandbox restart and kills, and confirms each item exactly once', async () => {
    const result = await runFaultScenario({
      sandbox,
      items: 30,
      customers: 10,
      kills: 4,
      tokenExpiries: 2,
      sandboxRestarts: 1,
      mix: { error5xx: 0.03, dropAfter: 0.03, throttle: 0.02, retryAfterSeconds: 1 },
      seed: seed(),
    });
    expect(result, `seed ${result.seed}`).toMatchObject({ finished: true, items: 30, confirmed: 30, duplicates: 0, lost: 0, strays: 0, auditMismatches: 0, retryAfterViolations: 0, problems: [] });
    expect(result.faultsByKind, `seed ${result.seed}`).toMatchObject({ tokenExpired: 2, sandboxRestarted: 1 });
    expect(result.reSignIns, `seed ${result.seed}`).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
