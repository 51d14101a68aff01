import { businessDeadline, type WorkingCalendar } from '../../domain/business-days';
import type { LocalDate } from '../../domain/local-date';
import type { PolicyContent } from '../../domain/policy';
import type { WorkflowEnv } from '../../domain/workflow';
import type { Directory } from '../records/directory';
import { approverFor } from './people';

/** Who a unit's new steps may go to: the applying unit, and each person's open steps now. */
export interface Pools {
  unit: string;
  openSteps: ReadonlyMap<string, number>;
  /** The Shanghai day it is: who is away (休假) on it gets no new step; their stand-in does. */
  today: LocalDate | null;
}

/**
 * Deadlines from the policy and the working calendar; approvers from the directory's pools. Each
 * step assigned counts for its approver at once, so a route's steps of one role spread too.
 */
export function workflowEnv(
  policy: PolicyContent,
  calendar: WorkingCalendar,
  directory: Directory,
  pools: Pools = { unit: '', openSteps: new Map(), today: null },
): WorkflowEnv {
  const open = new Map(pools.openSteps);
  return {
    approvalDue: (from) => businessDeadline(calendar, from, policy.deadlines.approvalBusinessDays),
    fulfillmentDue: (from) => businessDeadline(calendar, from, policy.deadlines.fulfillmentBusinessDays),
    assign: (role) => {
      const chosen = approverFor(directory, role, pools.unit, (id) => open.get(id) ?? 0, pools.today);
      if (chosen) open.set(chosen.assignee, (open.get(chosen.assignee) ?? 0) + 1);
      return chosen;
    },
    leadershipIsFinal: policy.leadershipIsFinal,
  };
}
