import { canMove, isUndecided, type ApplicationState } from './application-state';
import { currentStepIndex, type ApprovalStep, type Decision, type FulfillmentTask } from './approval-step';
import { fail, ok, type Result } from './result';
import { APPROVER_ROLES, type ApproverRole, type RouteStep } from './route';

/** The part of an application that its approval moves: state, revision, route and fulfillment. */
export interface Case {
  applicant: string;
  state: ApplicationState;
  revision: number;
  steps: ApprovalStep[];
  fulfillment: FulfillmentTask | null;
}

/** Who is acting: their AAD object id and the roles the directory gives them. */
export interface Actor {
  id: string;
  roles: readonly string[];
}

/** Why an action is refused; each is shown to the person in words and audited. */
export type Refusal = {
  code:
    | 'not_an_approver' | 'own_application' | 'no_approval_authority' | 'already_decided' | 'stale_version'
    | 'comment_required' | 'cannot_escalate' | 'not_the_applicant' | 'not_withdrawable' | 'not_a_handler' | 'not_in_fulfillment';
};

/** What the workflow needs from outside: deadlines by the business calendar, and named approvers by role. */
export interface WorkflowEnv {
  approvalDue(from: Date): Date;
  fulfillmentDue(from: Date): Date;
  assign(role: ApproverRole): { assignee: string; delegate: string | null };
  leadershipIsFinal: boolean;
}

const refuse = (code: Refusal['code']) => fail<Refusal>({ code });

/** A route's steps with their named approvers: the first reaches its approver now, the rest wait. */
export function openRoute(route: readonly RouteStep[], at: Date, env: WorkflowEnv): ApprovalStep[] {
  return startNext(route.map((r) => waitingStep(r, env)), at, env);
}

const waitingStep = ({ step, role }: RouteStep, env: WorkflowEnv): ApprovalStep => ({
  step, role, ...env.assign(role), status: 'waiting', startedAt: null, dueAt: null, decidedBy: null, decidedAt: null, comment: null,
});

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
 * Records one approver's decision (第十二条). Only the step's named approver or their delegate may
 * decide, never the applicant, never someone whose only role is in a marketing unit (第六条);
 * a card from an earlier revision is stale; a step already decided stays decided.
 */
export function decide(c: Case, cmd: DecisionCommand, env: WorkflowEnv): Result<{ next: Case; outcome: DecisionOutcome }, Refusal> {
  const step = c.steps[cmd.stepIndex];
  if (cmd.revision !== c.revision || !step) return refuse('stale_version');
  if (cmd.actor.id === c.applicant) return refuse('own_application');
  if (cmd.actor.id !== step.assignee && cmd.actor.id !== step.delegate) return refuse('not_an_approver');
  if (!cmd.actor.roles.some((r) => (APPROVER_ROLES as readonly string[]).includes(r))) return refuse('no_approval_authority');
  if (c.state !== 'in_review' || step.status !== 'pending') return refuse('already_decided');
  const comment = cmd.comment?.trim() || null;
  if ((cmd.decision === 'reject' || cmd.decision === 'return') && !comment) return refuse('comment_required');
  if (cmd.decision === 'escalate' && (step.step !== 'ops_review' || c.steps.some((s) => s.step === 'leadership'))) return refuse('cannot_escalate');

  const at = cmd.at.toISOString();
  const decided = (status: ApprovalStep['status']): ApprovalStep => ({ ...step, status, decidedBy: cmd.actor.id, decidedAt: at, comment });
  const steps = c.steps.map((s, i) => (i === cmd.stepIndex ? decided(stepStatusOf(cmd.decision)) : s));

  switch (cmd.decision) {
    case 'reject':
    case 'return':
      return ok({ next: { ...c, state: cmd.decision === 'reject' ? 'rejected' : 'returned', steps: cancelRemaining(steps) }, outcome: cmd.decision === 'reject' ? 'rejected' : 'returned' });
    case 'escalate': {
      // Reported upward (经汇报后予以审批): leadership decides, then ops gives the final reply unless leadership's is final.
      const route: RouteStep[] = [{ step: 'leadership', role: 'leader' }, ...(env.leadershipIsFinal ? [] : [{ step: 'ops_final', role: 'ops_head' } as const])];
      const upward = route.map((r) => waitingStep(r, env));
      const withUpward = [...steps.slice(0, cmd.stepIndex + 1), ...upward, ...steps.slice(cmd.stepIndex + 1)];
      return ok({ next: { ...c, steps: startNext(withUpward, cmd.at, env) }, outcome: 'escalated' });
    }
    case 'approve': {
      if (steps.some((s) => s.status === 'waiting')) return ok({ next: { ...c, steps: startNext(steps, cmd.at, env) }, outcome: 'advanced' });
      const fulfillment: FulfillmentTask = { createdAt: at, dueAt: env.fulfillmentDue(cmd.at).toISOString(), doneBy: null, doneAt: null, note: null };
      return ok({ next: { ...c, state: 'in_fulfillment', steps, fulfillment }, outcome: 'approved' });
    }
  }
}

const stepStatusOf = (decision: Decision): ApprovalStep['status'] =>
  ({ approve: 'approved', reject: 'rejected', return: 'returned', escalate: 'escalated' } as const)[decision];

function startNext(steps: ApprovalStep[], at: Date, env: WorkflowEnv): ApprovalStep[] {
  const next = steps.findIndex((s) => s.status === 'waiting');
  return steps.map((s, i) => (i === next ? { ...s, status: 'pending', startedAt: at.toISOString(), dueAt: env.approvalDue(at).toISOString() } : s));
}

const cancelRemaining = (steps: ApprovalStep[]): ApprovalStep[] =>
  steps.map((s) => (s.status === 'waiting' || s.status === 'pending' ? { ...s, status: 'cancelled' } : s));

/** The applicant takes back an application no one has finally decided (SPEC §3.7). */
export function withdraw(c: Case, actor: Actor): Result<Case, Refusal> {
  if (actor.id !== c.applicant) return refuse('not_the_applicant');
  if (!isUndecided(c.state)) return refuse('not_withdrawable');
  return ok({ ...c, state: 'withdrawn', steps: cancelRemaining(c.steps) });
}

/** The support center marks an approved plan carried out in the systems; the plan is then active. */
export function completeFulfillment(c: Case, actor: Actor, note: string | null, at: Date): Result<Case, Refusal> {
  if (!actor.roles.includes('support_handler')) return refuse('not_a_handler');
  if (c.state !== 'in_fulfillment' || !c.fulfillment || !canMove(c.state, 'active')) return refuse('not_in_fulfillment');
  return ok({ ...c, state: 'active', fulfillment: { ...c.fulfillment, doneBy: actor.id, doneAt: at.toISOString(), note: note?.trim() || null } });
}

/** The step a decision is awaited on, with its index; null when none is. */
export function awaitedStep(c: Pick<Case, 'steps'>): { index: number; step: ApprovalStep } | null {
  const index = currentStepIndex(c.steps);
  const step = c.steps[index];
  return step ? { index, step } : null;
}
