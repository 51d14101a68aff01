import { formatBasisPoints } from '../../src/domain/basis-points';
import { computeEconomics, exactly, type Economics } from '../../src/domain/economics';
import { application, catalog, line, sampleApplication } from './fixtures';

function economicsOf(...args: Parameters<typeof application>): Economics {
  const economics = computeEconomics(application(...args), catalog);
  if (!economics) throw new Error('the fixture plan names a product the catalog lacks');
  return economics;
}

describe('computeEconomics', () => {
  it('works out the sample plan: 200 seats at ¥30 for 12 months with a ¥5,000 subsidy', () => {
    const e = computeEconomics(sampleApplication(), catalog);
    expect(e).toEqual({
      revenueFen: 7_200_000, // 3000 × 200 × 12
      standardFen: 12_000_000, // 5000 × 200 × 12
      catalogCostFen: 4_800_000, // 2000 × 200 × 12
      subsidyFen: 500_000,
      commissionFen: 0,
      costFen: 5_300_000,
      marginBp: 2638, // 1,900,000 / 7,200,000 = 26.388…%, shown rounded down
      discountDepthBp: 4000, // 1 − 7.2M / 12M = 40% exactly
      subsidyBp: 695, // 500,000 / 7,200,000 = 6.944…%, shown rounded up
      commissionBp: 0,
      contractValueFen: 7_200_000,
      lines: [{ product: 'CLOUD-PBX', revenueFen: 7_200_000, standardFen: 12_000_000, costFen: 4_800_000 }],
    });
    expect(formatBasisPoints(e?.marginBp ?? NaN)).toBe('26.38');
    expect(formatBasisPoints(e?.discountDepthBp ?? NaN)).toBe('40.00');
    expect(formatBasisPoints(e?.subsidyBp ?? NaN)).toBe('6.95');
  });

  it('sums a multi-line plan line by line, over the whole term', () => {
    const e = economicsOf({
      tariffLines: [line('CLOUD-PBX', 200, 3000), line('CLOUD-DESK', 50, 9000)],
      subsidyFen: 300_000,
      commissionBp: 250,
    });
    expect(e.lines).toEqual([
      { product: 'CLOUD-PBX', revenueFen: 7_200_000, standardFen: 12_000_000, costFen: 4_800_000 },
      { product: 'CLOUD-DESK', revenueFen: 5_400_000, standardFen: 7_200_000, costFen: 3_600_000 },
    ]);
    expect(e).toMatchObject({
      revenueFen: 12_600_000,
      standardFen: 19_200_000,
      catalogCostFen: 8_400_000,
      commissionFen: 315_000, // 2.5% of revenue
      costFen: 9_015_000, // 8,400,000 + 300,000 + 315,000
      marginBp: 2845, // 3,585,000 / 12,600,000 = 28.452…%
      discountDepthBp: 3438, // 6,600,000 / 19,200,000 = 34.375%, rounded up
      subsidyBp: 239, // 2.380…%, rounded up
      commissionBp: 250,
      contractValueFen: 12_600_000,
    });
  });

  it.each([
    { price: 3000, commissionBp: 300, commissionFen: 90, why: '3% of ¥30.00 is exactly 90 fen' },
    { price: 3001, commissionBp: 300, commissionFen: 91, why: '3% of ¥30.01 is 90.03 fen, rounded up' },
    { price: 3001, commissionBp: 1, commissionFen: 1, why: '0.01% of ¥30.01 is 0.3001 fen, rounded up' },
    { price: 3000, commissionBp: 0, commissionFen: 0, why: 'no commission costs nothing' },
  ])('rounds a commission up to the whole fen ($why)', ({ price, commissionBp, commissionFen }) => {
    const e = economicsOf({ tariffLines: [line('CLOUD-PBX', 1, price)], termMonths: 1, commissionBp });
    expect(e.commissionFen).toBe(commissionFen);
    expect(e.costFen).toBe(2000 + commissionFen);
  });

  it('shows a negative margin rounded down, so a loss never looks smaller than it is', () => {
    const e = economicsOf({ tariffLines: [line('CLOUD-PBX', 200, 2100)], subsidyFen: 300_000 });
    expect(e.revenueFen - e.costFen).toBe(-60_000);
    expect(e.marginBp).toBe(-120); // −60,000 / 5,040,000 = −1.190…%
  });

  it('shows a price above the standard tariff as a negative discount depth', () => {
    const e = economicsOf({ tariffLines: [line('CLOUD-PBX', 10, 5500)], termMonths: 1 });
    expect(e.discountDepthBp).toBe(-1000);
  });

  it('gives a plan without tariff lines zero revenue, and a subsidy on it the whole revenue and more', () => {
    expect(economicsOf({ tariffLines: [] })).toMatchObject({
      revenueFen: 0,
      standardFen: 0,
      costFen: 0,
      marginBp: 0,
      discountDepthBp: 0,
      subsidyBp: 0,
    });
    expect(economicsOf({ tariffLines: [], subsidyFen: 100 })).toMatchObject({
      costFen: 100,
      marginBp: -10000,
      subsidyBp: 10000,
    });
  });

  it('knows nothing about a plan that names a product the catalog does not have', () => {
    expect(
      computeEconomics(application({ tariffLines: [line('CLOUD-PBX', 1, 3000), line('NO-SUCH', 1, 100)] }), catalog),
    ).toBeNull();
  });

  it('refuses an amount it cannot hold exactly rather than round it', () => {
    const huge = application({
      activity: 'ACT-LINE-2026',
      tariffLines: [line('DIA-1G', 200_000_000, 1_500_000)],
      termMonths: 36,
    });
    expect(() => computeEconomics(huge, catalog)).toThrow(/^amount \d+ fen is beyond what PlanDesk can hold exactly$/);
  });
});

describe('exactly', () => {
  // 10 terminals at ¥90 for 12 months: revenue 1,080,000, catalog cost 720,000, depth 25% exactly.
  const desk = (subsidyFen: number, commissionBp = 0): Economics =>
    economicsOf({ tariffLines: [line('CLOUD-DESK', 10, 9000)], subsidyFen, commissionBp });

  it('holds a margin of exactly 25% at 25.00%, and one fen of extra cost below it', () => {
    expect(exactly.marginAtLeast(desk(90_000), 2500)).toBe(true);
    expect(exactly.marginAtLeast(desk(90_001), 2500)).toBe(false);
    expect(desk(90_001).marginBp).toBe(2499);
  });

  it('compares the discount depth and subsidy ratio without rounding', () => {
    expect(exactly.discountDepthAtMost(desk(0), 2500)).toBe(true);
    expect(exactly.discountDepthAtMost(desk(0), 2499)).toBe(false);
    expect(exactly.subsidyAtMost(desk(108_000), 1000)).toBe(true); // exactly 10%
    expect(exactly.subsidyAtMost(desk(108_001), 1000)).toBe(false);
  });

  it('measures the margin with the commission at its exact ratio, not its fen rounded up', () => {
    // ¥28.01 for one seat for one month, ¥1 subsidy, 10% commission: exactly 701/2801 − 10% = 15.026…%,
    // shown as 15.02 so that the figure and the tier agree, though the cost charges 281 fen of commission.
    const e = economicsOf({
      tariffLines: [line('CLOUD-PBX', 1, 2801)],
      termMonths: 1,
      subsidyFen: 100,
      commissionBp: 1000,
    });
    expect(e.commissionFen).toBe(281);
    expect(e.marginBp).toBe(1502);
    expect(exactly.marginAtLeast(e, 1500)).toBe(true);
    expect(exactly.marginAtLeast(e, 1502)).toBe(true);
    expect(exactly.marginAtLeast(e, 1503)).toBe(false);
  });

  it('compares a commission by its basis points', () => {
    expect(exactly.commissionAtMost(desk(0, 800), 800)).toBe(true);
    expect(exactly.commissionAtMost(desk(0, 801), 800)).toBe(false);
  });
});
