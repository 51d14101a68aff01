import type { CardModel } from '../../app/use-cases';
import type { ApplicationRecord } from '../../app/records/application-record';
import { planEnd, shortfallsOf } from '../../domain/lifecycle';
import { shanghaiDate } from '../../domain/local-date';
import { t, type Lang } from '../../i18n';
import { describeShortfall } from '../../i18n/describe-shortfall';
import type { ApplicationView } from '../views/view-models';
import { yuan } from './formatting';

/** What was typed into the 结束方案 form, kept on the card when ending it is refused. */
export interface EndTyped {
  lastDay?: string | undefined;
  reason?: string | undefined;
}

/**
 * A plan ops ended early (第九条(三)), on the first screen: who ended it and its last day, their reason,
 * and what happens after (while it still runs).
 */
export function endNote(
  record: ApplicationRecord,
  names: Record<string, string>,
  lang: Lang,
): ApplicationView['decision'] {
  const ends = record.endsEarly;
  if (!ends || (record.state !== 'active' && record.state !== 'expired')) return undefined;
  const params = { who: names[ends.by] ?? ends.by, lastDay: ends.lastDay };
  const running = record.state === 'active';
  return {
    title: t(lang, running ? 'endsEarly.title' : 'endsEarly.titleExpired', params),
    comment: ends.reason,
    hint: running ? t(lang, 'endsEarly.hint', params) : '',
  };
}

/** The plan's term as the card's details show it, with the day ops ended it on, if it did. */
export function termText(record: ApplicationRecord, lang: Lang): string {
  const term = t(lang, 'term.months', { start: record.input.startMonth, months: record.input.termMonths });
  const ends = record.endsEarly;
  return ends ? t(lang, 'endsEarly.term', { term, lastDay: ends.lastDay }) : term;
}

/** The words of the history line of an early end: the last day with the reason it was stored with. */
export function endedHistoryComment(record: ApplicationRecord, reason: string, lang: Lang): string {
  const ends = record.endsEarly;
  return ends ? t(lang, 'endsEarly.history', { lastDay: ends.lastDay, why: reason }) : reason;
}

/**
 * Each evaluation reported, under 方案详情: what fell short (or that it is on pace), then the actual
 * figures against what the application expected by then.
 */
export function evaluationRows(record: ApplicationRecord, lang: Lang): { label: string; value: string }[] {
  return record.evaluations.map((e) => {
    const figures =
      e.expectedSubscribersToDate === undefined
        ? t(lang, 'detail.evaluation.figuresRevenueOnly', {
            actual: yuan(e.actualRevenueFen),
            expectedRevenue: yuan(e.expectedRevenueToDateFen),
            subscribers: e.actualSubscribers,
          })
        : t(lang, 'detail.evaluation.figures', {
            actual: yuan(e.actualRevenueFen),
            expectedRevenue: yuan(e.expectedRevenueToDateFen),
            subscribers: e.actualSubscribers,
            expectedSubscribers: e.expectedSubscribersToDate,
          });
    const short = shortfallsOf(e);
    return {
      label: t(lang, 'detail.evaluation.label', { period: e.period }),
      value:
        short.length > 0
          ? t(lang, 'detail.evaluation.short', { shortOn: describeShortfall(short, lang), figures })
          : t(lang, 'detail.evaluation.onPace', { figures }),
    };
  });
}

/**
 * The 结束方案 form's fields, for a viewer who may end the plan: what they typed (after a refusal), and
 * the days its date may take — today (Shanghai, by the card's clock) to the last day of its term.
 */
export function endInputOf(model: CardModel, typed: EndTyped = {}): ApplicationView['endInput'] {
  if (!model.actions.includes('end')) return undefined;
  return {
    lastDay: typed.lastDay?.trim() || null,
    reason: typed.reason || null,
    min: shanghaiDate(new Date(model.asOf)),
    max: planEnd(model.record.input).lastDay,
  };
}
