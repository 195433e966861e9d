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
 *   --no-readme       do not write the full run's table into README.md (written by default, not for --smoke)
 *   --only <ids>      only these ids (comma-separated) of the measures that run in Node alone:
 *                     sync_requests_per_item, sync_items_per_min_at_limit, sync_speedup_ratio,
 *                     direct_sign_scan_share_of_limit, evidence_pack_mb_per_s, audit_filter_p95_ms;
 *                     no browser; or of the customer-base measures in the browser: search_p95_ms,
 *                     search_over_floor_ratio, enqueue_p95_ms, ... (CUSTOMERS_IDS, customers-rows.ts);
 *                     their rows replace the same ids in bench/results.json, the others are kept
 *
 * BENCH_TYPING_TRACE=1 in the environment adds a Chromium trace of the typing measure's first
 * queries, printed as ms per keystroke by event and thread (trace-summary.ts): a diagnostic.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildBenchSite, ROOT } from './build';
import { CUSTOMERS_IDS, customersRows, runCustomersInApp } from './customers-rows';
import { FULL_CONFIG, SMOKE_CONFIG, aloneMeasures, runBench, type BenchConfig } from './harness';
import { currentLoad, formatMarkdown, formatTable, machineInfo, toResults, RESULT_IDS, type BenchResult, type Measured } from './report';
import { writeReadmeTable } from './readme-table';
import { measureRouteSync, ROUTE_SYNC_FULL, ROUTE_SYNC_IDS, ROUTE_SYNC_SMOKE, type RouteSyncId } from './measures/route-sync';

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
      only: { type: 'string' },
      'no-readme': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const dir = join(ROOT, 'bench');
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
    const alone = aloneMeasures();
    const known: string[] = [...ROUTE_SYNC_IDS, ...Object.keys(alone), ...CUSTOMERS_IDS];
    const ids = values.only
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    const unknown = ids.filter((id) => !known.includes(id));
    if (ids.length === 0 || unknown.length)
      throw new Error(`--only takes ${known.join(', ')} (comma-separated); not: ${unknown.join(', ') || '(none)'}.`);
    const routeIds = ids.filter((id): id is RouteSyncId => (ROUTE_SYNC_IDS as readonly string[]).includes(id));
    const rows: Measured[] = routeIds.length
      ? await measureRouteSync(routeIds, values.smoke ? ROUTE_SYNC_SMOKE : ROUTE_SYNC_FULL, config.log)
      : [];
    for (const id of ids) if (alone[id]) rows.push(await alone[id](config));
    const browserIds = ids.filter((id) => (CUSTOMERS_IDS as readonly string[]).includes(id));
    if (browserIds.length) rows.push(...(await customersAlone(config, dir, browserIds)));
    writeMerged(dir, rows);
    console.log(`\n${formatTable(rows)}\n\nMarkdown:\n\n${formatMarkdown(rows)}\n`);
    const missed = rows.filter((row) => !row.met);
    console.log(missed.length ? `Missed: ${missed.map((row) => row.id).join(', ')}` : 'Every target met.');
    console.log(`Wrote ${rows.map((row) => row.id).join(', ')} into bench/results.json (other rows kept).`);
    return;
  }

  const run = await runBench(config);
  const results = toResults(run.measured);
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
  if (!values.smoke && !values['no-readme']) {
    writeReadmeTable(join(ROOT, 'README.md'), {
      startedAt: run.startedAt,
      minutes: run.minutes,
      machine,
      table: formatMarkdown(run.measured),
    });
    console.log("Wrote the run's table into README.md (Reliability and performance).");
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});

/** Writes these rows into bench/results.json in the order, keeping the rows of other ids as they were. */
function writeMerged(dir: string, rows: readonly Measured[]): void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'results.json');
  const earlier: BenchResult[] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BenchResult[]) : [];
  const fresh = toResults(rows);
  const merged = [...earlier.filter((row) => !fresh.some((mine) => mine.id === row.id)), ...fresh];
  merged.sort((a, b) => RESULT_IDS.indexOf(a.id) - RESULT_IDS.indexOf(b.id));
  writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
}

/**
 * Only the customer-base measures (browser mode, Chromium): the build, a new sandbox and profile,
 * and the rows of `ids`. Every sample goes to bench/results-details.json as in a full run.
 */
async function customersAlone(config: BenchConfig, dir: string, ids: readonly string[]): Promise<Measured[]> {
  const loadAtStart = currentLoad();
  const startedAt = new Date();
  const work = mkdtempSync(join(tmpdir(), 'mca-bench-'));
  try {
    const siteDir = await buildBenchSite({ outDir: join(work, 'site'), buildApp: config.buildApp, log: config.log });
    // The first-paint runs (a reload each, some minutes at 100,000) only when their row is asked for.
    const paintRuns = ids.includes('customers_first_paint_ms') ? config.paintRuns : 0;
    const { customers, chromium } = await runCustomersInApp({ ...config, paintRuns }, work, siteDir);
    const rows = customersRows(customers).filter((row) => ids.includes(row.id));
    const { log: _log, ...plain } = config;
    const details = { only: ids, config: plain, machine: machineInfo(chromium, loadAtStart), customers, measured: rows };
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'results-details.json'), `${JSON.stringify({ ...details, startedAt: startedAt.toISOString() }, null, 2)}\n`);
    config.log(`Machine: load average ${details.machine.loadAverage}`);
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
