/**
 * "Download the full report": every problem of a CSV check as a CSV file (row, field, reason, code),
 * in the agent's language, each cell escaped against formula injection like the status export.
 */
import type { RowProblem } from './attestation-csv';
import { escapeCell } from './csv-cells';
import { toCsv } from './csv-cells';

export const PROBLEM_COLUMNS = ['row', 'field', 'reason', 'code'] as const;

export function problemsCsv(problems: readonly RowProblem[], describe: (problem: RowProblem) => { field: string; reason: string }): string {
  return toCsv(
    PROBLEM_COLUMNS,
    problems.map((problem) => {
      const { field, reason } = describe(problem);
      return [String(problem.row), field, reason, problem.code].map(escapeCell);
    }),
  );
}

/** "attestations.csv" → "attestations-problems.csv" */
export function problemsFileName(fileName: string): string {
  const base = fileName.replace(/\.csv$/i, '').trim() || 'import';
  return `${base}-problems.csv`;
}
