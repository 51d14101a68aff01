import { addMonths, monthOf, shanghaiDate } from '../../domain/local-date';
import { formCard } from '../form/form-card';
import { formValuesOf } from '../form/form-values';
import { applicationActionData, ownApplication } from './application-actions-shared';
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
    const own = await ownApplication(ctx, data.applicationId);
    if ('refused' in own) return own.refused;
    const { record } = own;
    const nextMonth = addMonths(monthOf(shanghaiDate(ctx.services.approval.clock.now())), 1);
    return formCard(ctx.services, ctx.lang, { ...formValuesOf(record.input), startMonth: nextMonth });
  },
});
