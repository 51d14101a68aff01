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
    // Strictly: a phantom entry with no code would still equal an empty list to toEqual.
    expect(catalogChanges(null, before)).toStrictEqual({
      added: [
        { code: 'A', name: 'a' },
        { code: 'B', name: 'b' },
        { code: 'C', name: 'c' },
      ],
      retired: [],
      removed: [],
      changed: [],
      activitiesAdded: ['ACT-1'],
      activitiesRemoved: [],
      activitiesChanged: [],
    });
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
  it('should name a product whose unit cost alone changes, with its price unchanged', () => {
    const after: CatalogContent = {
      ...before,
      products: [product('A', 100, 60), product('B', 200, 80), product('C', 300, 90)],
    };
    expect(catalogChanges(before, after).changed).toEqual([
      { code: 'A', name: 'a', standardPriceFen: { before: 100, after: 100 }, unitCostFen: { before: 50, after: 60 } },
    ]);
  });

  it('should not call a product retired again when it was retired already', () => {
    const retiredB = { ...product('B', 200, 80), status: 'retired' as const };
    const was: CatalogContent = { ...before, products: [product('A', 100, 50), retiredB] };
    expect(catalogChanges(was, { ...was, products: [product('A', 100, 50), retiredB] }).retired).toEqual([]);
  });

  it('should name an activity no longer listed', () => {
    const was: CatalogContent = { ...before, activities: [activity('ACT-1', ['A']), activity('ACT-OLD', ['B'])] };
    const after: CatalogContent = { ...before, activities: [activity('ACT-1', ['A'])] };
    expect(catalogChanges(was, after)).toMatchObject({
      activitiesAdded: [],
      activitiesRemoved: ['ACT-OLD'],
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

  it('should name every setting of a first policy, when none was in force', () => {
    expect(policyChanges(null, before)).toEqual([
      { kind: 'threshold', tier: 'tier1', threshold: 'minMarginBp', before: null, after: 2500 },
      { kind: 'threshold', tier: 'tier1', threshold: 'maxContractValueFen', before: null, after: 100000000 },
      { kind: 'maxTermMonths', before: null, after: 36 },
      { kind: 'approvalBusinessDays', before: null, after: 2 },
      { kind: 'fulfillmentBusinessDays', before: null, after: 1 },
      { kind: 'leadershipIsFinal', before: null, after: false },
    ]);
  });

  it('should name the thresholds of a tier added, and of a tier dropped, as set from and to nothing', () => {
    const threeTiers: PolicyContent = {
      ...before,
      tiers: [...before.tiers, { id: 'tier3', maxCommissionBp: 1500 }],
    };
    expect(policyChanges(before, threeTiers)).toEqual([
      { kind: 'threshold', tier: 'tier3', threshold: 'maxCommissionBp', before: null, after: 1500 },
    ]);
    expect(policyChanges(threeTiers, before)).toEqual([
      { kind: 'threshold', tier: 'tier3', threshold: 'maxCommissionBp', before: 1500, after: null },
    ]);
  });

  it('should name leadership no longer final, and deadlines moved', () => {
    const final: PolicyContent = { ...before, leadershipIsFinal: true };
    const slower: PolicyContent = { ...before, deadlines: { approvalBusinessDays: 3, fulfillmentBusinessDays: 2 } };
    expect(policyChanges(final, slower)).toEqual([
      { kind: 'approvalBusinessDays', before: 2, after: 3 },
      { kind: 'fulfillmentBusinessDays', before: 1, after: 2 },
      { kind: 'leadershipIsFinal', before: true, after: false },
    ]);
  });
});
