import { stepDecision } from './step-decision';

/** `plan.reject`: the step's approver rejects (reason required). */
export const planReject = stepDecision('reject');
