import { formatBasisPoints } from '../../domain/basis-points';
import { calendarQuarter } from '../../domain/evaluation-period';
import { SHANGHAI, shanghaiDate } from '../../domain/local-date';
import { formatYuan } from '../../domain/money';
import type { Economics } from '../../domain/economics';
import { t, type Lang } from '../../i18n';

const WHEN: Record<Lang, Intl.DateTimeFormatOptions> = {
  'zh-CN': { timeZone: SHANGHAI, month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  'en-US': { timeZone: SHANGHAI, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};
const whenFormats: Record<Lang, Intl.DateTimeFormat> = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', WHEN['zh-CN']),
  'en-US': new Intl.DateTimeFormat('en-US', WHEN['en-US']),
};
/** The same, with the year: for an instant in another year than the reader's now. */
const yearFormats: Record<Lang, Intl.DateTimeFormat> = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', { ...WHEN['zh-CN'], year: 'numeric' }),
  'en-US': new Intl.DateTimeFormat('en-US', { ...WHEN['en-US'], year: 'numeric' }),
};

/**
 * Instants already said, by language and whether with the year: a list card says its rows' deadlines and
 * submission times at every look, and Intl's format was half the time a list took to build (issue 13). Bounded, and
 * emptied when full: a day's busy lists say a few thousand instants.
 */
const formattedWhen = new Map<string, string>();
const FORMATTED_WHEN = 10_000;

const yearIn = (instant: Date): string => shanghaiDate(instant).slice(0, 4);

/**
 * An instant as people in Shanghai read it: "12月3日 18:00" / "Dec 3, 18:00", with the year when it
 * is not the year of `now` there ("2026年12月2日 18:00" read in 2027), so a past deadline never reads
 * like an upcoming one.
 */
export function formatWhen(iso: string | null, lang: Lang, now: Date | string): string {
  if (!iso) return '';
  const instant = new Date(iso);
  const sameYear = yearIn(instant) === yearIn(new Date(now));
  const key = `${lang} ${sameYear ? '' : 'y'} ${iso}`;
  let said = formattedWhen.get(key);
  if (said === undefined) {
    said = (sameYear ? whenFormats : yearFormats)[lang].format(instant);
    if (formattedWhen.size >= FORMATTED_WHEN) formattedWhen.clear();
    formattedWhen.set(key, said);
  }
  return said;
}

const monthNames: Record<Lang, Intl.DateTimeFormat> = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', { timeZone: 'UTC', month: 'numeric' }),
  'en-US': new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short' }),
};
const monthName = (month: string, lang: Lang): string => monthNames[lang].format(new Date(`${month}-01T00:00:00Z`));

/**
 * A run of months ("YYYY-MM" to "YYYY-MM") as people read it, with the calendar quarter when it is
 * exactly one: "2027年4月–6月,第二季度" / "Apr–Jun 2027, Q2"; "2026年11月–2027年1月" / "Nov 2026–Jan 2027".
 */
export function formatMonths(firstMonth: string, lastMonth: string, lang: Lang): string {
  const [fromYear, toYear] = [firstMonth.slice(0, 4), lastMonth.slice(0, 4)];
  const [fromMonth, toMonth] = [monthName(firstMonth, lang), monthName(lastMonth, lang)];
  const span =
    firstMonth === lastMonth
      ? t(lang, 'months.one', { year: fromYear, monthName: fromMonth })
      : fromYear === toYear
        ? t(lang, 'months.sameYear', { year: fromYear, fromMonth, toMonth })
        : t(lang, 'months.acrossYears', { fromYear, fromMonth, toYear, toMonth });
  const quarter = calendarQuarter(firstMonth, lastMonth);
  return quarter
    ? t(lang, 'months.withQuarter', { span, quarter: t(lang, `quarter.${quarter as 1 | 2 | 3 | 4}`) })
    : span;
}

export const yuan = (fen: number): string => `¥${formatYuan(fen)}`;
export const pct = (bp: number): string => `${formatBasisPoints(bp)}%`;

/** The economics rows every card shows, in one order. */
export function economicsRows(e: Economics, lang: Lang): { label: string; value: string }[] {
  return [
    { label: t(lang, 'econ.revenue'), value: yuan(e.revenueFen) },
    { label: t(lang, 'econ.standard'), value: yuan(e.standardFen) },
    { label: t(lang, 'econ.cost'), value: yuan(e.costFen) },
    { label: t(lang, 'econ.margin'), value: pct(e.marginBp) },
    { label: t(lang, 'econ.discount'), value: pct(e.discountDepthBp) },
    { label: t(lang, 'econ.subsidy'), value: `${yuan(e.subsidyFen)} · ${pct(e.subsidyBp)}` },
    { label: t(lang, 'econ.commission'), value: `${pct(e.commissionBp)} · ${yuan(e.commissionFen)}` },
  ];
}
