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
): AuditEntry => ({
  at: at.toISOString(),
  actor,
  action,
  subject,
  before,
  after,
});

/** The audit subject of a month's spot check (its draw and every finding on it). */
export const spotCheckSubject = (month: string): string => `spotcheck:${month}`;
