import type { ApplicationInput } from '../../src/domain/application';
import { assessApplication, type Outcome } from '../../src/domain/assess';
import type { CatalogContent } from '../../src/domain/catalog';
import type { IntakeContext } from '../../src/domain/intake-checks';
import type { TierId } from '../../src/domain/policy';
import type { ReasonCode, ReasonParams } from '../../src/domain/reason';
import type { ApproverRole, StepId } from '../../src/domain/route';
import { application, catalog, context, line, policy, sampleApplication } from './fixtures';

/** 200 seats at ¥40 for 12 months (depth 20%, margin 50%): a clean tier1 plan to vary one field at a time. */
const plan = (changes: Partial<ApplicationInput> = {}): ApplicationInput =>
  application({ tariffLines: [line('CLOUD-PBX', 200, 4000)], ...changes });

const video = (changes: Partial<ApplicationInput> = {}): ApplicationInput =>
  application({ activity: 'ACT-VIDEO-2026', tariffLines: [line('VIDEO-MON', 20, 7000)], ...changes });

const catalogWithoutKinds = (activity: string): CatalogContent => ({
  ...catalog,
  activities: catalog.activities.map((a) => (a.code === activity ? { ...a, allowedKinds: [] } : a)),
});

interface Row {
  rule: string;
  input: ApplicationInput;
  ctx?: Partial<IntakeContext>;
  outcome: Outcome;
  reasons: { code: ReasonCode; field?: string; params?: ReasonParams }[];
  tier: TierId | null;
  route: [StepId, ApproverRole][];
}

const blocked = (
  rule: string,
  input: ApplicationInput,
  reasons: Row['reasons'],
  ctx?: Partial<IntakeContext>,
): Row => ({ rule, input, ctx, outcome: 'blocked', reasons, tier: null, route: [] });

const notNeeded = (rule: string, input: ApplicationInput, activity = 'ACT-CLOUD-2026'): Row => ({
  rule,
  input,
  outcome: 'not_needed',
  reasons: [{ code: 'within_branch_authority', params: { activity } }],
  tier: null,
  route: [],
});

const allWithin = (tier: TierId): Row['reasons'] => [{ code: 'tier_reason', params: { tier, measure: 'all_within' } }];
const miss = (tier: TierId, next: TierId, measure: string, value: string, limit: string): Row['reasons'][number] => ({
  code: 'tier_reason',
  params: { tier, next, measure, value, limit },
});

const OPS: [StepId, ApproverRole] = ['ops_review', 'ops_approver'];
const OPS_HEAD: [StepId, ApproverRole] = ['ops_review', 'ops_head'];
const COOPERATION: [StepId, ApproverRole] = ['cooperation', 'cooperation_approver'];
const LEADERSHIP: [StepId, ApproverRole][] = [
  ['leadership', 'leader'],
  ['ops_final', 'ops_head'],
];

const rows: Row[] = [
  // 1. Blocked: every check, one at a time.
  blocked('blocks a plan from a unit the directory does not know', plan({ unit: 'nowhere-branch' }), [
    { code: 'unknown_unit', field: 'unit', params: { unit: 'nowhere-branch' } },
  ]),
  blocked('blocks a plan on an activity the catalog does not have', plan({ activity: 'ACT-NEW-2027' }), [
    { code: 'unknown_activity', field: 'activity', params: { activity: 'ACT-NEW-2027' } },
  ]),
  blocked(
    'blocks a plan naming a product the catalog does not have',
    plan({ tariffLines: [line('CLOUD-XYZ', 10, 100)] }),
    [{ code: 'unknown_product', field: 'tariffLines[0].product', params: { product: 'CLOUD-XYZ', line: 1 } }],
  ),
  blocked(
    'blocks a product that is not part of the activity',
    plan({ tariffLines: [line('CLOUD-PBX', 200, 4000), line('DIA-100M', 1, 250000)] }),
    [
      {
        code: 'product_not_in_activity',
        field: 'tariffLines[1].product',
        params: { product: 'DIA-100M', activity: 'ACT-CLOUD-2026', line: 2 },
      },
    ],
  ),
  blocked(
    'blocks a business that is retired, not officially issued',
    application({ activity: 'ACT-SMS-2020', tariffLines: [line('SMS-LEGACY', 10, 6000)] }),
    [
      {
        code: 'not_issued',
        field: 'tariffLines[0].product',
        params: { product: 'SMS-LEGACY', status: 'retired', line: 1 },
      },
    ],
  ),
  blocked(
    'blocks a tariff discount the activity does not define',
    video(),
    [
      {
        code: 'kind_not_allowed',
        field: 'tariffLines',
        params: { kind: 'tariff_discount', activity: 'ACT-VIDEO-2026' },
      },
    ],
    { catalog: catalogWithoutKinds('ACT-VIDEO-2026') },
  ),
  blocked('blocks a promotional subsidy the activity does not define', video({ subsidyFen: 10_000 }), [
    { code: 'kind_not_allowed', field: 'subsidyFen', params: { kind: 'promo_subsidy', activity: 'ACT-VIDEO-2026' } },
  ]),
  blocked(
    'blocks an agent commission the activity does not define',
    application({ activity: 'ACT-LINE-2026', tariffLines: [line('DIA-100M', 2, 240000)], commissionBp: 200 }),
    [
      {
        code: 'kind_not_allowed',
        field: 'commissionPct',
        params: { kind: 'agent_commission', activity: 'ACT-LINE-2026' },
      },
    ],
  ),
  blocked(
    'blocks a blank pre-consultation reference as no reference at all',
    video({ subsidyFen: 10_000, preConsultationRef: '  ' }),
    [{ code: 'kind_not_allowed', params: { kind: 'promo_subsidy' } }],
  ),
  blocked('blocks a term of no months', plan({ termMonths: 0 }), [
    { code: 'term_out_of_range', field: 'termMonths', params: { term: 0, max: 36 } },
  ]),
  blocked('blocks a term one month longer than the policy allows', plan({ termMonths: 37 }), [
    { code: 'term_out_of_range', field: 'termMonths', params: { term: 37, max: 36 } },
  ]),
  blocked('blocks a plan starting before the current month', plan({ startMonth: '2026-11' }), [
    { code: 'start_in_past', field: 'startMonth', params: { start: '2026-11', current: '2026-12' } },
  ]),
  blocked(
    'blocks a line priced below its unit cost even when the plan as a whole covers its cost',
    plan({ tariffLines: [line('CLOUD-PBX', 10, 1999), line('CLOUD-DESK', 100, 11000)] }),
    [
      {
        code: 'line_below_cost',
        field: 'tariffLines[0].proposedUnitPriceFen',
        params: { product: 'CLOUD-PBX', line: 1, proposed: '19.99', cost: '20.00' },
      },
    ],
  ),
  // ¥21 a seat: revenue 5,040,000 against catalog cost 4,800,000 plus a 300,000 subsidy.
  blocked(
    'blocks a plan whose revenue does not cover its cost, naming the shortfall',
    plan({ tariffLines: [line('CLOUD-PBX', 200, 2100)], subsidyFen: 300_000 }),
    [
      {
        code: 'below_cost',
        field: 'tariffLines',
        params: { revenue: '50,400.00', cost: '51,000.00', shortfall: '600.00', margin: '-1.20' },
      },
    ],
  ),
  // A 5% commission on 5,040,000 is 252,000.
  blocked(
    'counts the agent commission as a cost of the plan',
    plan({ tariffLines: [line('CLOUD-PBX', 200, 2100)], commissionBp: 500, agentChannel: true }),
    [{ code: 'below_cost', params: { revenue: '50,400.00', cost: '50,520.00', shortfall: '120.00', margin: '-0.24' } }],
  ),

  // The edges of the blocking checks are not blocked.
  {
    rule: 'lets through a plan whose revenue exactly covers its cost, for leadership to judge',
    input: plan({ tariffLines: [line('CLOUD-PBX', 200, 2100)], subsidyFen: 240_000 }),
    outcome: 'routed',
    tier: 'tier3',
    route: [OPS_HEAD, ...LEADERSHIP],
    reasons: [
      miss('tier1', 'tier2', 'margin', '0.00', '25.00'),
      miss('tier1', 'tier2', 'discount_depth', '58.00', '30.00'),
      miss('tier2', 'tier3', 'margin', '0.00', '15.00'),
      miss('tier2', 'tier3', 'discount_depth', '58.00', '45.00'),
    ],
  },
  {
    rule: 'accepts a line priced exactly at its unit cost',
    input: plan({ tariffLines: [line('CLOUD-PBX', 10, 2000), line('CLOUD-DESK', 100, 11000)] }),
    outcome: 'routed',
    tier: 'tier1',
    route: [OPS],
    reasons: allWithin('tier1'),
  },
  {
    rule: 'accepts a term of one month',
    input: plan({ termMonths: 1 }),
    outcome: 'routed',
    tier: 'tier1',
    route: [OPS],
    reasons: allWithin('tier1'),
  },
  {
    rule: 'accepts a term of the longest the policy allows',
    input: plan({ termMonths: 36 }),
    outcome: 'routed',
    tier: 'tier1',
    route: [OPS],
    reasons: allWithin('tier1'),
  },
  {
    rule: 'accepts a plan starting in the current month',
    input: plan({ startMonth: '2026-12' }),
    outcome: 'routed',
    tier: 'tier1',
    route: [OPS],
    reasons: allWithin('tier1'),
  },
  {
    rule: 'accepts any unit when the directory is not consulted',
    input: plan({ unit: 'anyone' }),
    ctx: { knownUnits: undefined },
    outcome: 'routed',
    tier: 'tier1',
    route: [OPS],
    reasons: allWithin('tier1'),
  },
  {
    rule: 'lets a pre-consultation reference lift an adjustment the activity does not define',
    input: video({ subsidyFen: 10_000, preConsultationRef: 'PC-2026-0042' }),
    outcome: 'routed',
    tier: 'tier1',
    route: [OPS],
    reasons: allWithin('tier1'),
  },

  // 2. Not needed: within the activity's own branch authority, up to and including each limit.
  notNeeded(
    'needs no plan when nothing differs from the standard activity',
    plan({ tariffLines: [line('CLOUD-PBX', 200, 5000)] }),
  ),
  notNeeded(
    'needs no plan for a discount of exactly the branch maximum',
    plan({ tariffLines: [line('CLOUD-PBX', 200, 4500)] }),
  ),
  notNeeded(
    'needs no plan for a subsidy of exactly the standard ratio',
    plan({ tariffLines: [line('CLOUD-PBX', 200, 4500)], subsidyFen: 540_000 }),
  ),
  notNeeded(
    'needs no plan for a commission of exactly the standard ratio',
    plan({ tariffLines: [line('CLOUD-PBX', 200, 4500)], commissionBp: 300 }),
  ),
  {
    rule: 'needs a plan for a discount one fen deeper than the branch maximum',
    input: plan({ tariffLines: [line('CLOUD-PBX', 200, 4499)] }),
    outcome: 'routed',
    tier: 'tier1',
    route: [OPS],
    reasons: allWithin('tier1'),
  },
  {
    rule: 'needs a plan for one line discounted beyond the branch maximum, even when the plan as a whole averages within it',
    // CLOUD-DESK at half price beside 200 CLOUD-PBX seats at full price: 5.36% off overall, 50% off on that line.
    input: plan({ tariffLines: [line('CLOUD-PBX', 200, 5000), line('CLOUD-DESK', 10, 6000)] }),
    outcome: 'routed',
    tier: 'tier1',
    route: [OPS],
    reasons: allWithin('tier1'),
  },
  {
    rule: 'needs a plan for a subsidy one fen above the standard ratio',
    input: plan({ tariffLines: [line('CLOUD-PBX', 200, 4500)], subsidyFen: 540_001 }),
    outcome: 'routed',
    tier: 'tier1',
    route: [OPS],
    reasons: allWithin('tier1'),
  },
  {
    rule: 'needs a plan, approved by cooperation first, for a commission above the standard ratio',
    input: plan({ tariffLines: [line('CLOUD-PBX', 200, 4500)], commissionBp: 301 }),
    outcome: 'routed',
    tier: 'tier1',
    route: [COOPERATION, OPS],
    reasons: allWithin('tier1'),
  },

  // 3. Routed: tier and route.
  {
    rule: 'routes the sample plan to tier2, because its 40% discount is deeper than tier1 allows',
    input: sampleApplication(),
    outcome: 'routed',
    tier: 'tier2',
    route: [OPS_HEAD],
    reasons: [miss('tier1', 'tier2', 'discount_depth', '40.00', '30.00')],
  },
  {
    rule: 'routes a plan within every tier1 threshold to the ops approver',
    input: plan(),
    outcome: 'routed',
    tier: 'tier1',
    route: [OPS],
    reasons: allWithin('tier1'),
  },
  {
    rule: 'sends an agent-channel plan to cooperation first, even without a commission',
    input: plan({ agentChannel: true }),
    outcome: 'routed',
    tier: 'tier1',
    route: [COOPERATION, OPS],
    reasons: allWithin('tier1'),
  },
  {
    rule: 'reports a tier3 plan to leadership, then back to ops for the final reply',
    input: plan({ tariffLines: [line('CLOUD-PBX', 200, 2500)] }),
    outcome: 'routed',
    tier: 'tier3',
    route: [OPS_HEAD, ...LEADERSHIP],
    reasons: [
      miss('tier1', 'tier2', 'margin', '20.00', '25.00'),
      miss('tier1', 'tier2', 'discount_depth', '50.00', '30.00'),
      miss('tier2', 'tier3', 'discount_depth', '50.00', '45.00'),
    ],
  },
  {
    rule: 'ends a tier3 route with leadership when the policy makes leadership final',
    input: plan({ tariffLines: [line('CLOUD-PBX', 200, 2500)] }),
    ctx: { policy: { ...policy, leadershipIsFinal: true } },
    outcome: 'routed',
    tier: 'tier3',
    route: [OPS_HEAD, ['leadership', 'leader']],
    reasons: [{ code: 'tier_reason' }, { code: 'tier_reason' }, { code: 'tier_reason' }],
  },
  // 6 lines of 1G for 12 months at ¥12,000: revenue ¥864,000 is within tier1, but ¥1,080,000 at standard tariff is not.
  {
    rule: 'measures the contract value at the standard tariff, so a deep discount cannot lower the tier',
    input: application({ activity: 'ACT-LINE-2026', tariffLines: [line('DIA-1G', 6, 1_200_000)] }),
    outcome: 'routed',
    tier: 'tier2',
    route: [OPS_HEAD],
    reasons: [miss('tier1', 'tier2', 'contract_value', '1,080,000.00', '1,000,000.00')],
  },
  // 10 terminals at ¥90 for 12 months: revenue 1,080,000, catalog cost 720,000; a 90,000 subsidy leaves exactly 25%.
  {
    rule: 'gives tier1 to a margin of exactly 25.00%',
    input: application({ tariffLines: [line('CLOUD-DESK', 10, 9000)], subsidyFen: 90_000 }),
    outcome: 'routed',
    tier: 'tier1',
    route: [OPS],
    reasons: allWithin('tier1'),
  },
  {
    rule: 'refuses tier1 to a margin of 24.99…%, one fen short',
    input: application({ tariffLines: [line('CLOUD-DESK', 10, 9000)], subsidyFen: 90_001 }),
    outcome: 'routed',
    tier: 'tier2',
    route: [OPS_HEAD],
    reasons: [miss('tier1', 'tier2', 'margin', '24.99', '25.00')],
  },
  // ¥28.01, one seat, one month, ¥1 subsidy, 10% commission: exactly 15.026…%, shown as 15.02 though 281 fen of commission is charged in the cost.
  {
    rule: 'judges the margin with the exact commission, so rounding the commission up never raises the tier',
    input: application({
      tariffLines: [line('CLOUD-PBX', 1, 2801)],
      termMonths: 1,
      subsidyFen: 100,
      commissionBp: 1000,
    }),
    outcome: 'routed',
    tier: 'tier2',
    route: [COOPERATION, OPS_HEAD],
    reasons: [
      miss('tier1', 'tier2', 'margin', '15.02', '25.00'),
      miss('tier1', 'tier2', 'discount_depth', '43.98', '30.00'),
      miss('tier1', 'tier2', 'commission', '10.00', '8.00'),
    ],
  },
];

describe('assessApplication', () => {
  it.each(rows)('$rule', ({ input, ctx, outcome, reasons, tier, route }) => {
    const assessment = assessApplication(input, context(ctx));
    expect(assessment.outcome).toBe(outcome);
    expect(assessment.reasons).toMatchObject(reasons);
    expect(assessment.tier).toBe(tier);
    expect(assessment.route.map(({ step, role }) => [step, role])).toEqual(route);
  });

  it('reports every check an application fails, not just the first', () => {
    const input = application({
      unit: 'nowhere-branch',
      activity: 'ACT-VIDEO-2026',
      tariffLines: [line('CLOUD-PBX', 200, 1500), line('SMS-LEGACY', 10, 6000)],
      subsidyFen: 10_000,
      commissionBp: 100,
      termMonths: 37,
      startMonth: '2026-10',
    });
    const assessment = assessApplication(input, context());
    expect(assessment).toMatchObject({ outcome: 'blocked', tier: null, route: [] });
    expect(assessment.reasons.map((r) => `${r.code} ${r.field ?? ''}`).sort()).toEqual([
      'below_cost tariffLines',
      'kind_not_allowed commissionPct',
      'kind_not_allowed subsidyFen',
      'line_below_cost tariffLines[0].proposedUnitPriceFen',
      'not_issued tariffLines[1].product',
      'product_not_in_activity tariffLines[0].product',
      'product_not_in_activity tariffLines[1].product',
      'start_in_past startMonth',
      'term_out_of_range termMonths',
      'unknown_unit unit',
    ]);
  });

  it('reports an unknown activity and an unknown product together, with no figures to show', () => {
    const assessment = assessApplication(
      plan({ activity: 'ACT-NEW-2027', tariffLines: [line('NO-SUCH', 1, 100)] }),
      context(),
    );
    expect(assessment.reasons.map((r) => r.code)).toEqual(['unknown_activity', 'unknown_product']);
    expect(assessment.economics).toBeNull();
  });

  it('keeps the figures of a blocked plan, so the applicant sees why', () => {
    const assessment = assessApplication(
      plan({ tariffLines: [line('CLOUD-PBX', 200, 2100)], subsidyFen: 300_000 }),
      context(),
    );
    expect(assessment.economics).toMatchObject({ revenueFen: 5_040_000, costFen: 5_100_000 });
  });

  it('never gives a lower tier for charging one fen less, however the commission rounds', () => {
    const tierAt = (price: number) =>
      assessApplication(
        application({ tariffLines: [line('CLOUD-PBX', 1, price)], termMonths: 1, subsidyFen: 100, commissionBp: 1000 }),
        context(),
      ).tier;
    expect([tierAt(2800), tierAt(2801)]).toEqual(['tier2', 'tier2']);
  });
});
