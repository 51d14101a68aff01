import type { PolicyContent } from '../../domain/policy';
import type { Result } from '../../domain/result';
import type { ApplicationRecord, HistoryAction } from '../records/application-record';
import { auditEntry, type AuditAction } from '../records/audit';
import type { StaleVersion } from '../records/refusal';
import type { DuplicateDraft, OutboxMessage } from '../ports/store';
import type { ApprovalDeps } from './deps';
import { jobsFor } from './jobs-for';

/** What a use case decided about an application, to be saved in one commit. */
export interface Change {
  /** Who did it ("plandesk" for the scheduler). */
  actor: string;
  /** The line the application's history gains, if the change is an event a person reads there. */
  history?: { action: HistoryAction; comment?: string | null; directoryVersion?: number };
  /** The audit entry: the act, and what it changed. */
  audit: { action: AuditAction; before: unknown; after: unknown };
  /** The messages it causes, sent after the commit. */
  outbox: OutboxMessage[];
}

/**
 * The record with the change's history line and time: every write of an application goes through
 * here, so the history, the audit entry and the jobs can never be forgotten or disagree.
 */
function stamped(record: ApplicationRecord, change: Change, now: Date): ApplicationRecord {
  const at = now.toISOString();
  const comment = change.history?.comment?.trim() || undefined;
  const line = change.history
    ? [
        {
          at,
          actor: change.actor,
          action: change.history.action,
          revision: record.revision,
          ...(comment ? { comment } : {}),
          ...(change.history.directoryVersion ? { directoryVersion: change.history.directoryVersion } : {}),
        },
      ]
    : [];
  return { ...record, updatedAt: at, history: [...record.history, ...line] };
}

/**
 * Saves a changed application if nobody saved it since `before` was read: its history line, its audit
 * entry, its messages, and its jobs derived afresh from the state it is left in (so a decided step's
 * reminders vanish with the decision), all in one commit. `policy` is the one it was judged by
 * (read when not given).
 */
export async function commitChange(
  deps: ApprovalDeps,
  now: Date,
  before: ApplicationRecord,
  after: ApplicationRecord,
  change: Change,
  policy?: PolicyContent,
): Promise<Result<ApplicationRecord, StaleVersion>> {
  const record = stamped(after, change, now);
  const jobs = jobsFor(record, policy ?? (await policyOf(deps, record)), deps.calendar);
  return deps.store.applications.update(
    record,
    before.version,
    [auditEntry(now, change.actor, change.audit.action, record.id, change.audit.before, change.audit.after)],
    change.outbox,
    jobs,
  );
}

/** Files a new application the same way: history, audit, messages and jobs in its first commit. */
export async function commitNew(
  deps: ApprovalDeps,
  now: Date,
  filed: ApplicationRecord,
  change: Change,
  policy: PolicyContent,
): Promise<Result<ApplicationRecord, StaleVersion | DuplicateDraft>> {
  const record = stamped(filed, change, now);
  return deps.store.applications.create(
    record,
    [auditEntry(now, change.actor, change.audit.action, record.id, change.audit.before, change.audit.after)],
    change.outbox,
    jobsFor(record, policy, deps.calendar),
  );
}

/** The policy an application was judged by; a record without one is corrupt, not a person's mistake. */
export async function policyOf(deps: Pick<ApprovalDeps, 'store'>, record: ApplicationRecord): Promise<PolicyContent> {
  const policy = await deps.store.policies.get(record.policyVersion);
  if (!policy) throw new Error(`policy version ${record.policyVersion} of ${record.id} is missing`);
  return policy;
}
