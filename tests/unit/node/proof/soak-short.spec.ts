// @vitest-environment node
/**
 * The soak's short version (`npm run soak` runs 5,000 items and 50+ kills): the same run, small,
 * with every kind of fault and kill together, and the same table. It is also the test of the
 * backend's own outages mid-sync: every token expired (the queue pauses with auth-required, the
 * agent signs in again, it goes on) and the sandbox stopped and started again on its data folder.
 */
import { describe, expect, it } from 'vitest';
import { details, runSoak } from '../../../soak/soak';

describe('npm run soak, short', () => {
  it('confirms every item exactly once through kills of every kind, 5xx, drops, 429s, an expired token and a sandbox restart', async () => {
    const report = await runSoak({
      node: {
        items: 30,
        customers: 10,
        kills: 8,
        killDelayMs: [30, 300],
        tokenExpiries: 1,
        sandboxRestarts: 1,
        mix: {
          error5xx: 0.02,
          dropBefore: 0.02,
          dropAfter: 0.02,
          throttle: 0.01,
          retryAfterSeconds: 1,
          latencyMs: [0, 10],
          at: { error5xx: [4], dropBefore: [9], dropAfter: [14], throttle: [19] },
        },
        seed: Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31)),
      },
    });
    console.log(`${report.table}\n${details(report).join('\n')}`);
    expect(report.rows[0], details(report).join(' ')).toMatchObject({ items: 30, confirmed: 30, duplicates: 0, lost: 0 });
    expect(report.ok, details(report).join(' ')).toBe(true);
    expect(report.node.kills).toBeGreaterThanOrEqual(5);
    expect(report.node.faultsByKind).toMatchObject({ tokenExpired: 1, sandboxRestarted: 1 });
    expect(report.node.reSignIns, 'signed in again after the tokens expired').toBeGreaterThanOrEqual(1);
    expect(report.node.retryAfterViolations).toBe(0);
  }, 150_000);
});
