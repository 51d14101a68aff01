import { computeEconomics, type Economics } from '../../src/domain/economics';
import type { Tier } from '../../src/domain/policy';
import { missedThresholds, tierFor, tierRank } from '../../src/domain/tier';
import { application, catalog, line, policy } from './fixtures';

function economicsOf(...args: Parameters<typeof application>): Economics {
  const economics = computeEconomics(application(...args), catalog);
  if (!economics) throw new Error('the fixture plan names a product the catalog lacks');
  return economics;
}

/** 200 seats at ¥40 for 12 months: margin 50%, depth 20%, standard value ¥120,000. */
const clean = economicsOf({ tariffLines: [line('CLOUD-PBX', 200, 4000)] });

/**
 * 800 terminals at ¥80 for 12 months, an ¥80,000 subsidy and a 9% commission: it misses every
 * tier1 threshold (margin 5.58%, depth 33.34%, subsidy 10.42%, commission 9%, ¥1,152,000 at
 * standard tariff) and tier2 on margin alone.
 */
const missesEverything = economicsOf({
  tariffLines: [line('CLOUD-DESK', 800, 8000)],
  subsidyFen: 8_000_000,
  commissionBp: 900,
});

describe('missedThresholds', () => {
  it('names each threshold a plan fails with its value and limit as shown to people', () => {
    expect(missedThresholds(missesEverything, policy.tiers[0] as Tier)).toEqual([
      { measure: 'margin', value: '5.58', limit: '25.00' },
      { measure: 'discount_depth', value: '33.34', limit: '30.00' },
      { measure: 'subsidy', value: '10.42', limit: '10.00' },
      { measure: 'commission', value: '9.00', limit: '8.00' },
      { measure: 'contract_value', value: '1,152,000.00', limit: '1,000,000.00' },
    ]);
  });

  it('holds a threshold that the tier does not set', () => {
    expect(missedThresholds(missesEverything, { id: 'tier3' })).toEqual([]);
  });

  it('holds a contract value exactly at the limit and misses it one seat above', () => {
    // 2,000 seats for 10 months at the ¥50 standard tariff is exactly ¥1,000,000.
    const atLimit = economicsOf({ tariffLines: [line('CLOUD-PBX', 2000, 4000)], termMonths: 10 });
    const above = economicsOf({ tariffLines: [line('CLOUD-PBX', 2001, 4000)], termMonths: 10 });
    expect(missedThresholds(atLimit, policy.tiers[0] as Tier)).toEqual([]);
    expect(missedThresholds(above, policy.tiers[0] as Tier)).toEqual([
      { measure: 'contract_value', value: '1,000,500.00', limit: '1,000,000.00' },
    ]);
  });
});

describe('tierFor', () => {
  it('gives the first tier, saying every figure is within it, when its every threshold holds', () => {
    expect(tierFor(clean, policy.tiers)).toEqual({
      tier: 'tier1',
      reasons: [{ code: 'tier_reason', params: { tier: 'tier1', measure: 'all_within' } }],
    });
  });

  it('gives the first tier whose every threshold holds, with the misses of each tier before it', () => {
    const { tier, reasons } = tierFor(missesEverything, policy.tiers);
    expect(tier).toBe('tier3');
    expect(reasons.map((r) => r.params)).toEqual([
      { tier: 'tier1', next: 'tier2', measure: 'margin', value: '5.58', limit: '25.00' },
      { tier: 'tier1', next: 'tier2', measure: 'discount_depth', value: '33.34', limit: '30.00' },
      { tier: 'tier1', next: 'tier2', measure: 'subsidy', value: '10.42', limit: '10.00' },
      { tier: 'tier1', next: 'tier2', measure: 'commission', value: '9.00', limit: '8.00' },
      { tier: 'tier1', next: 'tier2', measure: 'contract_value', value: '1,152,000.00', limit: '1,000,000.00' },
      { tier: 'tier2', next: 'tier3', measure: 'margin', value: '5.58', limit: '15.00' },
    ]);
    expect(reasons.every((r) => r.code === 'tier_reason')).toBe(true);
  });

  it('takes the tiers in the order the policy lists them', () => {
    const loose: Tier = { id: 'tier2', minMarginBp: 1000 };
    const strict: Tier = { id: 'tier1', minMarginBp: 9000 };
    expect(tierFor(clean, [loose, strict]).tier).toBe('tier2');
    expect(tierFor(clean, [strict, loose]).tier).toBe('tier2');
    expect(tierFor(clean, [strict, { id: 'tier3', minMarginBp: 5000 }, loose]).tier).toBe('tier3');
  });

  it('gives the last tier when no tier holds, naming what the last tier misses too', () => {
    const tiers: Tier[] = [
      { id: 'tier1', minMarginBp: 9000 },
      { id: 'tier2', maxDiscountDepthBp: 1000 },
    ];
    expect(tierFor(clean, tiers)).toEqual({
      tier: 'tier2',
      reasons: [
        {
          code: 'tier_reason',
          params: { tier: 'tier1', next: 'tier2', measure: 'margin', value: '50.00', limit: '90.00' },
        },
        {
          code: 'tier_reason',
          params: { tier: 'tier2', next: 'tier2', measure: 'discount_depth', value: '20.00', limit: '10.00' },
        },
      ],
    });
  });

  it('never says every figure is within a single tier that the plan misses', () => {
    expect(tierFor(clean, [{ id: 'tier1', minMarginBp: 9000 }]).reasons).toEqual([
      {
        code: 'tier_reason',
        params: { tier: 'tier1', next: 'tier1', measure: 'margin', value: '50.00', limit: '90.00' },
      },
    ]);
  });

  it('refuses a policy without tiers as a programming error', () => {
    expect(() => tierFor(clean, [])).toThrow(new RangeError('a policy has at least one tier'));
  });
});

describe('tierRank', () => {
  it.each([
    [null, 0],
    ['tier1', 1],
    ['tier2', 2],
    ['tier3', 3],
  ] as const)('ranks %s as %i', (tier, rank) => {
    expect(tierRank(tier)).toBe(rank);
  });
});
