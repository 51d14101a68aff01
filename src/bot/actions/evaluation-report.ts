import { z } from 'zod';
import { reportEvaluation } from '../../app/approval/report-evaluation';
import { t } from '../../i18n';
import { yuanToFen } from '../form/application-from-form';
import { applicationActionData, applicationOf, cardForActor, refusalText } from './application-actions-shared';
import { cardAction } from './card-action';

const evaluationData = applicationActionData.extend({
  period: z.coerce.number().int().positive(),
  actualRevenueYuan: z.union([z.string(), z.number()]).transform((v) => String(v).trim().replace(/,/g, '')),
  actualSubscribers: z.coerce.number().int().min(0).max(10_000_000),
});

/** `evaluation.report`: the applicant reports a period's actual revenue (yuan, exact to the fen) and subscribers. */
export const evaluationReport = cardAction({
  verb: 'evaluation.report',
  schema: evaluationData,
  async handle(data, ctx) {
    const record = await applicationOf(ctx, data.applicationId);
    const fen = yuanToFen(data.actualRevenueYuan);
    if (fen === null) return cardForActor(ctx, record, t(ctx.lang, 'form.bad_yuan'), 'attention');
    const result = await reportEvaluation(ctx.services.approval, {
      applicationId: data.applicationId, period: data.period, actualRevenueFen: fen, actualSubscribers: data.actualSubscribers, actor: ctx.user.aadObjectId,
    });
    if (result.ok) {
      ctx.services.deliverSoon();
      const flagged = result.value.evaluations.at(-1)?.flagged ?? false;
      return cardForActor(ctx, result.value, t(ctx.lang, flagged ? 'bot.evaluatedFlagged' : 'bot.evaluated', { id: data.applicationId, period: data.period }), flagged ? 'warning' : 'good');
    }
    const current = 'record' in result.error ? result.error.record : record;
    return cardForActor(ctx, current, refusalText(ctx, result.error.code, { id: data.applicationId }), 'attention');
  },
});
