/**
 * Parses a CSV file in chunks with papaparse, handing each chunk's rows over and yielding to the
 * browser between chunks, so a large file neither freezes the UI nor needs a worker (which the app's
 * content security policy would have to allow). Reports progress as a share of the file read.
 */
import Papa from 'papaparse';

export const PARSE_CHUNK_BYTES = 256 * 1024;

export interface ParseHandlers {
  /**
   * Rows of one chunk, and the spreadsheet row number of its first row (the file's first row is 1).
   * When it answers a promise, the next chunk waits for it (any other answer is ignored).
   */
  rows: (rows: string[][], firstRow: number) => unknown;
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
        // Paused until the chunk's rows are handled (a handler may look something up first), and
        // then one more task, so the page paints and responds before the next chunk.
        parser.pause();
        const firstRow = rows + 1;
        rows += results.data.length;
        errors.push(...results.errors);
        const cursor = results.meta.cursor;
        new Promise((done) => done(handlers.rows(results.data, firstRow))).then(
          () => {
            handlers.progress?.(size ? Math.min(cursor / size, 1) : 1);
            setTimeout(() => parser.resume(), 0);
          },
          (error: unknown) => {
            reject(error);
            parser.abort();
          },
        );
      },
      complete: () => resolve({ rows, errors, aborted: signal?.aborted ?? false }),
      error: (error: Error) => reject(error),
    };
    Papa.parse(input as File, config as Papa.ParseLocalConfig<string[], File>);
  });
}
