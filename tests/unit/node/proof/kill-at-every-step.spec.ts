// @vitest-environment node
/**
 * Kill at every step: MCA Desk's renderer (window closed), its host (bridge process gone) or both
 * are killed while a batch of queued attestations syncs, then started again on the same IndexedDB
 * and secret store. Every item must end up confirmed exactly once: in the outbox, in the audit log
 * and at the sandbox (by its request id). Real sync engine, Dexie outbox, host services and sandbox;
 * the kills are simulated in-process (see tests/soak/harness.ts). The seed is in every failure message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxHandle, runFaultScenario, type KillKind, type PlannedKill } from '../../../soak/harness';

const seed = () => Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));

describe('queued attestations when MCA Desk is killed mid-sync', () => {
  let sandbox: SandboxHandle;
  beforeAll(async () => {
    sandbox = await SandboxHandle.start(12, true);
  }, 90_000);
  afterAll(async () => {
    await sandbox?.stop();
  });

  it('are confirmed exactly once whichever step of one attestation the kill lands on', async () => {
    // One item per kill point: before/after its lease is written, while its POST is under way, before/after its outcome is written.
    const points: Array<Omit<PlannedKill, 'kind'>> = [
      { step: 1, phase: 'before' },
      { step: 1, phase: 'after' },
      { step: 1, phase: 'sending' },
      { step: 2, phase: 'before' },
      { step: 2, phase: 'after' },
    ];
    const kinds: KillKind[] = ['renderer', 'bridge', 'both'];
    const killPlan = kinds.flatMap((kind) => points.map((point) => ({ kind, ...point })));
    // A kill can land after an item's outcome is written, so each life may finish one item: one more item than kills keeps work for every planned kill.
    const items = killPlan.length + 1;
    const result = await runFaultScenario({ sandbox, items, customers: 1, kills: killPlan.length, killPlan, concurrency: 1, seed: seed() });
    expect(result, `seed ${result.seed}`).toMatchObject({
      finished: true,
      items,
      confirmed: items,
      duplicates: 0,
      lost: 0,
      strays: 0,
      auditMismatches: 0,
      problems: [],
    });
    expect(result.kills, `seed ${result.seed}`).toBe(killPlan.length);
  }, 120_000);

  it('are confirmed exactly once after many kills at random moments, several per customer, sent concurrently', async () => {
    // Enough items that 12 kills land before the queue drains: first attempts now send without a
    // check (issue 15), so a fast run confirmed 60 items after only 5 of its kills.
    const items = 150;
    const result = await runFaultScenario({ sandbox, items, customers: 12, kills: 12, killDelayMs: [10, 150], seed: seed() });
    expect(result, `seed ${result.seed}`).toMatchObject({
      finished: true,
      items,
      confirmed: items,
      duplicates: 0,
      lost: 0,
      strays: 0,
      auditMismatches: 0,
      problems: [],
    });
    expect(result.kills, `seed ${result.seed}`).toBeGreaterThanOrEqual(8);
  }, 120_000);
});
