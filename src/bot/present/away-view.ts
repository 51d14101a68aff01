import type { AbsenceForm, AbsenceRecorded } from '../../app/use-cases';
import type { Absence } from '../../domain/absence';
import { addDays } from '../../domain/local-date';
import { t, type Lang } from '../../i18n';
import type { AwayView } from '../views/away-card';

/** What a recorded leave means, in words: the dates, what happens to the person's steps now, and after. */
export function recordedWords(recorded: AbsenceRecorded, lang: Lang): string {
  const { absence, standInName, moved, startsLater } = recorded;
  const params = { firstDay: absence.from, lastDay: absence.to, standIn: standInName, moved };
  const steps = t(lang, startsLater ? 'bot.away.later' : moved > 0 ? 'bot.away.moved' : 'bot.away.none', params);
  return [t(lang, 'bot.away.recorded', params), steps, t(lang, 'bot.away.after')].join('\n\n');
}

/** A cancelled leave, in words. */
export const cancelledWords = (absence: Absence, lang: Lang): string =>
  t(lang, 'bot.away.cancelled', { firstDay: absence.from, lastDay: absence.to });

/** What the leave card's inputs show: as offered (today to four days on), or as the person chose them. */
export interface AwayValues {
  from: string;
  to: string;
  standIn: string;
}

/**
 * The leave card: the leave recorded now and ahead, the dates and stand-in to record another, and
 * 取消当前休假 when there is one; for someone with no approver role, why there is nothing to record.
 */
export function awayView(
  form: AbsenceForm,
  lang: Lang,
  values: AwayValues | null = null,
  notice: AwayView['notice'] = null,
): AwayView {
  const current = form.away.map((a) =>
    t(lang, 'bot.away.current', { firstDay: a.from, lastDay: a.to, standIn: a.standInName }),
  );
  if (form.standIns.length === 0)
    return {
      lang,
      title: t(lang, 'bot.away.title'),
      notice,
      intro: [t(lang, 'bot.away.notApprover')],
      form: null,
      cancellable: false,
    };
  return {
    lang,
    title: t(lang, 'bot.away.title'),
    notice,
    intro: [...current, t(lang, 'bot.away.intro')],
    form: {
      min: form.today,
      from: values?.from ?? form.today,
      to: values?.to ?? addDays(form.today, 4),
      standIn: values?.standIn ?? '',
      standIns: form.standIns.map((p) => ({ title: p.name, value: p.id })),
    },
    cancellable: form.away.length > 0,
  };
}
