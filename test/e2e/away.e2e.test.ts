import { shanghaiDate, addDays } from '../../src/domain/local-date';
import type { PlaygroundChat } from './support/playground-chat';
import { e2eScenario } from './support/scenario';

// The real bot, three Agents Playgrounds and Chromium: each step takes seconds.
jest.setTimeout(90_000);
const WAIT = 30_000;

const DIA_100M = 'DIA-100M 互联网专线 100M(每条) · 标准 ¥3,000.00/月';
const APPLICATION_ID = /PP-\d{4}-\d{6}/;

/** Who the scenario opens, and what its steps hand on to the next ones. */
interface Scenario {
  wangFang: PlaygroundChat;
  liuQiang: PlaygroundChat;
  zhangWei: PlaygroundChat;
  id?: string;
}

/** Today and four days on, in Shanghai: the leave the scenario records. */
const today = shanghaiDate(new Date());
const lastDay = addDays(today, 4);

describe('out-of-office in the Agents Playground: 王芳 goes on leave, a new plan goes straight to 刘强', () => {
  // Each opened Playground installs PlanDesk, so the bot can reach that person later.
  const { so } = e2eScenario<Scenario>(
    'away',
    { wangFang: '王芳', liuQiang: '刘强', zhangWei: '张伟' },
    { startTimeout: 120_000 },
  );

  it('王芳 says 休假 with dates and 刘强: PlanDesk says what happens to her steps now, meanwhile and after', async () => {
    const { e2e, wangFang } = so();
    await wangFang.send(`休假 ${today} ${lastDay} 刘强`);
    const reply = await wangFang.waitForBotMessage(`已登记休假:${today} 至 ${lastDay},由刘强代理。`, WAIT);
    expect(await reply.innerText()).toContain('期间新的审批步骤直接交给刘强');
    await e2e.screenshot(wangFang, 'wang-fang-on-leave');
  });

  it('张伟 files a tier-1 plan from 浦东: it goes straight to 刘强, whose card says why', async () => {
    const { e2e, zhangWei, liuQiang } = so();
    await liuQiang.markBotMessages();

    await zhangWei.send('新建');
    const form = await zhangWei.waitForCard('个性化方案申请', WAIT);
    const months = await form.choices('起始月份');
    await form.fillAll({
      营销活动: 'ACT-LINE-2026',
      客户名称: '浦东精密制造有限公司',
      集团编号: 'G2100456',
      起始月份: months[0] ?? '',
      '有效期(月,1–36)': '12',
    });
    await form.fill('产品', DIA_100M, { nth: 0 });
    await form.fill('数量', '4', { nth: 0 });
    await form.fill('申请单价(元/月)', '2400.00', { nth: 0 });
    await form.fillAll({
      '预期收入(元)': '115200',
      预期用户数: '4',
      为什么需要超出标准营销活动: '四个厂区专线统一签约。',
    });
    expect(await form.execute('提交')).toMatchObject({ kind: 'invoke', status: 200 });
    const text = await form.waitForText(APPLICATION_ID, WAIT);
    const id = APPLICATION_ID.exec(text)?.[0];
    if (!id) throw new Error(`the card shows no application number: ${text}`);
    expect(text).toContain('经营管理部审批 · 刘强');

    const card = await liuQiang.waitForCard(id, WAIT);
    await card.click('审批流程、理由与历史');
    expect(await card.waitForText('负责该单位的审批人正在休假:由代理人审批', WAIT)).toContain('经营管理部审批 — 刘强');
    await card.root.scrollIntoViewIfNeeded();
    await e2e.screenshot(card.root, 'stand-in-gets-the-card');
    so().id = id;
  });

  it('王芳 ends her leave early with 休假 取消: new steps come to her again', async () => {
    const { e2e, wangFang } = so('id');
    await wangFang.send('休假 取消');
    await wangFang.waitForBotMessage(`已取消休假(${today} 至 ${lastDay})`, WAIT);
    await e2e.screenshot(wangFang, 'wang-fang-back');
  });
});
