import { maySeeDetails } from '../../domain/confidentiality';
import { fail, ok, type Result } from '../../domain/result';
import type { ApplicationRecord } from '../records/application-record';
import { auditEntry } from '../records/audit';
import { actorOf } from '../common/people';
import type { ApprovalDeps } from '../common/deps';
import { loadCase, type CaseError } from '../common/load-case';

/** An applicant's own applications, newest first. */
export async function myApplications(deps: ApprovalDeps, actor: string): Promise<ApplicationRecord[]> {
  return (await deps.store.applications.list({ applicant: actor })).reverse();
}

/**
 * What waits on a person, oldest first: steps where they are the named approver or delegate, and,
 * for support handlers, approved plans still to be carried out.
 */
export async function pendingFor(deps: ApprovalDeps, actor: string): Promise<ApplicationRecord[]> {
  const directory = await deps.store.directory.get();
  const isHandler = directory ? actorOf(directory, actor).roles.includes('support_handler') : false;
  const all = await deps.store.applications.list();
  return all.filter((r) =>
    (r.state === 'in_review' && r.steps.some((s) => s.status === 'pending' && (s.assignee === actor || s.delegate === actor))) ||
    (isHandler && r.state === 'in_fulfillment'));
}

/** Whether a person may see an application's figures (SPEC §7). */
export function maySee(record: ApplicationRecord, actor: { id: string; roles: readonly string[] }): boolean {
  return maySeeDetails({
    applicant: record.input.applicant, steps: record.steps, pastSteps: record.pastRevisions.flatMap((r) => r.steps),
    inFulfillment: record.fulfillment !== null,
  }, actor);
}

/** One application's details for someone allowed to see them; every view is audited. */
export async function viewApplication(deps: ApprovalDeps, id: string, actor: string): Promise<Result<ApplicationRecord, CaseError | { code: 'not_allowed'; id: string }>> {
  const loaded = await loadCase(deps, id);
  if (!loaded.ok) return loaded;
  const { record, directory } = loaded.value;
  const now = deps.clock.now();
  if (!maySee(record, actorOf(directory, actor))) {
    await deps.store.audit.append([auditEntry(now, actor, 'refused.view', id, null, null)]);
    return fail({ code: 'not_allowed', id });
  }
  await deps.store.audit.append([auditEntry(now, actor, 'view', id, null, null)]);
  return ok(record);
}
