import { ratioToBasisPoints, type BasisPoints } from './basis-points';
import type { ApplicationInput } from './application';
import { findProduct, type CatalogContent } from './catalog';
import type { Fen } from './money';

/** A plan's economics over its whole term, in fen; ratios as basis points shown conservatively. */
export interface Economics {
  revenueFen: Fen;
  standardFen: Fen;
  catalogCostFen: Fen;
  subsidyFen: Fen;
  /** Commission paid on revenue, rounded up to the fen: a cost never looks smaller than it is. */
  commissionFen: Fen;
  costFen: Fen;
  /** (R − C)/R with the commission at its exact rate, rounded down so a margin is never shown better than it is. */
  marginBp: BasisPoints;
  /** Rounded up, so a discount is never shown shallower than it is. */
  discountDepthBp: BasisPoints;
  /** Rounded up, like the discount. */
  subsidyBp: BasisPoints;
  commissionBp: BasisPoints;
  contractValueFen: Fen;
  lines: LineEconomics[];
}

export interface LineEconomics {
  product: string;
  revenueFen: Fen;
  standardFen: Fen;
  costFen: Fen;
}

const toFen = (value: bigint): Fen => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount ${value} fen is beyond what PlanDesk can hold exactly`);
  return n;
};

/**
 * Revenue, standard value and cost over the term, per SPEC §5; null when a line names a
 * product the catalog does not have (then nothing about the plan can be known).
 */
export function computeEconomics(input: ApplicationInput, catalog: CatalogContent): Economics | null {
  const term = BigInt(input.termMonths);
  const lines: { product: string; revenue: bigint; standard: bigint; cost: bigint }[] = [];
  for (const line of input.tariffLines) {
    const product = findProduct(catalog, line.product);
    if (!product) return null;
    const units = BigInt(line.quantity) * term;
    lines.push({
      product: line.product,
      revenue: BigInt(line.proposedUnitPriceFen) * units,
      standard: BigInt(product.standardPriceFen) * units,
      cost: BigInt(product.unitCostFen) * units,
    });
  }
  const sum = (pick: (l: (typeof lines)[number]) => bigint) => lines.reduce((total, l) => total + pick(l), 0n);
  const revenue = sum((l) => l.revenue);
  const standard = sum((l) => l.standard);
  const catalogCost = sum((l) => l.cost);
  const subsidy = BigInt(input.subsidyFen);
  const commission = ceilDiv(revenue * BigInt(input.commissionBp), 10000n);
  const cost = catalogCost + subsidy + commission;
  return {
    revenueFen: toFen(revenue),
    standardFen: toFen(standard),
    catalogCostFen: toFen(catalogCost),
    subsidyFen: toFen(subsidy),
    commissionFen: toFen(commission),
    costFen: toFen(cost),
    // The margin uses the commission at its exact rate, as the tier thresholds do (see `exactly`).
    marginBp:
      revenue > 0n
        ? ratioToBasisPoints(
            (revenue - catalogCost - subsidy) * 10000n - revenue * BigInt(input.commissionBp),
            revenue * 10000n,
            'floor',
          )
        : cost > 0n
          ? -10000
          : 0,
    discountDepthBp: standard > 0n ? ratioToBasisPoints(standard - revenue, standard, 'ceil') : 0,
    subsidyBp: revenue > 0n ? ratioToBasisPoints(subsidy, revenue, 'ceil') : subsidy > 0n ? 10000 : 0,
    commissionBp: input.commissionBp,
    contractValueFen: toFen(revenue),
    lines: lines.map((l) => ({
      product: l.product,
      revenueFen: toFen(l.revenue),
      standardFen: toFen(l.standard),
      costFen: toFen(l.cost),
    })),
  };
}

function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}

/** Exact comparisons of a plan's ratios with a limit in basis points (no rounding involved). */
export const exactly = {
  /**
   * Margin with the commission at its exact ratio of revenue, not its fen rounded up: the
   * rounding is not monotone in revenue, so with it charging one fen less could earn a lower tier.
   */
  marginAtLeast: (e: Economics, bp: BasisPoints): boolean => {
    const revenue = BigInt(e.revenueFen);
    const beforeCommission = revenue - BigInt(e.catalogCostFen) - BigInt(e.subsidyFen);
    return beforeCommission * 10000n - revenue * BigInt(e.commissionBp) >= BigInt(bp) * revenue;
  },
  discountDepthAtMost: (e: Economics, bp: BasisPoints): boolean =>
    BigInt(e.standardFen - e.revenueFen) * 10000n <= BigInt(bp) * BigInt(e.standardFen),
  subsidyAtMost: (e: Economics, bp: BasisPoints): boolean =>
    BigInt(e.subsidyFen) * 10000n <= BigInt(bp) * BigInt(e.revenueFen),
  commissionAtMost: (e: Economics, bp: BasisPoints): boolean => e.commissionBp <= bp,
};
