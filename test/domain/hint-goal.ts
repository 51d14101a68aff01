/**
 * What a hint promises, checked by judging the application again with its figure: written from the
 * hint's words (the kind, what it reaches, what it avoids), apart from src/domain/hints.ts.
 */
import type { ApplicationInput } from '../../src/domain/application';
import { assessApplication, type Assessment } from '../../src/domain/assess';
import type { Hint } from '../../src/domain/hints';
import type { IntakeContext } from '../../src/domain/intake-checks';
import { tierRank } from '../../src/domain/tier';

/** The hint's figure, or `offset` beyond it (−1: one fen under a lowest price; +1: one over a highest subsidy or commission). */
export function withHint(input: ApplicationInput, hint: Hint, offset = 0): ApplicationInput {
  switch (hint.kind) {
    case 'price_floor_cost':
    case 'line_price_min':
      return {
        ...input,
        tariffLines: input.tariffLines.map((l, i) =>
          i === hint.line - 1 ? { ...l, proposedUnitPriceFen: hint.priceFen + offset } : l,
        ),
      };
    case 'subsidy_max':
      return { ...input, subsidyFen: hint.subsidyFen + offset };
    case 'commission_max':
      return { ...input, commissionBp: hint.commissionBp + offset };
  }
}

/** One step past the hint's figure, away from passing: a fen below a lowest price, one over a highest amount. */
export const pastHint = (hint: Hint): number =>
  hint.kind === 'price_floor_cost' || hint.kind === 'line_price_min' ? -1 : 1;

const KIND_OF_LEVER = {
  price_floor_cost: 'tariff_discount',
  line_price_min: 'tariff_discount',
  subsidy_max: 'promo_subsidy',
  commission_max: 'agent_commission',
} as const;

/** Whether a judged application has what the hint says its figure gives. */
export function meetsHint(after: Assessment, hint: Hint): boolean {
  const has = (code: string, pick: (params: Record<string, unknown>) => boolean = () => true) =>
    after.reasons.some((r) => r.code === code && pick(r.params));
  if (hint.kind === 'price_floor_cost') return !has('line_below_cost', (p) => p.line === hint.line);
  const avoided = hint.avoids !== 'leadership' || !after.route.some((s) => s.step === 'leadership');
  switch (hint.reaches) {
    case 'no_approval':
      return after.outcome === 'not_needed';
    case 'cost_covered':
      return !has('below_cost');
    case 'activity_defined':
      return !has('kind_not_allowed', (p) => p.kind === KIND_OF_LEVER[hint.kind]);
    default:
      return (
        avoided &&
        (after.outcome === 'not_needed' ||
          (after.outcome === 'routed' && tierRank(after.tier) <= tierRank(hint.reaches)))
      );
  }
}

/** The application judged with the hint's figure moved by `offset`. */
export const judgedWith = (input: ApplicationInput, hint: Hint, ctx: IntakeContext, offset = 0): Assessment =>
  assessApplication(withHint(input, hint, offset), ctx);
