/**
 * Parses a CSV file in chunks with papaparse, handing each chunk's rows over and yielding to the
 * browser between chunks, so a large file neither freezes the UI nor needs a worker (which the app's
 * content security policy would have to allow). Reports progress as a share of the file read.
 */
import Papa from 'papaparse';

export const PARSE_CHUNK_BYTES = 256 * 1024;

export interface ParseHandlers {
  /** Rows of one chunk, and the spreadsheet row number of its first row (the file's first row is 1). */
  rows: (rows: string[][], firstRow: number) => void;
  progress?: (share: number) => void;
}

export interface ParseOutcome {
  rows: number;
  errors: Papa.ParseError[];
  aborted: boolean;
}

export function parseCsv(input: Blob, handlers: ParseHandlers, signal?: AbortSignal, chunkSize = PARSE_CHUNK_BYTES): Promise<ParseOutcome> {
  const size = input.size;
  let rows = 0;
  const errors: Papa.ParseError[] = [];
  return new Promise((resolve, reject) => {
    const config: Papa.ParseLocalConfig<string[], Blob> = {
      header: false,
      skipEmptyLines: false,
      chunkSize,
      chunk: (results, parser) => {
        if (signal?.aborted) {
          parser.abort();
          return;
        }
        try {
          handlers.rows(results.data, rows + 1);
        } catch (error) {
          parser.abort();
          reject(error);
          return;
        }
        rows += results.data.length;
        errors.push(...results.errors);
        handlers.progress?.(size ? Math.min(results.meta.cursor / size, 1) : 1);
        // Let the page paint and respond before the next chunk.
        parser.pause();
        setTimeout(() => parser.resume(), 0);
      },
      complete: () => resolve({ rows, errors, aborted: signal?.aborted ?? false }),
      error: (error: Error) => reject(error),
    };
    Papa.parse(input as File, config as Papa.ParseLocalConfig<string[], File>);
  });
}
