import type { Attachment } from 'botbuilder';
import { z } from 'zod';
import { describeRefusal } from '../../i18n/describe-refusal';
import { renderApplication } from '../present/render';
import { answerActed, applicationActionData, messageCard } from './application-actions-shared';
import { cardAction, commentOf } from './card-action';

const endData = applicationActionData.extend({
  // Input.Date's "YYYY-MM-DD"; anything else is refused in words by the use case, not as a bad request.
  endDate: z.string().optional(),
});

/**
 * `plan.end` (结束方案): ops ends a plan in effect before its term (第九条(三)), with the last day its
 * discounts hold and a reason. A refusal (a day already past, no reason) shows the card again with
 * what was typed still in the form.
 */
export const planEnd = cardAction({
  verb: 'plan.end',
  button: 'end',
  comment: { id: 'endReason', required: true },
  sharedChat: 'refuse',
  schema: endData,
  async handle(data, ctx): Promise<Attachment> {
    const reason: string = commentOf(planEnd, data) ?? '';
    const acted = await ctx.services.useCases.endPlan({
      applicationId: data.applicationId,
      lastDay: data.endDate ?? '',
      reason,
      actor: ctx.user.aadObjectId,
    });
    if (acted.ok)
      return answerActed(
        ctx,
        acted,
        (model) => ({ key: 'bot.ended', params: { lastDay: model.record.endsEarly?.lastDay ?? '' } }),
        true,
      );
    const words = describeRefusal(acted.error.refusal, ctx.lang);
    return acted.error.card
      ? renderApplication(
          acted.error.card,
          ctx.lang,
          { text: words, tone: 'attention' },
          {
            lastDay: data.endDate,
            reason,
          },
        )
      : messageCard(words);
  },
});
