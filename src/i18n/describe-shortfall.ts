import type { EvaluationMeasure } from '../domain/lifecycle';
import { t, type Lang } from './index';

/**
 * What an evaluation found short of the application's expectations, as a phrase ("实际收入",
 * "实际收入和用户数"): for the applicant's answer, the ops channel's notice and the card alike.
 * Nothing named (an older notice, judged on revenue alone) reads as revenue.
 */
export function describeShortfall(measures: readonly EvaluationMeasure[], lang: Lang): string {
  const revenue = measures.includes('revenue');
  const subscribers = measures.includes('subscribers');
  if (revenue && subscribers) return t(lang, 'shortfall.both');
  return t(lang, subscribers ? 'shortfall.subscribers' : 'shortfall.revenue');
}

/** The measures a notice's `shortfalls` parameter names ("revenue,subscribers"), those PlanDesk knows. */
export const shortfallsIn = (param: string | number | undefined): EvaluationMeasure[] =>
  String(param ?? '')
    .split(',')
    .filter((m): m is EvaluationMeasure => m === 'revenue' || m === 'subscribers');
