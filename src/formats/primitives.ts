import { z } from 'zod';
import { percentToBasisPoints } from '../domain/basis-points';
import { isLocalDate, isMonth } from '../domain/local-date';

/** Limits that keep every total of a plan an exact integer in JavaScript (below 2^53 fen). */
export const LIMITS = {
  maxQuantity: 100_000,
  maxUnitPriceFen: 10_000_000,
  maxTermMonths: 120,
  maxLines: 20,
  maxSubsidyFen: 1_000_000_000_000,
} as const;

/**
 * Characters that change how text around them is shown without being seen: bidirectional overrides and
 * isolates (a customer name could display reversed), zero-width spaces and joiners, the byte-order
 * mark. Removed from every text read from a form, a file or a card, before it is checked or stored.
 */
export const INVISIBLE_FORMATTING = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** A text without the invisible formatting characters above. */
export const withoutInvisibles = (value: string): string => value.replace(INVISIBLE_FORMATTING, '');

export const text = (max = 200) => z.string().transform(withoutInvisibles).pipe(z.string().trim().min(1).max(max));

/** Integer fen within bounds; a decimal is refused, never rounded. */
export const fen = (max: number) => z.number().int().min(0).max(max);

/** A percent (0–100, at most two decimals) given as "12.5" or 12.5, held as basis points. */
export const percent = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const bp = percentToBasisPoints(String(value));
  if (bp === null) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'bad_percent' });
    return z.NEVER;
  }
  return bp;
});

export const month = z.string().refine(isMonth, { message: 'bad_month' });
export const localDate = z.string().refine(isLocalDate, { message: 'bad_date' });
