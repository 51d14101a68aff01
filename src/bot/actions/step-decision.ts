import type { Decision } from '../../domain/approval-step';
import { answerActed, applicationActionData } from './application-actions-shared';
import { cardAction, commentOf } from './card-action';

/**
 * An approver's decision on the step the card shows. Saved first, answered with the updated card;
 * the messages it causes go out after the commit. A second tap finds the step decided.
 */
function stepDecision(decision: Decision, comment: { id: string; required: boolean }) {
  const action = cardAction({
    verb: `plan.${decision}`,
    button: decision,
    comment,
    sharedChat: 'notice',
    schema: applicationActionData,
    async handle(data, ctx) {
      const acted = await ctx.services.useCases.decide({
        applicationId: data.applicationId,
        revision: data.revision,
        stepIndex: data.stepIndex,
        decision,
        comment: commentOf(action, data),
        actor: ctx.user.aadObjectId,
      });
      return answerActed(ctx, acted, () => ({ key: `bot.decided.${decision}` }), true);
    },
  });
  return action;
}

/** `plan.approve`: the step's approver approves (comment optional). */
export const planApprove = stepDecision('approve', { id: 'approveComment', required: false });
/** `plan.reject`: the step's approver rejects (reason required). */
export const planReject = stepDecision('reject', { id: 'rejectComment', required: true });
/** `plan.return`: the step's approver returns it for revision (what to change, required). */
export const planReturn = stepDecision('return', { id: 'returnComment', required: true });
/** `plan.escalate`: ops reports it upward to leadership. */
export const planEscalate = stepDecision('escalate', { id: 'escalateComment', required: false });
