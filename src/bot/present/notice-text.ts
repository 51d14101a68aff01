import type { NoticeKey } from '../../app/ports/notice-keys';
import { isStringKey, t, type Lang } from '../../i18n';
import { describeShortfall, shortfallsIn } from '../../i18n/describe-shortfall';
import { formatMonths, formatWhen } from './formatting';

/**
 * Words for an outbox notice. Its params are data; some are shown in words: a step id by its name,
 * an instant (`due`) as Shanghai reads it (with the year when it is not `now`'s), a run of months
 * (`firstMonth`–`lastMonth`) as `span`, a message about no
 * application and a recipient nobody could name in a phrase that reads as a sentence, the monthly
 * summary's flagged plans only when there are some, and what an evaluation found short (`shortfalls`)
 * as `shortOn` (the unit's name comes as `unitName`).
 */
export function noticeText(lang: Lang, key: NoticeKey, params: Record<string, string | number>, now: Date): string {
  const shown: Record<string, string | number> = { ...params };
  const stepKey = `step.${params.step}`;
  if (typeof params.step === 'string' && isStringKey(stepKey)) shown.stepName = t(lang, stepKey);
  if (typeof params.due === 'string' && !Number.isNaN(Date.parse(params.due)))
    shown.due = formatWhen(params.due, lang, now);
  if (typeof params.firstMonth === 'string' && typeof params.lastMonth === 'string')
    shown.span = formatMonths(params.firstMonth, params.lastMonth, lang);
  shown.about = params.id ? t(lang, 'notice.about.application', { id: params.id }) : t(lang, 'notice.about.none');
  if (params.recipient === '') shown.recipient = t(lang, 'notice.recipient.unknown');
  shown.shortOn = describeShortfall(shortfallsIn(params.shortfalls), lang);
  shown.flaggedPart =
    Number(params.flagged) > 0
      ? t(lang, 'summary.flagged', { flagged: params.flagged ?? 0 })
      : t(lang, 'summary.noneFlagged');
  return t(lang, key, shown);
}
