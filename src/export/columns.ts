import { shanghaiDate, shanghaiTime } from '../domain/local-date';
import type { Named } from '../app/export/application-row';
import type { Lang, StringKey } from '../i18n';

/**
 * How a column's values are kept and shown: `money` in fen, shown as yuan with two decimals;
 * `percent` in basis points, shown as a percent with two decimals; `integer` as it is; `text` as words.
 */
export type ColumnKind = 'text' | 'money' | 'percent' | 'integer';

/** One column of an export: its header's key in the string tables, its kind, and its cell for a row. */
export interface Column<Row> {
  key: string;
  header: StringKey;
  kind: ColumnKind;
  value: (row: Row, lang: Lang) => string | number | null;
}

/** Someone in a cell: their name, else (never in any directory version) their id. */
export const who = (person: Named): string => person.name ?? person.id;

/** An instant as the organization reads it: Shanghai date and time, "2026-12-01 10:00". */
export const shanghaiDateTime = (iso: string): string => {
  const at = new Date(iso);
  return `${shanghaiDate(at)} ${shanghaiTime(at)}`;
};
