import { isMonth } from '../../domain/local-date';
import { t } from '../../i18n';
import { describeRefusal } from '../../i18n/describe-refusal';
import type { Command } from '../command';
import { reportView } from '../present/report-view';
import type { BotServices } from '../services';
import { reportCard } from '../views/report-card';

/**
 * `报表 2026-11` / `report 2026-11`: the month's report with charts, for ops, leaders and auditors, in
 * the 1:1 chat only. Anyone else is refused in words (audited).
 */
export const reportCommand = (services: BotServices): Command => ({
  names: ['report', '报表'],
  personalOnly: true,
  async handle({ lang, user, args }) {
    const month = args.trim();
    if (!isMonth(month)) return t(lang, 'bot.report.usage');
    const report = await services.useCases.monthlyReport(user.aadObjectId ?? '', month);
    if (!report.ok) return describeRefusal(report.error, lang);
    return reportCard(reportView(report.value, lang));
  },
});
