/**
 * The README's performance table is the last full run's, written by `npm run bench` between two
 * markers, so the figures a reader sees are the ones measured (never typed in by hand).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Machine } from './report';

export const TABLE_START = '<!-- bench:full-run:start (written by npm run bench; do not edit by hand) -->';
export const TABLE_END = '<!-- bench:full-run:end -->';

export interface FullRun {
  startedAt: string;
  minutes: number;
  machine: Machine;
  /** The Markdown table of every row (formatMarkdown). */
  table: string;
}

/** The block between the markers: when and where it ran, then the table. */
export function tableBlock(run: FullRun): string {
  const { machine } = run;
  const when = `${run.startedAt.slice(0, 16).replace('T', ' ')} UTC`;
  return [
    TABLE_START,
    `Latest full run: ${when}, ${run.minutes} min. Machine: ${machine.cpu}, ${machine.nproc} cores, ${machine.memoryGb} GB RAM; Node ${machine.node}, Chromium ${machine.chromium}; load average (1 min) ${machine.loadAverage} while it ran.`,
    '',
    run.table,
    '',
    TABLE_END,
  ].join('\n');
}

/** The README with its block replaced; an error when the markers are missing or out of order (nothing is written then). */
export function withTable(readme: string, run: FullRun): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md has no "${TABLE_START}" … "${TABLE_END}" block to write the table into.`);
  return readme.slice(0, start) + tableBlock(run) + readme.slice(end + TABLE_END.length);
}

export function writeReadmeTable(readmePath: string, run: FullRun): void {
  writeFileSync(readmePath, withTable(readFileSync(readmePath, 'utf8'), run));
}
