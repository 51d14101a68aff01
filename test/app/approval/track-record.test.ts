import { fulfillApplication } from '../../../src/app/approval/applicant-actions';
import { cardModel } from '../../../src/app/common/card-model';
import { auditEntry } from '../../../src/app/records/audit';
import type { ApplicationRecord } from '../../../src/app/records/application-record';
import { previewApplication } from '../../../src/app/reference/preview-application';
import { decided, filed, huangLi, openDesk, samplePlan, sunMin, wangFang, zhaoLei, zhouJie, type Desk } from './desk';

/** 黄丽's line plan for 闵行精密 (G2100456) with this many 100M lines for 2027–2028, at ¥2,400 (standard ¥3,000). */
const linePlan = (lines: number) =>
  samplePlan('02-line-tier1', {
    tariffLines: [{ product: 'DIA-100M', quantity: lines, proposedUnitPriceFen: 240_000 }],
  });

describe("a group customer's track record and overlapping plans", () => {
  let desk: Desk;
  let active: ApplicationRecord;
  beforeEach(async () => {
    desk = await openDesk();
    // Ten lines approved and carried out (¥720,000 at the standard tariff), then flagged at its first evaluation
    // and found wanting at a spot check.
    const first = await filed(desk.deps, linePlan(10));
    await decided(desk.deps, first.id, wangFang, 'approve');
    const done = await fulfillApplication(desk.deps, first.id, null, zhaoLei);
    if (!done.ok) throw new Error(done.error.code);
    const evaluated = {
      ...done.value,
      evaluations: [
        {
          period: 1,
          reportedAt: '2027-04-06T02:00:00.000Z',
          reportedBy: huangLi,
          actualRevenueFen: 1_000_000,
          actualSubscribers: 8,
          expectedRevenueToDateFen: 2_880_000,
          expectedSubscribersToDate: 10,
          shortfalls: ['revenue' as const, 'subscribers' as const],
          flagged: true,
        },
      ],
    };
    const saved = await desk.store.applications.update(evaluated, done.value.version, [], [], []);
    if (!saved.ok) throw new Error('not saved');
    active = saved.value;
    await desk.store.audit.append([
      auditEntry(desk.deps.clock.now(), sunMin, 'spot_check.finding', active.id, null, {
        month: '2026-12',
        result: 'issue',
        note: '资费未按方案执行',
      }),
    ]);
  });
  afterEach(async () => desk.close());

  it('warns of an overlap on the preview, but judges each plan on its own contract value by default', async () => {
    const preview = await previewApplication(desk.store, linePlan(6), '2026-12-01');
    if (!preview.ok) throw new Error(preview.error.code);
    expect(preview.value.assessment.tier).toBe('tier1');
    expect(preview.value.warnings).toEqual([
      {
        code: 'overlapping_plan',
        params: { id: active.id, overlapFrom: '2027-01', overlapTo: '2028-12', sharedProducts: 'DIA-100M' },
      },
    ]);
  });

  it("judges a plan on the customer's total with judgeCustomerTotal, so a deal split in two keeps its tier", async () => {
    const inForce = await desk.store.policies.inForceOn('2026-12-01');
    if (!inForce) throw new Error('no policy');
    const { version: _v, effectiveFrom: _f, importedAt: _a, importedBy: _b, ...content } = inForce;
    await desk.store.policies.add(
      { ...content, judgeCustomerTotal: true },
      '2026-12-01',
      zhouJie,
      desk.deps.clock.now(),
    );

    // Six more lines: ¥432,000 alone (tier 1 up to ¥1,000,000), ¥1,152,000 with the ten in effect.
    const second = await filed(desk.deps, linePlan(6));
    expect(second.assessment.tier).toBe('tier2');
    expect(second.assessment.reasons[0]).toEqual({
      code: 'customer_total',
      params: { own: '432,000.00', combined: '1,152,000.00', plans: active.id },
    });
  });

  it('shows the approver the customer’s other plans, how the activity fared and the overlap; not the applicant or a channel', async () => {
    const second = await filed(desk.deps, linePlan(2));
    const model = await cardModel(desk.deps, second, wangFang);
    expect(model.trackRecord).toEqual({
      plans: [
        {
          id: active.id,
          state: 'active',
          tier: 'tier1',
          discountDepthBp: 2000,
          startMonth: '2027-01',
          termMonths: 24,
          evaluation: 'flagged',
          findings: { checked: 1, issues: 1 },
        },
      ],
      more: 0,
      activity: { activity: 'ACT-LINE-2026', plans: 1, flagged: 1, withIssues: 1 },
      overlaps: [{ id: active.id, products: ['DIA-100M'], from: '2027-01', to: '2028-12', standardFen: 72_000_000 }],
    });
    // The auditor sees it too; the applicant and a channel do not.
    expect((await cardModel(desk.deps, second, sunMin)).trackRecord?.plans).toHaveLength(1);
    expect((await cardModel(desk.deps, second, huangLi)).trackRecord).toBeNull();
    expect((await cardModel(desk.deps, second, null)).trackRecord).toBeNull();
  });
});
