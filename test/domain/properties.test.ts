import fc from 'fast-check';
import type { ApplicationInput, TariffLine } from '../../src/domain/application';
import { assessApplication } from '../../src/domain/assess';
import { findProduct, type Activity, type CatalogContent } from '../../src/domain/catalog';
import { computeEconomics } from '../../src/domain/economics';
import { BLOCKING_CODES } from '../../src/domain/reason';
import { tierRank } from '../../src/domain/tier';
import { catalog as fixtureCatalog, context, KNOWN_UNITS, policy, sampleApplication } from './fixtures';
import { blockingCodesByTheRules } from './intake-rules';

const CURRENT_MONTH = '2026-12';
/** The fixture catalog and one activity that defines gifts but no tariff discount, on the cloud products. */
const catalog: CatalogContent = {
  ...fixtureCatalog,
  activities: [
    ...fixtureCatalog.activities,
    {
      code: 'ACT-CLOUD-GIFT-2026',
      branchMaxDiscountBp: 0,
      standardSubsidyBp: 800,
      standardCommissionBp: 0,
      allowedKinds: ['promo_subsidy'],
      productCodes: ['CLOUD-PBX', 'CLOUD-DESK'],
    },
  ],
};
const ctx = context({ catalog });
const desk = { knownUnits: KNOWN_UNITS, currentMonth: CURRENT_MONTH, maxTermMonths: policy.maxTermMonths };

function productOf(code: string) {
  const product = findProduct(catalog, code);
  if (!product) throw new Error(`the fixture catalog has no ${code}`);
  return product;
}

/** A price between the unit cost and 10% above the standard tariff, often the standard tariff itself. */
const priceFor = (code: string): fc.Arbitrary<number> => {
  const { unitCostFen, standardPriceFen } = productOf(code);
  return fc.oneof(
    fc.integer({ min: unitCostFen, max: Math.round(standardPriceFen * 1.1) }),
    fc.constant(standardPriceFen),
  );
};

const lineIn = (activity: Activity): fc.Arbitrary<TariffLine> =>
  fc.constantFrom(...activity.productCodes).chain((product) =>
    fc.record({
      product: fc.constant(product),
      quantity: fc.integer({ min: 1, max: 500 }),
      proposedUnitPriceFen: priceFor(product),
    }),
  );

const revenueOf = (lines: TariffLine[], term: number): number =>
  lines.reduce((sum, l) => sum + l.proposedUnitPriceFen * l.quantity * term, 0);

/**
 * Applications a form would let through: a known unit and activity, the activity's own products
 * at or above cost, a term of 1..36 months from this month on. Subsidies are drawn as up to 30%
 * of revenue (plus a few fen) so plans land in every tier; they may still be blocked or not needed.
 */
const validApplication: fc.Arbitrary<ApplicationInput> = fc.constantFrom(...catalog.activities).chain((activity) =>
  fc
    .record({
      unit: fc.constantFrom(...KNOWN_UNITS),
      activity: fc.constant(activity.code),
      tariffLines: fc.array(lineIn(activity), { minLength: 1, maxLength: 3 }),
      termMonths: fc.integer({ min: 1, max: 36 }),
      startMonth: fc.constantFrom(CURRENT_MONTH, '2027-01', '2027-06'),
      agentChannel: fc.boolean(),
      subsidyShareBp: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3000 })),
      subsidyExtraFen: fc.integer({ min: 0, max: 100 }),
      commissionBp: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1500 })),
      preConsultationRef: fc.option(fc.constant('PC-2026-0042'), { nil: null }),
    })
    .map(({ subsidyShareBp, subsidyExtraFen, ...fields }) => ({
      ...sampleApplication(),
      ...fields,
      subsidyFen:
        Math.floor((revenueOf(fields.tariffLines, fields.termMonths) * subsidyShareBp) / 10000) + subsidyExtraFen,
    })),
);

/** Tiny plans (a seat or two for a month or two), where one fen of rounding weighs most. */
const tinyApplication: fc.Arbitrary<ApplicationInput> = fc
  .record({
    product: fc.constantFrom('CLOUD-PBX', 'CLOUD-DESK'),
    quantity: fc.integer({ min: 1, max: 3 }),
    termMonths: fc.integer({ min: 1, max: 2 }),
    priceShareBp: fc.integer({ min: 4000, max: 10000 }),
    subsidyFen: fc.integer({ min: 0, max: 300 }),
    commissionBp: fc.integer({ min: 0, max: 1200 }),
  })
  .map(({ product, quantity, termMonths, priceShareBp, subsidyFen, commissionBp }) => ({
    ...sampleApplication(),
    tariffLines: [
      {
        product,
        quantity,
        proposedUnitPriceFen: Math.round((productOf(product).standardPriceFen * priceShareBp) / 10000),
      },
    ],
    termMonths,
    subsidyFen,
    commissionBp,
  }));

/**
 * Tiny plans sitting on a margin threshold: the subsidy is the largest that keeps the plan one fen
 * a unit cheaper at exactly tier1's or tier2's minimum margin, so any rounding that is not monotone
 * in the price shows up as a tier change between the two.
 */
const onMarginThreshold: fc.Arbitrary<ApplicationInput> = fc
  .record({
    product: fc.constantFrom('CLOUD-PBX', 'CLOUD-DESK'),
    quantity: fc.integer({ min: 1, max: 3 }),
    termMonths: fc.integer({ min: 1, max: 2 }),
    priceShareBp: fc.integer({ min: 5500, max: 10000 }),
    commissionBp: fc.integer({ min: 1, max: 1200 }),
    thresholdBp: fc.constantFrom(1500, 2500),
  })
  .map(({ product, quantity, termMonths, priceShareBp, commissionBp, thresholdBp }) => {
    const { standardPriceFen, unitCostFen } = productOf(product);
    const price = Math.round((standardPriceFen * priceShareBp) / 10000);
    const units = quantity * termMonths;
    const cheaperRevenue = (price - 1) * units;
    const commission = Math.ceil((cheaperRevenue * commissionBp) / 10000);
    const subsidyFen = Math.max(
      0,
      cheaperRevenue - unitCostFen * units - commission - Math.ceil((thresholdBp * cheaperRevenue) / 10000),
    );
    return {
      ...sampleApplication(),
      tariffLines: [{ product, quantity, proposedUnitPriceFen: price }],
      termMonths,
      subsidyFen,
      commissionBp,
    };
  });

/** Anything the types allow over the fixture catalog, including every way of failing a check. */
const anyApplication: fc.Arbitrary<ApplicationInput> = fc
  .record({
    unit: fc.constantFrom(...KNOWN_UNITS, 'nowhere-branch'),
    activity: fc.constantFrom(...catalog.activities.map((a) => a.code), 'ACT-NEW-2027'),
    tariffLines: fc.array(
      fc
        .record({
          product: fc.constantFrom(...catalog.products.map((p) => p.code), 'NO-SUCH'),
          quantity: fc.integer({ min: 1, max: 500 }),
          priceShareBp: fc.integer({ min: 0, max: 12000 }),
        })
        .map(({ product, quantity, priceShareBp }) => ({
          product,
          quantity,
          proposedUnitPriceFen: Math.round(
            ((findProduct(catalog, product)?.standardPriceFen ?? 5000) * priceShareBp) / 10000,
          ),
        })),
      { minLength: 1, maxLength: 3 },
    ),
    termMonths: fc.integer({ min: 0, max: 40 }),
    startMonth: fc.constantFrom('2026-10', '2026-11', CURRENT_MONTH, '2027-01'),
    agentChannel: fc.boolean(),
    subsidyFen: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5_000_000 })),
    commissionBp: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2000 })),
    preConsultationRef: fc.option(fc.constantFrom('PC-2026-0042', ''), { nil: null }),
  })
  .map((fields) => ({ ...sampleApplication(), ...fields }));

const isBlockingCode = (code: string): boolean => (BLOCKING_CODES as readonly string[]).includes(code);

describe('a blocked plan is never routed', () => {
  it('reports exactly the blocking reasons the rules give, and blocks a plan with any of them', () => {
    fc.assert(
      fc.property(fc.oneof(anyApplication, validApplication), (input) => {
        const assessment = assessApplication(input, ctx);
        const expected = blockingCodesByTheRules(input, catalog, desk);
        const blocking = assessment.reasons
          .map((r) => r.code)
          .filter(isBlockingCode)
          .sort();
        expect(blocking).toEqual(expected);
        expect(assessment.outcome === 'blocked').toBe(expected.length > 0);
      }),
      { numRuns: 500 },
    );
  });

  it('gives a blocked plan no tier and no route, and only blocking reasons', () => {
    fc.assert(
      fc.property(anyApplication, (input) => {
        const assessment = assessApplication(input, ctx);
        if (assessment.outcome !== 'blocked') return;
        expect(assessment.tier).toBeNull();
        expect(assessment.route).toEqual([]);
        expect(assessment.reasons.length).toBeGreaterThan(0);
        expect(assessment.reasons.every((r) => isBlockingCode(r.code))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('routes a plan that is not blocked only when it is beyond the branch, through ops, with tier reasons', () => {
    fc.assert(
      fc.property(validApplication, (input) => {
        const assessment = assessApplication(input, ctx);
        if (assessment.outcome === 'not_needed') {
          expect(assessment).toMatchObject({ tier: null, route: [], reasons: [{ code: 'within_branch_authority' }] });
        }
        if (assessment.outcome === 'routed') {
          expect(assessment.tier).not.toBeNull();
          expect(assessment.route.map((s) => s.step)).toContain('ops_review');
          expect(assessment.reasons.every((r) => r.code === 'tier_reason')).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('lowering a proposed price never lowers the tier', () => {
  const lowered = (input: ApplicationInput, index: number, by: number): ApplicationInput => ({
    ...input,
    tariffLines: input.tariffLines.map((l, i) =>
      i === index % input.tariffLines.length
        ? { ...l, proposedUnitPriceFen: Math.max(0, l.proposedUnitPriceFen - by) }
        : l,
    ),
  });

  const neverLower = (input: ApplicationInput, index: number, by: number): void => {
    const before = assessApplication(input, ctx);
    if (before.outcome !== 'routed') return;
    const after = assessApplication(lowered(input, index, by), ctx);
    // Cheaper may be blocked (below cost, a discount the activity lacks), never back within the branch.
    expect(after.outcome).not.toBe('not_needed');
    if (after.outcome === 'routed') expect(tierRank(after.tier)).toBeGreaterThanOrEqual(tierRank(before.tier));
  };

  it('over plans of every size', () => {
    fc.assert(fc.property(validApplication, fc.nat(), fc.integer({ min: 1, max: 5000 }), neverLower), {
      numRuns: 1000,
    });
  });

  it('over tiny plans, one fen at a time, where the commission rounding weighs most', () => {
    fc.assert(fc.property(tinyApplication, fc.constant(0), fc.integer({ min: 1, max: 3 }), neverLower), {
      numRuns: 5000,
    });
  });

  it('over tiny plans on a margin threshold, one fen cheaper', () => {
    fc.assert(fc.property(onMarginThreshold, fc.constant(0), fc.constant(1), neverLower), { numRuns: 3000 });
  });
});

describe('economics never loses a fen', () => {
  it('adds up: lines less subsidy and commission are revenue less cost, and every ratio brackets its exact value', () => {
    fc.assert(
      fc.property(validApplication, (input) => {
        const e = computeEconomics(input, catalog);
        if (!e) throw new Error('a valid application names only catalog products');
        const R = BigInt(e.revenueFen);
        const C = BigInt(e.costFen);
        const S = BigInt(e.standardFen);
        const lineTotal = e.lines.reduce((sum, l) => sum + l.revenueFen - l.costFen, 0);
        expect(lineTotal - e.subsidyFen - e.commissionFen).toBe(e.revenueFen - e.costFen);
        expect(e.lines.reduce((sum, l) => sum + l.revenueFen, 0)).toBe(e.revenueFen);
        expect(e.lines.reduce((sum, l) => sum + l.standardFen, 0)).toBe(e.standardFen);
        expect(e.contractValueFen).toBe(e.revenueFen);
        // Commission: the least whole fen not below revenue × rate.
        const commission = BigInt(e.commissionFen);
        expect(commission * 10000n >= R * BigInt(input.commissionBp)).toBe(true);
        expect((commission - 1n) * 10000n < R * BigInt(input.commissionBp)).toBe(true);
        // Margin (commission at its exact rate) rounded down: marginBp ≤ exact < marginBp + 1, and never above (R − C)/R + 1 bp.
        const margin = BigInt(e.marginBp);
        const exactMargin =
          (R - BigInt(e.catalogCostFen) - BigInt(e.subsidyFen)) * 10000n - R * BigInt(input.commissionBp);
        expect(margin * R <= exactMargin && exactMargin < (margin + 1n) * R).toBe(true);
        // The cost charges the commission rounded up, at most one fen more than its exact rate.
        expect(margin * R <= (R - C) * 10000n + 10000n).toBe(true);
        // Discount depth and subsidy rounded up: x − 1 < exact ≤ x.
        const depth = BigInt(e.discountDepthBp);
        expect((depth - 1n) * S < (S - R) * 10000n && (S - R) * 10000n <= depth * S).toBe(true);
        const subsidy = BigInt(e.subsidyBp);
        expect((subsidy - 1n) * R < BigInt(e.subsidyFen) * 10000n && BigInt(e.subsidyFen) * 10000n <= subsidy * R).toBe(
          true,
        );
      }),
      { numRuns: 1000 },
    );
  });
});
