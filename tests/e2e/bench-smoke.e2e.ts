/**
 * The benchmark's short check in `npm test`: its harness page is built from the app's own modules
 * and drives the app's outbox and sync engine over the real bridge, one at a time and as the app
 * does, to the end. Every measure at smoke sizes runs in `npm run soak` (tests/soak/bench-smoke.soak.ts);
 * timings are judged only by `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildBenchSite } from '../bench/build';
import { launchBrowser } from '../bench/browser';
import { measureSync } from '../bench/measures/sync';

test('the benchmark harness drives the app’s own outbox and sync engine through the bridge to the end', async () => {
  test.setTimeout(120_000);
  const lines: string[] = [];
  const work = mkdtempSync(join(tmpdir(), 'mca-bench-check-'));
  const browser = await launchBrowser();
  try {
    const siteDir = await buildBenchSite({ outDir: join(work, 'site'), buildApp: false, log: (line) => lines.push(line) });
    const sync = await measureSync(browser, {
      siteDir,
      items: 3,
      latencyMs: 0,
      rateLimitPerMinute: 0,
      userName: 'admin@contoso.example',
      timeoutMs: 60_000,
      log: (line) => lines.push(line),
    });
    for (const run of [sync.baseline, sync.app]) {
      expect(run, lines.join('\n')).toMatchObject({ confirmed: 3, failed: 0, left: 0 });
      expect(run.requests).toBeGreaterThanOrEqual(3);
    }
    expect(Number.isFinite(sync.speedup)).toBe(true);
    expect(sync.rateLimited).toBeNull();
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
});
