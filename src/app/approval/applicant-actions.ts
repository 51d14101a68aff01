import type { ApplicationInput } from '../../domain/application';
import { fail, type Result } from '../../domain/result';
import { completeFulfillment, withdraw, type Refusal } from '../../domain/workflow';
import type { ApplicationRecord } from '../records/application-record';
import { auditEntry } from '../records/audit';
import { actorOf } from '../common/people';
import type { StaleVersion } from '../ports/store';
import type { ApprovalDeps } from '../common/deps';
import { caseOf, loadCase, withCase, type CaseError } from '../common/load-case';
import { messagesFor, person } from '../common/outbox-messages';
import { openCase, type SubmitError } from './submit';
import { jobsFor, jobsOf } from '../common/jobs-for';

type Refused = Refusal & { record: ApplicationRecord };

/** The applicant withdraws an application that is not finally decided; the approver waiting on it is told. */
export async function withdrawApplication(deps: ApprovalDeps, applicationId: string, actor: string): Promise<Result<ApplicationRecord, CaseError | StaleVersion | Refused>> {
  const loaded = await loadCase(deps, applicationId);
  if (!loaded.ok) return loaded;
  const { record, directory } = loaded.value;
  const now = deps.clock.now();
  const pending = record.steps.find((s) => s.status === 'pending');
  const done = withdraw(caseOf(record), actorOf(directory, actor));
  if (!done.ok) return refused(deps, now, actor, record, done.error, 'withdraw');
  const send = messagesFor(deps, now, record.id);
  const updated: ApplicationRecord = { ...withCase(record, done.value, now), history: [...record.history, { at: now.toISOString(), actor, action: 'withdrawn', revision: record.revision }] };
  const outbox = [send.refresh(), ...(pending ? [send.text(person(pending.assignee), 'notice.withdrawn')] : [])];
  return deps.store.applications.update(updated, record.version, [auditEntry(now, actor, 'withdraw', record.id, caseOf(record), done.value)], outbox, await jobsOf(deps, updated));
}

/**
 * The applicant resubmits a returned application: a new revision, judged afresh and re-routed
 * from the start (SPEC §3.6); the replaced revision stays in the record.
 */
export async function resubmitApplication(
  deps: ApprovalDeps, applicationId: string, revision: number, input: ApplicationInput, actor: string,
): Promise<Result<ApplicationRecord, CaseError | StaleVersion | SubmitError | Refused>> {
  const loaded = await loadCase(deps, applicationId);
  if (!loaded.ok) return loaded;
  const { record } = loaded.value;
  const now = deps.clock.now();
  if (actor !== record.input.applicant) return refused(deps, now, actor, record, { code: 'not_the_applicant' }, 'resubmit');
  if (record.state !== 'returned' || revision !== record.revision) return refused(deps, now, actor, record, { code: 'stale_version' }, 'resubmit');
  const opened = await openCase(deps, { ...input, applicant: record.input.applicant }, actor);
  if (!opened.ok) return opened;
  const { assessment, steps, catalogVersion, policyVersion, policy } = opened.value;
  const at = now.toISOString();
  const next = record.revision + 1;
  const updated: ApplicationRecord = {
    ...record, state: 'in_review', revision: next, input: { ...input, applicant: record.input.applicant }, assessment, steps, catalogVersion, policyVersion,
    fulfillment: null, updatedAt: at,
    pastRevisions: [...record.pastRevisions, { revision: record.revision, input: record.input, assessment: record.assessment, steps: record.steps }],
    history: [...record.history, { at, actor, action: 'resubmitted', revision: next }],
  };
  const send = messagesFor(deps, now, record.id);
  const first = steps[0];
  const outbox = [send.refresh(), ...(first ? [send.card(person(first.assignee))] : [])];
  return deps.store.applications.update(updated, record.version, [auditEntry(now, actor, 'resubmit', record.id, { revision: record.revision }, { revision: next, input: updated.input })], outbox, jobsFor(updated, policy, deps.calendar));
}

/** A support handler marks the approved plan carried out; the plan is active and the applicant told. */
export async function markFulfilled(deps: ApprovalDeps, applicationId: string, note: string | null, actor: string): Promise<Result<ApplicationRecord, CaseError | StaleVersion | Refused>> {
  const loaded = await loadCase(deps, applicationId);
  if (!loaded.ok) return loaded;
  const { record, directory } = loaded.value;
  const now = deps.clock.now();
  const done = completeFulfillment(caseOf(record), actorOf(directory, actor), note, now);
  if (!done.ok) return refused(deps, now, actor, record, done.error, 'fulfil');
  const send = messagesFor(deps, now, record.id);
  const comment = note?.trim() || undefined;
  const updated: ApplicationRecord = {
    ...withCase(record, done.value, now), activatedAt: now.toISOString(),
    history: [...record.history, { at: now.toISOString(), actor, action: 'fulfilled', revision: record.revision, ...(comment ? { comment } : {}) }],
  };
  const outbox = [send.refresh(), send.text(person(record.input.applicant), 'notice.fulfilled')];
  return deps.store.applications.update(updated, record.version, [auditEntry(now, actor, 'fulfil', record.id, caseOf(record), done.value)], outbox, await jobsOf(deps, updated));
}

async function refused(deps: ApprovalDeps, now: Date, actor: string, record: ApplicationRecord, refusal: Refusal, action: string) {
  await deps.store.audit.append([auditEntry(now, actor, `refused.${refusal.code}`, record.id, null, { action })]);
  return fail({ ...refusal, record });
}
