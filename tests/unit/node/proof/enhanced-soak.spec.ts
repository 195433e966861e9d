// @vitest-environment node
/**
 * The enhanced soak's short version (`npm run soak` runs 1,000 items): enhanced attestations
 * (create → the signer accepts → finalise) through 5xx, dropped connections, lost answers after the
 * write landed, 429s with Retry-After, and kills of the window and the bridge at the moments where an
 * exactly-once promise can break: the create landed and answered but the answer never written, a read
 * in flight, a finalise in flight. A fixed seed (`FAULT_SEED` picks another). Every item must end
 * confirmed exactly once, with exactly one attestation and one agreement at the sandbox.
 */
import { describe, expect, it } from 'vitest';
import { enhancedDetails, enhancedRow, formatEnhancedTable, runEnhancedSoak } from '../../../soak/enhanced-soak';

describe('npm run soak, enhanced, short', () => {
  it('confirms every enhanced item exactly once, with one attestation and one agreement each, through faults and kills', async () => {
    const result = await runEnhancedSoak({
      items: 20,
      customers: 16,
      kills: 3,
      killPlan: [
        { kind: 'renderer', moment: 'create-answered' },
        { kind: 'bridge', moment: 'watch-in-flight' },
        { kind: 'both', moment: 'finalise-in-flight' },
      ],
      // A planned kill waits this long for its moment before it fires anyway (it is then counted as `waiting`).
      killFallbackMs: 8_000,
      signerDelayMs: [0, 600],
      // 30 s between reads of a sent link pass in 0.25 s (see tests/soak/enhanced-soak.ts).
      watchSpeedup: 120,
      mix: {
        error5xx: 0.02,
        dropBefore: 0.01,
        dropAfter: 0.03,
        throttle: 0.01,
        retryAfterSeconds: 1,
        latencyMs: [0, 10],
        // The first creates' answers lost after the sandbox made the attestation, a 5xx and a 429 early on.
        at: { dropAfter: [1, 3], error5xx: [6], throttle: [12] },
      },
      seed: Number(process.env.FAULT_SEED ?? 20261204),
      progressEveryMs: 1000,
      log: (line) => console.log(`${new Date().toISOString()} ${line}`),
      deadlineMs: 45_000,
    });
    const detail = enhancedDetails(result);
    console.log(`${formatEnhancedTable([enhancedRow('enhanced, short', result)])}\n${detail}`);
    expect(result, detail).toMatchObject({
      finished: true,
      items: 20,
      confirmed: 20,
      lost: 0,
      duplicated: 0,
      duplicatedAttestations: 0,
      duplicatedAgreements: 0,
      strays: 0,
      auditMismatches: 0,
      retryAfterViolations: 0,
      problems: [],
    });
    expect(result.kills, detail).toBe(3);
    expect(result.killsByMoment, detail).toMatchObject({ 'create-answered': 1, 'watch-in-flight': 1, 'finalise-in-flight': 1 });
    expect(result.faultsByKind.dropAfter, detail).toBeGreaterThanOrEqual(2);
    // Every item was created, accepted by its signer and finalised: at least three calls each.
    expect(result.acceptedBySigner, detail).toBe(20);
    expect(result.requests, detail).toBeGreaterThanOrEqual(60);
  }, 90_000);
});
