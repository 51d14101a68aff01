/**
 * Where an export's rows go, one at a time. `write` resolves when the sink can take the next row, so
 * a slow file holds the reading back and memory stays bounded by one page of records.
 */
export interface RowSink<Row> {
  write(row: Row): Promise<void>;
}

/** How an export reads and reports: records per page, and how often (in rows) it says how far it got. */
export interface ExportOptions {
  pageSize?: number;
  progressEvery?: number;
  onProgress?: (rows: number) => void;
}

export const DEFAULT_PAGE_SIZE = 200;
export const DEFAULT_PROGRESS_EVERY = 1000;

/** Counts rows written and calls `onProgress` at every `progressEvery`-th. */
export function progressCounter(options: ExportOptions): { count: () => number; add: () => void } {
  const every = options.progressEvery ?? DEFAULT_PROGRESS_EVERY;
  let rows = 0;
  return {
    count: () => rows,
    add: () => {
      rows += 1;
      if (options.onProgress && rows % every === 0) options.onProgress(rows);
    },
  };
}
