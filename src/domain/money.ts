/** Money is integer fen (1 yuan = 100 fen); a fractional fen never exists in PlanDesk. */
export type Fen = number;

/** Shows fen as yuan with thousands separators: 123456789 → "1,234,567.89". */
export function formatYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}
