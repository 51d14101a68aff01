import { describeRefusal } from '../../i18n/describe-refusal';
import { t } from '../../i18n';
import type { Command } from '../command';
import { awayView, cancelledWords, recordedWords } from '../present/away-view';
import { awayCard } from '../views/away-card';
import type { BotServices } from '../services';

/** A Shanghai day as people type it: YYYY-MM-DD, a real date. */
const isDay = (word: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(word) && new Date(`${word}T00:00:00Z`).toISOString().startsWith(word);

/**
 * `休假 2026-12-01 2026-12-05 刘强` / `away 2026-12-01 2026-12-05 liu.qiang`: leave with a stand-in
 * (named by name or email); `休假 取消` / `away cancel` ends the current or next one; `休假` alone
 * answers with the leave card (dates, a stand-in to choose, and the leave already recorded).
 */
export const awayCommand = (services: BotServices): Command => ({
  names: ['away', '休假'],
  personalOnly: true,
  async handle({ lang, user, args }) {
    const actor = user.aadObjectId ?? '';
    if (args.trim() === '') return awayCard(awayView(await services.useCases.absenceForm(actor), lang));
    const [first = '', second = '', ...rest] = args.trim().split(/\s+/);
    if (first === '取消' || first.toLowerCase() === 'cancel') {
      const cancelled = await services.useCases.cancelAbsence(actor);
      return cancelled.ok ? cancelledWords(cancelled.value, lang) : describeRefusal(cancelled.error, lang);
    }
    const standIn = rest.join(' ');
    if (!isDay(first) || !isDay(second) || !standIn) return t(lang, 'bot.away.usage');
    const recorded = await services.useCases.recordAbsence(actor, { from: first, to: second, standIn });
    if (!recorded.ok) return describeRefusal(recorded.error, lang);
    services.deliverSoon();
    return recordedWords(recorded.value, lang);
  },
});
