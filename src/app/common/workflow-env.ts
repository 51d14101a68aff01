import { businessDeadline, type WorkingCalendar } from '../../domain/business-days';
import type { PolicyContent } from '../../domain/policy';
import type { ApproverRole } from '../../domain/route';
import type { WorkflowEnv } from '../../domain/workflow';
import type { Directory } from '../records/directory';
import { approverFor } from './people';

/** A role the directory has nobody for: the route cannot be named, so nothing is filed. */
export class MissingApprover extends Error {
  constructor(readonly role: ApproverRole) {
    super(`the directory names nobody with the role ${role}`);
  }
}

/** Deadlines from the policy and the working calendar; approvers from the directory. */
export function workflowEnv(policy: PolicyContent, calendar: WorkingCalendar, directory: Directory): WorkflowEnv {
  return {
    approvalDue: (from) => businessDeadline(calendar, from, policy.deadlines.approvalBusinessDays),
    fulfillmentDue: (from) => businessDeadline(calendar, from, policy.deadlines.fulfillmentBusinessDays),
    assign: (role) => {
      const approver = approverFor(directory, role);
      if (!approver) throw new MissingApprover(role);
      return approver;
    },
    leadershipIsFinal: policy.leadershipIsFinal,
  };
}
