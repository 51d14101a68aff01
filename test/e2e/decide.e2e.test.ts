import type { AdaptiveCard } from './support/adaptive-card';
import { APPLICATION_ID } from './support/line-plan';
import type { PlaygroundChat } from './support/playground-chat';
import { e2eScenario } from './support/scenario';
import { monthOf, shanghaiDate } from '../../src/domain/local-date';

// The real bot, two Agents Playgrounds and Chromium: each step takes seconds, not milliseconds.
jest.setTimeout(90_000);
const WAIT = 30_000;

/**
 * 200 cloud PBX seats at ¥45.00 (the branch's 10% off) for 12 months, R = ¥108,000, with a subsidy of
 * ¥11,000 = 10.19% of it: past tier1's 10%, so 二级授权 (the ops head). Three single figures would do
 * better: a price of ¥45.84 or a subsidy of ¥10,800 reaches 一级授权, a subsidy of ¥5,400 (5%) needs no
 * approval. No commission, so no cooperation step: following the subsidy hint sends the plan to 王芳 alone.
 */
const CUSTOMER = '浦东云通讯科技有限公司';
const GROUP_ID = 'G2100555';
const CLOUD_PBX = 'CLOUD-PBX 云总机(每席位) · 标准 ¥50.00/月';
const HINTS = [
  '• 第 1 行“CLOUD-PBX”单价不低于 ¥45.84 即可落入一级授权。',
  '• 补贴不超过 ¥10,800.00 即可落入一级授权。',
  '• 补贴不超过 ¥5,400.00 即无需审批(在分公司权限之内)。',
];
const QUESTION = '补贴 ¥10,800 具体包含哪些赠品?';
const ANSWER = '200 部 IP 话机,每部 ¥54,随首月开通一次性赠送。';
const COMMENT = '补贴构成清楚,同意。';
const DETAILS = '方案详情、审批流程与历史';
const TRACK_RECORD = '客户往来记录(1)';
/** A 390 px phone screen less the chat's 16 px margins either side. */
const PHONE_CARD_PX = 358;

/** Who the scenario opens, and what its steps hand on to the next ones. */
interface Scenario {
  wangFang: PlaygroundChat;
  zhangWei: PlaygroundChat;
  /** The customer's plan already in effect, which the new one overlaps. */
  earlier?: string;
  form?: AdaptiveCard;
  id?: string;
  approval?: AdaptiveCard;
}

describe('deciding with what issue 12 added, in the Agents Playground: hints on the form, a folded approval card, 询问 / 回答, a phone-width card', () => {
  // 王芳 first: opening her Playground lets the bot reach her proactively with the plan.
  const { so } = e2eScenario<Scenario>('decide', { wangFang: '王芳', zhangWei: '张伟' });

  it('张伟 fills a plan past tier1 on its subsidy; 预览 says 二级授权 and lists what would pass, one figure at a time', async () => {
    const { e2e, zhangWei } = so();
    // The customer already has 100 seats in effect from this month, at ¥40.00, flagged at its first evaluation.
    so().earlier = await e2e.planInEffect({
      customer: { name: CUSTOMER, groupId: GROUP_ID },
      activity: 'ACT-CLOUD-2026',
      startMonth: monthOf(shanghaiDate(new Date())),
      termMonths: 12,
      tariffLines: [{ product: 'CLOUD-PBX', quantity: 100, proposedUnitPriceFen: 4000 }],
      subsidyFen: 0,
      commissionBp: 0,
    });
    await zhangWei.send('新建');
    const form = await zhangWei.waitForCard('个性化方案申请', WAIT);
    const months = await form.choices('起始月份');
    await form.fillAll({
      营销活动: 'ACT-CLOUD-2026',
      客户名称: CUSTOMER,
      集团编号: GROUP_ID,
      起始月份: months[0] ?? '',
      '有效期(月,1–36)': '12',
    });
    await form.fill('产品', CLOUD_PBX, { nth: 0 });
    await form.fill('数量', '200', { nth: 0 });
    await form.fill('申请单价(元/月)', '45.00', { nth: 0 });
    await form.fillAll({
      '补贴及赠品总额(元)': '11000',
      '预期收入(元)': '108000',
      预期用户数: '200',
      为什么需要超出标准营销活动: '客户总部 200 席位整体迁移,需随开通赠送 IP 话机。',
    });

    expect(await form.execute('预览')).toMatchObject({ kind: 'invoke', status: 200 });
    const text = await form.waitForText('怎样可以通过(每条只改一项,其余不变)', WAIT);
    expect(text).toContain('二级授权');
    expect(text).toContain('经营管理部负责人审批');
    // The plan in effect for the same customer on the same product is named before he files.
    expect(text).toContain(`同一集团客户已有方案 ${so('earlier').earlier}(审批中或已生效)`);
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const heading = lines.indexOf('怎样可以通过(每条只改一项,其余不变)');
    expect(lines.slice(heading + 1, heading + 1 + HINTS.length)).toEqual(HINTS);
    // The form is still filled in under the preview, ready to change one figure.
    expect(await form.input('补贴及赠品总额(元)').inputValue()).toBe('11000');
    await e2e.screenshot(form.root, 'preview-hints');
    // As he sees it: the window scrolled to the hints, at the size of the screen.
    await form.root.getByText('怎样可以通过(每条只改一项,其余不变)').scrollIntoViewIfNeeded();
    await e2e.screenshot(zhangWei, 'preview-hints-on-screen');
    so().form = form;
  });

  it('张伟 follows the subsidy hint: ¥10,800 previews as 一级授权 with 王芳 alone, the one hint left is no approval, and he submits', async () => {
    const { e2e, zhangWei, wangFang, form } = so('form');
    await form.fill('补贴及赠品总额(元)', '10800');
    expect(await form.execute('预览')).toMatchObject({ kind: 'invoke', status: 200 });
    const text = await form.waitForText('一级授权', WAIT);
    expect(text).toContain('审批路径:经营管理部审批(王芳)');
    expect(text).not.toContain('二级授权');
    expect(text).toContain(HINTS[2]);
    expect(text).not.toContain(HINTS[1]);
    await e2e.screenshot(zhangWei, 'preview-after-following-a-hint');

    await wangFang.markBotMessages();
    expect(await form.execute('提交')).toMatchObject({ kind: 'invoke', status: 200 });
    const submitted = await form.waitForText(APPLICATION_ID, WAIT);
    const id = APPLICATION_ID.exec(submitted)?.[0];
    if (!id) throw new Error(`the card shows no application number: ${submitted}`);
    expect(submitted).toContain('经营管理部审批 · 王芳');
    so().id = id;
  });

  it('王芳 gets the card with the tier and its figures first, the details folded, and 批准 / 驳回 / 退回修改 / 询问', async () => {
    const { e2e, wangFang, id, earlier } = so('id', 'earlier');
    const approval = await wangFang.waitForCard(id, WAIT);
    const text = await approval.waitForText(CUSTOMER, WAIT);
    // The overlap, and a line on the customer's record, on the first screen.
    expect(text).toContain(`⚠ 同一集团客户已有方案 ${earlier}(审批中或已生效)`);
    expect(text).toContain(`该集团客户(${GROUP_ID})另有 1 个方案,其中已生效 1 个、评估未达预期 1 个。`);

    // The tier and the figures that decide it come first, above who filed it and the tariff lines.
    expect(text).toContain('审批档位 · 一级授权 · 经营管理部审批');
    expect(text).toContain('¥10,800.00 · 10.00%');
    for (const figure of ['折扣深度', '毛利率', '补贴(金额 · 占收入)'])
      expect(text.indexOf(figure)).toBeLessThan(text.indexOf('营销单位'));
    expect(text.indexOf('一级授权')).toBeLessThan(text.indexOf('资费明细'));
    // Folded: the route, the reasons and the history wait behind the toggle.
    expect(text).not.toContain('申请理由');
    expect(text).not.toContain('历史记录');
    expect(await approval.action(DETAILS).isVisible()).toBe(true);
    for (const title of ['批准', '驳回', '退回修改', '询问'])
      await expect(approval.action(title).isVisible()).resolves.toBe(true);
    expect(await approval.action('回答').count()).toBe(0);
    await approval.root.scrollIntoViewIfNeeded();
    await e2e.screenshot(approval.root, 'approver-card-folded');

    await approval.click(DETAILS);
    const full = await approval.waitForText('历史记录', WAIT);
    expect(full).toContain('审批流程');
    expect(full).toContain('经营管理部审批 — 王芳');
    expect(full).toContain('客户总部 200 席位整体迁移');
    await e2e.screenshot(approval.root, 'approver-card-unfolded');
    await approval.click(DETAILS);
    await approval.waitForText(/^(?![\s\S]*历史记录)/, WAIT);

    // The customer's track record, one tap away: the plan in effect with its tier, figures and evaluation.
    await approval.click(TRACK_RECORD);
    const record = await approval.waitForText('该集团客户的其他方案', WAIT);
    expect(record).toContain(`${earlier} · 已生效 · 一级授权`);
    expect(record).toContain('评估未达预期 · 未抽检');
    expect(record).toContain('同一活动 ACT-CLOUD-2026 最近 1 个已生效方案:评估未达预期 1 个(100%)');
    await approval.root.scrollIntoViewIfNeeded();
    await e2e.screenshot(approval.root, 'approver-track-record');
    await approval.click(TRACK_RECORD);
    await approval.waitForText(/^(?![\s\S]*该集团客户的其他方案)/, WAIT);
    so().approval = approval;
  });

  it('laid out at phone width (a 390 px screen) the same card still shows the tier first and every button', async () => {
    const { e2e, approval } = so('approval');
    // 390 px less the chat's margins; the Playground does not reflow below its desktop layout, so only the card is narrowed.
    await approval.layOutAt(PHONE_CARD_PX);
    try {
      await approval.root.scrollIntoViewIfNeeded();
      await e2e.screenshot(approval.root, 'approver-card-phone-width');
      const card = await approval.root.boundingBox();
      expect(card?.width).toBe(PHONE_CARD_PX);
      expect((await approval.text()).indexOf('一级授权')).toBeLessThan((await approval.text()).indexOf('资费明细'));
      // Every decision button is on the card, inside its width, none cut off or pushed into a menu.
      for (const title of ['批准', '驳回', '退回修改', '询问']) {
        const button = approval.action(title);
        await expect(button.isVisible()).resolves.toBe(true);
        const box = await button.boundingBox();
        expect((box?.x ?? Infinity) + (box?.width ?? 0)).toBeLessThanOrEqual((card?.x ?? 0) + PHONE_CARD_PX + 0.5);
      }
    } finally {
      await approval.layOutAt(null);
    }
  });

  it('王芳 asks with 询问: her card says the question is with 张伟 and the step is still hers', async () => {
    const { e2e, wangFang, zhangWei, approval } = so('approval');
    await zhangWei.markBotMessages();
    await approval.click('询问');
    await approval.fill('向申请人提问(方案不退回,仍由您审批)', QUESTION);
    expect(await approval.execute('发送询问')).toMatchObject({ kind: 'invoke', status: 200 });

    const text = await approval.waitForText('王芳的询问 · 待申请人回答', WAIT);
    expect(text).toContain(QUESTION);
    expect(text).toContain('方案没有退回,这一步仍由您审批。');
    expect(await approval.action('批准').isVisible()).toBe(true);
    expect(await approval.action('询问').count()).toBe(0);
    await approval.root.scrollIntoViewIfNeeded();
    await e2e.screenshot(wangFang, 'approver-asked');
  });

  it('张伟 is told, quoting the question, and gets the card with 回答; he answers on it', async () => {
    const { e2e, zhangWei, id } = so('id');
    await zhangWei.waitForBotMessage(`王芳就申请 ${id} 向您询问(经营管理部审批):“${QUESTION}”`, WAIT);
    const card = await zhangWei.waitForCard('请点击下方“回答”答复', WAIT);
    expect(await card.text()).toContain(id);
    expect(await card.action('批准').count()).toBe(0);
    await card.click('回答');
    const field = card.input('您的回答');
    await field.waitFor({ state: 'visible', timeout: WAIT });
    expect(await card.action('提交回答').isVisible()).toBe(true);
    await e2e.screenshot(card.root, 'applicant-gets-the-question');

    await card.fill('您的回答', ANSWER);
    expect(await card.execute('提交回答')).toMatchObject({ kind: 'invoke', status: 200 });
    const text = await card.waitForText('您的回答已发给审批人。方案没有退回,仍在审批中。', WAIT);
    expect(text).toContain(ANSWER);
    expect(await card.action('回答').count()).toBe(0);
    await e2e.screenshot(card.root, 'applicant-answered');
  });

  it("王芳's copy shows the question and the answer, the step still hers; she approves", async () => {
    const { e2e, wangFang, approval, id } = so('approval', 'id');
    await wangFang.waitForBotMessage(`张伟回答了您就申请 ${id} 的询问`, WAIT);
    const text = await approval.waitForText(ANSWER, WAIT);
    expect(text).toContain('询问与回答(经营管理部审批)');
    expect(text).toContain(QUESTION);
    expect(text).toContain('经营管理部审批 · 王芳');
    for (const title of ['批准', '驳回', '退回修改', '询问'])
      await expect(approval.action(title).isVisible()).resolves.toBe(true);
    await approval.root.scrollIntoViewIfNeeded();
    await e2e.screenshot(wangFang, 'approver-sees-the-answer');

    await approval.click('批准');
    await approval.fill('审批意见(选填)', COMMENT);
    const answered = await approval.execute('确认批准');
    expect(answered).toMatchObject({ kind: 'invoke', status: 200 });
    expect(JSON.stringify(answered.body)).toContain(`您已批准 ${id}`);
    const done = await approval.waitForText('已批准,受理中', WAIT);
    expect(done).toContain(id);
    expect(done).toContain(CUSTOMER);
    for (const title of ['批准', '驳回', '退回修改', '询问', '确认批准'])
      expect(await approval.action(title).count()).toBe(0);
    await approval.root.scrollIntoViewIfNeeded();
    await e2e.screenshot(wangFang, 'approved');
  });

  it('at its limits (a 4,000-character justification, ten rounds of questions) the card shows the start of each and says what it leaves out', async () => {
    const { e2e, wangFang, id } = so('id');
    await e2e.textsAtTheirLimits(id);
    await wangFang.send(`查看 ${id}`);
    const card = await wangFang.waitForCard(id, WAIT);
    await card.click(DETAILS);
    const text = await card.waitForText('历史记录', WAIT);
    expect(text).toContain('(理由全文 4000 字,卡片上显示前 500 字;全文在方案的导出文件和审计记录中。)');
    expect(text).toMatch(/更早的 \d+ 条记录未显示,完整记录在方案的导出文件和审计记录中。/);
    expect(text).toContain('…');
    await card.root.scrollIntoViewIfNeeded();
    await e2e.screenshot(card.root, 'card-at-its-limits');
  });
});
