import { EventEmitter, once } from 'node:events';
import type ExcelJSModule from 'exceljs';
import { t, type Lang } from '../i18n';
import type { Column, ColumnKind } from './columns';

/** exceljs takes most of a second to load and only exports use it: it is loaded by the first (issue 13). */
let excel: typeof ExcelJSModule | undefined;
const exceljs = (): typeof ExcelJSModule =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  (excel ??= require('exceljs') as typeof ExcelJSModule);

const WIDTH: Record<ColumnKind, number> = { text: 24, money: 16, percent: 12, integer: 10 };

/** A figure as the sheet holds it: money in yuan, a percent as its number, both shown with two decimals. */
function cellOf(kind: ColumnKind, value: string | number | null): string | number | null {
  if (typeof value !== 'number') return value;
  if (kind === 'money' || kind === 'percent') return value / 100;
  return value;
}

/** Where a streamed sheet's XML waits to be compressed, and a way to wait until it has room. */
interface ZipInput {
  full(): boolean;
  drained(): Promise<unknown>;
}

const field = (from: unknown, name: string): unknown =>
  typeof from === 'object' && from !== null ? Reflect.get(from, name) : undefined;

/**
 * The stream a streamed sheet's XML goes into on its way to the zip: the first of the `pipes` of the
 * sheet's `stream` (exceljs 4.4), a PassThrough of archiver's own readable-stream 2, whose writable
 * state says when it is over its high-water mark. Neither is typed by exceljs, so both are checked
 * here at run time; null when they are not where they were, and the writer then only yields.
 */
function zipInput(sheet: ExcelJSModule.Worksheet): ZipInput | null {
  const pipes = field(field(sheet, 'stream'), 'pipes');
  const input: unknown = Array.isArray(pipes) ? pipes[0] : undefined;
  const state = field(input, '_writableState');
  if (!(input instanceof EventEmitter) || typeof field(state, 'needDrain') !== 'boolean') return null;
  return { full: () => field(state, 'needDrain') === true, drained: () => once(input, 'drain') };
}

/**
 * An Excel workbook written as a stream (exceljs' WorkbookWriter): each row is committed to the file
 * as it is written, strings inline rather than in a shared table, so memory does not grow with the rows.
 * exceljs writes a committed row on towards the zip without waiting for the compressor, so rows made
 * faster than they are compressed would pile up as buffers outside the heap, where no heap limit holds
 * them (about 10 MB for every 10,000 plans, measured): each write waits until that input has drained.
 * Text goes in as text cells, never formulas, so a customer named "=HYPERLINK(…)" stays a name.
 */
export function xlsxTable<Row>(path: string, columns: readonly Column<Row>[], lang: Lang, sheetName: string) {
  const workbook = new (exceljs().stream.xlsx.WorkbookWriter)({
    filename: path,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: t(lang, c.header),
    key: c.key,
    width: WIDTH[c.kind],
    style: c.kind === 'money' || c.kind === 'percent' ? { numFmt: '0.00' } : {},
  }));
  let input: ZipInput | null = null;
  let rows = 0;
  return {
    async write(row: Row) {
      sheet.addRow(columns.map((c) => cellOf(c.kind, c.value(row, lang)))).commit();
      input ??= zipInput(sheet);
      if (input?.full()) await input.drained();
      // Without the zip's input to wait on, let the compressor run now and then rather than only at the end.
      rows += 1;
      if (!input && rows % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
    },
    async close() {
      sheet.commit();
      await workbook.commit();
    },
    async abort() {
      // Finishing is the only way exceljs closes its file; the partial file is then removed.
      await workbook.commit().catch(() => undefined);
    },
  };
}
