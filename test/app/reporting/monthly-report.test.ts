import { fulfillApplication } from '../../../src/app/approval/applicant-actions';
import { decideStep } from '../../../src/app/approval/decide-step';
import { recordFinding } from '../../../src/app/approval/spot-check-finding';
import { auditEntry, spotCheckSubject } from '../../../src/app/records/audit';
import type { ApplicationRecord } from '../../../src/app/records/application-record';
import { monthlyReport, reportFigures } from '../../../src/app/reporting/monthly-report';
import {
  actionsAbout,
  chenJing,
  decided,
  filed,
  liNa,
  liuQiang,
  openDesk,
  samplePlan,
  sunMin,
  wangFang,
  zhangWei,
  zhaoLei,
  zhouJie,
  type Desk,
} from '../approval/desk';

const spreadOf = (records: ApplicationRecord[], pick: 'discountDepthBp' | 'marginBp') => {
  const values = records.map((r) => r.assessment.economics?.[pick] ?? NaN).sort((a, b) => a - b);
  return { min: values[0], median: values[Math.ceil(values.length / 2) - 1], max: values.at(-1) };
};

/**
 * December 2026 on the sample desk, every time in Shanghai (working hours 09:00–18:00, Mon–Fri):
 * A (黄丽, minhang, tier1) filed Tue 1 Dec 10:00, approved by 王芳 Wed 10:00, fulfilled by 赵磊 Thu 11:00;
 * B (张伟, pudong, tier2) filed Tue 10:00, returned by 刘强 Fri 4 Dec 10:00 (due Thu 18:00: late);
 * C (张伟, pudong, tier1) filed Wed 2 Dec 09:00, rejected by 王芳 Wed 15:00;
 * D (张伟, pudong, tier3) filed Thu 3 Dec 10:00, still with 李娜 (cooperation, due Mon 7 Dec 18:00);
 * the month's spot check drew A and 孙敏 found an issue. Read on Thu 10 Dec 10:00.
 */
async function december(desk: Desk) {
  const { deps, setNow } = desk;
  const a = await filed(deps, samplePlan('02-line-tier1'));
  const b = await filed(deps, samplePlan('01-cloud-pbx-tier2'));
  setNow('2026-12-02T09:00:00+08:00');
  const c = await filed(deps, samplePlan('02-line-tier1', { applicant: zhangWei, unit: 'pudong-branch' }));
  setNow('2026-12-02T10:00:00+08:00');
  await decided(deps, a.id, wangFang, 'approve');
  setNow('2026-12-02T15:00:00+08:00');
  const rejected = await decideStep(deps, {
    applicationId: c.id,
    revision: 1,
    stepIndex: 0,
    decision: 'reject',
    comment: '价格低于同类方案',
    actor: wangFang,
  });
  expect(rejected.ok).toBe(true);
  setNow('2026-12-03T10:00:00+08:00');
  const d = await filed(deps, samplePlan('03-iot-agent-tier3'));
  setNow('2026-12-03T11:00:00+08:00');
  expect((await fulfillApplication(deps, a.id, null, zhaoLei)).ok).toBe(true);
  setNow('2026-12-04T10:00:00+08:00');
  await decided(deps, b.id, liuQiang, 'return', '请补充数量依据');
  await deps.store.audit.append([
    auditEntry(new Date(), 'plandesk', 'spot_check.draw', spotCheckSubject('2026-12'), null, {
      month: '2026-12',
      sharePct: 10,
      seed: 7,
      units: [{ unit: 'minhang-branch', planIds: [a.id] }],
    }),
  ]);
  expect(
    (await recordFinding(deps, { applicationId: a.id, result: 'issue', note: '价格依据不足', actor: sunMin })).ok,
  ).toBe(true);
  setNow('2026-12-10T10:00:00+08:00');
  return { a, b, c, d, stored: await Promise.all([a, b, c, d].map((r) => deps.store.applications.get(r.id))) };
}

describe('the monthly report', () => {
  let desk: Desk;
  beforeEach(async () => {
    desk = await openDesk();
  });
  afterEach(async () => desk.close());

  it("should give December's figures as counted by hand, reading the applications a page at a time", async () => {
    const { a, b, c, d, stored } = await december(desk);
    const list = jest.spyOn(desk.store.applications, 'list');
    const report = await reportFigures(desk.deps, '2026-12');
    expect(list).not.toHaveBeenCalled();

    expect(report).toMatchObject({
      month: '2026-12',
      from: '2026-11-30T16:00:00.000Z',
      before: '2026-12-31T16:00:00.000Z',
      asOf: '2026-12-10T02:00:00.000Z',
      submitted: 4,
      outcomes: { approved: 1, in_review: 1, returned: 1, rejected: 1, withdrawn: 0 },
    });
    // ops_review took A 9 h (Tue 10–18, Wed 9–10), B 27 h, C 6 h; allowed A and B 26 h, C 27 h.
    // Fulfillment of A: Wed 10:00 → Thu 11:00 = 10 h of the 17 h allowed.
    expect(report.cycleTimes).toEqual([
      { step: 'ops_review', decided: 3, medianMinutes: 540, p90Minutes: 1620, deadlineMinutes: 1560 },
      { step: 'fulfillment', decided: 1, medianMinutes: 600, p90Minutes: 600, deadlineMinutes: 1020 },
    ]);
    expect(report.overdueBySteps).toEqual([
      { step: 'cooperation', counted: 1, overdue: 1, overduePct: 100 },
      { step: 'ops_review', counted: 3, overdue: 1, overduePct: 33.3 },
      { step: 'fulfillment', counted: 1, overdue: 0, overduePct: 0 },
    ]);
    expect(report.overdueByApprover).toEqual([
      { approver: liNa, name: '李娜', counted: 1, overdue: 1, overduePct: 100 },
      { approver: liuQiang, name: '刘强', counted: 1, overdue: 1, overduePct: 100 },
      { approver: wangFang, name: '王芳', counted: 2, overdue: 0, overduePct: 0 },
      { approver: zhaoLei, name: '赵磊', counted: 1, overdue: 0, overduePct: 0 },
    ]);
    expect(report.decisionsByUnit).toEqual([
      {
        unit: 'minhang-branch',
        unitName: '闵行分公司',
        approve: 1,
        return: 0,
        reject: 0,
        approvePct: 100,
        returnPct: 0,
        rejectPct: 0,
      },
      {
        unit: 'pudong-branch',
        unitName: '浦东分公司',
        approve: 0,
        return: 1,
        reject: 1,
        approvePct: 0,
        returnPct: 50,
        rejectPct: 50,
      },
    ]);
    expect(report.decisionsByTier).toEqual([
      { tier: 'tier1', approve: 1, return: 0, reject: 1, approvePct: 50, returnPct: 0, rejectPct: 50 },
      { tier: 'tier2', approve: 0, return: 1, reject: 0, approvePct: 0, returnPct: 100, rejectPct: 0 },
    ]);
    const pudong = stored.filter((r): r is ApplicationRecord => r?.input.unit === 'pudong-branch');
    expect(pudong.map((r) => r.id)).toEqual([b.id, c.id, d.id]);
    expect(report.economicsByUnit).toEqual([
      {
        unit: 'minhang-branch',
        unitName: '闵行分公司',
        plans: 1,
        discountDepthBp: spreadOf([a], 'discountDepthBp'),
        marginBp: spreadOf([a], 'marginBp'),
      },
      {
        unit: 'pudong-branch',
        unitName: '浦东分公司',
        plans: 3,
        discountDepthBp: spreadOf(pudong, 'discountDepthBp'),
        marginBp: spreadOf(pudong, 'marginBp'),
      },
    ]);
    expect(report.activePlans).toEqual({ total: 1, onPace: 0, flagged: 0, notEvaluated: 1 });
    expect(report.spotCheck).toEqual({
      drawn: true,
      sampled: 1,
      passed: 0,
      issues: 1,
      unchecked: 0,
      issueIds: [a.id],
    });
  });

  it('should leave out what happened in another month: November had nothing, February has only the plan in effect', async () => {
    await december(desk);
    const november = await reportFigures(desk.deps, '2026-11');
    expect(november).toMatchObject({
      submitted: 0,
      cycleTimes: [],
      overdueBySteps: [],
      overdueByApprover: [],
      decisionsByUnit: [],
      economicsByUnit: [],
      activePlans: { total: 0 },
      spotCheck: { drawn: false, sampled: 0 },
    });
    desk.setNow('2027-02-10T10:00:00+08:00');
    const february = await reportFigures(desk.deps, '2027-02');
    expect(february).toMatchObject({ submitted: 0, cycleTimes: [], activePlans: { total: 1, notEvaluated: 1 } });
    // Still awaited in February: D's cooperation step, late since 7 Dec.
    expect(february.overdueBySteps).toEqual([{ step: 'cooperation', counted: 1, overdue: 1, overduePct: 100 }]);
  });

  it.each([
    ['ops head', liuQiang],
    ['ops approver', wangFang],
    ['leader', chenJing],
    ['auditor', sunMin],
  ])('should answer the %s, and record the reading in the audit trail', async (_role, reader) => {
    const report = await monthlyReport(desk.deps, reader, '2026-12');
    expect(report.ok).toBe(true);
    expect(await actionsAbout(desk.store, 'report:2026-12')).toEqual([`report.view by ${reader}`]);
  });

  it.each([
    ['applicant', zhangWei],
    ['admin', zhouJie],
    ['cooperation approver', liNa],
    ['support handler', zhaoLei],
    ['stranger', 'someone-else'],
  ])('should refuse the %s, and record the refusal', async (_role, reader) => {
    const report = await monthlyReport(desk.deps, reader, '2026-12');
    expect(report).toEqual({ ok: false, error: { code: 'not_report_reader' } });
    expect(await actionsAbout(desk.store, 'report:2026-12')).toEqual([`refused.not_report_reader by ${reader}`]);
  });
});
