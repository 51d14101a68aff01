import ExcelJS from 'exceljs';
import { t, type Lang } from '../i18n';
import type { Column, ColumnKind } from './columns';

const WIDTH: Record<ColumnKind, number> = { text: 24, money: 16, percent: 12, integer: 10 };

/** A figure as the sheet holds it: money in yuan, a percent as its number, both shown with two decimals. */
function cellOf(kind: ColumnKind, value: string | number | null): string | number | null {
  if (typeof value !== 'number') return value;
  if (kind === 'money' || kind === 'percent') return value / 100;
  return value;
}

/**
 * An Excel workbook written as a stream (exceljs' WorkbookWriter): each row is committed to the file
 * as it is written, strings inline rather than in a shared table, so memory does not grow with the rows.
 * Text goes in as text cells, never formulas, so a customer named "=HYPERLINK(…)" stays a name.
 */
export function xlsxTable<Row>(path: string, columns: readonly Column<Row>[], lang: Lang, sheetName: string) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: t(lang, c.header),
    key: c.key,
    width: WIDTH[c.kind],
    style: c.kind === 'money' || c.kind === 'percent' ? { numFmt: '0.00' } : {},
  }));
  let rows = 0;
  return {
    async write(row: Row) {
      sheet.addRow(columns.map((c) => cellOf(c.kind, c.value(row, lang)))).commit();
      // Let the zip stream drain to the file now and then, rather than only at the end.
      rows += 1;
      if (rows % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
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
