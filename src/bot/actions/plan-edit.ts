import { formCard } from '../form/form-card';
import { blankForm, formValuesOf } from '../form/form-values';
import { describeRefusal } from '../../i18n/describe-refusal';
import { applicationActionData, cardForActor, messageCard } from './application-actions-shared';
import { cardAction } from './card-action';

/** `plan.edit`: the applicant opens a returned application as a prefilled form, to revise and resubmit. */
export const planEdit = cardAction({
  verb: 'plan.edit',
  button: 'resubmit',
  sharedChat: 'refuse',
  schema: applicationActionData,
  async handle(data, ctx) {
    const opened = await ctx.services.useCases.openRevision(data.applicationId, data.revision, ctx.user.aadObjectId);
    if (!opened.ok) {
      const words = describeRefusal(opened.error.refusal, ctx.lang);
      return opened.error.card ? cardForActor(ctx, opened.error.card, words, 'attention') : messageCard(words);
    }
    const { input, resubmit, choices, draftId } = opened.value;
    return formCard(
      ctx.lang,
      input ? formValuesOf(input) : blankForm(opened.value.unit, opened.value.startMonth),
      choices,
      { draftId, ...(resubmit ? { resubmit } : {}) },
    );
  },
});
