import { enter } from './application-state';
import { currentStepIndex, type ApprovalStep, type Decision, type FulfillmentTask } from './approval-step';
import { refusalOf, type Actor, type Case, type PlainRefusalCode, type Refusal } from './case-guards';
import { fail, ok, type Result } from './result';
import { closeOpenQuestions } from './step-question';
import { tooLong } from './text-limits';
import type { StepAssignment } from './approver-pool';
import type { ApproverRole, RouteStep } from './route';

// The case, its actors, refusals and guards live in case-guards.ts; the acts that move a case live here
// (questions to the applicant and their answers in questions.ts).
export {
  availableActions,
  CASE_ACTIONS,
  OPS_ROLES,
  refusalOf,
  type Actor,
  type Case,
  type CaseAction,
  type PlainRefusalCode,
  type Refusal,
} from './case-guards';
export { endEarly, END_REASON_MAX, type EndEarlyCommand } from './end-early';
/** What the workflow needs from outside: deadlines by the business calendar, and named approvers by role. */
export interface WorkflowEnv {
  approvalDue(from: Date): Date;
  fulfillmentDue(from: Date): Date;
  /** The named approver for a role and their delegate (and why them); null when nobody holds the role. */
  assign(role: ApproverRole): { assignee: string; delegate: string | null; assignment?: StepAssignment } | null;
  leadershipIsFinal: boolean;
}

const refuse = (code: PlainRefusalCode): { ok: false; error: Refusal } => fail({ code });

/** A route's steps with their named approvers: the first reaches its approver now, the rest wait. */
export function openRoute(route: readonly RouteStep[], at: Date, env: WorkflowEnv): Result<ApprovalStep[], Refusal> {
  const steps = waitingSteps(route, env);
  return steps.ok ? ok(startNext(steps.value, at, env)) : steps;
}

function waitingSteps(route: readonly RouteStep[], env: WorkflowEnv): Result<ApprovalStep[], Refusal> {
  const steps: ApprovalStep[] = [];
  for (const { step, role } of route) {
    const approver = env.assign(role);
    if (!approver) return fail({ code: 'no_approver', role });
    steps.push({
      step,
      role,
      ...approver,
      status: 'waiting',
      startedAt: null,
      dueAt: null,
      decidedBy: null,
      decidedAt: null,
      comment: null,
    });
  }
  return ok(steps);
}

export interface DecisionCommand {
  /** What the card was showing: the revision and step it was made for. */
  revision: number;
  stepIndex: number;
  decision: Decision;
  actor: Actor;
  comment: string | null;
  at: Date;
}

export type DecisionOutcome = 'advanced' | 'approved' | 'rejected' | 'returned' | 'escalated';

/**
 * Records one approver's decision (第十二条), if `refusalOf` allows it on the step the card showed; a
 * card from an earlier revision is stale; rejecting and returning need a reason.
 */
export function decide(
  c: Case,
  cmd: DecisionCommand,
  env: WorkflowEnv,
): Result<{ next: Case; outcome: DecisionOutcome }, Refusal> {
  if (cmd.revision !== c.revision) return refuse('stale_card');
  const refused = refusalOf(c, cmd.actor, cmd.decision, cmd.stepIndex);
  if (refused) return fail(refused);
  const step = c.steps[cmd.stepIndex] as ApprovalStep;
  const comment = cmd.comment?.trim() || null;
  if ((cmd.decision === 'reject' || cmd.decision === 'return') && !comment) return refuse('comment_required');
  const overLimit = tooLong('comment', comment);
  if (overLimit) return fail(overLimit);

  const at = cmd.at.toISOString();
  const decided = (status: ApprovalStep['status']): ApprovalStep => ({
    ...step,
    status,
    decidedBy: cmd.actor.id,
    decidedAt: at,
    comment,
  });
  const steps = c.steps.map((s, i) => (i === cmd.stepIndex ? decided(stepStatusOf(cmd.decision)) : s));
  // A decision does not wait for an answer: a question still open on the step closes unanswered.
  const settled: Case = { ...c, questions: closeOpenQuestions(c.questions, c.revision, at) };

  switch (cmd.decision) {
    case 'reject':
      return ok({
        next: { ...settled, state: enter(c.state, 'rejected'), steps: cancelRemaining(steps) },
        outcome: 'rejected',
      });
    case 'return':
      return ok({
        next: { ...settled, state: enter(c.state, 'returned'), steps: cancelRemaining(steps) },
        outcome: 'returned',
      });
    case 'escalate': {
      // Reported upward (经汇报后予以审批): leadership decides, then ops gives the final reply unless leadership's is final.
      const route: RouteStep[] = [
        { step: 'leadership', role: 'leader' },
        ...(env.leadershipIsFinal ? [] : [{ step: 'ops_final', role: 'ops_head' } as const]),
      ];
      const upward = waitingSteps(route, env);
      if (!upward.ok) return upward;
      const withUpward = [...steps.slice(0, cmd.stepIndex + 1), ...upward.value, ...steps.slice(cmd.stepIndex + 1)];
      return ok({
        next: { ...settled, state: enter(c.state, 'in_review'), steps: startNext(withUpward, cmd.at, env) },
        outcome: 'escalated',
      });
    }
    case 'approve': {
      if (steps.some((s) => s.status === 'waiting'))
        return ok({
          next: { ...settled, state: enter(c.state, 'in_review'), steps: startNext(steps, cmd.at, env) },
          outcome: 'advanced',
        });
      const fulfillment: FulfillmentTask = {
        createdAt: at,
        dueAt: env.fulfillmentDue(cmd.at).toISOString(),
        doneBy: null,
        doneAt: null,
        note: null,
      };
      return ok({
        next: { ...settled, state: enter(c.state, 'in_fulfillment'), steps, fulfillment },
        outcome: 'approved',
      });
    }
  }
}

const stepStatusOf = (decision: Decision): ApprovalStep['status'] =>
  (({ approve: 'approved', reject: 'rejected', return: 'returned', escalate: 'escalated' }) as const)[decision];

function startNext(steps: ApprovalStep[], at: Date, env: WorkflowEnv): ApprovalStep[] {
  const next = steps.findIndex((s) => s.status === 'waiting');
  return steps.map((s, i) =>
    i === next ? { ...s, status: 'pending', startedAt: at.toISOString(), dueAt: env.approvalDue(at).toISOString() } : s,
  );
}

const cancelRemaining = (steps: ApprovalStep[]): ApprovalStep[] =>
  steps.map((s) => (s.status === 'waiting' || s.status === 'pending' ? { ...s, status: 'cancelled' } : s));

/** The applicant takes back an application no one has finally decided (SPEC §3.7); a question open on it closes. */
export function withdraw(c: Case, actor: Actor, at: Date): Result<Case, Refusal> {
  const refused = refusalOf(c, actor, 'withdraw');
  if (refused) return fail(refused);
  return ok({
    ...c,
    state: enter(c.state, 'withdrawn'),
    steps: cancelRemaining(c.steps),
    questions: closeOpenQuestions(c.questions, c.revision, at.toISOString()),
  });
}

/**
 * The applicant resubmits a returned application as a new revision, routed from the start on `steps`
 * (SPEC §3.6); a card or form of another revision is stale.
 */
export function resubmit(c: Case, actor: Actor, revision: number, steps: ApprovalStep[]): Result<Case, Refusal> {
  const refused = refusalOf(c, actor, 'resubmit');
  if (refused) return fail(refused);
  if (revision !== c.revision) return refuse('stale_card');
  return ok({ ...c, state: enter(c.state, 'in_review'), revision: c.revision + 1, steps, fulfillment: null });
}

/** The support center marks an approved plan carried out in the systems; the plan is then active. */
export function fulfill(c: Case, actor: Actor, note: string | null, at: Date): Result<Case, Refusal> {
  const refused = refusalOf(c, actor, 'fulfill');
  if (refused) return fail(refused);
  // The guard let it through, so the plan is in fulfillment and has its task.
  const task = c.fulfillment as FulfillmentTask;
  const overLimit = tooLong('note', note);
  if (overLimit) return fail(overLimit);
  return ok({
    ...c,
    state: enter(c.state, 'active'),
    fulfillment: { ...task, doneBy: actor.id, doneAt: at.toISOString(), note: note?.trim() || null },
  });
}

/** An active plan reaches its end (第九条(三)): its discounts are void. */
export function expire(c: Case): Result<Case, Refusal> {
  if (c.state !== 'active') return refuse('not_active');
  return ok({ ...c, state: enter(c.state, 'expired') });
}

/**
 * An overdue step goes to someone else (the approver's delegate, else their head, SPEC §6): named
 * approver now, with no delegate of their own, starting afresh with a new deadline.
 */
export function reassign(
  c: Case,
  stepIndex: number,
  to: string,
  at: Date,
  env: Pick<WorkflowEnv, 'approvalDue'>,
): Result<Case, Refusal> {
  const step = c.steps[stepIndex];
  if (c.state !== 'in_review' || step?.status !== 'pending') return refuse('already_decided');
  const handedOver: ApprovalStep = {
    ...step,
    assignee: to,
    delegate: null,
    startedAt: at.toISOString(),
    dueAt: env.approvalDue(at).toISOString(),
  };
  return ok({
    ...c,
    state: enter(c.state, 'in_review'),
    steps: c.steps.map((s, i) => (i === stepIndex ? handedOver : s)),
  });
}

/**
 * An open step changes hands: a colleague with its role takes it over (认领), or the ops head hands it
 * to someone with the role (转交). Its deadline stays; the new person decides, with their own delegate.
 */
export function handOver(
  c: Case,
  stepIndex: number,
  actor: Actor,
  to: { id: string; roles: readonly string[]; delegate: string | null },
  how: 'take_over' | 'reassign',
): Result<Case, Refusal> {
  const step = c.steps[stepIndex];
  if (!step) return refuse('stale_card');
  if (c.state !== 'in_review' || (step.status !== 'pending' && step.status !== 'waiting'))
    return refuse('already_decided');
  if (how === 'take_over' ? to.id !== actor.id : !actor.roles.includes('ops_head')) return refuse('not_ops_head');
  if (to.id === c.applicant) return refuse('own_application');
  if (!to.roles.includes(step.role)) return fail({ code: 'lacks_role', role: step.role });
  if (to.id === step.assignee) return refuse('already_assigned');
  const handed: ApprovalStep = { ...step, assignee: to.id, delegate: to.delegate };
  delete handed.assignment;
  return ok({ ...c, steps: c.steps.map((s, i) => (i === stepIndex ? handed : s)) });
}

/**
 * An open step moves to the stand-in of its approver, who is away (休假): the stand-in decides it,
 * with their own delegate; its deadline stays.
 */
export function standIn(c: Case, stepIndex: number, to: string, delegate: string | null): Result<Case, Refusal> {
  const step = c.steps[stepIndex];
  if (c.state !== 'in_review' || !step || (step.status !== 'pending' && step.status !== 'waiting'))
    return refuse('already_decided');
  const moved: ApprovalStep = { ...step, assignee: to, delegate };
  delete moved.assignment;
  return ok({ ...c, steps: c.steps.map((s, i) => (i === stepIndex ? moved : s)) });
}

/** The step a decision is awaited on, with its index; null when none is. */
export function awaitedStep(c: Pick<Case, 'steps'>): { index: number; step: ApprovalStep } | null {
  const index = currentStepIndex(c.steps);
  const step = c.steps[index];
  return step ? { index, step } : null;
}
