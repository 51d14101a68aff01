import type { ApplicationInput } from './application';
import { findActivity } from './catalog';
import { computeEconomics, exactly, type Economics } from './economics';
import { blockingReasons, type IntakeContext } from './intake-checks';
import type { TierId } from './policy';
import { formatYuan } from './money';
import { combinedContractValue } from './overlap';
import { reason, type Reason } from './reason';
import { routeFor, type RouteStep } from './route';
import { tierFor } from './tier';

export type Outcome = 'blocked' | 'not_needed' | 'routed';

/** What happens to an application, judged against one catalog and one policy version. */
export interface Assessment {
  outcome: Outcome;
  tier: TierId | null;
  route: RouteStep[];
  reasons: Reason[];
  economics: Economics | null;
}

/**
 * Judges an application in the order of the rules: blocked (every failing check), else not
 * needed (within the branch's own authority), else routed to a tier with its reasons.
 */
export function assessApplication(input: ApplicationInput, ctx: IntakeContext): Assessment {
  const economics = computeEconomics(input, ctx.catalog);
  const blocked = blockingReasons(input, economics, ctx);
  const activity = findActivity(ctx.catalog, input.activity);
  if (blocked.length > 0 || !economics || !activity) {
    return { outcome: 'blocked', tier: null, route: [], reasons: blocked, economics };
  }
  // A branch's authority holds line by line: one deep discount is not averaged away by full-price lines.
  const everyLineWithin = economics.lines.every(
    (l) =>
      BigInt(l.standardFen - l.revenueFen) * 10000n <= BigInt(activity.branchMaxDiscountBp) * BigInt(l.standardFen),
  );
  const withinBranch =
    everyLineWithin &&
    exactly.discountDepthAtMost(economics, activity.branchMaxDiscountBp) &&
    exactly.subsidyAtMost(economics, activity.standardSubsidyBp) &&
    exactly.commissionAtMost(economics, activity.standardCommissionBp);
  if (withinBranch) {
    return {
      outcome: 'not_needed',
      tier: null,
      route: [],
      reasons: [reason('within_branch_authority', { activity: activity.code })],
      economics,
    };
  }
  const overlaps = ctx.overlaps ?? [];
  if (ctx.policy.judgeCustomerTotal && overlaps.length > 0) {
    const combined = combinedContractValue(economics.standardFen, overlaps);
    const { tier, reasons } = tierFor(economics, ctx.policy.tiers, combined);
    const customerTotal = reason('customer_total', {
      own: formatYuan(economics.standardFen),
      combined: formatYuan(combined),
      plans: overlaps.map((o) => o.id).join(', '),
    });
    return {
      outcome: 'routed',
      tier,
      route: routeFor(input, tier, ctx.policy),
      reasons: [customerTotal, ...reasons],
      economics,
    };
  }
  const { tier, reasons } = tierFor(economics, ctx.policy.tiers);
  return { outcome: 'routed', tier, route: routeFor(input, tier, ctx.policy), reasons, economics };
}
