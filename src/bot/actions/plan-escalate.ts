import { stepDecision } from './step-decision';

/** `plan.escalate`: the step's approver reports it upward to leadership (ops only). */
export const planEscalate = stepDecision('escalate');
