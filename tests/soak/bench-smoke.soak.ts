/**
 * The benchmark's smoke run (`npm run bench -- --smoke` sizes): every measure of issue 7 runs end to
 * end against the real app in Chromium and yields a finite figure in results.json's shape. Timings
 * are not asserted here (the machine is shared; `npm run bench` measures and judges them). Part of
 * `npm run soak` (about 40 s); `npm test` runs the short tests/e2e/bench-smoke.e2e.ts instead.
 */
import { expect, test } from '@playwright/test';
import { runBench, SMOKE_CONFIG } from '../bench/harness';
import { RESULT_IDS, toResults } from '../bench/report';

test('npm run bench --smoke: every measure produces a finite figure in the results format', async () => {
  test.setTimeout(240_000);
  const lines: string[] = [];
  const run = await runBench({ ...SMOKE_CONFIG, log: (line) => lines.push(line) });
  const results = toResults(run.measured);
  expect(
    results.map((row) => row.id),
    lines.join('\n'),
  ).toEqual([...RESULT_IDS]);
  for (const row of results) {
    expect(Number.isFinite(row.value), `${row.id} = ${row.value}\n${lines.join('\n')}`).toBe(true);
    expect(typeof row.unit).toBe('string');
    expect(typeof row.target).toBe('string');
    expect(typeof row.met).toBe('boolean');
    if (row.baseline !== undefined) expect(Number.isFinite(row.baseline), `${row.id} baseline`).toBe(true);
    if (row.ratio !== undefined) expect(Number.isFinite(row.ratio), `${row.id} ratio`).toBe(true);
    expect(Object.keys(row).every((key) => ['id', 'value', 'unit', 'target', 'met', 'baseline', 'ratio'].includes(key))).toBe(true);
  }
  // The download's progress was watched, and the runs sent what they queued.
  expect(run.customers.download.samples).toBeGreaterThan(0);
  expect(run.sync.baseline.confirmed).toBe(SMOKE_CONFIG.syncItems);
  expect(run.sync.app.confirmed).toBe(SMOKE_CONFIG.syncItems);
});
