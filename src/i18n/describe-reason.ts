import type { LineKind } from '../domain/catalog';
import { TIER_IDS, type TierId, type TierNames } from '../domain/policy';
import type { Reason } from '../domain/reason';
import { t, type Lang, type StringKey } from './index';

const MEASURES = ['margin', 'discount_depth', 'subsidy', 'commission', 'contract_value'] as const;
type Measure = (typeof MEASURES)[number];
const isMeasure = (m: unknown): m is Measure => (MEASURES as readonly unknown[]).includes(m);

const isTier = (id: unknown): id is TierId => (TIER_IDS as readonly unknown[]).includes(id);

/** A tier as people read it: the policy's name for it in the reader's language, else the default ("一级授权"). */
export function tierName(id: TierId, lang: Lang, names: TierNames = {}): string {
  return names[id]?.[lang] ?? t(lang, `tier.name.${id}`);
}

/** A reason in words, in the reader's language; tiers by the names of the policy that judged it. */
export function describeReason(r: Reason, lang: Lang, tierNames: TierNames = {}): string {
  const p = r.params;
  if (r.code === 'tier_reason') {
    const named = { ...p };
    for (const param of ['tier', 'next'] as const) {
      const id = p[param];
      if (isTier(id)) named[param] = tierName(id, lang, tierNames);
    }
    if (!isMeasure(p.measure)) return t(lang, 'tier.all_within', named);
    const key: StringKey =
      p.measure === 'contract_value' ? 'tier.above_value' : p.measure === 'margin' ? 'tier.below' : 'tier.above';
    return capitalize(t(lang, key, { ...named, measureName: t(lang, `measure.${p.measure}`) }));
  }
  if (r.code === 'kind_not_allowed')
    return t(lang, 'reason.kind_not_allowed', { ...p, kindName: t(lang, `kind.${p.kind as LineKind}`) });
  return t(lang, `reason.${r.code}`, p);
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
