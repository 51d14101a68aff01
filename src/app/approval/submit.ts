import type { ApplicationInput } from '../../domain/application';
import { FILED } from '../../domain/application-state';
import { assessApplication, type Assessment } from '../../domain/assess';
import { hintsFor, type Hint } from '../../domain/hints';
import { shanghaiDate } from '../../domain/local-date';
import { fail, ok, type Result } from '../../domain/result';
import { openRoute } from '../../domain/workflow';
import { commitNew } from '../common/commit';
import type { ApprovalDeps } from '../common/deps';
import { messagesFor, routeOpened } from '../common/outbox-messages';
import { personOf } from '../common/people';
import { refused } from '../common/refuse';
import { workflowEnv } from '../common/workflow-env';
import type { ApplicationRecord } from '../records/application-record';
import type { Refusal } from '../records/refusal';
import { judgingContext, overlapsOf } from '../reference/judging-context';

/** Submission refused by the rules: the applicant sees every reason at once. */
export interface NotSubmitted {
  code: 'blocked' | 'not_needed';
  assessment: Assessment;
  /** The figures that would clear a block, one at a time. */
  hints: Hint[];
}

export type SubmitError = Refusal | NotSubmitted;

export interface Submission {
  input: ApplicationInput;
  actor: string;
  /** The filling of the form it comes from: a second submit of it answers with the application already filed. */
  draftId: string | null;
}

/**
 * Judges an application as of now and, if it is routed, numbers and files it with its route and
 * named approvers; the first approver's card goes out after the commit (第十一条). The same draft
 * submitted again (a double tap, a resent invoke, on any instance) files nothing and answers with
 * the application it filed.
 */
export async function submit(
  deps: ApprovalDeps,
  submission: Submission,
): Promise<Result<ApplicationRecord, SubmitError>> {
  const { input, actor, draftId } = submission;
  const already = draftId ? await deps.store.applications.findByDraft(actor, draftId) : null;
  if (already) return ok(already);
  const opened = await openCase(deps, input, actor);
  if (!opened.ok) return opened;
  const { assessment, steps, catalogVersion, policyVersion, directoryVersion, now, policy } = opened.value;
  const id = await deps.store.applications.nextNumber(Number(shanghaiDate(now).slice(0, 4)));
  const at = now.toISOString();
  const record: ApplicationRecord = {
    id,
    draftId,
    version: 1,
    state: FILED,
    revision: 1,
    input,
    assessment,
    catalogVersion,
    policyVersion,
    submittedAt: at,
    updatedAt: at,
    steps,
    fulfillment: null,
    pastRevisions: [],
    activatedAt: null,
    evaluations: [],
    evaluationDue: null,
    questions: [],
    history: [],
  };
  const send = messagesFor(deps, now, id);
  const outbox = routeOpened(steps).map((to) => send.card(to));
  const created = await commitNew(
    deps,
    now,
    record,
    {
      actor,
      history: { action: 'submitted', directoryVersion },
      audit: { action: 'submit', before: null, after: record },
      outbox,
    },
    policy,
  );
  if (created.ok) return created;
  const { error } = created;
  // Another tap of the same form won the race: its application is the answer.
  return error.code === 'duplicate_draft' ? ok(error.existing) : fail(error);
}

/** Judges an application now and opens its route: shared by a first submission and a resubmission. */
export async function openCase(deps: ApprovalDeps, input: ApplicationInput, actor: string, self: string | null = null) {
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  const context = await judgingContext(deps.store, today);
  if (!context.ok) return context;
  const directory = await deps.store.directory.get();
  if (!directory) return fail<Refusal>({ code: 'no_directory' });
  const applicant = personOf(directory, actor);
  // Only a marketing unit's account manager files, and only for their own unit (第八条).
  if (!applicant?.roles.includes('applicant') || applicant.unit !== input.unit) {
    return refused(
      deps,
      now,
      actor,
      `unit:${input.unit}`,
      { code: 'not_an_applicant', unit: input.unit },
      { unit: input.unit },
    );
  }
  const { catalog, policy, knownUnits, catalogVersion, policyVersion } = context.value;
  // The customer's overlapping plans count with the policy's judgeCustomerTotal (a split deal keeps its tier).
  const overlaps = await overlapsOf(deps.store, input, self);
  const judging = { catalog, policy, today, overlaps, ...(knownUnits ? { knownUnits } : {}) };
  const assessment = assessApplication(input, judging);
  if (assessment.outcome !== 'routed')
    return fail<NotSubmitted>({ code: assessment.outcome, assessment, hints: hintsFor(input, judging, assessment) });
  // Each step goes to the least loaded approver covering the unit (approver pools).
  const openSteps = await deps.store.applications.openSteps();
  const steps = openRoute(
    assessment.route,
    now,
    workflowEnv(policy, deps.calendar, directory, { unit: input.unit, openSteps, today: shanghaiDate(now) }),
  );
  if (!steps.ok) return steps;
  return ok({
    assessment,
    steps: steps.value,
    catalogVersion: Number(catalogVersion),
    policyVersion: Number(policyVersion),
    directoryVersion: directory.version,
    now,
    policy,
  });
}
