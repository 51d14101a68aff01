import type { ApplicationInput } from '../../domain/application';
import { assessApplication, type Assessment } from '../../domain/assess';
import { shanghaiDate } from '../../domain/local-date';
import { fail, ok, type Result } from '../../domain/result';
import { openRoute } from '../../domain/workflow';
import type { ApplicationRecord } from '../records/application-record';
import { auditEntry } from '../records/audit';
import type { AppError } from '../common/errors';
import { judgingContext } from '../reference/judging-context';
import type { ApprovalDeps } from '../common/deps';
import { messagesFor, person } from '../common/outbox-messages';
import { MissingApprover, workflowEnv } from '../common/workflow-env';
import { personOf } from '../common/people';
import { jobsFor } from '../common/jobs-for';

/** Submission refused by the rules: the applicant sees every reason at once. */
export interface NotSubmitted {
  code: 'blocked' | 'not_needed';
  assessment: Assessment;
}

/** Nobody holds a role the route needs: the admin must complete the directory first. */
export interface NoApprover {
  code: 'no_approver';
  role: string;
}

/** Only a marketing unit's account manager files, and only for their own unit (第八条). */
export interface NotAnApplicant {
  code: 'not_an_applicant';
  unit: string;
}

export type SubmitError = AppError | NotSubmitted | NoApprover | NotAnApplicant | { code: 'no_directory' };

/**
 * Judges an application as of now and, if it is routed, numbers and files it with its route and
 * named approvers; the first approver's card goes out after the commit (第十一条).
 */
export async function submit(deps: ApprovalDeps, input: ApplicationInput, actor: string): Promise<Result<ApplicationRecord, SubmitError>> {
  const opened = await openCase(deps, input, actor);
  if (!opened.ok) return opened;
  const { assessment, steps, catalogVersion, policyVersion, now, policy } = opened.value;
  const id = await deps.store.applications.nextNumber(Number(shanghaiDate(now).slice(0, 4)));
  const at = now.toISOString();
  const record: ApplicationRecord = {
    id, version: 1, state: 'in_review', revision: 1, input, assessment, catalogVersion, policyVersion,
    submittedAt: at, updatedAt: at, steps, fulfillment: null, pastRevisions: [], activatedAt: null, evaluations: [], evaluationDue: null,
    history: [{ at, actor, action: 'submitted', revision: 1 }],
  };
  const send = messagesFor(deps, now, id);
  const first = steps[0];
  const outbox = first ? [send.card(person(first.assignee))] : [];
  const created = await deps.store.applications.create(record, [auditEntry(now, actor, 'submit', id, null, record)], outbox, jobsFor(record, policy, deps.calendar));
  return created.ok ? ok(created.value) : created;
}

/** Judges an application now and opens its route: shared by a first submission and a resubmission. */
export async function openCase(deps: ApprovalDeps, input: ApplicationInput, actor: string) {
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  const context = await judgingContext(deps.store, today);
  if (!context.ok) return context;
  const directory = await deps.store.directory.get();
  if (!directory) return fail({ code: 'no_directory' as const });
  const applicant = personOf(directory, actor);
  if (!applicant?.roles.includes('applicant') || applicant.unit !== input.unit) {
    await deps.store.audit.append([auditEntry(now, actor, 'refused.not_an_applicant', `unit:${input.unit}`, null, { unit: input.unit })]);
    return fail<NotAnApplicant>({ code: 'not_an_applicant', unit: input.unit });
  }
  const { catalog, policy, knownUnits, catalogVersion, policyVersion } = context.value;
  const assessment = assessApplication(input, knownUnits ? { catalog, policy, today, knownUnits } : { catalog, policy, today });
  if (assessment.outcome !== 'routed') return fail<NotSubmitted>({ code: assessment.outcome, assessment });
  try {
    const steps = openRoute(assessment.route, now, workflowEnv(policy, deps.calendar, directory));
    return ok({ assessment, steps, catalogVersion: Number(catalogVersion), policyVersion: Number(policyVersion), now, policy });
  } catch (error) {
    if (error instanceof MissingApprover) return fail<NoApprover>({ code: 'no_approver', role: error.role });
    throw error;
  }
}
