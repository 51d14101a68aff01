import { rename, rm } from 'node:fs/promises';
import type { RowSink } from '../app/export/row-sink';
import type { Lang } from '../i18n';
import type { Column } from './columns';
import { csvTable } from './csv-table';
import { xlsxTable } from './xlsx-table';

export const TABLE_FORMATS = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** A table being written: rows go in through `write`; `close` finishes the file, `abort` leaves none. */
export interface TableWriter<Row> extends RowSink<Row> {
  close(): Promise<void>;
  abort(): Promise<void>;
}

/** The format a file name asks for by its extension, or null for one PlanDesk does not write. */
export function formatOf(path: string): TableFormat | null {
  const match = /\.(csv|xlsx)$/i.exec(path);
  return match ? (match[1]!.toLowerCase() as TableFormat) : null;
}

/**
 * Opens a table file: written beside the target as `<file>.partial` and renamed to it only when
 * complete, so an export that fails half-way leaves no file that looks whole.
 */
export function openTable<Row>(
  path: string,
  format: TableFormat,
  columns: readonly Column<Row>[],
  lang: Lang,
  sheetName: string,
): TableWriter<Row> {
  const partial = `${path}.partial`;
  const table = format === 'csv' ? csvTable(partial, columns, lang) : xlsxTable(partial, columns, lang, sheetName);
  return {
    write: (row) => table.write(row),
    async close() {
      await table.close();
      await rename(partial, path);
    },
    async abort() {
      await table.abort();
      await rm(partial, { force: true });
    },
  };
}
