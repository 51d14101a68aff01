import type { ApplicationInput } from '../../domain/application';
import type { ApplicationState } from '../../domain/application-state';
import type { ApprovalStep, FulfillmentTask } from '../../domain/approval-step';
import type { Assessment } from '../../domain/assess';
import type { EvaluationReport } from '../../domain/lifecycle';

/** One event in an application's history, kept for every version it went through. */
export interface HistoryEvent {
  at: string;
  actor: string;
  action: string;
  revision: number;
  comment?: string;
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
  history: HistoryEvent[];
}
