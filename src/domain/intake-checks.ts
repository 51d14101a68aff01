import type { Overlap } from './overlap';
import type { ApplicationInput } from './application';
import { formatBasisPoints } from './basis-points';
import { findActivity, findProduct, isIssued, type CatalogContent, type LineKind } from './catalog';
import type { Economics } from './economics';
import { monthOf, type LocalDate } from './local-date';
import { formatYuan } from './money';
import type { PolicyContent } from './policy';
import { reason, type Reason } from './reason';

export interface IntakeContext {
  catalog: CatalogContent;
  policy: PolicyContent;
  today: LocalDate;
  /** The units the directory knows; when given, an application from any other unit is blocked. */
  knownUnits?: readonly string[];
  /** The customer's other plans that overlap this one (overlap.ts); their contract value counts with the policy's `judgeCustomerTotal`. */
  overlaps?: readonly Overlap[];
}

/** The adjustments an application makes, by the kinds of line a standard activity defines. */
export function kindsUsed(input: ApplicationInput, catalog: CatalogContent): LineKind[] {
  const kinds: LineKind[] = [];
  const discounted = input.tariffLines.some((line) => {
    const product = findProduct(catalog, line.product);
    return product !== undefined && line.proposedUnitPriceFen < product.standardPriceFen;
  });
  if (discounted) kinds.push('tariff_discount');
  if (input.subsidyFen > 0) kinds.push('promo_subsidy');
  if (input.commissionBp > 0) kinds.push('agent_commission');
  return kinds;
}

const KIND_FIELD: Record<LineKind, string> = {
  tariff_discount: 'tariffLines',
  promo_subsidy: 'subsidyFen',
  agent_commission: 'commissionPct',
};

/** Every reason an application may not go forward (第九条, 第十条); empty when it may. */
export function blockingReasons(input: ApplicationInput, economics: Economics | null, ctx: IntakeContext): Reason[] {
  const reasons: Reason[] = [];
  const { catalog, policy } = ctx;
  if (ctx.knownUnits && !ctx.knownUnits.includes(input.unit)) {
    reasons.push(reason('unknown_unit', { unit: input.unit }, 'unit'));
  }
  const activity = findActivity(catalog, input.activity);
  if (!activity) reasons.push(reason('unknown_activity', { activity: input.activity }, 'activity'));

  input.tariffLines.forEach((line, i) => {
    const field = `tariffLines[${i}]`;
    const product = findProduct(catalog, line.product);
    if (!product) {
      reasons.push(reason('unknown_product', { product: line.product, line: i + 1 }, `${field}.product`));
      return;
    }
    if (activity && !activity.productCodes.includes(product.code)) {
      reasons.push(
        reason(
          'product_not_in_activity',
          { product: product.code, activity: activity.code, line: i + 1 },
          `${field}.product`,
        ),
      );
    }
    if (!isIssued(product)) {
      reasons.push(
        reason('not_issued', { product: product.code, status: product.status, line: i + 1 }, `${field}.product`),
      );
    }
    if (line.proposedUnitPriceFen < product.unitCostFen) {
      reasons.push(
        reason(
          'line_below_cost',
          {
            product: product.code,
            line: i + 1,
            proposed: formatYuan(line.proposedUnitPriceFen),
            cost: formatYuan(product.unitCostFen),
          },
          `${field}.proposedUnitPriceFen`,
        ),
      );
    }
  });

  // A blank reference names no pre-consultation, so it lifts nothing.
  if (activity && !input.preConsultationRef?.trim()) {
    for (const kind of kindsUsed(input, catalog)) {
      if (!activity.allowedKinds.includes(kind)) {
        reasons.push(reason('kind_not_allowed', { kind, activity: activity.code }, KIND_FIELD[kind]));
      }
    }
  }
  if (input.termMonths < 1 || input.termMonths > policy.maxTermMonths) {
    reasons.push(reason('term_out_of_range', { term: input.termMonths, max: policy.maxTermMonths }, 'termMonths'));
  }
  if (input.startMonth < monthOf(ctx.today)) {
    reasons.push(reason('start_in_past', { start: input.startMonth, current: monthOf(ctx.today) }, 'startMonth'));
  }
  if (economics && economics.revenueFen < economics.costFen) {
    reasons.push(
      reason(
        'below_cost',
        {
          revenue: formatYuan(economics.revenueFen),
          cost: formatYuan(economics.costFen),
          shortfall: formatYuan(economics.costFen - economics.revenueFen),
          margin: formatBasisPoints(economics.marginBp),
        },
        'tariffLines',
      ),
    );
  }
  return reasons;
}
