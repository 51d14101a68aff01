import fc from 'fast-check';
import type { ApplicationInput } from '../../src/domain/application';
import type { ApplicationState } from '../../src/domain/application-state';
import { assessApplication, type Assessment } from '../../src/domain/assess';
import { overlappingPlans, overlapWarnings, type OtherPlan } from '../../src/domain/overlap';
import { tierRank } from '../../src/domain/tier';
import { application, context, line, policy } from './fixtures';

/** Another plan of the fixture customer: its input, state, and the contract value it was judged on. */
const other = (
  id: string,
  input: ApplicationInput,
  state: ApplicationState = 'in_review',
  endsEarly: OtherPlan['endsEarly'] = null,
): OtherPlan => ({
  id,
  state,
  input,
  endsEarly,
  standardFen: assessApplication(input, context()).economics?.standardFen ?? null,
});

const LINES = { activity: 'ACT-LINE-2026' } as const;
/** Six 1G lines at ¥12,000 a month for a year: depth 20%, margin well above tier1; ¥1,080,000 at the standard tariff. */
const wholeDeal = application({ ...LINES, tariffLines: [line('DIA-1G', 6, 1_200_000)] });
const half = application({ ...LINES, tariffLines: [line('DIA-1G', 3, 1_200_000)] });

describe("a group customer's plans that overlap a new one", () => {
  it.each<[string, OtherPlan, string[]]>([
    ['same product, same months, pending', other('PP-2026-000001', half), ['PP-2026-000001']],
    ['in effect', other('PP-2026-000002', half, 'active'), ['PP-2026-000002']],
    ['returned, to be resubmitted', other('PP-2026-000003', half, 'returned'), ['PP-2026-000003']],
    ['withdrawn', other('PP-2026-000004', half, 'withdrawn'), []],
    ['rejected', other('PP-2026-000005', half, 'rejected'), []],
    ['expired', other('PP-2026-000006', half, 'expired'), []],
    ['another customer', other('PP-2026-000007', { ...half, customer: { name: '别的客户', groupId: 'G-OTHER' } }), []],
    ['another product only', other('PP-2026-000008', { ...half, tariffLines: [line('DIA-100M', 3, 250_000)] }), []],
    ['months before it', other('PP-2026-000009', { ...half, startMonth: '2026-01', termMonths: 12 }), []],
    [
      'ended early before it begins',
      other('PP-2026-000010', { ...half, startMonth: '2026-06', termMonths: 24 }, 'active', {
        lastDay: '2026-12-31',
        reason: '评估未达预期',
        by: 'wang.fang',
        at: '2026-12-01T02:00:00.000Z',
      }),
      [],
    ],
  ])('%s', (_what, plan, ids) => {
    expect(overlappingPlans(half, [plan]).map((o) => o.id)).toEqual(ids);
  });

  it('names the products and months in common, and is never its own overlap', () => {
    const mine = application({
      ...LINES,
      startMonth: '2027-03',
      termMonths: 12,
      tariffLines: [line('DIA-1G', 1, 1_200_000), line('DIA-100M', 2, 250_000)],
    });
    const theirs = other('PP-2026-000011', {
      ...half,
      startMonth: '2027-01',
      termMonths: 6,
      tariffLines: [line('DIA-100M', 1, 250_000), line('DIA-1G', 1, 1_200_000)],
    });
    expect(overlappingPlans(mine, [theirs])).toEqual([
      {
        id: 'PP-2026-000011',
        products: ['DIA-100M', 'DIA-1G'],
        from: '2027-03',
        to: '2027-06',
        standardFen: 10_800_000,
      },
    ]);
    expect(overlappingPlans(mine, [theirs], 'PP-2026-000011')).toEqual([]);
  });
});

describe('the months two plans share', () => {
  /** 张伟's new plan: three 1G lines for 2027 (January to December). */
  const mine = half;
  const theirs = (startMonth: string, termMonths: number, endsEarly: OtherPlan['endsEarly'] = null) =>
    other('PP-2026-000020', { ...half, startMonth, termMonths }, 'active', endsEarly);
  const months = (plan: OtherPlan) => overlappingPlans(mine, [plan]).map((o) => `${o.from}..${o.to}`);

  it.each<[string, OtherPlan, string[]]>([
    [
      'one starting later and running on past it: from its start to the end of mine',
      theirs('2027-04', 12),
      ['2027-04..2027-12'],
    ],
    ['one inside it: its own months', theirs('2027-03', 2), ['2027-03..2027-04']],
    ['one ending in its first month: that month alone', theirs('2026-02', 12), ['2027-01..2027-01']],
    ['one starting in its last month: that month alone', theirs('2027-12', 6), ['2027-12..2027-12']],
    ['one starting the month after it ends: none', theirs('2028-01', 6), []],
    [
      'one ops ended early, in June: up to June',
      theirs('2027-01', 24, {
        lastDay: '2027-06-30',
        reason: '评估未达预期',
        by: 'wang.fang',
        at: '2027-05-01T02:00:00.000Z',
      }),
      ['2027-01..2027-06'],
    ],
    [
      'one ops ended on the last day of its term: its term',
      theirs('2027-03', 3, {
        lastDay: '2027-05-31',
        reason: '评估未达预期',
        by: 'wang.fang',
        at: '2027-05-01T02:00:00.000Z',
      }),
      ['2027-03..2027-05'],
    ],
  ])('%s', (_what, plan, expected) => {
    expect(months(plan)).toEqual(expected);
  });

  it('gives nothing at all for plans that share no month or no product', () => {
    const otherProduct = other('PP-2026-000021', { ...half, tariffLines: [line('DIA-100M', 3, 250_000)] });
    expect(overlappingPlans(mine, [theirs('2028-01', 6), otherProduct])).toEqual([]);
  });

  it('names the products in common once each, in code order, whatever order its lines are in', () => {
    const mixed = application({
      ...LINES,
      tariffLines: [line('DIA-1G', 1, 1_200_000), line('DIA-100M', 2, 250_000)],
    });
    const theirLines = other('PP-2026-000022', {
      ...half,
      tariffLines: [line('DIA-1G', 1, 1_200_000), line('DIA-100M', 1, 250_000), line('DIA-1G', 2, 1_100_000)],
    });
    expect(overlappingPlans(mixed, [theirLines])[0]?.products).toEqual(['DIA-100M', 'DIA-1G']);
  });
});

describe('the warning an overlap gives the approver', () => {
  it('names the other plan, the months in common and the products in common', () => {
    const overlaps = overlappingPlans(half, [
      other('PP-2026-000030', { ...half, startMonth: '2027-10', termMonths: 12 }),
      other('PP-2026-000031', {
        ...half,
        termMonths: 3,
        tariffLines: [line('DIA-1G', 1, 1_200_000), line('DIA-100M', 1, 250_000)],
      }),
    ]);
    const mixed = application({ ...LINES, tariffLines: [line('DIA-1G', 1, 1_200_000), line('DIA-100M', 1, 250_000)] });
    expect(overlapWarnings(overlaps)).toEqual([
      {
        code: 'overlapping_plan',
        params: { id: 'PP-2026-000030', overlapFrom: '2027-10', overlapTo: '2027-12', sharedProducts: 'DIA-1G' },
      },
      {
        code: 'overlapping_plan',
        params: { id: 'PP-2026-000031', overlapFrom: '2027-01', overlapTo: '2027-03', sharedProducts: 'DIA-1G' },
      },
    ]);
    expect(overlapWarnings(overlappingPlans(mixed, [other('PP-2026-000032', mixed)]))[0]?.params.sharedProducts).toBe(
      'DIA-100M, DIA-1G',
    );
  });
});

describe('a deal split in two (judgeCustomerTotal)', () => {
  const judgedWith = (input: ApplicationInput, others: OtherPlan[], judgeCustomerTotal: boolean): Assessment =>
    assessApplication(
      input,
      context({ policy: { ...policy, judgeCustomerTotal }, overlaps: overlappingPlans(input, others) }),
    );

  it('without the setting, each half of a ¥1,080,000 deal is judged on its own ¥540,000 and lands in tier1', () => {
    expect(assessApplication(wholeDeal, context()).tier).toBe('tier2');
    expect(judgedWith(half, [other('PP-2026-000001', half)], false).tier).toBe('tier1');
  });

  it('with it, a half is judged on both halves together, and the reason says so with both numbers', () => {
    const judged = judgedWith(half, [other('PP-2026-000001', half)], true);
    expect(judged.tier).toBe('tier2');
    expect(judged.reasons[0]).toEqual({
      code: 'customer_total',
      params: { own: '540,000.00', combined: '1,080,000.00', plans: 'PP-2026-000001' },
    });
    expect(judged.reasons).toContainEqual(
      expect.objectContaining({
        code: 'tier_reason',
        params: expect.objectContaining({ tier: 'tier1', measure: 'contract_value', value: '1,080,000.00' }),
      }),
    );
  });

  it('with it, a third of a deal is judged on all three plans, routed, and the reason names both others', () => {
    const third = application({ ...LINES, tariffLines: [line('DIA-1G', 2, 1_200_000)] });
    const judged = judgedWith(third, [other('PP-2026-000001', third), other('PP-2026-000002', third)], true);
    expect([judged.outcome, judged.tier]).toEqual(['routed', 'tier2']);
    expect(judged.route.map((s) => s.step)).toEqual(['ops_review']);
    expect(judged.reasons[0]).toEqual({
      code: 'customer_total',
      params: { own: '360,000.00', combined: '1,080,000.00', plans: 'PP-2026-000001, PP-2026-000002' },
    });
  });

  it('with it, a plan judged with no overlaps looked up is judged on its own', () => {
    const ctx = context({ policy: { ...policy, judgeCustomerTotal: true } });
    expect(assessApplication(wholeDeal, ctx)).toEqual(assessApplication(wholeDeal, context()));
  });

  it('with it, a plan that overlaps nothing is judged as before', () => {
    const alone = judgedWith(wholeDeal, [other('PP-2026-000001', half, 'withdrawn')], true);
    expect(alone).toEqual(assessApplication(wholeDeal, context()));
  });

  // Any plan on the cloud products, its seats split line by line and its subsidy split anywhere: when the
  // policy judges the customer's total, the higher of the two halves' tiers is never below the whole's.
  // Prices, subsidies and commissions are drawn near the tiers' limits, where the contract value decides
  // often (with the setting off the property fails within a few dozen runs).
  it('splitting a plan never lowers its tier when the setting is on (property)', () => {
    const lines = fc.array(
      fc.record({
        product: fc.constantFrom('CLOUD-PBX', 'CLOUD-DESK'),
        quantity: fc.integer({ min: 2, max: 5_000 }),
        priceShareBp: fc.integer({ min: 6000, max: 10_000 }),
        cut: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { minLength: 1, maxLength: 3 },
    );
    const standard: Record<string, number> = { 'CLOUD-PBX': 5000, 'CLOUD-DESK': 12000 };
    fc.assert(
      fc.property(
        lines,
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 1300 }),
        fc.integer({ min: 1, max: 36 }),
        (drawn, subsidyFen, subsidyCut, commissionBp, termMonths) => {
          const priced = drawn.map((l) => ({
            ...l,
            price: Math.floor((standard[l.product]! * l.priceShareBp) / 10_000),
            first: Math.min(l.quantity - 1, Math.max(1, Math.floor(l.quantity * l.cut))),
          }));
          const plan = (quantities: number[], subsidy: number) =>
            application({
              termMonths,
              commissionBp,
              subsidyFen: subsidy,
              tariffLines: priced.map((l, i) => line(l.product, quantities[i]!, l.price)),
            });
          const whole = plan(
            priced.map((l) => l.quantity),
            subsidyFen,
          );
          const firstSubsidy = Math.floor(subsidyFen * subsidyCut);
          const a = plan(
            priced.map((l) => l.first),
            firstSubsidy,
          );
          const b = plan(
            priced.map((l) => l.quantity - l.first),
            subsidyFen - firstSubsidy,
          );
          const judgedWhole = assessApplication(whole, context());
          const judgedA = judgedWith(a, [other('PP-2026-000002', b)], true);
          const judgedB = judgedWith(b, [other('PP-2026-000001', a)], true);
          // A half that cannot be filed (blocked) is no way around the rules; the whole must be routed to compare.
          if (judgedWhole.outcome !== 'routed' || judgedA.outcome === 'blocked' || judgedB.outcome === 'blocked')
            return;
          expect(Math.max(tierRank(judgedA.tier), tierRank(judgedB.tier))).toBeGreaterThanOrEqual(
            tierRank(judgedWhole.tier),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
