import { z } from 'zod';
import { shortfallsOf } from '../../domain/lifecycle';
import { t } from '../../i18n';
import { describeShortfall } from '../../i18n/describe-shortfall';
import { yuanToFen } from '../form/application-from-form';
import { formatMonths } from '../present/formatting';
import { answerActed, applicationActionData, cardForActor, messageCard } from './application-actions-shared';
import { cardAction } from './card-action';

const evaluationData = applicationActionData.extend({
  period: z.coerce.number().int().positive(),
  actualRevenueYuan: z.union([z.string(), z.number()]).transform((v) => String(v).trim().replace(/,/g, '')),
  actualSubscribers: z.coerce.number().int().min(0).max(10_000_000),
});

/** `evaluation.report`: the applicant reports a period's actual revenue (yuan, exact to the fen) and subscribers. */
export const evaluationReport = cardAction({
  verb: 'evaluation.report',
  button: 'evaluate',
  sharedChat: 'notice',
  schema: evaluationData,
  async handle(data, ctx) {
    const fen = yuanToFen(data.actualRevenueYuan);
    if (fen === null) {
      // The card again, as it stands, saying what is wrong with the figure.
      const current = await ctx.services.useCases.view(data.applicationId, ctx.user.aadObjectId);
      return current.ok
        ? cardForActor(ctx, current.value, t(ctx.lang, 'form.bad_yuan'), 'attention')
        : messageCard(t(ctx.lang, 'form.bad_yuan'));
    }
    const acted = await ctx.services.useCases.reportEvaluation({
      applicationId: data.applicationId,
      period: data.period,
      actualRevenueFen: fen,
      actualSubscribers: data.actualSubscribers,
      actor: ctx.user.aadObjectId,
    });
    return answerActed(ctx, acted, (model) => {
      const reported = model.record.evaluations.at(-1);
      const flagged = reported?.flagged ?? false;
      // Says which fell short: revenue, subscribers, or both.
      const shortOn = describeShortfall(reported ? shortfallsOf(reported) : [], ctx.lang);
      // A later period already due is asked for at once (reports fell behind): the answer names it.
      const next = model.evaluation;
      const params: Record<string, string | number> = next
        ? {
            period: data.period,
            shortOn,
            nextPeriod: next.period,
            span: formatMonths(next.firstMonth, next.lastMonth, ctx.lang),
          }
        : { period: data.period, shortOn };
      const key = `bot.evaluated${flagged ? 'Flagged' : ''}${next ? 'Next' : ''}` as const;
      return { key, params, tone: flagged ? 'warning' : 'good' };
    });
  },
});
