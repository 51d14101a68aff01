import type { ApprovalStep } from './approval-step';
import type { Actor } from './workflow';

/**
 * 第十条(三): a plan's figures are for the applicant, the approvers on its route (in any revision),
 * the support handlers once it is to be carried out, auditors and admins — nobody else.
 */
export function maySeeDetails(
  plan: {
    applicant: string;
    steps: readonly ApprovalStep[];
    pastSteps: readonly ApprovalStep[];
    inFulfillment: boolean;
  },
  actor: Actor,
): boolean {
  if (actor.id === plan.applicant) return true;
  if (actor.roles.includes('auditor') || actor.roles.includes('admin')) return true;
  if (plan.inFulfillment && actor.roles.includes('support_handler')) return true;
  return [...plan.steps, ...plan.pastSteps].some((s) => s.assignee === actor.id || s.delegate === actor.id);
}
