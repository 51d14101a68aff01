import { businessDeadline, type WorkingCalendar } from '../../domain/business-days';
import type { PolicyContent } from '../../domain/policy';
import type { WorkflowEnv } from '../../domain/workflow';
import type { Directory } from '../records/directory';
import { approverFor } from './people';

/** Deadlines from the policy and the working calendar; approvers from the directory. */
export function workflowEnv(policy: PolicyContent, calendar: WorkingCalendar, directory: Directory): WorkflowEnv {
  return {
    approvalDue: (from) => businessDeadline(calendar, from, policy.deadlines.approvalBusinessDays),
    fulfillmentDue: (from) => businessDeadline(calendar, from, policy.deadlines.fulfillmentBusinessDays),
    assign: (role) => approverFor(directory, role),
    leadershipIsFinal: policy.leadershipIsFinal,
  };
}
