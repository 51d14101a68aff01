import type { CatalogContent } from '../../src/domain/catalog';
import type { PolicyContent } from '../../src/domain/policy';
import { catalogChanges, policyChanges } from '../../src/domain/reference-changes';

const product = (code: string, standardPriceFen: number, unitCostFen: number, status = 'commercial' as const) => ({
  code,
  name: code.toLowerCase(),
  status,
  standardPriceFen,
  unitCostFen,
  marketReferenceFen: standardPriceFen,
});
const activity = (code: string, productCodes: string[], branchMaxDiscountBp = 1000) => ({
  code,
  branchMaxDiscountBp,
  standardSubsidyBp: 0,
  standardCommissionBp: 0,
  allowedKinds: ['tariff_discount' as const],
  productCodes,
});

describe('what a new catalog changes', () => {
  const before: CatalogContent = {
    products: [product('A', 100, 50), product('B', 200, 80), product('C', 300, 90)],
    activities: [activity('ACT-1', ['A', 'B', 'C'])],
  };

  it('should name products added, retired, no longer listed and repriced, and activities whose terms moved', () => {
    const after: CatalogContent = {
      products: [product('A', 110, 50), { ...product('B', 200, 80), status: 'retired' }, product('D', 400, 100)],
      activities: [activity('ACT-1', ['A', 'B', 'D'], 1500), activity('ACT-2', ['D'])],
    };
    expect(catalogChanges(before, after)).toEqual({
      added: [{ code: 'D', name: 'd' }],
      retired: [{ code: 'B', name: 'b' }],
      removed: [{ code: 'C', name: 'c' }],
      changed: [
        { code: 'A', name: 'a', standardPriceFen: { before: 100, after: 110 }, unitCostFen: { before: 50, after: 50 } },
      ],
      activitiesAdded: ['ACT-2'],
      activitiesRemoved: [],
      activitiesChanged: ['ACT-1'],
    });
  });

  it('should call everything added when there is no catalog yet, and nothing changed for the same one', () => {
    expect(catalogChanges(null, before).added.map((p) => p.code)).toEqual(['A', 'B', 'C']);
    expect(catalogChanges(before, before)).toEqual({
      added: [],
      retired: [],
      removed: [],
      changed: [],
      activitiesAdded: [],
      activitiesRemoved: [],
      activitiesChanged: [],
    });
  });
});

describe('what a new policy changes', () => {
  const before: PolicyContent = {
    maxTermMonths: 36,
    tiers: [{ id: 'tier1', minMarginBp: 2500, maxContractValueFen: 100000000 }, { id: 'tier2' }],
    deadlines: { approvalBusinessDays: 2, fulfillmentBusinessDays: 1 },
    leadershipIsFinal: false,
  };

  it('should name each threshold set, changed or lifted, and each setting changed, tier by tier', () => {
    const after: PolicyContent = {
      ...before,
      maxTermMonths: 24,
      tiers: [
        { id: 'tier1', minMarginBp: 2000 },
        { id: 'tier2', maxSubsidyBp: 2000 },
      ],
      leadershipIsFinal: true,
    };
    expect(policyChanges(before, after)).toEqual([
      { kind: 'threshold', tier: 'tier1', threshold: 'minMarginBp', before: 2500, after: 2000 },
      { kind: 'threshold', tier: 'tier1', threshold: 'maxContractValueFen', before: 100000000, after: null },
      { kind: 'threshold', tier: 'tier2', threshold: 'maxSubsidyBp', before: null, after: 2000 },
      { kind: 'maxTermMonths', before: 36, after: 24 },
      { kind: 'leadershipIsFinal', before: false, after: true },
    ]);
    expect(policyChanges(before, before)).toEqual([]);
  });
});
