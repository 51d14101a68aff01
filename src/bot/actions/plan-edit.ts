import { formCard } from '../form/form-card';
import { formValuesOf } from '../form/form-values';
import { t } from '../../i18n';
import { applicationActionData, cardForActor, ownApplication } from './application-actions-shared';
import { cardAction } from './card-action';

/** `plan.edit`: the applicant opens a returned application as a prefilled form, to revise and resubmit. */
export const planEdit = cardAction({
  verb: 'plan.edit',
  personalOnly: true,
  schema: applicationActionData,
  async handle(data, ctx) {
    const own = await ownApplication(ctx, data.applicationId);
    if ('refused' in own) return own.refused;
    const { record } = own;
    if (record.state !== 'returned' || record.revision !== data.revision) return cardForActor(ctx, record, t(ctx.lang, 'refusal.stale_version'), 'attention');
    return formCard(ctx.services, ctx.lang, formValuesOf(record.input), { resubmit: { applicationId: record.id, revision: record.revision } });
  },
});
