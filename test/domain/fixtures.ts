/**
 * Domain objects for the tests, built by hand: the catalog mirrors config/samples/catalog.csv and
 * the policy config/samples/policy.yaml, with percents as basis points. Nothing here parses files.
 */
import type { ApplicationInput, TariffLine } from '../../src/domain/application';
import type { CatalogContent, CatalogProduct } from '../../src/domain/catalog';
import type { IntakeContext } from '../../src/domain/intake-checks';
import type { PolicyContent } from '../../src/domain/policy';

const product = (
  code: string,
  name: string,
  status: CatalogProduct['status'],
  standardPriceFen: number,
  unitCostFen: number,
  marketReferenceFen: number,
): CatalogProduct => ({ code, name, status, standardPriceFen, unitCostFen, marketReferenceFen });

export const catalog: CatalogContent = {
  products: [
    product('CLOUD-PBX', '云总机(每席位)', 'commercial', 5000, 2000, 4500),
    product('CLOUD-DESK', '云桌面(每终端)', 'commercial', 12000, 6000, 11000),
    product('DIA-100M', '互联网专线 100M(每条)', 'commercial', 300000, 120000, 280000),
    product('DIA-1G', '互联网专线 1G(每条)', 'commercial', 1500000, 700000, 1350000),
    product('IOT-CARD', '物联网卡(每张)', 'pilot', 1000, 300, 800),
    product('VIDEO-MON', '视频监控(每路)', 'trial', 8000, 5000, 7500),
    product('SMS-LEGACY', '集团短信(旧版,每千条)', 'retired', 6000, 1500, 5000),
  ],
  activities: [
    {
      code: 'ACT-CLOUD-2026',
      branchMaxDiscountBp: 1000,
      standardSubsidyBp: 500,
      standardCommissionBp: 300,
      allowedKinds: ['tariff_discount', 'promo_subsidy', 'agent_commission'],
      productCodes: ['CLOUD-PBX', 'CLOUD-DESK'],
    },
    {
      code: 'ACT-LINE-2026',
      branchMaxDiscountBp: 1500,
      standardSubsidyBp: 300,
      standardCommissionBp: 0,
      allowedKinds: ['tariff_discount', 'promo_subsidy'],
      productCodes: ['DIA-100M', 'DIA-1G'],
    },
    {
      code: 'ACT-IOT-2026',
      branchMaxDiscountBp: 2000,
      standardSubsidyBp: 0,
      standardCommissionBp: 500,
      allowedKinds: ['tariff_discount', 'agent_commission'],
      productCodes: ['IOT-CARD'],
    },
    {
      code: 'ACT-VIDEO-2026',
      branchMaxDiscountBp: 500,
      standardSubsidyBp: 0,
      standardCommissionBp: 0,
      allowedKinds: ['tariff_discount'],
      productCodes: ['VIDEO-MON'],
    },
    {
      code: 'ACT-SMS-2020',
      branchMaxDiscountBp: 1000,
      standardSubsidyBp: 0,
      standardCommissionBp: 0,
      allowedKinds: ['tariff_discount'],
      productCodes: ['SMS-LEGACY'],
    },
  ],
};

export const policy: PolicyContent = {
  maxTermMonths: 36,
  tiers: [
    {
      id: 'tier1',
      minMarginBp: 2500,
      maxDiscountDepthBp: 3000,
      maxSubsidyBp: 1000,
      maxCommissionBp: 800,
      maxContractValueFen: 100_000_000,
    },
    {
      id: 'tier2',
      minMarginBp: 1500,
      maxDiscountDepthBp: 4500,
      maxSubsidyBp: 2000,
      maxCommissionBp: 1200,
      maxContractValueFen: 500_000_000,
    },
    { id: 'tier3' },
  ],
  deadlines: { approvalBusinessDays: 2, fulfillmentBusinessDays: 1 },
  leadershipIsFinal: false,
};

/** The day the tests are judged on; the sample application starts the month after. */
export const TODAY = '2026-12-10';

export const KNOWN_UNITS = ['pudong-branch', 'minhang-branch', 'industry-finance', 'video-ops'] as const;

/** config/samples/application.json as a domain object (its commissionPct "0" is commissionBp 0). */
export function sampleApplication(): ApplicationInput {
  return {
    unit: 'pudong-branch',
    applicant: 'zhang.wei@plandesk.example',
    customer: { name: '上海某某集团', groupId: 'G2100123' },
    activity: 'ACT-CLOUD-2026',
    preConsultationRef: null,
    startMonth: '2027-01',
    termMonths: 12,
    agentChannel: false,
    tariffLines: [{ product: 'CLOUD-PBX', quantity: 200, proposedUnitPriceFen: 3000 }],
    subsidyFen: 500000,
    commissionBp: 0,
    expected: { revenueFen: 7200000, subscribers: 200 },
    justification: '竞争对手报价每席位 30 元,客户总部 200 席位整体迁移,三年内有扩容到 500 席位的计划。',
  };
}

/** The sample application with some fields changed; no subsidy or commission unless given. */
export function application(changes: Partial<ApplicationInput> = {}): ApplicationInput {
  return { ...sampleApplication(), subsidyFen: 0, ...changes };
}

export const line = (product: string, quantity: number, proposedUnitPriceFen: number): TariffLine => ({
  product,
  quantity,
  proposedUnitPriceFen,
});

/** What an application is judged against: the fixture catalog and policy, today, and the known units. */
export function context(changes: Partial<IntakeContext> = {}): IntakeContext {
  return { catalog, policy, today: TODAY, knownUnits: KNOWN_UNITS, ...changes };
}
