import type { ApproverRole, StepId } from '../../domain/route';
import type { ApplicationRecord } from './application-record';

/**
 * The step of an application in review that a decision is expected on (the workflow keeps at most one
 * pending), as `待办` and `列表`'s overdue and step filters see it. The stores keep it beside each
 * application with every write, so those lists read an index rather than every open plan (issue 13).
 */
export interface AwaitedStep {
  step: StepId;
  role: ApproverRole;
  /** Its named approver, and who may decide in their stead. */
  assignee: string;
  delegate: string | null;
  /** When it is due (ISO 8601), if it has a deadline. */
  dueAt: string | null;
}

/** The step an application waits on now: its pending step while it is in review, else null. */
export function awaitedStepOf(record: ApplicationRecord): AwaitedStep | null {
  if (record.state !== 'in_review') return null;
  const step = record.steps.find((s) => s.status === 'pending');
  return step
    ? { step: step.step, role: step.role, assignee: step.assignee, delegate: step.delegate, dueAt: step.dueAt }
    : null;
}

/** Whether an evaluation of the plan flagged it for improvement (`列表`'s flagged filter). */
export const isFlagged = (record: ApplicationRecord): boolean => record.evaluations.some((e) => e.flagged);

/** A step still to decide: pending, or still to come. */
export const isOpenStep = (step: { status: string }): boolean => step.status === 'pending' || step.status === 'waiting';

/**
 * Each person's open steps: the undecided steps of plans in review, by assignee, which send a step to the
 * least loaded approver of a pool. The stores keep the count (ApplicationRepository.openSteps); this is its rule.
 */
export function openStepsOf(
  records: readonly { state: string; steps: readonly { status: string; assignee: string }[] }[],
): Map<string, number> {
  const open = new Map<string, number>();
  for (const r of records)
    if (r.state === 'in_review')
      for (const s of r.steps) if (isOpenStep(s)) open.set(s.assignee, (open.get(s.assignee) ?? 0) + 1);
  return open;
}
