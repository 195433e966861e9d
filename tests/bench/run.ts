/**
 * `npm run bench [-- options]`: measures, prints a table, writes bench/results.json (the issue's
 * format) and bench/results-details.json (every sample, the machine, the settings).
 *
 *   --customers <n>   generated customers in the sandbox (default 100000)
 *   --items <n>       attestations per sync run (default 1000)
 *   --queued <n>      backlog before the enqueue measure (default 10000)
 *   --rate-limit <n>  the rate-limited run's limit in requests/minute (0 skips it; default: one that binds)
 *   --only <id>       run one measure alone and replace its row in bench/results.json (direct_sign_scan_share_of_limit)
 *   --no-build        reuse out/renderer instead of running electron-vite build
 *   --smoke           the tiny configuration the test suite runs
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './build';
import { FULL_CONFIG, SMOKE_CONFIG, directScanRow, runBench, runDirectScan, type BenchConfig } from './harness';
import { formatMarkdown, formatTable, toResults, type BenchResult } from './report';

/** Measures that run alone (`--only <id>`): Node only, no browser, no build. */
const ALONE: Record<string, (config: BenchConfig) => Promise<ReturnType<typeof directScanRow>>> = {
  direct_sign_scan_share_of_limit: async (config) => directScanRow(await runDirectScan(config)),
};

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a whole number, not "${value}".`);
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string' },
      items: { type: 'string' },
      queued: { type: 'string' },
      'rate-limit': { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      only: { type: 'string' },
      smoke: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const base = values.smoke ? SMOKE_CONFIG : FULL_CONFIG;
  const rateLimit = integer(values['rate-limit'], 'rate-limit');
  const config: BenchConfig = {
    ...base,
    customers: integer(values.customers, 'customers') ?? base.customers,
    syncItems: integer(values.items, 'items') ?? base.syncItems,
    queued: integer(values.queued, 'queued') ?? base.queued,
    ...(rateLimit !== undefined ? { rateLimitPerMinute: rateLimit } : {}),
    buildApp: values['no-build'] ? false : base.buildApp,
    log: (message) => console.log(message),
  };
  if (values.only !== undefined) {
    const measure = ALONE[values.only];
    if (!measure) throw new Error(`--only takes one of: ${Object.keys(ALONE).join(', ')}; not "${values.only}".`);
    const row = await measure(config);
    const file = join(ROOT, 'bench', 'results.json');
    const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BenchResult[]) : [];
    const { label: _label, note: _note, ...result } = row;
    const merged = [...previous.filter((entry) => entry.id !== row.id), result];
    mkdirSync(join(ROOT, 'bench'), { recursive: true });
    writeFileSync(file, `${JSON.stringify(toResults(merged.map((entry) => ({ label: '', note: '', ...entry }))), null, 2)}\n`);
    console.log(`\n${formatTable([row])}\n\nMarkdown:\n\n${formatMarkdown([row])}\n`);
    console.log(row.met ? 'Target met.' : `Missed: ${row.id}`);
    console.log('Replaced its row in bench/results.json.');
    return;
  }
  const run = await runBench(config);
  const results = toResults(run.measured);
  const dir = join(ROOT, 'bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, 'results-details.json'), `${JSON.stringify(run, null, 2)}\n`);
  const { machine } = run;
  console.log(`\nMCA Desk benchmark, ${run.startedAt} (${run.minutes} min)`);
  console.log(
    `Machine: ${machine.nproc} cores, ${machine.cpu}, ${machine.memoryGb} GB; Node ${machine.node}, Chromium ${machine.chromium}; load average ${machine.loadAverage}\n`,
  );
  console.log(formatTable(run.measured));
  console.log(`\nMarkdown:\n\n${formatMarkdown(run.measured)}\n`);
  const missed = run.measured.filter((row) => !row.met);
  console.log(missed.length ? `Missed: ${missed.map((row) => row.id).join(', ')}` : 'Every target met.');
  console.log('Wrote bench/results.json and bench/results-details.json.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
