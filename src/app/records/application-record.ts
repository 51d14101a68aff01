import type { ApplicationInput } from '../../domain/application';
import type { ApplicationState } from '../../domain/application-state';
import { DECISIONS, type ApprovalStep, type FulfillmentTask } from '../../domain/approval-step';
import type { Assessment } from '../../domain/assess';
import type { EarlyEnd, EvaluationReport } from '../../domain/lifecycle';
import { STEP_IDS, type StepId } from '../../domain/route';
import type { StepQuestion } from '../../domain/step-question';

const EVENTS = [
  'submitted',
  'resubmitted',
  'withdrawn',
  'fulfilled',
  'expired',
  'evaluation_requested',
  'evaluation_reported',
  'evaluation_flagged',
  'ended_early',
] as const;
const STEP_EVENTS = [
  ...DECISIONS,
  'reassigned_overdue',
  'taken_over',
  'reassigned',
  'stood_in',
  // An approver's question to the applicant (询问), and the applicant's answer; the step stays with the approver.
  'asked',
  'answered',
] as const;

/** What happened to an application, as its history shows it: one name per event (a step's as `<step>.<event>`). */
export type HistoryAction = (typeof EVENTS)[number] | `${StepId}.${(typeof STEP_EVENTS)[number]}`;

/** Whether a stored history line names an event PlanDesk writes. */
export function isHistoryAction(action: string): action is HistoryAction {
  const [step, event] = action.split('.');
  return event === undefined
    ? (EVENTS as readonly string[]).includes(action)
    : (STEP_IDS as readonly string[]).includes(step ?? '') && (STEP_EVENTS as readonly string[]).includes(event);
}

/** One event in an application's history, kept for every version it went through. */
export interface HistoryEvent {
  at: string;
  actor: string;
  action: HistoryAction;
  revision: number;
  comment?: string;
  /** The directory version the application was routed on (a submission, a resubmission). */
  directoryVersion?: number;
}

/** A revision the applicant replaced after a return: what it asked, how it was judged, how far it got. */
export interface PastRevision {
  revision: number;
  input: ApplicationInput;
  assessment: Assessment;
  steps: ApprovalStep[];
}

/** An application as stored: its content, how it was judged and against what, and its history. */
export interface ApplicationRecord {
  id: string;
  /**
   * The filling of the form it was filed from, unique per applicant: a second submit of the same
   * form (a double tap, Teams resending the invoke, another instance) finds this application instead
   * of filing another. Null for applications filed otherwise (samples, older records).
   */
  draftId: string | null;
  /** Optimistic concurrency: each saved change increments it. */
  version: number;
  state: ApplicationState;
  /** The application's own revision: a resubmission after a return is a new revision. */
  revision: number;
  input: ApplicationInput;
  assessment: Assessment;
  catalogVersion: number;
  policyVersion: number;
  submittedAt: string;
  updatedAt: string;
  /** The current revision's route, each step with its named approver and status. */
  steps: ApprovalStep[];
  fulfillment: FulfillmentTask | null;
  pastRevisions: PastRevision[];
  /** When the support center carried it out and the plan took effect. */
  activatedAt: string | null;
  evaluations: EvaluationReport[];
  /** The evaluation period the applicant has been asked to report on, until they do. */
  evaluationDue: number | null;
  /** Set when ops ended the plan before its term (第九条(三)); absent in records from before that could happen. */
  endsEarly?: EarlyEnd | null;
  /** Every question an approver asked the applicant (询问), on every revision, with its answer once given. */
  questions: StepQuestion[];
  history: HistoryEvent[];
}
