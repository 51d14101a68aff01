import { withdrawApplication } from '../../app/approval/applicant-actions';
import { t } from '../../i18n';
import { applicationActionData, applicationOf, cardForActor, refusalText } from './application-actions-shared';
import { cardAction } from './card-action';

/** `plan.withdraw`: the applicant takes back an application not yet finally decided. */
export const planWithdraw = cardAction({
  verb: 'plan.withdraw',
  schema: applicationActionData,
  async handle(data, ctx) {
    const result = await withdrawApplication(ctx.services.approval, data.applicationId, ctx.user.aadObjectId);
    if (result.ok) {
      ctx.services.deliverSoon();
      return cardForActor(ctx, result.value, t(ctx.lang, 'bot.withdrawn', { id: data.applicationId }), 'good');
    }
    const record = 'record' in result.error ? result.error.record : await applicationOf(ctx, data.applicationId);
    return cardForActor(ctx, record, refusalText(ctx, result.error.code, { id: data.applicationId }), 'attention');
  },
});
