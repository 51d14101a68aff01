import { isStringKey, t, type Lang } from './index';

/**
 * A history line's words, for the card and the export alike: the step it happened at by its name,
 * then what happened ("ops_review.approve" → "经营管理部审批 · 批准"); a plan-wide event by itself
 * ("submitted" → "提交"). A step or event without words shows as stored.
 */
export function describeHistoryAction(action: string, lang: Lang): string {
  const [first = '', event] = action.split('.');
  const stepKey = `step.${first}`;
  const step = event ? `${isStringKey(stepKey) ? t(lang, stepKey) : first} · ` : '';
  const key = `history.${event ?? first}`;
  return `${step}${isStringKey(key) ? t(lang, key) : action}`;
}
