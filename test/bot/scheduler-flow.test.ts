import { findPlanNumber } from '../../src/domain/plan-number';
import {
  actionData,
  cardOf,
  PEOPLE,
  TeamsHarness,
  textOf,
  type CardJson,
  type Someone,
} from '../support/teams-harness';
import { lineForm } from '../support/forms';

const { zhangWei, wangFang, liuQiang, zhaoLei, zhouJie } = PEOPLE;
const OPS = '19:ops-notices@thread.tacv2';
const PUDONG = '19:pudong-notices@thread.tacv2';

const texts = (activities: Partial<{ text?: string }>[]) =>
  activities.map((a) => a.text).filter((t): t is string => Boolean(t));

describe('PlanDesk acting on time, through the bot', () => {
  let teams: TeamsHarness;
  let id: string;

  beforeEach(async () => {
    // Tuesday 29 September 2026, 15:00 — the afternoon before the National Day holiday's eve.
    teams = await TeamsHarness.start('2026-09-29T15:00:00+08:00');
    for (const who of Object.values(PEOPLE)) await teams.say(who, '你好');
    // Teams names the thread of the admin's post; notices must be new posts in the channel, not replies under it.
    expect(texts(await teams.sayInChannel(zhouJie, `${OPS};messageid=1764900000000`, 'notify-here ops'))).toEqual([
      '好的,本频道将接收“ops”的通知(只含编号、单位、状态和期限),通知使用中文。\n\n如需改用英文,请发送:设为通知频道 ops en-US',
    ]);
    expect(texts(await teams.sayInChannel(zhouJie, PUDONG, '设为通知频道 pudong-branch'))).toEqual([
      '好的,本频道将接收“浦东分公司”的通知(只含编号、单位、状态和期限),通知使用中文。\n\n如需改用英文,请发送:设为通知频道 pudong-branch en-US',
    ]);
    const card = await teams.tap(zhangWei, 'form.submit', lineForm);
    id = findPlanNumber(textOf(card)) ?? '';
  });
  afterEach(async () => teams.stop());

  const lastCard = (who: Someone): CardJson =>
    cardOf(
      teams
        .sentTo(who)
        .filter((a) => cardOf(a))
        .at(-1),
    ) ?? {};

  it('reminds the approver in working hours only, then tells approver, applicant and the ops channel when the deadline passes', async () => {
    // Due at the end of the 2nd working day after Tue 29 Sep: 30 Sep is the 1st, Thu 8 Oct (after the holiday) the 2nd.
    await teams.tickAt('2026-10-01T10:00'); // a holiday: nothing is due yet
    expect(texts(teams.sentTo(wangFang)).filter((t) => t.startsWith('提醒'))).toEqual([]);

    await teams.tickAt('2026-10-08T09:00');
    // The halfway reminder fell on 30 Sep 16:30 but, held past the holiday, would only repeat the due morning's.
    expect(texts(teams.sentTo(wangFang)).filter((t) => t.startsWith('提醒'))).toEqual([
      `提醒:申请 ${id} 等待您的经营管理部审批,请于 10月8日 18:00 前处理。`,
    ]);
    expect(actionData(lastCard(wangFang), 'plan.approve')).toBeDefined();

    await teams.tickAt('2026-10-09T09:00');
    expect(texts(teams.sentTo(wangFang))).toContain(
      `申请 ${id} 的经营管理部审批已超过期限(10月8日 18:00),请尽快处理。`,
    );
    expect(texts(teams.sentTo(zhangWei))).toContain(
      `您的申请 ${id} 在“经营管理部审批”已超过期限(10月8日 18:00),已提醒审批人。`,
    );
    const channel = texts(teams.sentToChannel(OPS));
    expect(channel).toContain(`逾期:申请 ${id}(浦东分公司)的经营管理部审批已超过期限 10月8日 18:00。`);
    const overdueIn = teams.calls.filter((c) => c.body.text?.startsWith('逾期')).map((c) => decodeURIComponent(c.url));
    expect(overdueIn.length).toBeGreaterThan(0);
    expect(overdueIn.every((url) => url.includes(OPS) && !url.includes('messageid'))).toBe(true);
    // Confidentiality: the channel hears number, unit, status and deadline, never the figures.
    expect(channel.join('\n')).not.toMatch(/¥|%|2400/);
  });

  it('dates a deadline with its year in a notice sent in another year, so it does not read as upcoming', async () => {
    // Nothing ran over the turn of the year: the first tick comes in January 2027.
    await teams.tickAt('2027-01-05T09:00');
    expect(texts(teams.sentTo(wangFang))).toContain(
      `申请 ${id} 的经营管理部审批已超过期限(2026年10月8日 18:00),请尽快处理。`,
    );
    expect(texts(teams.sentToChannel(OPS))).toContain(
      `逾期:申请 ${id}(浦东分公司)的经营管理部审批已超过期限 2026年10月8日 18:00。`,
    );
  });

  it("hands an overdue step to the approver's delegate after the grace, saying so in the history", async () => {
    await teams.tickAt('2026-10-12T09:00');
    const record = await teams.app.store.applications.get(id);
    expect(record?.steps[0]?.assignee).toBe(liuQiang.aad);
    expect(record?.history.at(-1)).toMatchObject({ actor: 'plandesk', action: 'ops_review.reassigned_overdue' });
    expect(actionData(lastCard(liuQiang), 'plan.approve')).toBeDefined();
    expect(texts(teams.sentTo(zhangWei))).toContain(`申请 ${id} 的经营管理部审批逾期未决,已按规定转由刘强审批。`);
  });

  it('hands an overdue step whose approver has no delegate to their head', async () => {
    // An agent-channel plan starts with 李娜 (合作管理部), who has no delegate; her head is 陈静.
    const card = await teams.tap(zhangWei, 'form.submit', {
      ...lineForm,
      activity: 'ACT-IOT-2026',
      line0Product: 'IOT-CARD',
      line0Quantity: 1000,
      line0Price: '9.00',
      commissionPct: 6,
      agentChannel: 'true',
      agentName: '浦东物联代理',
      expectedRevenueYuan: '108000',
      expectedSubscribers: 1000,
    });
    const agentPlan = findPlanNumber(textOf(card)) ?? '';
    await teams.tickAt('2026-10-12T09:00');
    const record = await teams.app.store.applications.get(agentPlan);
    expect(record?.steps.map((s) => [s.step, s.assignee])).toEqual([
      ['cooperation', PEOPLE.chenJing.aad],
      ['ops_review', wangFang.aad],
    ]);
    expect(actionData(lastCard(PEOPLE.chenJing), 'plan.approve')).toMatchObject({ applicationId: agentPlan });
  });

  it('stops reminding once the step is decided', async () => {
    await teams.tap(wangFang, 'plan.approve', actionData(lastCard(wangFang), 'plan.approve') ?? {});
    // The step's reminders vanished with the decision; the support center's task has its own.
    expect((await teams.app.store.jobs.pendingFor(id)).map((j) => j.kind)).toEqual([
      'fulfillment.nudge',
      'fulfillment.overdue',
    ]);
    const before = teams.sentTo(wangFang).length;
    await teams.tickAt('2026-10-09T09:00');
    expect(
      teams
        .sentTo(wangFang)
        .slice(before)
        .filter((a) => a.text?.includes('期限')),
    ).toEqual([]);
  });

  it('tells the applicant and the unit channel ahead of the end, then expires the plan and asks support to restore standard tariffs', async () => {
    await teams.tap(wangFang, 'plan.approve', actionData(lastCard(wangFang), 'plan.approve') ?? {});
    await teams.tap(zhaoLei, 'plan.fulfill', actionData(lastCard(zhaoLei), 'plan.fulfill') ?? {});
    expect((await teams.app.store.applications.get(id))?.state).toBe('active');

    await teams.tickAt('2027-12-01T09:00');
    expect(texts(teams.sentTo(zhangWei))).toContain(
      `您的个性化方案 ${id} 将于 2027-12-31 到期(还剩 30 天)。到期后优惠作废;如需继续,请重新申请。`,
    );
    expect(texts(teams.sentToChannel(PUDONG))).toContain(`到期提醒:个性化方案 ${id}(浦东分公司)有效期至 2027-12-31。`);

    await teams.tickAt('2028-01-01T00:00');
    expect((await teams.app.store.applications.get(id))?.state).toBe('expired');
    // Its notices are held to working hours: nothing is said at midnight on New Year's Day.
    expect(texts(teams.sentTo(zhangWei)).filter((t) => t.includes('已于 2027-12-31 到期'))).toEqual([]);
    await teams.tickAt('2028-01-03T09:00');
    expect(texts(teams.sentTo(zhangWei))).toContain(
      `您的个性化方案 ${id} 已于 2027-12-31 到期,优惠已作废,业务支撑中心将恢复标准资费。如需继续,请说“新建”重新申请。`,
    );
    expect(texts(teams.sentTo(zhaoLei))).toContain(
      `个性化方案 ${id}(浦东分公司)已于 2027-12-31 到期,请将客户恢复为标准资费。`,
    );

    // Continuing needs a new application: the card of the expired plan opens one prefilled from it.
    const renew = actionData(lastCard(zhangWei), 'plan.renew');
    expect(renew).toMatchObject({ applicationId: id });
    const form = await teams.tap(zhangWei, 'plan.renew', renew ?? {});
    expect(textOf(form)).toContain('浦东精密制造有限公司');
    expect(actionData(form, 'form.submit')).toMatchObject({ mode: 'new' });
    expect(textOf(form)).toContain('"value":"2028-02"');
  });

  it('asks the applicant for a quarterly evaluation, flags one under 80% of the expected revenue, and tells ops', async () => {
    await teams.tap(wangFang, 'plan.approve', actionData(lastCard(wangFang), 'plan.approve') ?? {});
    await teams.tap(zhaoLei, 'plan.fulfill', actionData(lastCard(zhaoLei), 'plan.fulfill') ?? {});
    // The plan starts in January 2027: its first quarter's evaluation is asked for on 1 April.
    await teams.tickAt('2027-04-01T09:00');
    expect(texts(teams.sentTo(zhangWei))).toContain(
      `请填报个性化方案 ${id} 第 1 期(2027年1月–3月,第一季度)的实际效果(实际收入与用户数),在卡片上点击“填报评估”。`,
    );
    const evaluate = actionData(lastCard(zhangWei), 'evaluation.report');
    expect(evaluate).toMatchObject({ applicationId: id, period: 1 });
    expect(textOf(lastCard(zhangWei))).toContain('填报第 1 期评估:2027年1月–3月,第一季度');

    // Expected ¥115,200 over 12 months: ¥28,800 by the end of the third month; ¥20,000 is under 80% of it.
    const card = await teams.tap(zhangWei, 'evaluation.report', {
      ...evaluate,
      actualRevenueYuan: '20000.00',
      actualSubscribers: 4,
    });
    expect(textOf(card)).toContain(`已记录 ${id} 第 1 期评估:实际收入低于预期,已通知经营管理部跟进改进。`);
    expect((await teams.app.store.applications.get(id))?.evaluations).toEqual([
      expect.objectContaining({
        period: 1,
        actualRevenueFen: 2000000,
        expectedRevenueToDateFen: 2880000,
        flagged: true,
      }),
    ]);
    expect(texts(teams.sentToChannel(OPS))).toContain(
      `评估未达预期:个性化方案 ${id}(浦东分公司)第 1 期(2027年1月–3月,第一季度)实际收入低于预期,需改进。`,
    );

    // A second report of the same period is refused.
    const again = await teams.tap(zhangWei, 'evaluation.report', {
      ...evaluate,
      actualRevenueYuan: '30000',
      actualSubscribers: 4,
    });
    expect(textOf(again)).toContain('这一期的评估现在不需要填报');

    // On May's first working day (after the holiday) ops gets April's report: in each ops person's own
    // chat the card with its charts, in the ops channel the counts only — no plan number, money or customer.
    await teams.tickAt('2027-05-06T10:00');
    const summary = texts(teams.sentToChannel(OPS)).filter((t) => t.includes('个性化方案月报'));
    expect(summary).toEqual([
      '2027-04 个性化方案月报:当月提交 0 件,其中已通过 0、审批中 0、待修改 0、驳回 0、撤回 0;当月办理或待办的步骤 0 个,逾期 0 个;当月有效的方案 1 件,其中评估未达预期 1 件;抽检 0 件,发现问题 0 件。带图表的完整月报已发给经营管理部。',
    ]);
    for (const who of [wangFang, liuQiang]) {
      const sent = teams.sentTo(who).filter((a) => a.text?.startsWith('这是 2027-04 的个性化方案月报'));
      expect(sent).toHaveLength(1);
      const report = textOf(cardOf(sent[0]) ?? {});
      expect(report).toContain('2027年4月 个性化方案月报');
      expect(report).toContain('本月在用方案的评估情况(共 1 份)');
      expect(report).toContain('{"legend":"未达预期,需改进","value":1}');
    }
    expect(teams.sentTo(zhangWei).filter((a) => a.text?.includes('个性化方案月报'))).toEqual([]);
  });

  it('asks a plan whose evaluations fell behind for each missed period in order, naming its months, and none past its end', async () => {
    await teams.tap(wangFang, 'plan.approve', actionData(lastCard(wangFang), 'plan.approve') ?? {});
    await teams.tap(zhaoLei, 'plan.fulfill', actionData(lastCard(zhaoLei), 'plan.fulfill') ?? {});
    // The first tick in eleven months of the plan (January–December 2027): three quarters are due.
    await teams.tickAt('2027-11-16T10:00');
    expect(texts(teams.sentTo(zhangWei)).filter((t) => t.includes('评估'))).toEqual([
      `个性化方案 ${id} 有 3 期评估尚未填报,请按顺序逐期填报,先填第 1 期(2027年1月–3月,第一季度):在卡片上点击“填报评估”,每填一期,卡片即转到下一期。`,
    ]);
    expect(textOf(lastCard(zhangWei))).toContain(
      '填报第 1 期评估:2027年1月–3月,第一季度(共 3 期待填报,按顺序逐期填报)',
    );

    // Each report turns the card to the next missed period at once.
    const report = (card: CardJson, revenue: string) =>
      teams.tap(zhangWei, 'evaluation.report', {
        ...actionData(card, 'evaluation.report'),
        actualRevenueYuan: revenue,
        actualSubscribers: 4,
      });
    const second = await report(lastCard(zhangWei), '30000');
    expect(textOf(second)).toContain(`已记录 ${id} 第 1 期评估。请接着填报第 2 期:2027年4月–6月,第二季度。`);
    expect(textOf(second)).toContain('填报第 2 期评估:2027年4月–6月,第二季度(共 2 期待填报,按顺序逐期填报)');
    expect(actionData(second, 'evaluation.report')).toMatchObject({ period: 2 });

    const third = await report(second, '58000');
    expect(textOf(third)).toContain(`已记录 ${id} 第 2 期评估。请接着填报第 3 期:2027年7月–9月,第三季度。`);
    expect(textOf(third)).not.toContain('期待填报');
    expect(actionData(third, 'evaluation.report')).toMatchObject({ period: 3 });

    const done = await report(third, '87000');
    expect(textOf(done)).toContain(`已记录 ${id} 第 3 期评估。`);
    expect(actionData(done, 'evaluation.report')).toBeUndefined();
    const record = await teams.app.store.applications.get(id);
    expect(record?.evaluations.map((e) => [e.period, e.expectedRevenueToDateFen, e.flagged])).toEqual([
      [1, 2880000, false],
      [2, 5760000, false],
      [3, 8640000, false],
    ]);
    expect(record?.evaluationDue).toBeNull();

    // The fourth quarter ends with the plan: nobody is asked for it, before or after the plan expires.
    const asked = texts(teams.sentTo(zhangWei)).filter((t) => t.includes('评估')).length;
    await teams.tickAt('2027-12-31T10:00');
    await teams.tickAt('2028-01-04T10:00');
    expect(texts(teams.sentTo(zhangWei)).filter((t) => t.includes('评估'))).toHaveLength(asked);
    expect((await teams.app.store.applications.get(id))?.state).toBe('expired');
  });

  it("draws the monthly spot check into the auditors' channel from a recorded seed, and lets auditors record findings", async () => {
    const AUDITORS = '19:audit@thread.tacv2';
    await teams.sayInChannel(zhouJie, AUDITORS, 'notify-here auditors');
    await teams.tap(wangFang, 'plan.approve', actionData(lastCard(wangFang), 'plan.approve') ?? {});
    await teams.tap(zhaoLei, 'plan.fulfill', actionData(lastCard(zhaoLei), 'plan.fulfill') ?? {});

    await teams.tickAt('2026-11-02T10:00'); // the first working day of November, after 09:30
    const drawn = texts(teams.sentToChannel(AUDITORS)).find((t) => t.startsWith('2026-11 抽检'));
    expect(drawn).toContain(`浦东分公司:${id}`);
    const [draw] = (await teams.app.store.audit.about('spotcheck:2026-11')).filter(
      (e) => e.action === 'spot_check.draw',
    );
    expect(draw?.after).toMatchObject({
      month: '2026-11',
      sharePct: 10,
      seed: expect.any(Number),
      units: [{ unit: 'pudong-branch', planIds: [id] }],
    });

    expect(texts(await teams.say(zhangWei, `抽检 ${id} 通过`))).toEqual(['只有稽核人员可以记录抽检结论。']);
    expect(texts(await teams.say(PEOPLE.sunMin, `抽检 ${id} 问题`))).toEqual(['记录“问题”时请写明说明。']);
    expect(texts(await teams.say(PEOPLE.sunMin, `抽检 ${id} 问题 合同附件缺少客户盖章`))).toEqual([
      `已记录:${id}(2026-11 抽检)存在问题。`,
    ]);
    const findings = (await teams.app.store.audit.about(id)).filter((e) => e.action === 'spot_check.finding');
    expect(findings.map((f) => [f.actor, f.after])).toEqual([
      [PEOPLE.sunMin.aad, { month: '2026-11', result: 'issue', note: '合同附件缺少客户盖章' }],
    ]);
  });
});
