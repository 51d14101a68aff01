import type { ApplicationInput } from './application';
import { assessApplication, type Assessment } from './assess';
import type { BasisPoints } from './basis-points';
import { leversOf, nearestFigure, withFigure, type Lever } from './hint-levers';
import type { IntakeContext } from './intake-checks';
import type { Fen } from './money';
import type { TierId } from './policy';
import type { Reason } from './reason';

/**
 * What a hint's figure achieves: no approval at all (within the branch's authority), a lower tier,
 * a plan whose revenue covers its cost, or no adjustment the activity does not define.
 */
export type HintReach = 'no_approval' | TierId | 'cost_covered' | 'activity_defined';

interface Reaching {
  reaches: HintReach;
  /** Set when the plan now goes to leadership and at this figure would not. */
  avoids?: 'leadership';
}

/**
 * The one figure that would meet a threshold the plan misses or clear a block, every other figure
 * as it is: the lowest unit price, or the highest subsidy or commission. Lines are numbered from 1.
 */
export type Hint =
  | { kind: 'price_floor_cost'; line: number; product: string; priceFen: Fen }
  | ({ kind: 'line_price_min'; line: number; product: string; priceFen: Fen } & Reaching)
  | ({ kind: 'subsidy_max'; subsidyFen: Fen } & Reaching)
  | ({ kind: 'commission_max'; commissionBp: BasisPoints } & Reaching);

type Judge = (changed: ApplicationInput) => Assessment;
type LinePrice = Extract<Lever, { kind: 'line_price' }>;

/**
 * How the applicant gets to yes, one figure at a time (issue 12, "what would pass"). For a routed
 * plan: each better outcome — each tier before its own, then no approval at all — that changing one
 * line's price, the subsidy or the commission alone would reach, nearest outcome first. For a
 * blocked plan: each block a number clears — a line below its cost, the plan below cost, a subsidy,
 * commission or discount the activity does not define. Each figure is found by judging the changed
 * application by the same rules (`assessApplication`), so a figure shown as passing does pass and
 * the next one toward the current figure does not. What no single figure on the form can meet (the
 * contract value, the term) gets no hint.
 */
export function hintsFor(input: ApplicationInput, ctx: IntakeContext, assessment: Assessment): Hint[] {
  const judge: Judge = (changed) => assessApplication(changed, ctx);
  const levers = leversOf(input, ctx.catalog);
  if (assessment.outcome === 'routed' && assessment.tier) {
    return routedHints(input, ctx, assessment.tier, assessment, levers, judge);
  }
  if (assessment.outcome === 'blocked') return blockedHints(input, assessment.reasons, levers, judge);
  return [];
}

function routedHints(
  input: ApplicationInput,
  ctx: IntakeContext,
  tier: TierId,
  assessment: Assessment,
  levers: Lever[],
  judge: Judge,
): Hint[] {
  const tiers = ctx.policy.tiers.map((t) => t.id);
  // Not needed ranks before every tier, a blocked plan after all of them.
  const rank = (a: Assessment) =>
    a.outcome === 'not_needed' ? -1 : a.outcome === 'routed' && a.tier ? tiers.indexOf(a.tier) : tiers.length;
  // The better outcomes, best first: a lever's figure for one also reaches every worse one.
  const targets = [-1, ...tiers.slice(0, tiers.indexOf(tier)).keys()];
  const toLeadership = assessment.route.some((s) => s.step === 'leadership');
  const byTarget: Hint[][] = targets.map(() => []);
  for (const lever of levers) {
    let better: number | null = null;
    targets.forEach((target, i) => {
      const figure = nearestFigure(lever, (f) => rank(judge(withFigure(input, lever, f))) <= target);
      // The figure that reaches a better outcome already says it: one hint, for the better one.
      if (figure === null || figure === better) return;
      better = figure;
      const reaches = target < 0 ? 'no_approval' : tiers[target]!;
      const avoids =
        target >= 0 &&
        toLeadership &&
        !judge(withFigure(input, lever, figure)).route.some((s) => s.step === 'leadership');
      byTarget[i]!.push(hintOf(lever, figure, reaches, avoids));
    });
  }
  return byTarget.reverse().flat();
}

function blockedHints(input: ApplicationInput, reasons: Reason[], levers: Lever[], judge: Judge): Hint[] {
  const clears = (lever: Lever, gone: (r: Reason) => boolean) =>
    nearestFigure(lever, (f) => !judge(withFigure(input, lever, f)).reasons.some(gone));
  return reasons.flatMap((reason): Hint[] => {
    if (reason.code === 'line_below_cost') {
      const lever = levers.find(
        (l): l is LinePrice => l.kind === 'line_price' && l.index === Number(reason.params.line) - 1,
      );
      const figure =
        lever && clears(lever, (r) => r.code === 'line_below_cost' && r.params.line === reason.params.line);
      return lever && figure != null
        ? [{ kind: 'price_floor_cost', line: lever.index + 1, product: lever.product, priceFen: figure }]
        : [];
    }
    const goal: HintReach | null =
      reason.code === 'below_cost' ? 'cost_covered' : reason.code === 'kind_not_allowed' ? 'activity_defined' : null;
    if (!goal) return [];
    return levers.flatMap((lever) => {
      const figure = clears(lever, (r) => r.code === reason.code && r.params.kind === reason.params.kind);
      if (figure === null) return [];
      // A line price that covers the plan at or below the line's own cost: the line is below its cost now
      // (its price is under the figure), and its cost hint, which covers the plan too, says it.
      if (goal === 'cost_covered' && lever.kind === 'line_price' && figure <= lever.unitCostFen) return [];
      return [hintOf(lever, figure, goal, false)];
    });
  });
}

function hintOf(lever: Lever, figure: number, reaches: HintReach, avoids: boolean): Hint {
  const reaching: Reaching = avoids ? { reaches, avoids: 'leadership' } : { reaches };
  switch (lever.kind) {
    case 'line_price':
      return { kind: 'line_price_min', line: lever.index + 1, product: lever.product, priceFen: figure, ...reaching };
    case 'subsidy':
      return { kind: 'subsidy_max', subsidyFen: figure, ...reaching };
    case 'commission':
      return { kind: 'commission_max', commissionBp: figure, ...reaching };
  }
}
