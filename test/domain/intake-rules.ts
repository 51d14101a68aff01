/**
 * The checks at intake (SPEC §4, 第九条, 第十条) stated once more for the property tests: from the rules'
 * words over the catalog's plain data, with none of src/domain's lookups, kinds or checks, so a slip in
 * those cannot hide itself by being repeated here.
 */
import type { ApplicationInput } from '../../src/domain/application';
import type { CatalogContent } from '../../src/domain/catalog';
import type { BlockingCode } from '../../src/domain/reason';

export interface Desk {
  knownUnits: readonly string[];
  /** "YYYY-MM": a plan may not start before it. */
  currentMonth: string;
  maxTermMonths: number;
}

/** 第一条: only officially issued businesses — pilot (试点), trial commercial (试商用), commercial (商用). */
const ISSUED_STATUSES: readonly string[] = ['pilot', 'trial', 'commercial'];

/** Every reason the rules give to block an application (one per line where the rule is about a line), sorted. */
export function blockingCodesByTheRules(input: ApplicationInput, catalog: CatalogContent, desk: Desk): BlockingCode[] {
  const codes: BlockingCode[] = [];
  const activity = catalog.activities.filter((a) => a.code === input.activity)[0];
  const priced = input.tariffLines.map((l) => ({
    line: l,
    product: catalog.products.filter((p) => p.code === l.product)[0],
  }));

  // The unit, the activity and every product must be ones PlanDesk knows.
  if (!desk.knownUnits.includes(input.unit)) codes.push('unknown_unit');
  if (activity === undefined) codes.push('unknown_activity');
  for (const { line, product } of priced) {
    if (product === undefined) {
      codes.push('unknown_product');
      continue;
    }
    // 第十条(一): on the base activity's own products, officially issued.
    if (activity !== undefined && !activity.productCodes.includes(line.product)) codes.push('product_not_in_activity');
    if (!ISSUED_STATUSES.includes(product.status)) codes.push('not_issued');
    // 第九条(二): never below cost, line by line.
    if (line.proposedUnitPriceFen < product.unitCostFen) codes.push('line_below_cost');
  }

  // 第一条, 第十条(二): only the amounts the activity defines, unless a completed pre-consultation is referenced.
  const referenced = (input.preConsultationRef ?? '').trim().length > 0;
  if (activity !== undefined && !referenced) {
    const discounts = priced.filter(
      ({ line, product }) => product && line.proposedUnitPriceFen < product.standardPriceFen,
    );
    const adjusted = [
      ['tariff_discount', discounts.length > 0],
      ['promo_subsidy', input.subsidyFen > 0],
      ['agent_commission', input.commissionBp > 0],
    ] as const;
    for (const [kind, used] of adjusted)
      if (used && !activity.allowedKinds.includes(kind)) codes.push('kind_not_allowed');
  }

  // Validity: 1 to the policy's maximum of months, from this month on.
  if (!(input.termMonths >= 1 && input.termMonths <= desk.maxTermMonths)) codes.push('term_out_of_range');
  if (input.startMonth < desk.currentMonth) codes.push('start_in_past');

  // 第九条(二): the plan as a whole covers its cost — catalog costs, subsidy, and the commission rounded up to the fen.
  if (priced.every(({ product }) => product !== undefined)) {
    let revenue = 0;
    let catalogCost = 0;
    for (const { line, product } of priced) {
      revenue += line.proposedUnitPriceFen * line.quantity * input.termMonths;
      catalogCost += (product?.unitCostFen ?? 0) * line.quantity * input.termMonths;
    }
    const commission = Math.ceil((revenue * input.commissionBp) / 10000);
    if (revenue < catalogCost + input.subsidyFen + commission) codes.push('below_cost');
  }
  return codes.sort();
}
