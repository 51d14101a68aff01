import { t, type Lang } from '../../i18n';

/*
 * What one plan's card shows of its texts (issue 14). Teams refuses a message past about 28 KB, and a
 * plan may carry 4,000 characters of justification, a 500-character comment on every decision and a
 * history that grows with every round of questions and returns: all of it at once came to 130 KB. The
 * card shows the start of each long text, marked with "…", and the latest events, with a line saying
 * how much is left out; the whole of it stays in the plan, its export and its audit trail.
 */
export const CARD_TEXT = {
  /** Characters of the justification shown. */
  justification: 500,
  /** Characters of each comment (a decision's, a history line's, a question or an answer on record). */
  comment: 120,
  /** History lines shown, the latest ones. */
  history: 6,
  /** Questions asked on the step awaited, the latest ones, each with its answer. */
  questions: 2,
  /** Overlapping plans warned of in words; the track record marks every one. */
  overlaps: 3,
  /** Lines of each section of a catalog or policy file's review (products added, plans re-tiered, …). */
  reviewLines: 6,
  /** Characters of a product's name on a review line. */
  productName: 30,
  /** Activity codes named on one review line. */
  codes: 10,
  /** Open steps named on a person's line (the count says how many there are; 待办 lists them). */
  openSteps: 5,
} as const;

/** The text cut to `max` characters (whole code points) and marked "…" when it is longer. */
export function clipped(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max).join('')}…`;
}

/** The justification as the card shows it: whole, or its start and how long the whole is. */
export function shownJustification(text: string, lang: Lang): string {
  const length = Array.from(text).length;
  if (length <= CARD_TEXT.justification) return text;
  return `${clipped(text, CARD_TEXT.justification)}\n\n${t(lang, 'card.clipped.justification', { length, shown: CARD_TEXT.justification })}`;
}

/** The latest `keep` of a list, and how many earlier ones are left out. */
export function latest<T>(items: readonly T[], keep: number): { shown: T[]; earlier: number } {
  const earlier = Math.max(0, items.length - keep);
  return { shown: items.slice(earlier), earlier };
}

/**
 * The first `CARD_TEXT.reviewLines` lines of a file review's section, and a line saying how many more the file holds
 * (the person has the file; the card also carries it, so the review's words must leave it room).
 */
export function firstLines(
  lines: readonly string[],
  lang: Lang,
  rest: 'import.more' | 'import.morePlans' = 'import.more',
): string[] {
  const keep = CARD_TEXT.reviewLines;
  if (lines.length <= keep) return [...lines];
  return [...lines.slice(0, keep), t(lang, rest, { more: lines.length - keep })];
}

/** Codes joined as a list, the first `CARD_TEXT.codes` of them and how many more. */
export function someCodes(codes: readonly string[], lang: Lang): string {
  const shown = codes.slice(0, CARD_TEXT.codes).join('、');
  const more = codes.length - CARD_TEXT.codes;
  return more > 0 ? t(lang, 'import.moreCodes', { codes: shown, more }) : shown;
}

/** The first `keep` items joined by ", ", with "…" when there are more (the text around them gives the count). */
export function firstJoined(items: readonly string[], keep: number): string {
  return `${items.slice(0, keep).join(', ')}${items.length > keep ? ', …' : ''}`;
}
