import { isUndecided, type ApplicationState } from './application-state';
import { currentStepIndex, type ApprovalStep, type Decision, type FulfillmentTask } from './approval-step';
import type { EarlyEnd } from './lifecycle';
import type { LocalDate } from './local-date';
import { APPROVER_ROLES, type ApproverRole } from './route';
import type { LimitedText } from './text-limits';
import { openQuestionIndex, type QuestionPart, type StepQuestion } from './step-question';

/*
 * Who may do what to an application, stated once: the acts in workflow.ts check these guards before
 * they move anything, and a card offers exactly the actions they allow.
 */

/**
 * The part of an application that its workflow moves: state, revision, route, fulfillment, evaluation
 * asked for, and the questions its approvers asked the applicant.
 */
export interface Case {
  applicant: string;
  state: ApplicationState;
  revision: number;
  steps: ApprovalStep[];
  fulfillment: FulfillmentTask | null;
  /** The evaluation period the applicant has been asked to report on, until they do. */
  evaluationDue: number | null;
  /** Set when ops ended the plan before its term (第九条(三)). */
  endsEarly?: EarlyEnd | null;
  /** Every question asked on every revision (询问), with its answer once given. */
  questions: StepQuestion[];
}

/** Who is acting: their AAD object id and the roles the directory gives them. */
export interface Actor {
  id: string;
  roles: readonly string[];
}

/** Why an act is refused; each is shown to the person in words and audited. */
export type Refusal =
  | { code: PlainRefusalCode }
  /** A question or an answer without words. */
  | { code: 'text_required'; what: QuestionPart }
  /** A text longer than its limit (text-limits.ts). */
  | { code: 'text_too_long'; what: LimitedText; max: number; length: number }
  /** A step can only go to someone who holds its role. */
  | { code: 'lacks_role'; role: ApproverRole }
  /** Nobody holds a role the route needs (the directory is incomplete). */
  | { code: 'no_approver'; role: ApproverRole }
  /** Ending a plan: its reason is longer than the card takes. */
  | { code: 'end_reason_too_long'; max: number }
  /** Ending a plan: on a day already past (Shanghai). */
  | { code: 'end_date_past'; date: LocalDate; today: LocalDate }
  /** Ending a plan: after the last day of its term (a plan is never lengthened). */
  | { code: 'end_date_after_term'; date: LocalDate; lastDay: LocalDate }
  /** Ending a plan that ops has already ended. */
  | { code: 'already_ending'; lastDay: LocalDate };

/** The refusals that are a code alone, with nothing to fill into their words. */
export type PlainRefusalCode =
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
  | 'not_in_fulfillment'
  | 'not_ops_head'
  | 'already_assigned'
  | 'not_ops'
  | 'end_reason_required'
  | 'end_date_required'
  /** A question is open on the step: it is answered (or the step decided) before another is asked. */
  | 'question_open'
  /** Nothing is open to answer: it was answered, the step decided, or nothing asked. */
  | 'no_open_question';

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
  'end',
  'ask',
  'answer',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * Whether someone may act as the approver of the step at `stepIndex` (the one their card shows): only
 * its named approver or their delegate (第十二条), never the applicant, never someone whose only role
 * is in a marketing unit (第六条), and only while the step awaits its decision.
 */
function approverRefusal(c: Case, actor: Actor, stepIndex: number): Refusal | null {
  const step = c.steps[stepIndex];
  if (!step) return { code: 'stale_card' };
  if (actor.id === c.applicant) return { code: 'own_application' };
  if (actor.id !== step.assignee && actor.id !== step.delegate) return { code: 'not_an_approver' };
  if (!actor.roles.some((r) => (APPROVER_ROLES as readonly string[]).includes(r)))
    return { code: 'no_approval_authority' };
  if (c.state !== 'in_review' || step.status !== 'pending') return { code: 'already_decided' };
  return null;
}

/** Whether an approver may decide the step: as its approver; only ops' review is reported upward. */
function decisionRefusal(c: Case, actor: Actor, decision: Decision, stepIndex: number): Refusal | null {
  const refused = approverRefusal(c, actor, stepIndex);
  if (refused) return refused;
  if (
    decision === 'escalate' &&
    (c.steps[stepIndex]?.step !== 'ops_review' || c.steps.some((s) => s.step === 'leadership'))
  )
    return { code: 'cannot_escalate' };
  return null;
}

/**
 * A question (询问) is asked by whoever may decide the step, one open at a time; it is answered by the
 * applicant while it is open, and only then.
 */
function questionRefusal(c: Case, actor: Actor, action: 'ask' | 'answer', stepIndex: number): Refusal | null {
  const open = openQuestionIndex(c.questions, c.revision, stepIndex) !== -1;
  if (action === 'ask') return approverRefusal(c, actor, stepIndex) ?? (open ? { code: 'question_open' } : null);
  if (actor.id !== c.applicant) return { code: 'not_the_applicant' };
  return c.state === 'in_review' && c.steps[stepIndex]?.status === 'pending' && open
    ? null
    : { code: 'no_open_question' };
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

/** The departments that judge a plan's life (第七条(二), 第九条(三)): 经营管理部, its approvers and its head. */
export const OPS_ROLES: readonly ApproverRole[] = ['ops_approver', 'ops_head'];

/**
 * 第九条(三): ops ends a plan before its term — only ops, only a plan in effect, and only once (its
 * people have been told the day it ends).
 */
function endRefusal(c: Case, actor: Actor): Refusal | null {
  if (!actor.roles.some((r) => (OPS_ROLES as readonly string[]).includes(r))) return { code: 'not_ops' };
  if (c.state !== 'active') return { code: 'not_active' };
  return c.endsEarly ? { code: 'already_ending', lastDay: c.endsEarly.lastDay } : null;
}

/**
 * Why `actor` may not take `action` on the case now, or null when they may. The one statement of each
 * act's guard: the acts below check it before they move anything, and a card offers exactly the
 * actions for which it is null (`availableActions`). A decision, a question and its answer are judged
 * on the step a decision is awaited on unless the card names another (`stepIndex`).
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
    case 'ask':
    case 'answer':
      return questionRefusal(c, actor, action, stepIndex);
    case 'fulfill':
      if (!actor.roles.includes('support_handler')) return { code: 'not_a_handler' };
      return c.state === 'in_fulfillment' && c.fulfillment ? null : { code: 'not_in_fulfillment' };
    case 'end':
      return endRefusal(c, actor);
    default:
      return applicantRefusal(c, actor, action);
  }
}

/** What a person may do to an application now (its card's buttons); nothing for anyone else. */
export const availableActions = (c: Case, actor: Actor | null): CaseAction[] =>
  actor ? CASE_ACTIONS.filter((action) => refusalOf(c, actor, action) === null) : [];
