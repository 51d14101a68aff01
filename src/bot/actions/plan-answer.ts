import { z } from 'zod';
import { answerActed, applicationActionData } from './application-actions-shared';
import { cardAction, commentOf } from './card-action';

/** What 回答 carries back besides the application: which question the card showed. */
const answerData = applicationActionData.extend({ question: z.coerce.number().int().min(-1) });

/**
 * `plan.answer`: the applicant answers the question open on a step (回答); the step stays with its
 * approver, who is told. Answered with their card, showing the answer.
 */
export const planAnswer = cardAction({
  verb: 'plan.answer',
  button: 'answer',
  comment: { id: 'answerText', required: true },
  sharedChat: 'notice',
  schema: answerData,
  async handle(data, ctx) {
    const acted = await ctx.services.useCases.answer({
      applicationId: data.applicationId,
      revision: data.revision,
      stepIndex: data.stepIndex,
      question: data.question,
      text: commentOf(planAnswer, data) ?? '',
      actor: ctx.user.aadObjectId,
    });
    return answerActed(ctx, acted, () => ({ key: 'bot.answered' }), true);
  },
});
