import type { LineKind } from '../domain/catalog';
import type { Reason } from '../domain/reason';
import { t, type Lang, type StringKey } from './index';

const MEASURES = ['margin', 'discount_depth', 'subsidy', 'commission', 'contract_value'] as const;
type Measure = (typeof MEASURES)[number];
const isMeasure = (m: unknown): m is Measure => (MEASURES as readonly unknown[]).includes(m);

/** A reason in words, in the reader's language. */
export function describeReason(r: Reason, lang: Lang): string {
  const p = r.params;
  if (r.code === 'tier_reason') {
    if (!isMeasure(p.measure)) return t(lang, 'tier.all_within', p);
    const key: StringKey =
      p.measure === 'contract_value' ? 'tier.above_value' : p.measure === 'margin' ? 'tier.below' : 'tier.above';
    return capitalize(t(lang, key, { ...p, measureName: t(lang, `measure.${p.measure}`) }));
  }
  if (r.code === 'kind_not_allowed')
    return t(lang, 'reason.kind_not_allowed', { ...p, kindName: t(lang, `kind.${p.kind as LineKind}`) });
  return t(lang, `reason.${r.code}`, p);
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
