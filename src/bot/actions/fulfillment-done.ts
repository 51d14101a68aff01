import { markFulfilled } from '../../app/approval/applicant-actions';
import { t } from '../../i18n';
import { COMMENT_INPUT_ID } from '../views/application-card';
import { applicationActionData, applicationOf, cardForActor, refusalText } from './application-actions-shared';
import { cardAction } from './card-action';

/** `fulfillment.done`: a support handler marks the approved plan carried out (note optional). */
export const fulfillmentDone = cardAction({
  verb: 'fulfillment.done',
  schema: applicationActionData,
  async handle(data, ctx) {
    const raw = data[COMMENT_INPUT_ID.fulfill] ?? data.comment;
    const result = await markFulfilled(ctx.services.approval, data.applicationId, typeof raw === 'string' ? raw : null, ctx.user.aadObjectId);
    if (result.ok) {
      ctx.services.deliverSoon();
      return cardForActor(ctx, result.value, t(ctx.lang, 'bot.fulfilled', { id: data.applicationId }), 'good');
    }
    const record = 'record' in result.error ? result.error.record : await applicationOf(ctx, data.applicationId);
    return cardForActor(ctx, record, refusalText(ctx, result.error.code, { id: data.applicationId }), 'attention');
  },
});
