import { lineForm } from '../support/forms';
import { actionData, cardOf, linesOf, nodes, PEOPLE, TeamsHarness, type CardJson } from '../support/teams-harness';

const { zhangWei, wangFang, liuQiang } = PEOPLE;

/** The last card a person was sent that they may approve. */
const approvalCardOf = (teams: TeamsHarness, who: typeof wangFang): CardJson =>
  teams
    .sentTo(who)
    .map(cardOf)
    .filter((c): c is CardJson => c !== undefined && actionData(c, 'plan.approve') !== undefined)
    .at(-1) ?? {};

/** The number of the plan a card is about (its first line). */
const idOf = (card: CardJson) => linesOf(card).split('\n')[0] ?? '';

describe("the approver's card: the customer's track record and the plans that overlap", () => {
  let teams: TeamsHarness;
  afterEach(async () => teams.stop());

  it('warns of the same customer’s overlapping plans on the preview and the card, lists the customer’s plans, and opens one below', async () => {
    teams = await TeamsHarness.start();
    for (const who of [zhangWei, wangFang, liuQiang]) await teams.say(who, '你好');
    // A first plan for 浦东精密 (G2100456) on four 100M lines for 2027, then another on the same product from July.
    await teams.tap(zhangWei, 'form.submit', { ...lineForm, draftId: 'track-1' });
    await teams.app.deliveriesSettled();
    const first = idOf(approvalCardOf(teams, wangFang));
    const second = { ...lineForm, startMonth: '2027-07', line0Quantity: 2, draftId: 'track-2' };

    // The account manager sees the overlap before filing.
    const preview = linesOf(await teams.tap(zhangWei, 'form.preview', second));
    expect(preview).toContain(
      `同一集团客户已有方案 ${first}(审批中或已生效)在 2027-07 至 2027-12 与本方案重叠,涉及相同产品 DIA-100M`,
    );

    const own = await teams.tap(zhangWei, 'form.submit', second);
    await teams.app.deliveriesSettled();
    const card = approvalCardOf(teams, wangFang);
    const plan = idOf(card);
    expect(plan).not.toBe(first);
    const lines = linesOf(card);
    // On the first screen: the overlap, then one line about the customer's record.
    expect(lines).toContain(`⚠ 同一集团客户已有方案 ${first}(审批中或已生效)在 2027-07 至 2027-12 与本方案重叠`);
    expect(lines).toMatch(/该集团客户\(G2100456\)另有 \d+ 个方案,其中已生效 \d+ 个、评估未达预期 \d+ 个。/);
    // Folded: each of the customer's other plans with its state, tier and figures, and how the activity fared.
    const folded = nodes(card).find((n) => n.id === 'trackRecord') ?? {};
    expect(folded.isVisible).toBe(false);
    expect(
      nodes(card)
        .filter((n) => n.type === 'Action.ToggleVisibility')
        .map((n) => n.title),
    ).toEqual(['方案详情、审批流程与历史', expect.stringMatching(/^客户往来记录\(\d+\)$/)]);
    const record = linesOf(folded);
    expect(record).toContain(`${first} · 审批中 · 一级授权`);
    expect(record).toMatch(/折扣 \d+\.\d{2}% · 2027-01 起 12 个月 · 尚无评估 · 未抽检/);
    expect(record).toMatch(/同一活动 ACT-LINE-2026 /);
    expect(record).not.toContain(`${plan} ·`);

    // 查看 opens that plan below; the card stays this plan's, saying where the other went.
    const show = nodes(folded).find(
      (n) => n.verb === 'plan.show' && (n.data as { applicationId?: string }).applicationId === first,
    );
    expect(show).toBeDefined();
    const before = teams.sentTo(wangFang).length;
    const answered = await teams.tap(wangFang, 'plan.show', show!.data as Record<string, unknown>);
    expect(idOf(answered)).toBe(plan);
    expect(linesOf(answered)).toContain(`${first} 已在下方打开。`);
    const opened = teams.sentTo(wangFang).slice(before).map(cardOf).find(Boolean) ?? {};
    expect(idOf(opened)).toBe(first);

    // The applicant's own card and the unit's channel never carry the track record.
    expect(idOf(own)).toBe(plan);
    expect(nodes(own).some((n) => n.id === 'trackRecord')).toBe(false);
    for (const sent of teams.calls.filter((c) => c.method === 'POST' && !c.url.includes('personal-')))
      expect(JSON.stringify(sent.body)).not.toContain('客户往来记录');
  });

  it('says in the approver’s language that a new customer has no other plans', async () => {
    teams = await TeamsHarness.start();
    for (const who of [zhangWei, wangFang]) await teams.say(who, '你好');
    await teams.tap(zhangWei, 'form.submit', { ...lineForm, draftId: 'track-en-1' });
    await teams.app.deliveriesSettled();
    const card = approvalCardOf(teams, wangFang);
    const refreshed = await teams.tap(wangFang, 'plan.refresh', { applicationId: idOf(card) }, undefined, 'en-US');
    expect(linesOf(refreshed)).toContain('This group customer (G2100456) has no other plans.');
    expect(nodes(refreshed).map((n) => n.title)).toContain('Customer track record (0)');
    const folded = nodes(refreshed).find((n) => n.id === 'trackRecord') ?? {};
    expect(linesOf(folded)).toBe('No plan on activity ACT-LINE-2026 has taken effect yet to compare with.');
  });
});
