import { formatBasisPoints } from './basis-points';
import { exactly, type Economics } from './economics';
import { formatYuan, type Fen } from './money';
import type { Tier, TierId } from './policy';
import { reason, type Reason } from './reason';

/** A threshold a plan fails, in the words a tier reason uses. */
interface Miss {
  measure: 'margin' | 'discount_depth' | 'subsidy' | 'commission' | 'contract_value';
  value: string;
  limit: string;
}

/**
 * The thresholds of one tier that a plan fails. The contract value is measured at the standard
 * tariff, so that deepening a discount can never move a plan to a lower tier of authority.
 */
export function missedThresholds(e: Economics, tier: Tier, contractValueFen: Fen = e.standardFen): Miss[] {
  const misses: Miss[] = [];
  if (tier.minMarginBp !== undefined && !exactly.marginAtLeast(e, tier.minMarginBp)) {
    misses.push({
      measure: 'margin',
      value: formatBasisPoints(e.marginBp),
      limit: formatBasisPoints(tier.minMarginBp),
    });
  }
  if (tier.maxDiscountDepthBp !== undefined && !exactly.discountDepthAtMost(e, tier.maxDiscountDepthBp)) {
    misses.push({
      measure: 'discount_depth',
      value: formatBasisPoints(e.discountDepthBp),
      limit: formatBasisPoints(tier.maxDiscountDepthBp),
    });
  }
  if (tier.maxSubsidyBp !== undefined && !exactly.subsidyAtMost(e, tier.maxSubsidyBp)) {
    misses.push({
      measure: 'subsidy',
      value: formatBasisPoints(e.subsidyBp),
      limit: formatBasisPoints(tier.maxSubsidyBp),
    });
  }
  if (tier.maxCommissionBp !== undefined && !exactly.commissionAtMost(e, tier.maxCommissionBp)) {
    misses.push({
      measure: 'commission',
      value: formatBasisPoints(e.commissionBp),
      limit: formatBasisPoints(tier.maxCommissionBp),
    });
  }
  if (tier.maxContractValueFen !== undefined && contractValueFen > tier.maxContractValueFen) {
    misses.push({
      measure: 'contract_value',
      value: formatYuan(contractValueFen),
      limit: formatYuan(tier.maxContractValueFen),
    });
  }
  return misses;
}

/**
 * The first tier whose every threshold holds, else the last; with the reasons in words. The contract
 * value is the plan's own at the standard tariff unless the customer's combined value is given.
 */
export function tierFor(
  e: Economics,
  tiers: readonly Tier[],
  contractValueFen: Fen = e.standardFen,
): { tier: TierId; reasons: Reason[] } {
  const reasons: Reason[] = [];
  for (const [index, tier] of tiers.entries()) {
    const misses = missedThresholds(e, tier, contractValueFen);
    if (misses.length === 0) {
      if (reasons.length === 0) reasons.push(reason('tier_reason', { tier: tier.id, measure: 'all_within' }));
      return { tier: tier.id, reasons };
    }
    // The last tier takes what no tier holds; its own misses are reasons too, never "all within".
    for (const miss of misses)
      reasons.push(reason('tier_reason', { tier: tier.id, next: tiers[index + 1]?.id ?? tier.id, ...miss }));
    if (index === tiers.length - 1) return { tier: tier.id, reasons };
  }
  throw new RangeError('a policy has at least one tier');
}

export const tierRank = (tier: TierId | null): number => (tier === null ? 0 : Number(tier.slice(4)));
