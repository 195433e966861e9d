/**
 * The benchmark's results: the rows of `bench/results.json` (issue 7's format and ids), the
 * machine they were measured on, and the table printed for people.
 */
import { cpus, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';

export const RESULT_IDS = [
  'search_p95_ms',
  'search_over_floor_ratio',
  'search_over_rows_page_ratio',
  'search_baseline_p95_ms',
  'search_speedup_ratio',
  'customers_first_paint_ms',
  'overview_first_paint_ms',
  'renderer_heap_mb',
  'enqueue_p95_ms',
  'sync_speedup_ratio',
  'sync_rate_limit_utilisation',
  'cache_download_items_per_s',
  'cold_start_ms',
  'enhanced_accept_to_confirmed_p50_s',
  'pending_poll_share_of_limit',
  'enhanced_requests_per_confirmed',
  'evidence_pack_mb_per_s',
  'audit_filter_p95_ms',
  'direct_sign_scan_share_of_limit',
  'sync_requests_per_item',
  'sync_items_per_min_at_limit',
] as const;

export type ResultId = (typeof RESULT_IDS)[number];

/** One row of bench/results.json. */
export interface BenchResult {
  id: ResultId;
  value: number;
  unit: string;
  target: string;
  met: boolean;
  baseline?: number;
  ratio?: number;
}

/** A row plus what the table shows next to it (never written to results.json). */
export interface Measured extends BenchResult {
  label: string;
  note: string;
}

export interface Machine {
  nproc: number;
  cpu: string;
  memoryGb: number;
  node: string;
  chromium: string;
  /** 1-minute load average when the run started and ended: other work on the machine skews timings. */
  loadAverage: string;
}

export function machineInfo(chromium: string, loadAtStart: number): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('model name'));
    if (line) cpu = line.split(':')[1]?.trim() ?? cpu;
  } catch {
    // not Linux: os.cpus() it is
  }
  return {
    nproc: cpus().length,
    cpu,
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium,
    loadAverage: `${loadAtStart.toFixed(2)} → ${currentLoad().toFixed(2)}`,
  };
}

export function currentLoad(): number {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return Number.NaN;
  }
}

/** The p-th percentile (nearest rank) of the values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank - 1, 0), sorted.length - 1)] as number;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The rows as results.json holds them, in the issue's order. */
export function toResults(measured: readonly Measured[]): BenchResult[] {
  return RESULT_IDS.flatMap((id) => {
    const row = measured.find((entry) => entry.id === id);
    if (!row) return [];
    const { label: _label, note: _note, ...result } = row;
    return [result];
  });
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** A plain-text table for the terminal. */
export function formatTable(measured: readonly Measured[]): string {
  const rows = measured.map((row) => [row.label, `${row.value} ${row.unit}`, row.target, row.met ? 'yes' : 'NO', row.note]);
  const header = ['measure', 'value', 'target', 'met', 'how'];
  const widths = header.map((title, column) =>
    Math.min(Math.max(title.length, ...rows.map((row) => (row[column] as string).length)), column === 4 ? 200 : 60),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => pad(cell, widths[column] as number))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** The same table in Markdown, for the README. */
export function formatMarkdown(measured: readonly Measured[]): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const compared = (row: Measured) =>
    row.baseline === undefined ? '' : `${row.baseline}${row.ratio === undefined ? '' : ` (ratio ${row.ratio})`}`;
  return [
    '| measure | id | value | target | met | baseline (ratio) |',
    '|---|---|---|---|---|---|',
    ...measured.map(
      (row) =>
        `| ${escape(row.label)} | \`${row.id}\` | ${row.value} ${row.unit} | ${escape(row.target)} | ${row.met ? 'yes' : '**no**'} | ${compared(row)} |`,
    ),
  ].join('\n');
}
