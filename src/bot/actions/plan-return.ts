import { stepDecision } from './step-decision';

/** `plan.return`: the step's approver returns it for revision (what to change, required). */
export const planReturn = stepDecision('return');
