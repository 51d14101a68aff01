import type { Decision } from '../../domain/approval-step';
import type { RefusalCode } from './refusal';

/**
 * Every act the audit trail records, one name each. A refusal is `refused.<code>`; the trail keeps
 * what was written in its time, so an entry read back carries a plain string.
 */
export type AuditAction =
  | 'submit'
  | 'resubmit'
  | 'withdraw'
  | 'fulfill'
  | `decide.${Decision}`
  | 'question.ask'
  | 'question.answer'
  | 'evaluate'
  | 'expire'
  | 'end_early'
  | 'evaluation.ask'
  | 'escalate_overdue'
  | 'step.take_over'
  | 'step.reassign'
  | 'absence.set'
  | 'absence.cancel'
  | 'absence.stand_in'
  | 'view'
  /** A plan shown as its status only (in a channel or group chat, where others read). */
  | 'view.status'
  | 'list'
  | 'bind_channel'
  | 'spot_check.draw'
  | 'spot_check.finding'
  | 'report.view'
  | 'export.offer'
  | 'export'
  | 'export.failed'
  | 'catalog.import'
  | 'policy.import'
  | 'directory.import'
  | 'directory.reassign'
  | `refused.${RefusalCode}`
  | 'refused.view'
  | 'refused.bind_channel'
  | 'refused.spot_check.finding';

/** One line of the append-only audit trail: who did what to which subject, with before and after. */
export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  /** An application id, or "catalog", "policy", "directory". */
  subject: string;
  before: unknown;
  after: unknown;
}

export const auditEntry = (
  at: Date,
  actor: string,
  action: AuditAction,
  subject: string,
  before: unknown,
  after: unknown,
): AuditEntry =>
  // What a refused act attempted is whatever was sent, by anyone: the append-only trail keeps an excerpt.
  action.startsWith('refused.')
    ? { at: at.toISOString(), actor: clip(actor), action, subject: clip(subject), before, after: excerpt(after) }
    : { at: at.toISOString(), actor, action, subject, before, after };

/**
 * Entries that record a reading: a plan viewed (in full, as its status, or refused). Appending them changes
 * nothing any card shows, so a card read just before is still the card (the stores' change stamps skip them).
 */
export const READING_ACTIONS: readonly string[] = ['view', 'view.status', 'refused.view'] satisfies AuditAction[];

/** Whether appending these entries leaves everything a card shows as it was (they only record readings). */
export const onlyReadings = (entries: readonly Pick<AuditEntry, 'action'>[]): boolean =>
  entries.every((e) => READING_ACTIONS.includes(e.action));

/** The most characters of one text, and items of one list, that a refusal's audit entry keeps. */
export const EXCERPT_CHARS = 200;
export const EXCERPT_ITEMS = 20;
const EXCERPT_DEPTH = 4;

/** A text cut to EXCERPT_CHARS, saying how long it was ("…(1048576 chars)"). */
const clip = (text: string): string =>
  text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…(${text.length} chars)` : text;

/**
 * A bounded copy of what a refused act attempted: texts clipped, lists and objects cut to their first
 * EXCERPT_ITEMS entries, nesting cut at EXCERPT_DEPTH — so a stranger's 1 MB comment or a 100k-deep
 * array costs the audit trail a few hundred bytes, and the entry still says what was tried.
 */
export function excerpt(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return clip(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= EXCERPT_DEPTH) return Array.isArray(value) ? '[…]' : '{…}';
  if (Array.isArray(value)) {
    const kept = value.slice(0, EXCERPT_ITEMS).map((v) => excerpt(v, depth + 1));
    return value.length > EXCERPT_ITEMS ? [...kept, `…(${value.length} items)`] : kept;
  }
  const entries = Object.entries(value);
  const kept = entries.slice(0, EXCERPT_ITEMS).map(([k, v]) => [clip(k), excerpt(v, depth + 1)] as const);
  return Object.fromEntries(entries.length > EXCERPT_ITEMS ? [...kept, ['…', `${entries.length} keys`]] : kept);
}

/** The audit subject of a month's spot check (its draw and every finding on it). */
export const spotCheckSubject = (month: string): string => `spotcheck:${month}`;
