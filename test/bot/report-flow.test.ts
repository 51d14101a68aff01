import { agentForm, lineForm } from '../support/forms';
import {
  actionData,
  cardOf,
  linesOf,
  nodes,
  PEOPLE,
  TeamsHarness,
  type CardJson,
  type Someone,
} from '../support/teams-harness';

const { zhangWei, huangLi, wangFang, liuQiang, chenJing, sunMin } = PEOPLE;

/** The chart elements of a card, by type, each with its data and the facts of its fallback. */
const chartsOf = (card: CardJson) =>
  nodes(card)
    .filter((n) => typeof n.type === 'string' && n.type.startsWith('Chart.'))
    .map((n) => ({
      type: n.type,
      data: n.data,
      fallback: (n.fallback as { type: string; facts: { title: string; value: string }[] }) ?? null,
    }));

describe('报表 / report in the 1:1 chat', () => {
  let teams: TeamsHarness;
  beforeEach(async () => {
    teams = await TeamsHarness.start(); // Tuesday 1 Dec 2026, 10:00
    for (const who of Object.values(PEOPLE)) await teams.say(who, '你好');
  });
  afterEach(async () => teams.stop());

  async function file(who: Someone, form: Record<string, unknown>) {
    const [formMessage] = await teams.say(who, '新建');
    if (!formMessage) throw new Error('no form');
    await teams.tap(who, 'form.submit', form, teams.activityIdOf(formMessage));
  }

  /** 张伟's line plan approved by 王芳 the next morning (9 working hours); 黄丽's agent plan still with 李娜. */
  async function december() {
    await file(zhangWei, lineForm);
    await file(huangLi, agentForm);
    teams.setNow('2026-12-02T10:00:00+08:00');
    const approval = teams
      .sentTo(wangFang)
      .map((a) => cardOf(a))
      .filter((c): c is CardJson => !!c && !!actionData(c, 'plan.approve'))
      .at(-1);
    if (!approval) throw new Error('王芳 got no approval card');
    await teams.tap(wangFang, 'plan.approve', actionData(approval, 'plan.approve') ?? {});
    teams.setNow('2026-12-10T10:00:00+08:00');
  }

  it('shows the ops head the month with charts Teams draws, each with its figures as a FactSet fallback', async () => {
    await december();
    const [reply] = await teams.say(liuQiang, '报表 2026-12');
    const card = cardOf(reply) as CardJson;
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const lines = linesOf(card);
    expect(lines).toContain('2026年12月 个性化方案月报');
    expect(lines).toContain('本月提交申请 2 份。');

    const charts = chartsOf(card);
    expect(charts.map((c) => c.type)).toEqual([
      'Chart.Donut', // outcomes
      'Chart.VerticalBar.Grouped', // time per step
      'Chart.VerticalBar', // overdue per step
      'Chart.HorizontalBar', // overdue per approver
      'Chart.VerticalBar.Grouped', // decisions by unit
      'Chart.VerticalBar.Grouped', // decisions by tier
      'Chart.VerticalBar.Grouped', // discount depth and margin by unit
    ]);
    for (const chart of charts) expect(chart.fallback?.type).toBe('FactSet');
    const [outcomes, cycle, overdue] = charts;
    expect(outcomes?.data).toEqual([
      { legend: '已批准', value: 1 },
      { legend: '审批中', value: 1 },
    ]);
    expect(cycle?.data).toEqual([
      { legend: '中位数', values: [{ x: '经营管理部审批', y: 9 }] },
      { legend: '90 分位', values: [{ x: '经营管理部审批', y: 9 }] },
      { legend: '时限', values: [{ x: '经营管理部审批', y: 26 }] },
    ]);
    expect(cycle?.fallback?.facts).toEqual([
      { title: '经营管理部审批', value: '中位 9.0 小时 · 90 分位 9.0 小时 · 时限 26.0 小时(本月办结 1 件)' },
    ]);
    // 李娜's cooperation step was due Thu 3 Dec 18:00; the fulfillment is due Thu 3 Dec 18:00 too.
    expect(overdue?.data).toEqual([
      { x: '合作管理部审批', y: 100 },
      { x: '经营管理部审批', y: 0 },
      { x: '业务支撑中心受理', y: 100 },
    ]);
    expect(lines).toContain('本月尚未抽检。');
  });

  it('says "nothing overdue" in lines rather than drawing a flat chart when no step is late', async () => {
    await file(zhangWei, lineForm);
    const [reply] = await teams.say(liuQiang, '报表 2026-12');
    const card = cardOf(reply) as CardJson;
    expect(chartsOf(card).map((c) => c.type)).not.toContain('Chart.HorizontalBar');
    const lines = linesOf(card);
    expect(lines).toContain('各步骤逾期率(%)');
    expect(lines).toContain('经营管理部审批:逾期 0 / 1 件(0.0%)');
  });

  it('speaks English to a leader whose Teams is in English', async () => {
    await december();
    const [reply] = await teams.say(chenJing, 'report 2026-12', 'en-US');
    const card = cardOf(reply) as CardJson;
    expect(linesOf(card)).toContain('Personalized plans: report for Dec 2026');
    expect(chartsOf(card)[0]?.data).toEqual([
      { legend: 'Approved', value: 1 },
      { legend: 'In review', value: 1 },
    ]);
  });

  it('shows an auditor a month with nothing in it as words, drawing no empty charts', async () => {
    const [reply] = await teams.say(sunMin, '报表 2026-11');
    const card = cardOf(reply) as CardJson;
    expect(chartsOf(card)).toEqual([]);
    expect(linesOf(card)).toContain('本月没有相关数据。');
  });

  it('refuses an account manager in words, and asks for the month when none is given', async () => {
    const [refused] = await teams.say(zhangWei, '报表 2026-12');
    expect(refused?.text).toBe('月度报表仅供经营管理部、集客部领导和稽核查看。');
    const [usage] = await teams.say(liuQiang, '报表');
    expect(usage?.text).toBe('请写明月份,例如:报表 2026-11');
  });
});
