import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { stringify, type CastingContext } from 'csv-stringify';
import { formatBasisPoints } from '../domain/basis-points';
import { formatYuan } from '../domain/money';
import { t, type Lang } from '../i18n';
import type { Column } from './columns';

/**
 * A CSV file for Excel: UTF-8 with a byte-order mark (without one Excel reads Chinese as mojibake),
 * CRLF lines, quoting by csv-stringify, and every text cell that starts with = + - @ (or a tab or
 * CR, or their full-width forms) prefixed with ' so a spreadsheet shows it rather than runs it.
 * Figures are numbers, so a negative margin stays a number: money as yuan with two decimals.
 */
export function csvTable<Row>(path: string, columns: readonly Column<Row>[], lang: Lang) {
  const kinds = new Map(columns.map((c) => [c.key, c.kind]));
  const number = (value: number, context: CastingContext): string => {
    const kind = kinds.get(String(context.column));
    if (kind === 'money') return formatYuan(value, { grouping: false });
    if (kind === 'percent') return formatBasisPoints(value);
    return String(value);
  };
  const stringifier = stringify({
    bom: true,
    header: true,
    columns: columns.map((c) => ({ key: c.key, header: t(lang, c.header) })),
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: { number },
  });
  const done = pipeline(stringifier, createWriteStream(path));
  // The failure is reported by close() or the next write; until then it must not go unhandled.
  done.catch(() => undefined);
  return {
    async write(row: Row) {
      const record = Object.fromEntries(columns.map((c) => [c.key, c.value(row, lang)]));
      if (!stringifier.write(record)) await Promise.race([once(stringifier, 'drain'), done]);
    },
    async close() {
      stringifier.end();
      await done;
    },
    async abort() {
      stringifier.destroy();
      await done.catch(() => undefined);
    },
  };
}
