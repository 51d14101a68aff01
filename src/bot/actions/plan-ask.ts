import { answerActed, applicationActionData } from './application-actions-shared';
import { cardAction, commentOf } from './card-action';

/**
 * `plan.ask`: the step's approver asks the applicant a question (询问) instead of returning the plan;
 * the step stays with them. Answered with their card, showing the question as open.
 */
export const planAsk = cardAction({
  verb: 'plan.ask',
  button: 'ask',
  comment: { id: 'askText', required: true },
  sharedChat: 'notice',
  schema: applicationActionData,
  async handle(data, ctx) {
    const acted = await ctx.services.useCases.ask({
      applicationId: data.applicationId,
      revision: data.revision,
      stepIndex: data.stepIndex,
      text: commentOf(planAsk, data) ?? '',
      actor: ctx.user.aadObjectId,
    });
    return answerActed(ctx, acted, () => ({ key: 'bot.asked' }), true);
  },
});
