import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApplicationExportRow } from '../../app/use-cases';
import { APPLICATION_COLUMNS } from '../../export/application-columns';
import { openTable } from '../../export/table-file';
import { t, type Lang } from '../../i18n';

/** An export being written to a file of its own, to be measured or sent and then discarded. */
export interface ExportWorkbook {
  path: string;
  write(row: ApplicationExportRow): Promise<void>;
  /** Finishes the file and tells its size in bytes. */
  finish(): Promise<number>;
  /** Removes the file (finished or not) and its folder. */
  discard(): Promise<void>;
}

/**
 * An XLSX of the export's columns, headers and words in the reader's language, in a temporary folder.
 * XLSX rather than CSV for Teams: the file card opens it in Excel for the web and on mobile at once,
 * figures stay numbers with two decimals under a frozen header row, Chinese needs no byte-order mark,
 * and a customer named like a formula is a text cell, shown without the `'` a CSV needs.
 */
export async function exportWorkbook(lang: Lang): Promise<ExportWorkbook> {
  const dir = await mkdtemp(join(tmpdir(), 'plandesk-export-'));
  const path = join(dir, 'export.xlsx');
  const table = openTable(path, 'xlsx', APPLICATION_COLUMNS, lang, t(lang, 'cli.export.sheet.applications'));
  let finished = false;
  return {
    path,
    write: (row) => table.write(row),
    async finish() {
      await table.close();
      finished = true;
      return (await stat(path)).size;
    },
    async discard() {
      if (!finished) await table.abort();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
