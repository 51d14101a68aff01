import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useCases, type UseCases } from '../../../src/app/use-cases';
import { parseCatalogCsv } from '../../../src/formats/catalog-csv';
import { parsePolicyYaml } from '../../../src/formats/policy-yaml';
import { filed, liuQiang, openDesk, samplePlan, wangFang, zhangWei, zhouJie, type Desk } from '../approval/desk';

const SAMPLES = join(__dirname, '../../../config/samples');
const sampleCatalog = readFileSync(join(SAMPLES, 'catalog.csv'), 'utf8');
const samplePolicy = readFileSync(join(SAMPLES, 'policy.yaml'), 'utf8');

/** Next month's catalog: CLOUD-PBX dearer and costlier, CLOUD-DESK retired, a new product in the cloud activity. */
const nextCatalog = sampleCatalog
  .replace('CLOUD-PBX,云总机(每席位),commercial,5000,2000,', 'CLOUD-PBX,云总机(每席位),commercial,5200,2100,')
  .replace('CLOUD-DESK,云桌面(每终端),commercial,', 'CLOUD-DESK,云桌面(每终端),retired,')
  .concat(
    'CLOUD-MEET,云会议(每方),commercial,3000,1000,2800,ACT-CLOUD-2026,10,5,3,tariff_discount|promo_subsidy|agent_commission\n',
  );
/** A draft policy where tier 1 allows a discount up to 45%: the sample tier-2 cloud PBX plan becomes tier 1. */
const deeperTier1 = samplePolicy.replace('maxDiscountDepthPct: 30', 'maxDiscountDepthPct: 45');

const catalogFrom = (text: string) => () => parseCatalogCsv(text, 'catalog-2027-01.csv');
const policyFrom = (text: string) => () => parsePolicyYaml(text, 'policy-draft.yaml');

describe('importing reference data a person sends', () => {
  let desk: Desk;
  let desks: UseCases;
  beforeEach(async () => {
    desk = await openDesk();
    desks = useCases(desk.deps);
  });
  afterEach(async () => desk.close());

  const auditActions = async (subject: string) =>
    (await desk.store.audit.about(subject)).map((e) => `${e.action} by ${e.actor}`);

  describe('a catalog', () => {
    it('should show a catalog owner the products added, retired and repriced, and store nothing yet', async () => {
      const review = await desks.reviewCatalogImport(zhouJie, catalogFrom(nextCatalog));
      expect(review.ok && review.value).toMatchObject({
        baseVersion: 1,
        changes: {
          added: [{ code: 'CLOUD-MEET', name: '云会议(每方)' }],
          retired: [{ code: 'CLOUD-DESK' }],
          removed: [],
          changed: [
            {
              code: 'CLOUD-PBX',
              standardPriceFen: { before: 5000, after: 5200 },
              unitCostFen: { before: 2000, after: 2100 },
            },
          ],
          activitiesChanged: ['ACT-CLOUD-2026'],
        },
      });
      expect((await desk.store.catalogs.current())?.version).toBe(1);
    });

    it('should store the reviewed catalog as the next version on confirmation, audited as catalog.import', async () => {
      const stored = await desks.confirmCatalogImport(zhouJie, catalogFrom(nextCatalog), 1);
      expect(stored.ok && { version: stored.value.version, by: stored.value.importedBy }).toEqual({
        version: 2,
        by: zhouJie,
      });
      expect(
        (await desk.store.catalogs.current())?.products.find((p) => p.code === 'CLOUD-PBX')?.standardPriceFen,
      ).toBe(5200);
      expect(await auditActions('catalog')).toContain(`catalog.import by ${zhouJie}`);
    });

    it('should refuse anyone but a catalog owner, audited, without reading the file', async () => {
      let read = false;
      const refused = await desks.reviewCatalogImport(liuQiang, () => {
        read = true;
        return catalogFrom(nextCatalog)();
      });
      expect(!refused.ok && refused.error).toEqual({ refusal: { code: 'not_catalog_owner' } });
      expect(read).toBe(false);
      const confirmed = await desks.confirmCatalogImport(zhangWei, catalogFrom(nextCatalog), 1);
      expect(!confirmed.ok && confirmed.error).toEqual({ refusal: { code: 'not_catalog_owner' } });
      expect(await auditActions('catalog')).toEqual(
        expect.arrayContaining([
          `refused.not_catalog_owner by ${liuQiang}`,
          `refused.not_catalog_owner by ${zhangWei}`,
        ]),
      );
      expect((await desk.store.catalogs.current())?.version).toBe(1);
    });

    it('should list every problem of an invalid file and store nothing, even on confirmation', async () => {
      const broken = nextCatalog
        .replace(',5200,2100,', ',52.00,2100,')
        .replace('CLOUD-MEET,云会议(每方),commercial', 'CLOUD-MEET,云会议(每方),launched');
      const review = await desks.reviewCatalogImport(zhouJie, catalogFrom(broken));
      expect(
        !review.ok && 'invalid' in review.error && review.error.invalid.problems.map((p) => [p.line, p.field]),
      ).toEqual([
        [2, 'standard_price_fen'],
        [9, 'status'],
      ]);
      const confirmed = await desks.confirmCatalogImport(zhouJie, catalogFrom(broken), 1);
      expect(confirmed.ok).toBe(false);
      expect((await desk.store.catalogs.current())?.version).toBe(1);
    });

    it('should refuse a confirmation after another version came, and answer a second tap with the version it made', async () => {
      const first = await desks.confirmCatalogImport(zhouJie, catalogFrom(nextCatalog), 1);
      const again = await desks.confirmCatalogImport(zhouJie, catalogFrom(nextCatalog), 1);
      expect(first.ok && again.ok && again.value.version).toBe(2);
      const stale = await desks.confirmCatalogImport(zhouJie, catalogFrom(sampleCatalog), 1);
      expect(!stale.ok && stale.error).toEqual({ refusal: { code: 'reference_changed', version: 2 } });
      expect((await desk.store.catalogs.current())?.version).toBe(2);
    });
  });

  describe('a policy', () => {
    it('should show the ops head the thresholds changed and which stored plans would change tier', async () => {
      const pbx = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
      await filed(desk.deps, samplePlan('02-line-tier1'));
      const review = await desks.reviewPolicyImport(liuQiang, policyFrom(deeperTier1));
      expect(review.ok && review.value).toMatchObject({
        baseVersion: 1,
        inForceVersion: 1,
        changes: [{ kind: 'threshold', tier: 'tier1', threshold: 'maxDiscountDepthBp', before: 3000, after: 4500 }],
        simulation: {
          replayed: 2,
          changed: 1,
          changes: [
            { id: pbx.id, from: { outcome: 'routed', tier: 'tier2' }, to: { outcome: 'routed', tier: 'tier1' } },
          ],
        },
        earliest: '2026-12-01',
        suggested: '2026-12-02',
      });
      expect(await desk.store.policies.list()).toHaveLength(1);
    });

    it('should store the policy from the chosen date on confirmation, audited as policy.import', async () => {
      const stored = await desks.confirmPolicyImport(liuQiang, policyFrom(deeperTier1), 1, '2027-01-01');
      expect(stored.ok && { version: stored.value.version, from: stored.value.effectiveFrom }).toEqual({
        version: 2,
        from: '2027-01-01',
      });
      expect((await desk.store.policies.inForceOn('2026-12-31'))?.version).toBe(1);
      expect((await desk.store.policies.inForceOn('2027-01-01'))?.version).toBe(2);
      expect(await auditActions('policy')).toContain(`policy.import by ${liuQiang}`);
    });

    it('should refuse an effective date in the past, and anyone but the ops head, storing nothing', async () => {
      const past = await desks.confirmPolicyImport(liuQiang, policyFrom(deeperTier1), 1, '2026-11-30');
      expect(!past.ok && past.error).toEqual({
        refusal: { code: 'effective_in_past', date: '2026-11-30', today: '2026-12-01' },
      });
      const approver = await desks.reviewPolicyImport(wangFang, policyFrom(deeperTier1));
      expect(!approver.ok && approver.error).toEqual({ refusal: { code: 'not_policy_owner' } });
      const owner = await desks.confirmPolicyImport(zhouJie, policyFrom(deeperTier1), 1, '2027-01-01');
      expect(!owner.ok && owner.error).toEqual({ refusal: { code: 'not_policy_owner' } });
      expect(await auditActions('policy')).toEqual(
        expect.arrayContaining([`refused.not_policy_owner by ${wangFang}`, `refused.not_policy_owner by ${zhouJie}`]),
      );
      expect(await desk.store.policies.list()).toHaveLength(1);
    });

    it('should list the problems of an invalid policy by line and column, storing nothing', async () => {
      const review = await desks.reviewPolicyImport(
        liuQiang,
        policyFrom(samplePolicy.replace('minMarginPct: 25', 'minMarginPct: lots')),
      );
      expect(!review.ok && 'invalid' in review.error && review.error.invalid.problems).toEqual([
        expect.objectContaining({ field: 'tiers[0].minMarginPct', line: 7, col: 19 }),
      ]);
      expect(await desk.store.policies.list()).toHaveLength(1);
    });
  });
});
