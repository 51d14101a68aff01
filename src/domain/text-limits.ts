/*
 * The most each free text a person types may hold, in characters once trimmed. Each card input holds
 * the same `maxLength`, so a Teams client stops the typing there; these refuse what arrives longer
 * anyway (another client, a forged request), in words with the limit, before anything is stored —
 * a text is kept three times (the step, the history, the audit) and shown on every copy of a card.
 */
export const TEXT_LIMITS = {
  /** An approver's question to the applicant (询问). */
  question: 500,
  /** The applicant's answer (回答). */
  answer: 500,
  /** A decision's comment: approve, reject, return, escalate. */
  comment: 500,
  /** The support center's note when it carries a plan out. */
  note: 500,
  /** An auditor's spot-check finding. */
  finding: 1000,
  /** The words of a channel binding (a unit's id). */
  words: 64,
} as const;

export type LimitedText = keyof typeof TEXT_LIMITS;

/** The refusal of a text over its limit, or null when it is within it (or absent). */
export function tooLong(
  what: LimitedText,
  text: string | null | undefined,
): { code: 'text_too_long'; what: LimitedText; max: number; length: number } | null {
  const length = text?.trim().length ?? 0;
  const max = TEXT_LIMITS[what];
  return length > max ? { code: 'text_too_long', what, max, length } : null;
}
