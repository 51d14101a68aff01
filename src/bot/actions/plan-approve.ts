import { stepDecision } from './step-decision';

/** `plan.approve`: the step's approver approves (comment optional). */
export const planApprove = stepDecision('approve');
