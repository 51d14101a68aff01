import { fulfillApplication } from '../../../src/app/approval/applicant-actions';
import { endPlan } from '../../../src/app/approval/end-plan';
import { reportEvaluation } from '../../../src/app/approval/report-evaluation';
import { monthlyReport } from '../../../src/app/reporting/monthly-report';
import { tick } from '../../../src/app/scheduler/tick';
import type { ApplicationRecord } from '../../../src/app/records/application-record';
import {
  actionsAbout,
  decided,
  filed,
  huangLi,
  liuQiang,
  openDesk,
  pendingOutbox,
  samplePlan,
  sunMin,
  wangFang,
  zhaoLei,
  type Desk,
} from './desk';

/** 黄丽's two-year line plan (2027–2028, tier 1: 王芳 decides), approved and carried out in December 2026. */
async function activePlan(desk: Desk, changes: Parameters<typeof samplePlan>[1] = {}): Promise<ApplicationRecord> {
  const plan = await filed(desk.deps, samplePlan('02-line-tier1', changes));
  await decided(desk.deps, plan.id, wangFang, 'approve');
  const done = await fulfillApplication(desk.deps, plan.id, null, zhaoLei);
  if (!done.ok) throw new Error(`refused: ${done.error.code}`);
  return done.value;
}

const jobsOf = async (desk: Desk, id: string) =>
  (await desk.store.jobs.pendingFor(id)).map((j) => [j.kind, j.dueAt, j.payload.lastDay ?? j.payload.period]);

describe('endPlan (第九条(三))', () => {
  let desk: Desk;
  let plan: ApplicationRecord;
  beforeEach(async () => {
    desk = await openDesk();
    plan = await activePlan(desk);
    // Monday 10 May 2027, 15:00 in Shanghai: the first quarter was reported short.
    desk.setNow('2027-05-10T15:00:00+08:00');
  });
  afterEach(async () => desk.close());

  it("lets ops end an active plan on a later day: the applicant hears why, the unit's channel when, and it expires the day after", async () => {
    const before = await pendingOutbox(desk.store);
    const result = await endPlan(desk.deps, {
      applicationId: plan.id,
      lastDay: '2027-06-30',
      reason: ' 第 1 期评估收入未达预期,客户已转用标准套餐 ',
      actor: wangFang,
    });
    if (!result.ok) throw new Error(`refused: ${result.error.code}`);

    const endsEarly = {
      lastDay: '2027-06-30',
      reason: '第 1 期评估收入未达预期,客户已转用标准套餐',
      by: wangFang,
      at: '2027-05-10T07:00:00.000Z',
    };
    expect(result.value).toMatchObject({ state: 'active', endsEarly });
    expect(await desk.store.applications.get(plan.id)).toEqual(result.value);
    expect(result.value.history.at(-1)).toEqual({
      at: '2027-05-10T07:00:00.000Z',
      actor: wangFang,
      action: 'ended_early',
      revision: 1,
      comment: '第 1 期评估收入未达预期,客户已转用标准套餐',
    });
    // The audit says who, why and from when, against the last day of its term.
    expect((await desk.store.audit.about(plan.id)).at(-1)).toMatchObject({
      actor: wangFang,
      action: 'end_early',
      before: { lastDay: '2028-12-31' },
      after: endsEarly,
    });
    // The reason goes to the applicant only: the channel hears the number, unit and day (SPEC §7).
    expect((await pendingOutbox(desk.store)).slice(before.length)).toEqual([
      { kind: 'refresh', applicationId: plan.id },
      {
        kind: 'text',
        applicationId: plan.id,
        to: { kind: 'person', id: huangLi },
        key: 'ended.applicant',
        params: { id: plan.id, lastDay: '2027-06-30', why: endsEarly.reason, by: '王芳' },
      },
      {
        kind: 'text',
        applicationId: plan.id,
        to: { kind: 'channel', channel: 'unit:minhang-branch' },
        key: 'ended.channel',
        params: { id: plan.id, lastDay: '2027-06-30', unit: 'minhang-branch' },
      },
    ]);
    // The expiry moves to 1 July; after the first quarter (not reported yet) the second, which ends
    // with the plan, will not be asked for.
    expect(await jobsOf(desk, plan.id)).toEqual([
      ['plan.evaluation', '2027-04-01T01:00:00.000Z', 1],
      ['plan.expiry_notice', '2027-05-31T01:00:00.000Z', '2027-06-30'],
      ['plan.expiry_notice', '2027-06-23T01:00:00.000Z', '2027-06-30'],
      ['plan.expiry_notice', '2027-06-30T01:00:00.000Z', '2027-06-30'],
      ['plan.expire', '2027-06-30T16:00:00.000Z', '2027-06-30'],
    ]);
  });

  it('expires the plan the day after its new last day and asks the support center to restore standard tariffs', async () => {
    await endPlan(desk.deps, {
      applicationId: plan.id,
      lastDay: '2027-06-30',
      reason: '已处于生命周期末期',
      actor: liuQiang,
    });
    await tick(desk.deps, new Date('2027-06-30T23:59:00+08:00'), 'test');
    expect((await desk.store.applications.get(plan.id))?.state).toBe('active');

    const before = await pendingOutbox(desk.store);
    await tick(desk.deps, new Date('2027-07-01T00:00:00+08:00'), 'test');
    const expired = await desk.store.applications.get(plan.id);
    expect(expired).toMatchObject({ state: 'expired', endsEarly: { lastDay: '2027-06-30', by: liuQiang } });
    expect(expired?.history.at(-1)).toMatchObject({ actor: 'plandesk', action: 'expired' });
    expect(
      (await pendingOutbox(desk.store))
        .slice(before.length)
        .filter((m) => m.kind === 'text')
        .map((m) => [m.to, m.key, m.params]),
    ).toEqual([
      [
        { kind: 'person', id: huangLi },
        'expired.applicant',
        { id: plan.id, lastDay: '2027-06-30', unit: 'minhang-branch' },
      ],
      [
        { kind: 'channel', channel: 'support' },
        'expired.support',
        { id: plan.id, lastDay: '2027-06-30', unit: 'minhang-branch' },
      ],
      [
        { kind: 'channel', channel: 'unit:minhang-branch' },
        'expired.channel',
        { id: plan.id, lastDay: '2027-06-30', unit: 'minhang-branch' },
      ],
    ]);
    expect(await desk.store.jobs.pendingFor(plan.id)).toEqual([]);
  });

  it.each([
    ['the applicant', huangLi, '2027-06-30', '评估未达预期', { code: 'not_ops' }],
    ['an auditor', sunMin, '2027-06-30', '评估未达预期', { code: 'not_ops' }],
    [
      'ops, on a day already past',
      wangFang,
      '2027-05-09',
      '评估未达预期',
      { code: 'end_date_past', date: '2027-05-09', today: '2027-05-10' },
    ],
    [
      'ops, after the end of its term',
      wangFang,
      '2029-01-31',
      '评估未达预期',
      { code: 'end_date_after_term', date: '2029-01-31', lastDay: '2028-12-31' },
    ],
    ['ops, without a reason', wangFang, '2027-06-30', '  ', { code: 'end_reason_required' }],
  ] as const)(
    'refuses %s, audited with what was asked, changing nothing',
    async (_who, actor, lastDay, reason, refusal) => {
      const current = await desk.store.applications.get(plan.id);
      const before = await pendingOutbox(desk.store);
      const result = await endPlan(desk.deps, { applicationId: plan.id, lastDay, reason, actor });
      expect(result).toEqual({ ok: false, error: { ...refusal, record: current } });
      expect(await desk.store.applications.get(plan.id)).toEqual(current);
      expect(await pendingOutbox(desk.store)).toEqual(before);
      expect((await desk.store.audit.about(plan.id)).at(-1)).toMatchObject({
        actor,
        action: `refused.${refusal.code}`,
        after: { action: 'end', lastDay, reason },
      });
    },
  );

  it("counts the plan in effect in the monthly report up to its new last day's month, and not after", async () => {
    await endPlan(desk.deps, {
      applicationId: plan.id,
      lastDay: '2027-06-30',
      reason: '评估未达预期',
      actor: wangFang,
    });
    desk.setNow('2027-08-02T10:00:00+08:00');
    const inEffect = async (month: string) => {
      const report = await monthlyReport(desk.deps, liuQiang, month);
      if (!report.ok) throw new Error(`refused: ${report.error.code}`);
      return report.value.activePlans.total;
    };
    expect([await inEffect('2027-06'), await inEffect('2027-07')]).toEqual([1, 0]);
  });

  it('refuses to end a plan not yet in effect, and one already ended', async () => {
    const pending = await filed(desk.deps, samplePlan('02-line-tier1', { startMonth: '2027-07' }));
    const ask = { lastDay: '2027-06-30', reason: '评估未达预期', actor: wangFang };
    expect(await endPlan(desk.deps, { applicationId: pending.id, ...ask })).toMatchObject({
      ok: false,
      error: { code: 'not_active' },
    });
    await endPlan(desk.deps, { applicationId: plan.id, ...ask });
    expect(await endPlan(desk.deps, { applicationId: plan.id, ...ask, lastDay: '2027-05-31' })).toMatchObject({
      ok: false,
      error: { code: 'already_ending', lastDay: '2027-06-30' },
    });
    expect((await actionsAbout(desk.store, plan.id)).slice(-2)).toEqual([
      `end_early by ${wangFang}`,
      `refused.already_ending by ${wangFang}`,
    ]);
  });
});

describe('reportEvaluation, judging subscribers with revenue', () => {
  let desk: Desk;
  let plan: ApplicationRecord;
  beforeEach(async () => {
    desk = await openDesk();
    plan = await activePlan(desk);
    // The first quarter (January–March 2027) is asked for on 1 April.
    await tick(desk.deps, new Date('2027-04-01T09:00:00+08:00'), 'test');
    desk.setNow('2027-04-02T10:00:00+08:00');
  });
  afterEach(async () => desk.close());

  // Expected over 24 months: ¥230,400.00 and 4 subscribers; by the end of March an eighth: ¥28,800.00 and 0 (½ rounded down).
  it.each([
    ['on pace', 3_000_000, 4, []],
    ['short on revenue', 2_000_000, 4, ['revenue']],
  ] as const)(
    'records a report %s with both figures against what was expected by then',
    async (_what, revenue, subscribers, shortfalls) => {
      const result = await reportEvaluation(desk.deps, {
        applicationId: plan.id,
        period: 1,
        actualRevenueFen: revenue,
        actualSubscribers: subscribers,
        actor: huangLi,
      });
      if (!result.ok) throw new Error(`refused: ${result.error.code}`);
      expect(result.value.evaluations).toEqual([
        expect.objectContaining({
          expectedRevenueToDateFen: 2_880_000,
          expectedSubscribersToDate: 0,
          shortfalls,
          flagged: shortfalls.length > 0,
        }),
      ]);
    },
  );

  it('flags a plan whose subscribers fall short though its revenue does not, and tells ops which fell short', async () => {
    // A plan expecting 40 subscribers over two years: 5 by the end of March; 3 is under 80% of that.
    desk.setNow('2026-12-01T10:00:00+08:00');
    const bigger = await activePlan(desk, { expected: { revenueFen: 23_040_000, subscribers: 40 } });
    await tick(desk.deps, new Date('2027-04-01T09:00:00+08:00'), 'test');
    desk.setNow('2027-04-02T10:00:00+08:00');
    const before = await pendingOutbox(desk.store);

    const result = await reportEvaluation(desk.deps, {
      applicationId: bigger.id,
      period: 1,
      actualRevenueFen: 3_000_000,
      actualSubscribers: 3,
      actor: huangLi,
    });
    if (!result.ok) throw new Error(`refused: ${result.error.code}`);
    expect(result.value.evaluations.at(-1)).toMatchObject({
      expectedSubscribersToDate: 5,
      shortfalls: ['subscribers'],
      flagged: true,
    });
    expect(result.value.history.at(-1)).toMatchObject({ action: 'evaluation_flagged' });
    expect((await pendingOutbox(desk.store)).slice(before.length)).toContainEqual({
      kind: 'text',
      applicationId: bigger.id,
      to: { kind: 'channel', channel: 'ops' },
      key: 'evaluation.flagged',
      params: {
        id: bigger.id,
        unit: 'minhang-branch',
        period: 1,
        shortfalls: 'subscribers',
        firstMonth: '2027-01',
        lastMonth: '2027-03',
      },
    });
  });
});
