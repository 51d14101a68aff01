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

export const auditEntry = (at: Date, actor: string, action: string, subject: string, before: unknown, after: unknown): AuditEntry => ({
  at: at.toISOString(), actor, action, subject, before, after,
});

/** The audit subject of a month's spot check (its draw and every finding on it). */
export const spotCheckSubject = (month: string): string => `spotcheck:${month}`;
