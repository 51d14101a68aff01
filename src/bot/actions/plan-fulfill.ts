import { answerActed, applicationActionData } from './application-actions-shared';
import { cardAction, commentOf } from './card-action';

/** `plan.fulfill`: a support handler marks the approved plan carried out (note optional). */
export const planFulfill = cardAction({
  verb: 'plan.fulfill',
  // Task cards posted before the verb had this name.
  formerVerbs: ['fulfillment.done'],
  button: 'fulfill',
  comment: { id: 'fulfillComment', required: false },
  sharedChat: 'notice',
  schema: applicationActionData,
  async handle(data, ctx) {
    const acted = await ctx.services.useCases.fulfill(
      data.applicationId,
      commentOf(planFulfill, data),
      ctx.user.aadObjectId,
    );
    return answerActed(ctx, acted, () => ({ key: 'bot.fulfilled' }));
  },
});
