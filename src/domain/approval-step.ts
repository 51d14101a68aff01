import type { StepAssignment } from './approver-pool';
import type { ApproverRole, StepId } from './route';

/**
 * Where one approval step stands: `waiting` for the steps before it, `pending` on its approver,
 * then decided. A step not reached when the case ends (withdrawn, rejected, returned) is `cancelled`.
 */
export const STEP_STATUSES = [
  'waiting',
  'pending',
  'approved',
  'rejected',
  'returned',
  'escalated',
  'cancelled',
] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const DECISIONS = ['approve', 'reject', 'return', 'escalate'] as const;
export type Decision = (typeof DECISIONS)[number];

/** One step of an application's route, with the named approver fixed when it was submitted. */
export interface ApprovalStep {
  step: StepId;
  role: ApproverRole;
  /** The approver's AAD object id. */
  assignee: string;
  /** Who may decide in the approver's stead, if anyone. */
  delegate: string | null;
  status: StepStatus;
  /** When it reached its approver, and when it is due (instants, ISO 8601). */
  startedAt: string | null;
  dueAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
  /** Why it went to its approver, when chosen from a pool (absent on steps routed before pools). */
  assignment?: StepAssignment;
}

/** The support center's task to carry out an approved plan (第七条(四): within one business day). */
export interface FulfillmentTask {
  createdAt: string;
  dueAt: string;
  doneBy: string | null;
  doneAt: string | null;
  note: string | null;
}

/** The one step a decision is expected on, if any. */
export const currentStepIndex = (steps: readonly ApprovalStep[]): number =>
  steps.findIndex((s) => s.status === 'pending');
