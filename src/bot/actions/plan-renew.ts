import { addMonths, monthOf, shanghaiDate } from '../../domain/local-date';
import { t } from '../../i18n';
import { formCard } from '../form/form-card';
import { formValuesOf } from '../form/form-values';
import { applicationActionData, cardForActor } from './application-actions-shared';
import { cardAction } from './card-action';

/**
 * `plan.renew`: continuing an expired plan needs a new application (第九条(三)); the applicant gets
 * the form prefilled from the old one, starting next month, to check and submit as new.
 */
export const planRenew = cardAction({
  verb: 'plan.renew',
  personalOnly: true,
  schema: applicationActionData,
  async handle(data, ctx) {
    const record = await ctx.services.approval.store.applications.get(data.applicationId);
    if (!record) throw new Error(`application ${data.applicationId} vanished`);
    if (record.input.applicant !== ctx.user.aadObjectId) return cardForActor(ctx, record, t(ctx.lang, 'refusal.not_the_applicant'), 'attention');
    const nextMonth = addMonths(monthOf(shanghaiDate(ctx.services.approval.clock.now())), 1);
    return formCard(ctx.services, ctx.lang, { ...formValuesOf(record.input), startMonth: nextMonth });
  },
});
