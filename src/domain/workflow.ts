import { enter, isUndecided, type ApplicationState } from './application-state';
import { currentStepIndex, type ApprovalStep, type Decision, type FulfillmentTask } from './approval-step';
import { fail, ok, type Result } from './result';
import { APPROVER_ROLES, type ApproverRole, type RouteStep } from './route';

/** The part of an application that its workflow moves: state, revision, route, fulfillment, evaluation asked for. */
export interface Case {
  applicant: string;
  state: ApplicationState;
  revision: number;
  steps: ApprovalStep[];
  fulfillment: FulfillmentTask | null;
  /** The evaluation period the applicant has been asked to report on, until they do. */
  evaluationDue: number | null;
}

/** Who is acting: their AAD object id and the roles the directory gives them. */
export interface Actor {
  id: string;
  roles: readonly string[];
}

/** Why an act is refused; each is shown to the person in words and audited. */
export type Refusal =
  | {
      code:
        | 'not_an_approver'
        | 'own_application'
        | 'no_approval_authority'
        | 'already_decided'
        | 'stale_card'
        | 'comment_required'
        | 'cannot_escalate'
        | 'not_the_applicant'
        | 'not_withdrawable'
        | 'not_returned'
        | 'not_expired'
        | 'not_active'
        | 'no_evaluation_due'
        | 'not_a_handler'
        | 'not_in_fulfillment';
    }
  /** Nobody holds a role the route needs (the directory is incomplete). */
  | { code: 'no_approver'; role: ApproverRole };

/** What a person may do to an application: the buttons of its card, each the act of one use case. */
export const CASE_ACTIONS = [
  'approve',
  'reject',
  'return',
  'escalate',
  'withdraw',
  'resubmit',
  'fulfill',
  'evaluate',
  'renew',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** What the workflow needs from outside: deadlines by the business calendar, and named approvers by role. */
export interface WorkflowEnv {
  approvalDue(from: Date): Date;
  fulfillmentDue(from: Date): Date;
  /** The named approver for a role and their delegate; null when nobody holds the role. */
  assign(role: ApproverRole): { assignee: string; delegate: string | null } | null;
  leadershipIsFinal: boolean;
}

const refuse = (code: Exclude<Refusal, { role: ApproverRole }>['code']): { ok: false; error: Refusal } =>
  fail({ code });

/**
 * Whether an approver may decide the step at `stepIndex` (the one their card shows): only its named
 * approver or their delegate (第十二条), never the applicant, never someone whose only role is in a
 * marketing unit (第六条); a step already decided stays decided; only ops' review is reported upward.
 */
function decisionRefusal(c: Case, actor: Actor, decision: Decision, stepIndex: number): Refusal | null {
  const step = c.steps[stepIndex];
  if (!step) return { code: 'stale_card' };
  if (actor.id === c.applicant) return { code: 'own_application' };
  if (actor.id !== step.assignee && actor.id !== step.delegate) return { code: 'not_an_approver' };
  if (!actor.roles.some((r) => (APPROVER_ROLES as readonly string[]).includes(r)))
    return { code: 'no_approval_authority' };
  if (c.state !== 'in_review' || step.status !== 'pending') return { code: 'already_decided' };
  if (decision === 'escalate' && (step.step !== 'ops_review' || c.steps.some((s) => s.step === 'leadership')))
    return { code: 'cannot_escalate' };
  return null;
}

/** The applicant's own acts, each allowed in one kind of state. */
function applicantRefusal(
  c: Case,
  actor: Actor,
  action: 'withdraw' | 'resubmit' | 'renew' | 'evaluate',
): Refusal | null {
  if (actor.id !== c.applicant) return { code: 'not_the_applicant' };
  switch (action) {
    case 'withdraw':
      return isUndecided(c.state) ? null : { code: 'not_withdrawable' };
    case 'resubmit':
      return c.state === 'returned' ? null : { code: 'not_returned' };
    case 'renew':
      return c.state === 'expired' ? null : { code: 'not_expired' };
    case 'evaluate':
      return c.state === 'active' && c.evaluationDue !== null ? null : { code: 'no_evaluation_due' };
  }
}

/**
 * Why `actor` may not take `action` on the case now, or null when they may. The one statement of each
 * act's guard: the acts below check it before they move anything, and a card offers exactly the
 * actions for which it is null (`availableActions`). A decision is judged on the step a decision is
 * awaited on unless the card names another (`stepIndex`).
 */
export function refusalOf(
  c: Case,
  actor: Actor,
  action: CaseAction,
  stepIndex = currentStepIndex(c.steps),
): Refusal | null {
  switch (action) {
    case 'approve':
    case 'reject':
    case 'return':
    case 'escalate':
      return decisionRefusal(c, actor, action, stepIndex);
    case 'fulfill':
      if (!actor.roles.includes('support_handler')) return { code: 'not_a_handler' };
      return c.state === 'in_fulfillment' && c.fulfillment ? null : { code: 'not_in_fulfillment' };
    default:
      return applicantRefusal(c, actor, action);
  }
}

/** What a person may do to an application now (its card's buttons); nothing for anyone else. */
export const availableActions = (c: Case, actor: Actor | null): CaseAction[] =>
  actor ? CASE_ACTIONS.filter((action) => refusalOf(c, actor, action) === null) : [];

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

  const at = cmd.at.toISOString();
  const decided = (status: ApprovalStep['status']): ApprovalStep => ({
    ...step,
    status,
    decidedBy: cmd.actor.id,
    decidedAt: at,
    comment,
  });
  const steps = c.steps.map((s, i) => (i === cmd.stepIndex ? decided(stepStatusOf(cmd.decision)) : s));

  switch (cmd.decision) {
    case 'reject':
      return ok({
        next: { ...c, state: enter(c.state, 'rejected'), steps: cancelRemaining(steps) },
        outcome: 'rejected',
      });
    case 'return':
      return ok({
        next: { ...c, state: enter(c.state, 'returned'), steps: cancelRemaining(steps) },
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
        next: { ...c, state: enter(c.state, 'in_review'), steps: startNext(withUpward, cmd.at, env) },
        outcome: 'escalated',
      });
    }
    case 'approve': {
      if (steps.some((s) => s.status === 'waiting'))
        return ok({
          next: { ...c, state: enter(c.state, 'in_review'), steps: startNext(steps, cmd.at, env) },
          outcome: 'advanced',
        });
      const fulfillment: FulfillmentTask = {
        createdAt: at,
        dueAt: env.fulfillmentDue(cmd.at).toISOString(),
        doneBy: null,
        doneAt: null,
        note: null,
      };
      return ok({ next: { ...c, state: enter(c.state, 'in_fulfillment'), steps, fulfillment }, outcome: 'approved' });
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

/** The applicant takes back an application no one has finally decided (SPEC §3.7). */
export function withdraw(c: Case, actor: Actor): Result<Case, Refusal> {
  const refused = refusalOf(c, actor, 'withdraw');
  if (refused) return fail(refused);
  return ok({ ...c, state: enter(c.state, 'withdrawn'), steps: cancelRemaining(c.steps) });
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
  if (refused || !c.fulfillment) return fail(refused ?? { code: 'not_in_fulfillment' });
  return ok({
    ...c,
    state: enter(c.state, 'active'),
    fulfillment: { ...c.fulfillment, doneBy: actor.id, doneAt: at.toISOString(), note: note?.trim() || null },
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

/** The step a decision is awaited on, with its index; null when none is. */
export function awaitedStep(c: Pick<Case, 'steps'>): { index: number; step: ApprovalStep } | null {
  const index = currentStepIndex(c.steps);
  const step = c.steps[index];
  return step ? { index, step } : null;
}
