/**
 * `npm run bench [-- options]`: measures, prints a table, writes bench/results.json (the issue's
 * format) and bench/results-details.json (every sample, the machine, the settings).
 *
 *   --customers <n>   generated customers in the sandbox (default 100000)
 *   --items <n>       attestations per sync run (default 1000)
 *   --queued <n>      backlog before the enqueue measure (default 10000)
 *   --rate-limit <n>  the rate-limited run's limit in requests/minute (0 skips it; default: one that binds)
 *   --no-build        reuse out/renderer instead of running electron-vite build
 *   --smoke           the tiny configuration the test suite runs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './build';
import { FULL_CONFIG, SMOKE_CONFIG, runBench, type BenchConfig } from './harness';
import { formatMarkdown, formatTable, toResults } from './report';

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
