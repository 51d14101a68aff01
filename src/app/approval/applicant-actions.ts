import type { ApplicationInput } from '../../domain/application';
import { addMonths, monthOf, shanghaiDate, type Month } from '../../domain/local-date';
import { ok, type Result } from '../../domain/result';
import { fulfill, refusalOf, resubmit, withdraw, type Refusal as WorkflowRefusal } from '../../domain/workflow';
import { commitChange } from '../common/commit';
import type { ApprovalDeps } from '../common/deps';
import { caseOf, loadCaseFor, withCase } from '../common/load-case';
import { messagesFor, person, routeOpened } from '../common/outbox-messages';
import { refused } from '../common/refuse';
import type { ApplicationRecord } from '../records/application-record';
import type { Refusal } from '../records/refusal';
import { openCase, type SubmitError } from './submit';

/** A refusal comes with the application as it stands, so the card can show the current state. */
export type ActError = Refusal | (WorkflowRefusal & { record: ApplicationRecord });

const withRecord =
  (record: ApplicationRecord) =>
  <R extends WorkflowRefusal>(refusal: R) => ({ ...refusal, record });

/** The applicant withdraws an application that is not finally decided; the approver waiting on it is told. */
export async function withdrawApplication(
  deps: ApprovalDeps,
  applicationId: string,
  actor: string,
): Promise<Result<ApplicationRecord, ActError>> {
  const loaded = await loadCaseFor(deps, applicationId, actor);
  if (!loaded.ok) return loaded;
  const { record } = loaded.value;
  const now = deps.clock.now();
  const done = withdraw(caseOf(record), loaded.value.actor, now);
  if (!done.ok) return refused(deps, now, actor, record.id, withRecord(record)(done.error), { action: 'withdraw' });
  const pending = record.steps.find((s) => s.status === 'pending');
  const send = messagesFor(deps, now, record.id);
  const outbox = [send.refresh(), ...(pending ? [send.text(person(pending.assignee), 'notice.withdrawn')] : [])];
  return commitChange(deps, now, record, withCase(record, done.value), {
    actor,
    history: { action: 'withdrawn' },
    audit: { action: 'withdraw', before: caseOf(record), after: done.value },
    outbox,
  });
}

/**
 * The applicant resubmits a returned application: a new revision, judged afresh and re-routed
 * from the start (SPEC §3.6); the replaced revision stays in the record.
 */
export async function resubmitApplication(
  deps: ApprovalDeps,
  applicationId: string,
  revision: number,
  input: ApplicationInput,
  actor: string,
): Promise<Result<ApplicationRecord, ActError | SubmitError>> {
  const loaded = await loadCaseFor(deps, applicationId, actor);
  if (!loaded.ok) return loaded;
  const { record } = loaded.value;
  const now = deps.clock.now();
  const asked = { ...input, applicant: record.input.applicant };
  // The guard alone (no route yet): judged afresh only when this person may resubmit this revision at all.
  const allowed = resubmit(caseOf(record), loaded.value.actor, revision, []);
  if (!allowed.ok)
    return refused(deps, now, actor, record.id, withRecord(record)(allowed.error), { action: 'resubmit', revision });
  const opened = await openCase(deps, asked, actor, record.id);
  if (!opened.ok) return opened;
  const { assessment, steps, catalogVersion, policyVersion, directoryVersion, policy } = opened.value;
  const moved = resubmit(caseOf(record), loaded.value.actor, revision, steps);
  if (!moved.ok)
    return refused(deps, now, actor, record.id, withRecord(record)(moved.error), { action: 'resubmit', revision });
  const updated: ApplicationRecord = {
    ...withCase(record, moved.value),
    input: asked,
    assessment,
    catalogVersion,
    policyVersion,
    pastRevisions: [
      ...record.pastRevisions,
      { revision: record.revision, input: record.input, assessment: record.assessment, steps: record.steps },
    ],
  };
  const send = messagesFor(deps, now, record.id);
  const outbox = [send.refresh(), ...routeOpened(steps).map((to) => send.card(to))];
  return commitChange(
    deps,
    now,
    record,
    updated,
    {
      actor,
      history: { action: 'resubmitted', directoryVersion },
      audit: {
        action: 'resubmit',
        before: { revision: record.revision },
        after: { revision: updated.revision, input: asked },
      },
      outbox,
    },
    policy,
  );
}

/** A support handler marks the approved plan carried out; the plan is active and the applicant told. */
export async function fulfillApplication(
  deps: ApprovalDeps,
  applicationId: string,
  note: string | null,
  actor: string,
): Promise<Result<ApplicationRecord, ActError>> {
  const loaded = await loadCaseFor(deps, applicationId, actor);
  if (!loaded.ok) return loaded;
  const { record } = loaded.value;
  const now = deps.clock.now();
  const done = fulfill(caseOf(record), loaded.value.actor, note, now);
  if (!done.ok) return refused(deps, now, actor, record.id, withRecord(record)(done.error), { action: 'fulfill' });
  const send = messagesFor(deps, now, record.id);
  const updated: ApplicationRecord = { ...withCase(record, done.value), activatedAt: now.toISOString() };
  return commitChange(deps, now, record, updated, {
    actor,
    history: { action: 'fulfilled', comment: note },
    audit: { action: 'fulfill', before: caseOf(record), after: done.value },
    outbox: [send.refresh(), send.text(person(record.input.applicant), 'notice.fulfilled')],
  });
}

/** What a form to revise or renew an application starts from. */
export interface FormStart {
  record: ApplicationRecord;
  input: ApplicationInput;
  /** Set when the form revises this revision of a returned application. */
  resubmit: { applicationId: string; revision: number } | null;
}

/**
 * The applicant opens a returned application as a form, to revise and resubmit it; only the
 * applicant, only while it is returned, only for the revision their card shows (audited otherwise).
 */
export async function openRevision(
  deps: ApprovalDeps,
  applicationId: string,
  revision: number,
  actor: string,
): Promise<Result<FormStart, ActError>> {
  const loaded = await loadCaseFor(deps, applicationId, actor);
  if (!loaded.ok) return loaded;
  const { record } = loaded.value;
  const refusal =
    refusalOf(caseOf(record), loaded.value.actor, 'resubmit') ??
    (revision !== record.revision ? { code: 'stale_card' as const } : null);
  if (refusal)
    return refused(deps, deps.clock.now(), actor, record.id, withRecord(record)(refusal), { action: 'edit', revision });
  return ok({ record, input: record.input, resubmit: { applicationId: record.id, revision: record.revision } });
}

/**
 * Continuing an expired plan needs a new application (第九条(三)): the applicant gets one prefilled
 * from it, starting next month; only the applicant, only once it has expired (audited otherwise).
 */
export async function openRenewal(
  deps: ApprovalDeps,
  applicationId: string,
  actor: string,
): Promise<Result<FormStart, ActError>> {
  const loaded = await loadCaseFor(deps, applicationId, actor);
  if (!loaded.ok) return loaded;
  const { record } = loaded.value;
  const now = deps.clock.now();
  const refusal = refusalOf(caseOf(record), loaded.value.actor, 'renew');
  if (refusal) return refused(deps, now, actor, record.id, withRecord(record)(refusal), { action: 'renew' });
  const startMonth: Month = addMonths(monthOf(shanghaiDate(now)), 1);
  return ok({ record, input: { ...record.input, startMonth }, resubmit: null });
}
