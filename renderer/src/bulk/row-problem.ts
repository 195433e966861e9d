/**
 * What a CSV import's check says about one row, whichever import it is (attestations, signers): the
 * report, its download and the page read only this shape.
 */

/** One reason a row is not queued: its row number as a spreadsheet shows it (the header is row 1). */
export interface RowProblem {
  row: number;
  /** The column (an import's column key, named in `bulk.fields`), or 'row' for the row as a whole. */
  field: string;
  /** An issue code: `bulk.reasons.<code>` or `validation.<code>` says it in words. */
  code: string;
  params?: Record<string, string | number>;
}

/** A customer of the local cache that a row names. */
export interface CustomerMatch {
  id: string;
  name: string;
}
