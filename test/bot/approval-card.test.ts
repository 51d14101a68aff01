import { lineForm } from '../support/forms';
import { actionData, cardOf, linesOf, nodes, PEOPLE, TeamsHarness, type CardJson } from '../support/teams-harness';

const { zhangWei, wangFang } = PEOPLE;

/** The facts of a card's FactSets, in order, as "title: value". */
const factsOf = (card: CardJson) =>
  nodes(card)
    .filter((n) => n.type === 'FactSet')
    .flatMap((n) => (n.facts as { title: string; value: string }[]).map((f) => `${f.title}: ${f.value}`));

describe("the approver's card: what sets the tier first, the rest of the plan one tap away", () => {
  let teams: TeamsHarness;
  afterEach(async () => teams.stop());

  it('leads with the tier and the figures that set it, and folds the plan’s details, versions and route under 方案详情', async () => {
    teams = await TeamsHarness.start();
    for (const who of [zhangWei, wangFang]) await teams.say(who, '你好');
    await teams.tap(zhangWei, 'form.submit', { ...lineForm, subsidyYuan: '3000', draftId: 'card-1' });
    await teams.app.deliveriesSettled();
    const card =
      teams
        .sentTo(wangFang)
        .map(cardOf)
        .find((c) => c && actionData(c, 'plan.approve')) ?? {};

    // On the first screen: the tier and its reasons, then the figures it was judged on, then who and for whom.
    const lines = linesOf(card).split('\n');
    const tierAt = lines.findIndex((l) => l.startsWith('审批档位 · '));
    expect(tierAt).toBeGreaterThan(0);
    expect(lines.indexOf('资费明细')).toBeGreaterThan(tierAt);
    const facts = factsOf(card);
    expect(facts.slice(0, 4)).toEqual([
      expect.stringMatching(/^折扣深度: \d+(\.\d+)?%$/),
      expect.stringMatching(/^毛利率: /),
      expect.stringMatching(/^补贴\(金额 · 占收入\): ¥3,000\.00 · \d+(\.\d+)?%$/),
      '酬金(比例 · 金额): 0.00% · ¥0.00',
    ]);
    // Each line beside its standard price, the product center's market reference and its cost (第七条(一)).
    expect(linesOf(card)).toContain('市场参考价\n¥2,800.00');

    // Folded: activity, term, agent, pre-consultation, expected results, revenue and cost, and the versions judged on.
    const details = nodes(card).find((n) => n.id === 'details');
    expect(details?.isVisible).toBe(false);
    expect(factsOf(details ?? {})).toEqual([
      '营销活动: ACT-LINE-2026',
      '期限: 2027-01 起 12 个月',
      '代理渠道: 不涉及',
      '提前沟通编号: 无',
      '预期效果: 收入 ¥115,200.00 · 用户 4 户',
      expect.stringMatching(/^方案收入\(全期\): ¥/),
      expect.stringMatching(/^按标准资费: ¥/),
      expect.stringMatching(/^成本\(含补贴、酬金\): ¥/),
      expect.stringMatching(
        /^审批依据: 产品目录第 1 版\(\d{4}-\d{2}-\d{2} 导入\)· 审批政策第 1 版\(\d{4}-\d{2}-\d{2} 起施行\)$/,
      ),
    ]);
    expect(nodes(card).find((n) => n.type === 'Action.ToggleVisibility')?.title).toBe('方案详情、审批流程与历史');
  });
});
