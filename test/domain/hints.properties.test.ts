import fc from 'fast-check';
import type { ApplicationInput } from '../../src/domain/application';
import { assessApplication, type Assessment } from '../../src/domain/assess';
import { LINE_KINDS, type CatalogContent, type CatalogProduct, type LineKind } from '../../src/domain/catalog';
import { hintsFor, type Hint } from '../../src/domain/hints';
import type { IntakeContext } from '../../src/domain/intake-checks';
import { TIER_IDS, type PolicyContent, type Tier, type TierId } from '../../src/domain/policy';
import { tierRank } from '../../src/domain/tier';
import { KNOWN_UNITS, sampleApplication, TODAY } from './fixtures';
import { judgedWith, meetsHint, pastHint } from './hint-goal';

const ACTIVITY = 'ACT-RANDOM';
const PRODUCTS = ['P-A', 'P-B', 'P-C'];

/** A product whose cost runs from nothing to above its standard price (to at most 80% of it when `fair`). */
const product = (code: string, fair: boolean): fc.Arbitrary<CatalogProduct> =>
  fc
    .record({
      standard: fc.integer({ min: 1, max: 200_000 }),
      costShareBp: fc.integer({ min: 0, max: fair ? 8000 : 12_000 }),
    })
    .map(({ standard, costShareBp }) => ({
      code,
      name: code,
      status: 'commercial',
      standardPriceFen: standard,
      unitCostFen: Math.floor((standard * costShareBp) / 10_000),
      marketReferenceFen: standard,
    }));

const catalogs = (fair: boolean): fc.Arbitrary<CatalogContent> =>
  fc
    .record({
      products: fc.tuple(...PRODUCTS.map((code) => product(code, fair))),
      branchMaxDiscountBp: fc.integer({ min: 0, max: 3000 }),
      standardSubsidyBp: fc.integer({ min: 0, max: 1000 }),
      standardCommissionBp: fc.integer({ min: 0, max: 1000 }),
      allowedKinds: fair ? fc.constant<LineKind[]>([...LINE_KINDS]) : fc.subarray<LineKind>([...LINE_KINDS]),
    })
    .map(({ products, allowedKinds, ...branch }) => ({
      products,
      activities: [{ code: ACTIVITY, ...branch, allowedKinds, productCodes: PRODUCTS }],
    }));

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 4 });

/** One to three tiers with any thresholds (a threshold may be absent), in the order a policy gives them. */
const policies: fc.Arbitrary<PolicyContent> = fc
  .array(
    fc.record({
      minMarginBp: maybe(fc.integer({ min: 0, max: 6000 })),
      maxDiscountDepthBp: maybe(fc.integer({ min: 0, max: 8000 })),
      maxSubsidyBp: maybe(fc.integer({ min: 0, max: 4000 })),
      maxCommissionBp: maybe(fc.integer({ min: 0, max: 3000 })),
      maxContractValueFen: maybe(fc.integer({ min: 0, max: 500_000_000 })),
    }),
    { minLength: 1, maxLength: TIER_IDS.length },
  )
  .map((thresholds) => ({
    maxTermMonths: 36,
    tiers: thresholds.map((t, i): Tier => ({
      id: TIER_IDS[i]!,
      ...Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)),
    })),
    deadlines: { approvalBusinessDays: 2, fulfillmentBusinessDays: 1 },
    leadershipIsFinal: false,
  }));

interface Case {
  input: ApplicationInput;
  ctx: IntakeContext;
}

/**
 * Applications of every size over a random catalog and policy. Most are `fair` (every line at or
 * above its cost, adjustments the activity defines, a term the policy allows), so that they are
 * routed to every tier; the rest have prices from one fen to above the tariff, any term, any kind.
 */
const cases: fc.Arbitrary<Case> = fc
  .oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) })
  .chain((fair) =>
    fc.record({ fair: fc.constant(fair), catalog: catalogs(fair), policy: policies, tiny: fc.boolean() }),
  )
  .chain(({ fair, catalog, policy, tiny }) =>
    fc
      .record({
        lines: fc.array(
          fc.record({
            index: fc.nat({ max: PRODUCTS.length - 1 }),
            quantity: tiny ? fc.integer({ min: 1, max: 3 }) : fc.integer({ min: 1, max: 500 }),
            priceShareBp: fc.integer({ min: 0, max: 12_000 }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        termMonths: tiny ? fc.integer({ min: 1, max: 2 }) : fc.integer({ min: 1, max: fair ? 36 : 40 }),
        subsidyShareBp: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5000 })),
        subsidyExtraFen: fc.integer({ min: 0, max: 100 }),
        commissionBp: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3000 })),
        agentChannel: fc.boolean(),
        preConsultationRef: fc.option(fc.constant('PC-2026-0042'), { nil: null, freq: 4 }),
      })
      .map(({ lines, subsidyShareBp, subsidyExtraFen, ...fields }) => {
        const tariffLines = lines.map(({ index, quantity, priceShareBp }) => {
          const p = catalog.products[index]!;
          const share = Math.round((p.standardPriceFen * priceShareBp) / 10_000);
          const price = Math.max(1, fair ? Math.max(p.unitCostFen, Math.min(share, p.standardPriceFen)) : share);
          return { product: p.code, quantity, proposedUnitPriceFen: price };
        });
        const revenue = tariffLines.reduce((s, l) => s + l.proposedUnitPriceFen * l.quantity * fields.termMonths, 0);
        const input: ApplicationInput = {
          ...sampleApplication(),
          activity: ACTIVITY,
          unit: KNOWN_UNITS[0],
          ...fields,
          tariffLines,
          subsidyFen: Math.floor((revenue * subsidyShareBp) / 10_000) + subsidyExtraFen,
        };
        return { input, ctx: { catalog, policy, today: TODAY, knownUnits: KNOWN_UNITS } };
      }),
  );

const RUNS = { numRuns: 400 };

/** The figures a form could move, each at its far end: the standard price (or cost, if higher), no subsidy, no commission. */
function farEnds(
  input: ApplicationInput,
  ctx: IntakeContext,
): { hint: Hint['kind']; line?: number; input: ApplicationInput }[] {
  const ends: { hint: Hint['kind']; line?: number; input: ApplicationInput }[] = input.tariffLines.map((l, i) => {
    const p = ctx.catalog.products.find((x) => x.code === l.product)!;
    const top = Math.max(p.standardPriceFen, p.unitCostFen);
    return {
      hint: 'line_price_min' as const,
      line: i + 1,
      input: {
        ...input,
        tariffLines: input.tariffLines.map((x, j) =>
          j === i ? { ...x, proposedUnitPriceFen: Math.max(top, x.proposedUnitPriceFen) } : x,
        ),
      },
    };
  });
  return [
    ...ends,
    { hint: 'subsidy_max', input: { ...input, subsidyFen: 0 } },
    { hint: 'commission_max', input: { ...input, commissionBp: 0 } },
  ];
}

const rankOf = (a: Assessment): number =>
  a.outcome === 'not_needed' ? 0 : a.outcome === 'routed' ? tierRank(a.tier) : Number.POSITIVE_INFINITY;

/** How far a routed plan's hint reaches, on the same scale: 0 for no approval, else its tier's rank. */
const reachOf = (h: Hint): number =>
  h.kind === 'price_floor_cost' || !h.reaches.startsWith('tier') ? 0 : tierRank(h.reaches as TierId);

/** The figure a hint names, whatever its kind. */
const figureOf = (h: Hint): number =>
  h.kind === 'subsidy_max' ? h.subsidyFen : h.kind === 'commission_max' ? h.commissionBp : h.priceFen;

describe('hints: a figure shown as passing passes, and one fen or one basis point past it does not', () => {
  it('holds for every hint, judged again with its figure and with the next figure past it', () => {
    fc.assert(
      fc.property(cases, ({ input, ctx }) => {
        const assessment = assessApplication(input, ctx);
        for (const hint of hintsFor(input, ctx, assessment)) {
          expect([hint, meetsHint(judgedWith(input, hint, ctx), hint)]).toEqual([hint, true]);
          expect([hint, meetsHint(judgedWith(input, hint, ctx, pastHint(hint)), hint)]).toEqual([hint, false]);
        }
      }),
      RUNS,
    );
  });

  it('offers a better outcome for a routed plan, no approval or a lower tier, whenever one figure moved alone reaches it', () => {
    fc.assert(
      fc.property(cases, ({ input, ctx }) => {
        const assessment = assessApplication(input, ctx);
        if (assessment.outcome !== 'routed') return;
        const hints = hintsFor(input, ctx, assessment);
        for (const end of farEnds(input, ctx)) {
          const reached = rankOf(assessApplication(end.input, ctx));
          if (reached >= rankOf(assessment)) continue;
          // The hint for this figure that reaches the most, at least as far as its far end does.
          const mine = hints.filter((h) => h.kind === end.hint && (!('line' in h) || h.line === end.line));
          const best = Math.min(...mine.map(reachOf));
          expect([end.hint, end.line, best <= reached]).toEqual([end.hint, end.line, true]);
        }
      }),
      RUNS,
    );
  });

  it('offers, for a blocked plan, the figure that clears each block one figure can clear', () => {
    fc.assert(
      fc.property(cases, ({ input, ctx }) => {
        const assessment = assessApplication(input, ctx);
        if (assessment.outcome !== 'blocked') return;
        const hints = hintsFor(input, ctx, assessment);
        const codes = (a: Assessment) => a.reasons.map((r) => `${r.code}:${r.params.line ?? r.params.kind ?? ''}`);
        for (const end of farEnds(input, ctx)) {
          const cleared = codes(assessment).filter((c) => !codes(assessApplication(end.input, ctx)).includes(c));
          for (const code of cleared) {
            const mine = hints.filter(
              (h) => h.kind === end.hint || (h.kind === 'price_floor_cost' && end.hint === 'line_price_min'),
            );
            const said = mine.some((h) => {
              if ('line' in h && h.line !== end.line) return false;
              const after = judgedWith(input, h, ctx);
              return !codes(after).includes(code);
            });
            expect([code, end.hint, end.line, said]).toEqual([code, end.hint, end.line, true]);
          }
        }
      }),
      RUNS,
    );
  });

  it('gives a plan within the branch no hint, says each figure once, and never a price above the tariff past its cost or a negative amount', () => {
    fc.assert(
      fc.property(cases, ({ input, ctx }) => {
        const assessment = assessApplication(input, ctx);
        const hints = hintsFor(input, ctx, assessment);
        if (assessment.outcome === 'not_needed') expect(hints).toEqual([]);
        // A routed plan's figure that reaches a better outcome is said for that one only.
        if (assessment.outcome === 'routed') {
          const said = hints.map((h) => `${h.kind}:${'line' in h ? h.line : ''}:${figureOf(h)}`);
          expect(new Set(said).size).toBe(said.length);
        }
        for (const h of hints) {
          if (h.kind === 'subsidy_max') expect(h.subsidyFen).toBeGreaterThanOrEqual(0);
          if (h.kind === 'commission_max') expect(h.commissionBp).toBeGreaterThanOrEqual(0);
          if (h.kind === 'line_price_min' || h.kind === 'price_floor_cost') {
            const p = ctx.catalog.products.find((x) => x.code === h.product)!;
            expect(h.priceFen).toBeLessThanOrEqual(Math.max(p.standardPriceFen, p.unitCostFen));
          }
        }
      }),
      RUNS,
    );
  });
});
