import { describeRefusal } from '../../i18n/describe-refusal';
import { t } from '../../i18n';
import type { Command } from '../command';
import type { BotServices } from '../services';

/** A Shanghai day as people type it: YYYY-MM-DD, a real date. */
const isDay = (word: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(word) && new Date(`${word}T00:00:00Z`).toISOString().startsWith(word);

/**
 * `休假 2026-12-01 2026-12-05 刘强` / `away 2026-12-01 2026-12-05 liu.qiang`: leave with a stand-in
 * (named by name or email); `休假 取消` / `away cancel` ends the current or next one.
 */
export const awayCommand = (services: BotServices): Command => ({
  names: ['away', '休假'],
  personalOnly: true,
  async handle({ lang, user, args }) {
    const actor = user.aadObjectId ?? '';
    const [first = '', second = '', ...rest] = args.trim().split(/\s+/);
    if (first === '取消' || first.toLowerCase() === 'cancel') {
      const cancelled = await services.useCases.cancelAbsence(actor);
      return cancelled.ok
        ? t(lang, 'bot.away.cancelled', { firstDay: cancelled.value.from, lastDay: cancelled.value.to })
        : describeRefusal(cancelled.error, lang);
    }
    const standIn = rest.join(' ');
    if (!isDay(first) || !isDay(second) || !standIn) return t(lang, 'bot.away.usage');
    const recorded = await services.useCases.recordAbsence(actor, { from: first, to: second, standIn });
    if (!recorded.ok) return describeRefusal(recorded.error, lang);
    const { absence, standInName, moved, startsLater } = recorded.value;
    services.deliverSoon();
    const params = { firstDay: absence.from, lastDay: absence.to, standIn: standInName, moved };
    const steps = t(lang, startsLater ? 'bot.away.later' : moved > 0 ? 'bot.away.moved' : 'bot.away.none', params);
    return [t(lang, 'bot.away.recorded', params), steps, t(lang, 'bot.away.after')].join('\n\n');
  },
});
