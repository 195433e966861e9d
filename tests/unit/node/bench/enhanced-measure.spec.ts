// @vitest-environment node
/**
 * The enhanced-route benchmark at a tiny size (`npm run bench` runs it at full size): on the app's
 * real outbox, host and sandbox with a jumping clock, every link whose signer accepts within the first
 * hour is confirmed about a minute later at most, and watching many pending links stays inside the
 * budget while the schedule alone (the baseline) would ask for more.
 */
import { describe, expect, it } from 'vitest';
import { measureEnhanced } from '../../../bench/measures/enhanced';
import { WATCH_READS_PER_MINUTE } from '../../../../renderer/src/outbox/watch-budget';

describe('the enhanced-route benchmark', () => {
  it('confirms every accepted link within about a minute and keeps watching inside the budget', async () => {
    const lines: string[] = [];
    const outcome = await measureEnhanced({
      acceptLinks: 3,
      pendingLinks: 60,
      watchMinutes: 2,
      limitPerMinute: 500,
      seed: 7,
      log: (line) => lines.push(line),
    });
    const { accept, watching, baseline } = outcome;
    expect(accept, lines.join('\n')).toMatchObject({ links: 3, confirmed: 3 });
    // Reads every 30 s in the first ten minutes and every minute to the hour, on a 30-second sync tick.
    for (const delay of accept.delaysS) expect(delay).toBeLessThanOrEqual(90);
    // Create + reads + finalise: at least the create and the finalise for each link.
    expect(accept.requestsPerConfirmed).toBeGreaterThanOrEqual(2);
    expect(watching.throttled).toBe(0);
    expect(watching.reads).toBeGreaterThan(0);
    expect(watching.requests).toBeLessThanOrEqual(WATCH_READS_PER_MINUTE * watching.minutes);
    // 60 links read every 30 s would be 240 reads in 2 minutes: the budget is what held it back.
    expect(baseline.watching.requests).toBeGreaterThan(watching.requests);
  }, 120_000);
});
