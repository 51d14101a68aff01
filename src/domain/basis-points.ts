/**
 * Ratios are held as integer basis points (1 bp = 0.01 %), so "12.5" % is 1250 and every
 * comparison is integer arithmetic. A percent with more than two decimals is refused rather
 * than rounded, because rounding could silently favour the customer.
 */
export type BasisPoints = number;

const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/** Parses a percent written as "12", "12.5" or "12.25" (0–100) into basis points; null if it is not one. */
export function percentToBasisPoints(text: string): BasisPoints | null {
  const match = PERCENT.exec(text.trim());
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  const bp = whole * 100 + fraction;
  return bp <= 10000 ? bp : null;
}

/** Shows basis points as a percent with two decimals: 1250 → "12.50". */
export function formatBasisPoints(bp: BasisPoints): string {
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * The ratio numerator/denominator in basis points, rounded in the stated direction.
 * `floor` and `ceil` let a figure be shown conservatively (a margin never looks better than it is).
 */
export function ratioToBasisPoints(numerator: bigint, denominator: bigint, rounding: 'floor' | 'ceil'): BasisPoints {
  if (denominator <= 0n) throw new RangeError('ratio denominator must be positive');
  const scaled = numerator * 10000n;
  let quotient = scaled / denominator;
  const exact = quotient * denominator === scaled;
  if (!exact) {
    if (rounding === 'floor' && scaled < 0n) quotient -= 1n;
    if (rounding === 'ceil' && scaled > 0n) quotient += 1n;
  }
  const bp = Number(quotient);
  if (!Number.isSafeInteger(bp))
    throw new RangeError(`ratio ${numerator}/${denominator} is beyond what PlanDesk can hold exactly`);
  return bp;
}
