/** Money is integer fen (1 yuan = 100 fen); a fractional fen never exists in PlanDesk. */
export type Fen = number;

/**
 * Fen as yuan with two decimals: 123456789 → "1,234,567.89" for reading, "1234567.89" with
 * `{ grouping: false }` for a form's input, where a separator would not parse back.
 */
export function formatYuan(fen: Fen, options: { grouping?: boolean } = {}): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100);
  const yuan = options.grouping === false ? String(whole) : whole.toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}
