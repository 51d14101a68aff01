import { findPlanNumber } from '../../src/domain/plan-number';
import { lineForm } from '../support/forms';
import {
  actionData,
  cardOf,
  linesOf,
  nodes,
  PEOPLE,
  TeamsHarness,
  textOf,
  type CardJson,
  type Someone,
} from '../support/teams-harness';

const { zhangWei, wangFang, zhaoLei, sunMin, zhouJie } = PEOPLE;
const OPS = '19:ops-notices@thread.tacv2';
const PUDONG = '19:pudong-notices@thread.tacv2';

const texts = (activities: Partial<{ text?: string }>[]) =>
  activities.map((a) => a.text).filter((t): t is string => Boolean(t));
const input = (card: CardJson, id: string) => nodes(card).find((n) => n.id === id);

describe('ending a plan before its term (第九条(三)), through the bot', () => {
  let teams: TeamsHarness;
  let id: string;
  /** 张伟's card of the plan, kept since he submitted it (the form's activity). */
  let applicantCopy: string;

  beforeEach(async () => {
    teams = await TeamsHarness.start('2026-12-01T10:00:00+08:00');
    for (const who of Object.values(PEOPLE)) await teams.say(who, '你好');
    await teams.sayInChannel(zhouJie, OPS, 'notify-here ops');
    await teams.sayInChannel(zhouJie, PUDONG, '设为通知频道 pudong-branch');
    // 张伟's line plan for 2027 (tier 1: 王芳 decides), approved and carried out.
    const [form] = await teams.say(zhangWei, '新建');
    applicantCopy = teams.activityIdOf(form ?? {});
    id = findPlanNumber(textOf(await teams.tap(zhangWei, 'form.submit', lineForm, applicantCopy))) ?? '';
    await teams.tap(wangFang, 'plan.approve', actionData(lastCard(wangFang), 'plan.approve') ?? {});
    await teams.tap(zhaoLei, 'plan.fulfill', actionData(lastCard(zhaoLei), 'plan.fulfill') ?? {});
    expect((await teams.app.store.applications.get(id))?.state).toBe('active');
  });
  afterEach(async () => teams.stop());

  function lastCard(who: Someone): CardJson {
    return (
      cardOf(
        teams
          .sentTo(who)
          .filter((a) => cardOf(a))
          .at(-1),
      ) ?? {}
    );
  }
  const show = async (who: Someone) => cardOf((await teams.say(who, `查看 ${id}`))[0]) ?? {};

  it('judges subscribers with revenue, and says which fell short to the applicant, on the card and to ops', async () => {
    await teams.tickAt('2027-04-01T09:00');
    // Expected ¥115,200 and 4 subscribers over 12 months: ¥28,800 and 1 by the end of March.
    const card = await teams.tap(zhangWei, 'evaluation.report', {
      ...actionData(lastCard(zhangWei), 'evaluation.report'),
      actualRevenueYuan: '20000',
      actualSubscribers: 0,
    });
    expect(textOf(card)).toContain(`已记录 ${id} 第 1 期评估:实际收入和用户数低于预期,已通知经营管理部跟进改进。`);
    expect(linesOf(card)).toContain('第 1 期评估');
    expect(textOf(card)).toContain('实际收入和用户数低于预期。收入 ¥20,000.00(预期 ¥28,800.00),用户 0 户(预期 1 户)');
    expect(texts(teams.sentToChannel(OPS))).toContain(
      `评估未达预期:个性化方案 ${id}(浦东分公司)第 1 期(2027年1月–3月,第一季度)实际收入和用户数低于预期,需改进。`,
    );
  });

  it('lets ops end it with a reason and a day next month: the applicant and unit are told, and at the new end support restores standard tariffs', async () => {
    await teams.tickAt('2027-04-12T10:00');
    const opsCard = await show(wangFang);
    const end = actionData(opsCard, 'plan.end');
    expect(end).toMatchObject({ applicationId: id });
    expect(input(opsCard, 'endDate')).toMatchObject({ type: 'Input.Date', min: '2027-04-12', max: '2027-12-31' });
    // Nobody else's copy offers it: the applicant's, the auditor's.
    expect(actionData(await show(zhangWei), 'plan.end')).toBeUndefined();
    expect(actionData(await show(sunMin), 'plan.end')).toBeUndefined();

    const reason = '第 1 期评估收入未达预期,客户已改用标准专线套餐。';
    const answer = await teams.tap(wangFang, 'plan.end', { ...end, endDate: '2027-05-31', endReason: reason });
    expect(textOf(answer)).toContain(
      `已提前结束 ${id}:优惠有效至 2027-05-31。申请人和所在单位已收到通知;次日起业务支撑中心将收到恢复标准资费的任务。`,
    );
    expect(actionData(answer, 'plan.end')).toBeUndefined();
    expect(linesOf(answer)).toContain(`王芳(经营管理部)已决定提前结束本方案,优惠有效至 2027-05-31\n${reason}`);

    // The applicant hears why; their card says so too.
    expect(texts(teams.sentTo(zhangWei))).toContain(
      `经营管理部王芳决定提前结束您的个性化方案 ${id}:优惠有效至 2027-05-31,此后作废,业务支撑中心将为客户恢复标准资费。原因:${reason}`,
    );
    const refreshed =
      teams
        .updatesTo(zhangWei)
        .filter((u) => u.activityId === applicantCopy)
        .at(-1)?.card ?? {};
    expect(linesOf(refreshed)).toContain('王芳(经营管理部)已决定提前结束本方案,优惠有效至 2027-05-31');
    expect(textOf(refreshed)).toContain('2027-01 起 12 个月(已提前至 2027-05-31 结束)');
    expect(linesOf(refreshed)).toContain(`提前结束方案\n优惠有效至 2027-05-31。原因:${reason}`);
    // The unit's channel hears the number, unit and day: no reason, no figures, no customer (SPEC §7).
    const channel = texts(teams.sentToChannel(PUDONG));
    expect(channel).toContain(`提前结束:个性化方案 ${id}(浦东分公司)经经营管理部决定提前结束,有效期至 2027-05-31。`);
    expect(channel.join('\n')).not.toMatch(/¥|%|2400|浦东精密|评估|套餐/);

    // The notices that still lie ahead come before the new end; the second quarter is never asked for.
    await teams.tickAt('2027-05-24T09:00');
    expect(texts(teams.sentTo(zhangWei))).toContain(
      `您的个性化方案 ${id} 将于 2027-05-31 到期(还剩 7 天)。到期后优惠作废;如需继续,请重新申请。`,
    );
    await teams.tickAt('2027-06-01T00:00');
    expect((await teams.app.store.applications.get(id))?.state).toBe('expired');
    await teams.tickAt('2027-06-01T09:00');
    expect(texts(teams.sentTo(zhaoLei))).toContain(
      `个性化方案 ${id}(浦东分公司)已于 2027-05-31 到期,请将客户恢复为标准资费。`,
    );
    expect(texts(teams.sentTo(zhangWei))).toContain(
      `您的个性化方案 ${id} 已于 2027-05-31 到期,优惠已作废,业务支撑中心将恢复标准资费。如需继续,请说“新建”重新申请。`,
    );
    expect(linesOf(lastCard(zhangWei))).toContain('本方案经王芳(经营管理部)决定提前结束,优惠已于 2027-05-31 止');
    await teams.tickAt('2027-07-01T09:00');
    expect(texts(teams.sentTo(zhangWei)).filter((t) => t.includes('第 2 期'))).toEqual([]);
    const audit = (await teams.app.store.audit.about(id)).map((e) => [e.actor, e.action]);
    expect(audit).toContainEqual([wangFang.aad, 'end_early']);
  });

  it('refuses someone not ops, in words', async () => {
    await teams.tickAt('2027-04-12T10:00');
    const end = actionData(await show(wangFang), 'plan.end') ?? {};
    const card = await teams.tap(zhangWei, 'plan.end', { ...end, endDate: '2027-05-31', endReason: '客户要求' });
    expect(textOf(card)).toContain('只有经营管理部(审批人或负责人)可以提前结束方案。');
    expect((await teams.app.store.applications.get(id))?.endsEarly ?? null).toBeNull();
  });

  it('refuses a day already past on the card, keeping the reason as typed', async () => {
    await teams.tickAt('2027-04-12T10:00');
    const end = actionData(await show(wangFang), 'plan.end') ?? {};
    const reason = '已处于生命周期末期 *客户* 已签新合同';
    const card = await teams.tap(wangFang, 'plan.end', { ...end, endDate: '2027-04-11', endReason: reason });
    expect(textOf(card)).toContain('最后一天 2027-04-11 已经过去(今天是 2027-04-12),请选择今天或以后的日期。');
    expect(input(card, 'endReason')).toMatchObject({ value: reason });
    expect(input(card, 'endDate')).toMatchObject({ value: '2027-04-11' });
    expect(actionData(card, 'plan.end')).toBeDefined();
    expect((await teams.app.store.applications.get(id))?.endsEarly ?? null).toBeNull();
    expect(teams.sentToChannel(PUDONG).some((a) => a.text?.startsWith('提前结束'))).toBe(false);
  });
});
