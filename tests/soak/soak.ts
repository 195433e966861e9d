/**
 * The soak: many attestations through random faults and kills, with one verdict per run.
 * - Node (engine + host + sandbox, kills simulated in-process): the renderer's sync engine and Dexie
 *   outbox on fake-indexeddb, the real host services and the real sandbox on disk, a counting fault
 *   proxy (5xx, drops before/after the write, 429 with Retry-After, latency), token expiries and
 *   sandbox restarts, and kills of the window, the bridge or both (tests/soak/harness.ts).
 * - Chromium + bridge process (real kills): browser mode as a child process, Chromium on a
 *   persistent profile, SIGKILL of either or both, or the browser closed (tests/soak/browser-kill-loop.ts).
 */
import { runFaultScenario, type FaultRunOptions, type FaultRunResult } from './harness';
import { runBrowserKillLoop, type BrowserKillOptions, type BrowserKillResult } from './browser-kill-loop';

export interface SoakOptions {
  node: Omit<FaultRunOptions, 'sandbox'>;
  browser?: BrowserKillOptions;
  log?: (line: string) => void;
}

export interface SoakRow {
  run: string;
  items: number;
  kills: number;
  faults: number;
  confirmed: number;
  duplicates: number;
  lost: number;
  timeS: number;
}

export interface SoakReport {
  rows: SoakRow[];
  node: FaultRunResult;
  browser?: BrowserKillResult;
  ok: boolean;
  table: string;
}

export const NODE_RUN = 'Node: engine + host + sandbox (kills simulated in-process)';
export const BROWSER_RUN = 'Chromium + bridge process (real kills: SIGKILL / close)';

function format(rows: SoakRow[]): string {
  const header = ['run', 'items', 'kills', 'faults', 'confirmed', 'duplicates', 'lost', 'time'];
  const cells = rows.map((row) =>
    [row.run, row.items, row.kills, row.faults, row.confirmed, row.duplicates, row.lost, `${row.timeS.toFixed(1)} s`].map(String),
  );
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column]!.length)));
  const line = (values: string[]) =>
    `| ${values.map((value, column) => (column === 0 ? value.padEnd(widths[column]!) : value.padStart(widths[column]!))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((width, column) => (column === 0 ? ':' : '-') + '-'.repeat(width) + (column === 0 ? '-' : ':')).join('|')}|`,
    ...cells.map(line),
  ].join('\n');
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const log = options.log ?? (() => undefined);
  log(`${NODE_RUN}: ${options.node.items} items, ${options.node.kills} kills…`);
  const node = await runFaultScenario({ ...options.node, log });
  const rows: SoakRow[] = [
    {
      run: NODE_RUN,
      items: node.items,
      kills: node.kills,
      faults: node.faults,
      confirmed: node.confirmed,
      duplicates: node.duplicates,
      lost: node.lost,
      timeS: node.timeMs / 1000,
    },
  ];
  let browser: BrowserKillResult | undefined;
  if (options.browser) {
    log(`${BROWSER_RUN}: ${options.browser.items} items, ${options.browser.kills} kills…`);
    browser = await runBrowserKillLoop({ ...options.browser, log });
    rows.push({
      run: BROWSER_RUN,
      items: browser.items,
      kills: browser.kills,
      faults: 0,
      confirmed: browser.confirmed,
      duplicates: browser.duplicates,
      lost: browser.lost,
      timeS: browser.timeMs / 1000,
    });
  }
  const ok =
    node.finished &&
    node.duplicates === 0 &&
    node.lost === 0 &&
    node.strays === 0 &&
    node.auditMismatches === 0 &&
    node.retryAfterViolations === 0 &&
    node.problems.length === 0 &&
    (!browser ||
      (browser.duplicates === 0 && browser.lost === 0 && browser.auditMismatches === 0 && browser.securityProblems.length === 0));
  return { rows, node, browser, ok, table: format(rows) };
}

/** The detail lines printed under the table. */
export function details(report: SoakReport): string[] {
  const { node, browser } = report;
  const lines = [
    `Node run (seed ${node.seed}): kills ${JSON.stringify(node.killsByKind)}; faults ${JSON.stringify(node.faultsByKind)}; re-sign-ins ${node.reSignIns}; requests sent inside a Retry-After ${node.retryAfterViolations}; audit mismatches ${node.auditMismatches}; stray agreements ${node.strays}; drained ${node.finished ? 'yes' : 'NO'}.`,
  ];
  if (node.problems.length) lines.push(`Node run problems: ${node.problems.join(' ')}`);
  if (browser)
    lines.push(
      `Browser run (seed ${browser.seed}): kills ${JSON.stringify(browser.killsByKind)}, ${browser.killsMidSync} of them with items still open; outbox states ${JSON.stringify(browser.states)}; audit mismatches ${browser.auditMismatches}; CSP/off-host problems ${browser.securityProblems.length}.`,
    );
  if (browser && Object.keys(browser.leftovers).length) lines.push(`Browser run leftovers: ${JSON.stringify(browser.leftovers)}`);
  return lines;
}
