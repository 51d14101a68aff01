import type { CatalogContent, CatalogProduct } from './catalog';
import type { Fen } from './money';
import { TIER_IDS, type PolicyContent, type Tier, type TierId } from './policy';

/** A product whose standard price or unit cost changes, with both figures before and after. */
export interface ProductChange {
  code: string;
  name: string;
  standardPriceFen: { before: Fen; after: Fen };
  unitCostFen: { before: Fen; after: Fen };
}

/** What a new catalog changes against the one in force. */
export interface CatalogChanges {
  added: Pick<CatalogProduct, 'code' | 'name'>[];
  /** Still listed, now `retired`. */
  retired: Pick<CatalogProduct, 'code' | 'name'>[];
  /** Not listed any more: an application naming it is blocked as an unknown product. */
  removed: Pick<CatalogProduct, 'code' | 'name'>[];
  changed: ProductChange[];
  activitiesAdded: string[];
  activitiesRemoved: string[];
  /** Activities whose branch authority, standard subsidy or commission, kinds or products differ. */
  activitiesChanged: string[];
}

const named = ({ code, name }: CatalogProduct) => ({ code, name });

/** The difference between the catalog in force (null: none yet) and a new one, product by product. */
export function catalogChanges(before: CatalogContent | null, after: CatalogContent): CatalogChanges {
  const old = new Map((before?.products ?? []).map((p) => [p.code, p]));
  const next = new Map(after.products.map((p) => [p.code, p]));
  const oldActivities = new Map((before?.activities ?? []).map((a) => [a.code, a]));
  const nextActivities = new Map(after.activities.map((a) => [a.code, a]));
  const changed: ProductChange[] = [];
  for (const p of after.products) {
    const was = old.get(p.code);
    if (was && (was.standardPriceFen !== p.standardPriceFen || was.unitCostFen !== p.unitCostFen))
      changed.push({
        code: p.code,
        name: p.name,
        standardPriceFen: { before: was.standardPriceFen, after: p.standardPriceFen },
        unitCostFen: { before: was.unitCostFen, after: p.unitCostFen },
      });
  }
  return {
    added: after.products.filter((p) => !old.has(p.code)).map(named),
    retired: after.products
      .filter((p) => p.status === 'retired' && old.has(p.code) && old.get(p.code)?.status !== 'retired')
      .map(named),
    removed: [...old.values()].filter((p) => !next.has(p.code)).map(named),
    changed,
    activitiesAdded: [...nextActivities.keys()].filter((code) => !oldActivities.has(code)),
    activitiesRemoved: [...oldActivities.keys()].filter((code) => !nextActivities.has(code)),
    activitiesChanged: after.activities
      .filter((a) => {
        const was = oldActivities.get(a.code);
        return was !== undefined && JSON.stringify(was) !== JSON.stringify(a);
      })
      .map((a) => a.code),
  };
}

export const THRESHOLDS = [
  'minMarginBp',
  'maxDiscountDepthBp',
  'maxSubsidyBp',
  'maxCommissionBp',
  'maxContractValueFen',
] as const;
export type Threshold = (typeof THRESHOLDS)[number];

/** One changed setting of a policy; a threshold a tier does not set is null (it always holds). */
export type PolicyChange =
  | { kind: 'threshold'; tier: TierId; threshold: Threshold; before: number | null; after: number | null }
  | { kind: 'maxTermMonths' | 'approvalBusinessDays' | 'fulfillmentBusinessDays'; before: number | null; after: number }
  | { kind: 'leadershipIsFinal'; before: boolean | null; after: boolean };

/** The settings a new policy changes against the one in force (null: none yet), tier by tier. */
export function policyChanges(before: PolicyContent | null, after: PolicyContent): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const tierOf = (policy: PolicyContent | null, id: TierId): Tier | undefined => policy?.tiers.find((t) => t.id === id);
  for (const tier of TIER_IDS) {
    const [was, is] = [tierOf(before, tier), tierOf(after, tier)];
    if (!was && !is) continue;
    for (const threshold of THRESHOLDS) {
      const [b, a] = [was?.[threshold] ?? null, is?.[threshold] ?? null];
      if (b !== a) changes.push({ kind: 'threshold', tier, threshold, before: b, after: a });
    }
  }
  const numbers = [
    ['maxTermMonths', before?.maxTermMonths, after.maxTermMonths],
    ['approvalBusinessDays', before?.deadlines.approvalBusinessDays, after.deadlines.approvalBusinessDays],
    ['fulfillmentBusinessDays', before?.deadlines.fulfillmentBusinessDays, after.deadlines.fulfillmentBusinessDays],
  ] as const;
  for (const [kind, b, a] of numbers) if (b !== a) changes.push({ kind, before: b ?? null, after: a });
  if (before?.leadershipIsFinal !== after.leadershipIsFinal)
    changes.push({
      kind: 'leadershipIsFinal',
      before: before?.leadershipIsFinal ?? null,
      after: after.leadershipIsFinal,
    });
  return changes;
}
