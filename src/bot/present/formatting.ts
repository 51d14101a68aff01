import { formatBasisPoints } from '../../domain/basis-points';
import { SHANGHAI } from '../../domain/local-date';
import { formatYuan } from '../../domain/money';
import type { Economics } from '../../domain/economics';
import { t, type Lang } from '../../i18n';

const whenFormats: Record<Lang, Intl.DateTimeFormat> = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', {
    timeZone: SHANGHAI,
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }),
  'en-US': new Intl.DateTimeFormat('en-US', {
    timeZone: SHANGHAI,
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }),
};

/** An instant as people in Shanghai read it: "12月3日 18:00" / "Dec 3, 18:00". */
export const formatWhen = (iso: string | null, lang: Lang): string =>
  iso ? whenFormats[lang].format(new Date(iso)) : '';

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
    { label: t(lang, 'econ.subsidy'), value: pct(e.subsidyBp) },
    { label: t(lang, 'econ.commission'), value: pct(e.commissionBp) },
  ];
}
