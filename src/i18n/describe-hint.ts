import { formatBasisPoints } from '../domain/basis-points';
import type { Hint } from '../domain/hints';
import { formatYuan } from '../domain/money';
import { TIER_IDS, type TierId, type TierNames } from '../domain/policy';
import { tierName } from './describe-reason';
import { t, type Lang } from './index';

const isTier = (reach: string): reach is TierId => (TIER_IDS as readonly string[]).includes(reach);

/**
 * A hint in words, in the reader's language: money as yuan (¥12,000.00), a ratio as a percent with
 * two decimals, a tier by the name the policy gives it.
 */
export function describeHint(hint: Hint, lang: Lang, tierNames: TierNames = {}): string {
  if (hint.kind === 'price_floor_cost')
    return t(lang, 'hint.price_floor_cost', {
      line: hint.line,
      product: hint.product,
      price: formatYuan(hint.priceFen),
    });
  const { reaches } = hint;
  const goal = isTier(reaches) ? (hint.avoids === 'leadership' ? 'tier_without_leadership' : 'tier') : reaches;
  const tier = isTier(reaches) ? tierName(reaches, lang, tierNames) : '';
  switch (hint.kind) {
    case 'line_price_min':
      return t(lang, `hint.line_price_min.${goal}`, {
        line: hint.line,
        product: hint.product,
        price: formatYuan(hint.priceFen),
        tier,
      });
    case 'subsidy_max':
      return t(lang, `hint.subsidy_max.${goal}`, { subsidy: formatYuan(hint.subsidyFen), tier });
    case 'commission_max':
      return t(lang, `hint.commission_max.${goal}`, { commission: formatBasisPoints(hint.commissionBp), tier });
  }
}
