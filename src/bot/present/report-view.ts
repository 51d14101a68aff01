import type { MonthlyReport } from '../../app/use-cases';
import { t, type Lang } from '../../i18n';
import { describeReport } from '../../i18n/describe-report';
import { label } from '../views/labels';
import type { ReportView } from '../views/view-models';
import { formatMonths, formatWhen } from './formatting';

/** The monthly report as its card shows it, in the reader's language. */
export function reportView(report: MonthlyReport, lang: Lang): ReportView {
  return {
    lang,
    title: t(lang, 'report.title', { month: formatMonths(report.month, report.month, lang) }),
    intro: [
      t(lang, 'report.submitted', { count: report.submitted }),
      t(lang, 'report.asOf', { when: formatWhen(report.asOf, lang, report.asOf) }),
    ],
    sections: describeReport(report, lang),
    axisTitles: { hours: label(lang, 'card.report.hours'), percent: label(lang, 'card.report.percent') },
  };
}
