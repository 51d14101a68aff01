import { describeRefusal } from '../../i18n/describe-refusal';
import { formCard } from '../form/form-card';
import { blankForm, formValuesOf } from '../form/form-values';
import { applicationActionData, cardForActor, messageCard } from './application-actions-shared';
import { cardAction } from './card-action';

/**
 * `plan.renew`: continuing an expired plan needs a new application (第九条(三)); the applicant gets
 * the form prefilled from the old one, starting next month, to check and submit as new.
 */
export const planRenew = cardAction({
  verb: 'plan.renew',
  button: 'renew',
  sharedChat: 'refuse',
  schema: applicationActionData,
  async handle(data, ctx) {
    const opened = await ctx.services.useCases.openRenewal(data.applicationId, ctx.user.aadObjectId);
    if (!opened.ok) {
      const words = describeRefusal(opened.error.refusal, ctx.lang);
      return opened.error.card ? cardForActor(ctx, opened.error.card, words, 'attention') : messageCard(words);
    }
    const { input, choices, draftId } = opened.value;
    return formCard(
      ctx.lang,
      input ? formValuesOf(input) : blankForm(opened.value.unit, opened.value.startMonth),
      choices,
      { draftId },
    );
  },
});
