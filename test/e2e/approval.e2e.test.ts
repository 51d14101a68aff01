import type { AdaptiveCard } from './support/adaptive-card';
import type { PlaygroundChat } from './support/playground-chat';
import { e2eScenario } from './support/scenario';
import { SELECTORS } from './support/selectors';

// The real bot, two Agents Playgrounds and Chromium: each step takes seconds, not milliseconds.
jest.setTimeout(90_000);

/** Cards render asynchronously, and 李娜's card comes proactively after 张伟's submit: wait generously. */
const CARD_WAIT = 30_000;

/** As test/bot/approval-flow.test.ts files it: an IoT plan through an agent channel, so 合作管理部 (李娜) first, then 经营管理部 (王芳). */
const CUSTOMER = '浦东智慧物流股份公司';
const GROUP_ID = 'G2100789';
const JUSTIFICATION = '通过代理渠道发展一千张物流终端卡,客户承诺两年内扩容到三千张。';
const IOT_CARD = 'IOT-CARD 物联网卡(每张) · 标准 ¥10.00/月';
const COMMENT = '代理渠道资质已核实,同意。';
const APPLICATION_ID = /PP-\d{4}-\d{6}/;
const RETURN_NOTE = '单价请提到 ¥9.50,酬金比例降到 5.5%。';

/** Who the scenario opens, and what its steps hand on to the next ones. */
interface Scenario {
  liNa: PlaygroundChat;
  zhangWei: PlaygroundChat;
  form?: AdaptiveCard;
  id?: string;
  approval?: AdaptiveCard;
}

describe('an agent-channel IoT plan, end to end in the Agents Playground: 张伟 applies, 李娜 returns it, 张伟 revises, 李娜 approves', () => {
  // 李娜 first: opening her Playground installs PlanDesk, so the bot keeps her conversation and can reach her proactively.
  const { so } = e2eScenario<Scenario>('approval', { liNa: '李娜', zhangWei: '张伟' });

  it('张伟 types 新建 and fills the form: unit preset, the first start month offered, one line of 1000 IoT cards at ¥9.00', async () => {
    const { e2e, zhangWei } = so();
    await zhangWei.send('新建');
    const form = await zhangWei.waitForCard('个性化方案申请', CARD_WAIT);

    expect(await form.input('营销单位').inputValue()).toBe('浦东分公司');
    const months = await form.choices('起始月份');
    expect(months.length).toBeGreaterThan(0);
    await form.fillAll({
      营销活动: 'ACT-IOT-2026',
      客户名称: CUSTOMER,
      集团编号: GROUP_ID,
      起始月份: months[0] ?? '',
      '有效期(月,1–36)': '12',
    });
    // Every tariff line has the same labels: the first line is nth 0.
    await form.fill('产品', IOT_CARD, { nth: 0 });
    await form.fill('数量', '1000', { nth: 0 });
    await form.fill('申请单价(元/月)', '9.00', { nth: 0 });
    await form.fillAll({
      '代理酬金比例(%)': '6',
      '涉及代理渠道发展(先经合作管理部审批)': true,
      '代理商名称或编码(涉及代理渠道时必填)': '沪闵代理',
      '预期收入(元)': '108000',
      预期用户数: '1000',
      为什么需要超出标准营销活动: JUSTIFICATION,
    });

    expect(await form.input('客户名称').inputValue()).toBe(CUSTOMER);
    expect(await form.input('涉及代理渠道发展(先经合作管理部审批)').isChecked()).toBe(true);
    await e2e.screenshot(form.root, 'form');
    so().form = form;
  });

  it('预览 shows the outcome, 需要审批 with the route naming 李娜 and 王芳, above the form still filled in', async () => {
    const { e2e, form } = so('form');

    const answered = await form.execute('预览');
    expect(answered).toMatchObject({ kind: 'invoke', status: 200 });
    const text = await form.waitForText('审批路径', CARD_WAIT);

    expect(text).toContain('需要审批');
    expect(text).toContain('合作管理部审批 — 李娜');
    expect(text).toContain('经营管理部审批 — 王芳');
    expect(text.indexOf('需要审批')).toBeLessThan(text.indexOf('申请单位与客户'));
    expect(await form.input('客户名称').inputValue()).toBe(CUSTOMER);
    expect(await form.input('数量').first().inputValue()).toBe('1000');
    expect(await form.input('申请单价(元/月)').first().inputValue()).toBe('9.00');
    expect(await form.input('涉及代理渠道发展(先经合作管理部审批)').isChecked()).toBe(true);
    // Each step says why it is there; the tier reads by its name.
    expect(text).toContain('涉及代理渠道发展,先由合作管理部审批(第十一条、第十二条)');
    expect(text).toContain('一级授权');
    expect(text).not.toContain('tier1');
    await e2e.screenshot(form.root, 'preview');
  });

  it('a preview with a field to fix says so right above the buttons, in view where 张伟 tapped', async () => {
    const { e2e, zhangWei, form } = so('form');
    await form.fill('申请单价(元/月)', '九元', { nth: 0 });

    await form.execute('预览');
    const summary = '有 1 处需要修改,第一处是“第 1 行 申请单价(元/月)”:';
    await form.waitForText(summary, CARD_WAIT);
    expect(await form.inView(summary)).toBe(true);
    await e2e.screenshot(zhangWei, 'preview-error-by-buttons');

    await form.fill('申请单价(元/月)', '9.00', { nth: 0 });
    await form.execute('预览');
    await form.waitForText('预览结果:需要审批', CARD_WAIT);
    expect(await form.inView('预览结果:需要审批')).toBe(true);
    expect(await form.text()).toContain('审批路径:合作管理部审批(李娜) → 经营管理部审批(王芳)');
    await e2e.screenshot(zhangWei, 'preview-outcome-by-buttons');
  });

  it('提交 turns the form into the application, with its number', async () => {
    const { e2e, liNa, form } = so('form');
    // Only what reaches 李娜 after this counts: her chat already holds the welcome and the sample
    // application that waits on her (the bot seeds PP-…-000001 to 000003 from config/samples).
    await liNa.markBotMessages();

    const answered = await form.execute('提交');
    expect(answered).toMatchObject({ kind: 'invoke', status: 200 });
    const text = await form.waitForText(APPLICATION_ID, CARD_WAIT);
    const id = APPLICATION_ID.exec(text)?.[0];
    if (!id) throw new Error(`the card shows no application number: ${text}`);

    expect(text).toContain(`${CUSTOMER} (${GROUP_ID})`);
    expect(text).toContain('合作管理部审批 · 李娜');
    expect(await form.input('客户名称').count()).toBe(0);
    await e2e.screenshot(form.root, 'submitted');
    so().id = id;
  });

  it('李娜 receives the approval card proactively, with 批准, 驳回 and 退回修改 (no 上报领导 at this step)', async () => {
    const { e2e, liNa, id } = so('id');

    const approval = await liNa.waitForCard(id, CARD_WAIT);
    const text = await approval.waitForText(CUSTOMER, CARD_WAIT);

    expect(text).toContain('IOT-CARD');
    for (const title of ['批准', '驳回', '退回修改'])
      await expect(approval.action(title).isVisible()).resolves.toBe(true);
    expect(await approval.action('上报领导').count()).toBe(0);
    await e2e.screenshot(liNa, 'approver-card');
    so().approval = approval;
  });

  it("李娜 returns it; 张伟's card puts her note first, next to 修改并重新提交, and his notice quotes it", async () => {
    const { e2e, liNa, zhangWei, approval, form, id } = so('approval', 'form', 'id');
    await zhangWei.markBotMessages();

    await approval.click('退回修改');
    await approval.fill('需要修改的内容 *', RETURN_NOTE);
    expect(await approval.execute('确认退回')).toMatchObject({ kind: 'invoke', status: 200 });
    await approval.waitForText(`您已将 ${id} 退回修改`, CARD_WAIT);

    await zhangWei.waitForBotMessage(`申请 ${id} 被李娜退回修改(合作管理部审批):“${RETURN_NOTE}”。`, CARD_WAIT);
    const text = await form.waitForText('李娜退回修改(合作管理部审批)', CARD_WAIT);
    expect(text.indexOf(RETURN_NOTE)).toBeLessThan(text.indexOf('营销单位'));
    expect(text).toContain('请按意见修改后,点击下方的“修改并重新提交”。');
    expect(text).toContain('等待申请人修改并重新提交');
    expect(await form.action('修改并重新提交').isVisible()).toBe(true);
    await form.root.scrollIntoViewIfNeeded();
    await e2e.screenshot(form.root, 'returned-note-first');
    await liNa.markBotMessages();
  });

  it('张伟 revises the price and commission and resubmits: the confirmation stays on the card, which says 第 2 版', async () => {
    const { e2e, zhangWei, form, id } = so('form', 'id');

    expect(await form.execute('修改并重新提交')).toMatchObject({ kind: 'invoke', status: 200 });
    await form.waitForText(`修改申请 ${id}`, CARD_WAIT);
    await form.fill('申请单价(元/月)', '9.50', { nth: 0 });
    await form.fill('代理酬金比例(%)', '5.5');
    expect(await form.execute('提交')).toMatchObject({ kind: 'invoke', status: 200 });
    const confirmation = `已重新提交 ${id}(第 2 版),从第一步重新审批。`;
    await form.waitForText(confirmation, CARD_WAIT);
    // The refresh of every copy that follows keeps the confirmation on his (it used to drop it).
    await zhangWei.waitForConnector('updateMessage', confirmation, CARD_WAIT);
    await zhangWei.settle();
    const text = await form.text();
    expect(text).toContain(confirmation);
    expect(text).toContain('第 2 版');
    await e2e.screenshot(form.root, 'resubmitted-confirmation-kept');
  });

  it('李娜 gets revision 2 with what changed since she returned it: the old price beside the new, the history line too', async () => {
    const { e2e, liNa, id } = so('id');

    const approval = await liNa.waitForCard('与第 1 版相比的修改', CARD_WAIT);
    const text = await approval.text();
    expect(text).toContain(id);
    expect(text).toContain('第 1 行单价 ¥9.00 → ¥9.50');
    expect(text).toContain('代理佣金 6.00% → 5.50%');
    expect(text).toContain('原单价 ¥9.00');
    await approval.click('方案详情、审批流程与历史');
    expect(await approval.waitForText('修改后重新提交', CARD_WAIT)).toContain(
      '第 1 行单价 ¥9.00 → ¥9.50;代理佣金 6.00% → 5.50%',
    );
    await approval.click('方案详情、审批流程与历史');
    await approval.root.scrollIntoViewIfNeeded();
    await e2e.screenshot(approval.root, 'revision-changes-for-approver');
    so().approval = approval;
  });

  it('李娜 opens 批准, writes a comment and taps 确认批准: the bot answers 您已批准, and her card is left with no decision buttons', async () => {
    const { e2e, liNa, approval, id } = so('approval', 'id');

    await approval.click('批准');
    await approval.fill('审批意见(选填)', COMMENT);
    const answered = await approval.execute('确认批准');

    // The bot answers the invoke with her card under a banner saying what she did…
    expect(answered).toMatchObject({ kind: 'invoke', status: 200 });
    expect(JSON.stringify(answered.body)).toContain(`您已批准 ${id}`);
    // …then updates every copy of the application, hers included, to where it now stands.
    await liNa.waitForConnector('updateMessage', '经营管理部审批 · 王芳', CARD_WAIT);
    const text = await approval.waitForText('经营管理部审批 · 王芳', CARD_WAIT);
    expect(text).toContain(id);
    for (const title of ['批准', '驳回', '退回修改', '确认批准']) expect(await approval.action(title).count()).toBe(0);
    // Her decision and comment are kept with her step, under the card's details.
    await approval.click('方案详情、审批流程与历史');
    const details = await approval.waitForText(COMMENT, CARD_WAIT);
    expect(details).toMatch(/合作管理部审批 — 李娜\s+涉及代理渠道发展[^\n]*\s+已批准/);
    await e2e.screenshot(approval.root, 'approved');
  });

  it("张伟's copy of the card moves on to 经营管理部审批 in place, and he is told so", async () => {
    const { e2e, zhangWei, form, id } = so('form', 'id');

    await zhangWei.waitForBotMessage(`申请 ${id} 已进入下一步:经营管理部审批。`, CARD_WAIT);
    // In place: the bot updated the message that had held his form, and posted no second card.
    await zhangWei.waitForConnector('updateMessage', '经营管理部审批 · 王芳', CARD_WAIT);
    const text = await form.waitForText('经营管理部审批 · 王芳', CARD_WAIT);
    expect(text).toContain(id);
    expect(text).not.toContain('合作管理部审批 · 李娜');
    expect(await form.action('撤回申请').isVisible()).toBe(true);
    expect(
      await zhangWei
        .botMessages()
        .filter({ hasText: id })
        .filter({ has: zhangWei.page.locator(SELECTORS.adaptiveCard) })
        .count(),
    ).toBe(1);
    await e2e.screenshot(zhangWei, 'applicant-updated');
  });

  it('李娜 opens an item from 待办: the plan opens as a new card below and the list stays where it was', async () => {
    const { e2e, liNa } = so();
    await liNa.markBotMessages();

    await liNa.send('待办');
    const list = await liNa.waitForCard('待我处理', CARD_WAIT);
    const first = APPLICATION_ID.exec(await list.text())?.[0];
    if (!first) throw new Error(`the list shows no application: ${await list.text()}`);
    expect(await list.text()).toContain('更新于');

    expect(await list.execute('查看')).toMatchObject({ kind: 'invoke', status: 200 });
    await list.waitForText(`${first} 已在下方打开。`, CARD_WAIT);
    const opened = await liNa.waitForCard(new RegExp(`${first}[\\s\\S]*方案详情、审批流程与历史`), CARD_WAIT);
    expect(await opened.text()).toContain(first);
    // The list is still the list, with every row's button, one tap from the next item.
    expect(await list.text()).toContain('待我处理');
    expect(await list.action('查看').isVisible()).toBe(true);
    await e2e.screenshot(liNa, 'list-item-opened-below');
    await list.root.scrollIntoViewIfNeeded();
    await e2e.screenshot(liNa, 'list-stays-saying-where');
  });
});
