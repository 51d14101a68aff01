import { answerActed, applicationActionData } from './application-actions-shared';
import { cardAction } from './card-action';

/** `plan.withdraw`: the applicant takes back an application not yet finally decided. */
export const planWithdraw = cardAction({
  verb: 'plan.withdraw',
  button: 'withdraw',
  comment: { id: 'withdrawComment', required: false },
  sharedChat: 'notice',
  schema: applicationActionData,
  async handle(data, ctx) {
    return answerActed(ctx, await ctx.services.useCases.withdraw(data.applicationId, ctx.user.aadObjectId), () => ({
      key: 'bot.withdrawn',
    }));
  },
});
