import type { Person } from '../../src/app/records/directory';
import { addDays, shanghaiDate } from '../../src/domain/local-date';
import type { PlaygroundChat } from './support/playground-chat';
import { APPLICATION_ID, fileLinePlan } from './support/line-plan';
import { e2eScenario } from './support/scenario';

// The real bot, up to six Agents Playgrounds and Chromium: each step takes seconds.
jest.setTimeout(90_000);
const WAIT = 30_000;

/** 高峰: not in the sample directory; the admin adds him in the Playground as a second ops approver for 闵行. */
const GAO_FENG: Person = {
  aadObjectId: '00000000-0000-0000-0000-00000000b005',
  name: '高峰',
  email: 'gao.feng@plandesk.example',
  roles: ['ops_approver'],
};

/** Who the scenario opens, and what its steps hand on to the next ones. */
interface Scenario {
  zhouJie: PlaygroundChat;
  wangFang: PlaygroundChat;
  liuQiang: PlaygroundChat;
  zhangWei: PlaygroundChat;
  huangLi: PlaygroundChat;
  gaoFeng?: PlaygroundChat;
  pudong?: string;
  minhang?: string;
}

/** Today and four days on, in Shanghai: the leave the scenario records. */
const today = shanghaiDate(new Date());
const lastDay = addDays(today, 4);

describe('running it day to day in the Agents Playground: a second approver, leave, and a hand-over', () => {
  // Each opened Playground installs PlanDesk, so the bot can reach that person later.
  const { so } = e2eScenario<Scenario>(
    'day-to-day',
    { zhouJie: '周杰', wangFang: '王芳', liuQiang: '刘强', zhangWei: '张伟', huangLi: '黄丽' },
    { startTimeout: 180_000 },
  );

  it('周杰 (admin, English) adds 高峰 as a second ops approver covering 闵行, on a card', async () => {
    const { e2e, zhouJie } = so();
    await zhouJie.send('people 王芳');
    const people = await zhouJie.waitForCard('People: "王芳"', WAIT);
    expect(await people.text()).toContain('Covers: every unit');
    await e2e.screenshot(people.root, 'admin-looks-up-wang-fang');

    await people.execute('Add a person');
    const form = await people.waitForText('Add a person', WAIT).then(() => people);
    await form.fillAll({
      'Teams account (Entra ID object id)': GAO_FENG.aadObjectId,
      Name: GAO_FENG.name,
      'E-mail': GAO_FENG.email,
      'ops approver': true,
      闵行分公司: true,
    });
    await form.fill('Delegate (may decide in their stead)', '刘强');
    await e2e.screenshot(form.root, 'admin-fills-gao-feng');
    expect(await form.execute('Save')).toMatchObject({ kind: 'invoke', status: 200 });
    const saved = await form.waitForText('Saved as directory version 2.', WAIT);
    expect(saved).toContain('Added: 高峰(gao.feng@plandesk.example)');
    expect(saved).toContain('Covers: 闵行分公司');
    await e2e.screenshot(form.root, 'gao-feng-added');
  });

  it('王芳 goes on leave on the leave card, choosing 刘强 to stand in', async () => {
    const { e2e, wangFang } = so();
    await wangFang.send('休假');
    const card = await wangFang.waitForCard('休假登记', WAIT);
    await card.fill('开始日期', today);
    await card.fill('结束日期(含当天)', lastDay);
    await card.fill('代理人(同角色同事或您的代理人)', '刘强');
    await e2e.screenshot(card.root, 'wang-fang-leave-card');
    expect(await card.execute('登记休假')).toMatchObject({ kind: 'invoke', status: 200 });
    const done = await card.waitForText(`已登记休假:${today} 至 ${lastDay},由刘强代理。`, WAIT);
    expect(done).toContain('期间新的审批步骤直接交给刘强');
    await e2e.screenshot(card.root, 'wang-fang-on-leave');
  });

  it('张伟 files from 浦东: the step goes straight to 刘强, whose card says why', async () => {
    const { e2e, zhangWei, liuQiang } = so();
    await liuQiang.markBotMessages();
    const { id, text } = await fileLinePlan(zhangWei, { name: '浦东精密制造有限公司' });
    expect(text).toContain('经营管理部审批 · 刘强');

    const card = await liuQiang.waitForCard(id, WAIT);
    await card.click('方案详情、审批流程与历史');
    expect(await card.waitForText('负责该单位的审批人正在休假:由代理人审批', WAIT)).toContain('经营管理部审批 — 刘强');
    await card.root.scrollIntoViewIfNeeded();
    await e2e.screenshot(card.root, 'stand-in-gets-the-pudong-card');
    so().pudong = id;
  });

  it('黄丽 files from 闵行: the step goes to 高峰, the approver who covers 闵行 and is not away', async () => {
    const { e2e, huangLi } = so('pudong');
    const { id, text } = await fileLinePlan(huangLi, { name: '闵行精工机械有限公司' });
    expect(text).toContain('经营管理部审批 · 高峰');

    // 高峰 opens Teams for the first time: the card waiting for him arrives.
    const gaoFeng = await e2e.openAs(GAO_FENG);
    so().gaoFeng = gaoFeng;
    const card = await gaoFeng.waitForCard(id, WAIT);
    expect(await card.text()).toContain('闵行精工机械有限公司');
    await e2e.screenshot(card.root, 'gao-feng-gets-the-minhang-card');
    so().minhang = id;
  });

  it('王芳 is back early; 刘强 (ops head) hands the 闵行 step from 高峰 to her with 转交', async () => {
    const { e2e, wangFang, liuQiang, minhang } = so('minhang', 'gaoFeng');
    await wangFang.send('休假 取消');
    await wangFang.waitForBotMessage(`已取消休假(${today} 至 ${lastDay})`, WAIT);
    await wangFang.markBotMessages();

    await liuQiang.send('待办');
    const list = await liuQiang.waitForCard('团队待办', WAIT);
    expect(await list.text()).toContain(minhang);
    // The ShowCard opens under the row; a click that lands while the chat is still laying out is tried again.
    await list.click('转交');
    const handTo = list.input('转交给');
    await handTo.waitFor({ state: 'visible', timeout: 3_000 }).catch(() => list.click('转交'));
    await handTo.waitFor({ state: 'visible', timeout: WAIT });
    await list.fill('转交给', '王芳');
    await e2e.screenshot(list.root, 'liu-qiang-hands-over');
    expect(await list.execute('确认转交')).toMatchObject({ kind: 'invoke', status: 200 });
    expect(await list.waitForText(`已将 ${minhang} 转交给王芳`, WAIT)).toBeTruthy();
    await e2e.screenshot(list.root, 'handed-over');

    const card = await wangFang.waitForCard(minhang, WAIT);
    expect(await card.text()).toContain('闵行精工机械有限公司');
    await e2e.screenshot(card.root, 'wang-fang-gets-the-minhang-card');
  });

  it('刘强 lists the overdue plans with 列表 逾期, opens one, narrows the list on its filter card, and 周杰 lists in English', async () => {
    const { e2e, liuQiang, zhouJie, pudong, minhang } = so('pudong', 'minhang');
    // The 浦东 step has waited past its deadline (days pass; the bot's clock is the real one).
    await e2e.pastDeadline(pudong);
    await liuQiang.send('列表 逾期');
    const list = await liuQiang.waitForCard('方案列表:已逾期', WAIT);
    const overdue = await list.text();
    expect(overdue).toContain(pudong);
    expect(overdue).not.toContain(minhang);
    await e2e.screenshot(list.root, 'ops-lists-overdue');
    await liuQiang.markBotMessages();
    await list.execute('查看');
    const opened = await liuQiang.waitForCard(APPLICATION_ID, WAIT);
    expect(await opened.text()).toContain('浦东精密制造有限公司');
    await e2e.screenshot(liuQiang, 'ops-opens-an-overdue-plan');

    // 筛选… turns the list into its filter card, filled as the list was asked for; 查找 lists what it now says.
    await list.execute('筛选…');
    await list.waitForText('筛选方案列表', WAIT);
    await list.fill('只看已逾期的', false);
    await list.fill('单位', '闵行分公司');
    await e2e.screenshot(list.root, 'ops-filter-card');
    expect(await list.execute('查找')).toMatchObject({ kind: 'invoke', status: 200 });
    const minhangList = await list.waitForText('方案列表:闵行分公司', WAIT);
    expect(minhangList).toContain(minhang);
    expect(minhangList).not.toContain(pudong);
    await e2e.screenshot(list.root, 'ops-lists-minhang');

    await zhouJie.send('list 闵行');
    const english = await zhouJie.waitForCard('Plans: 闵行分公司', WAIT);
    expect(await english.text()).toContain('Newest first; you may see every plan.');
    await e2e.screenshot(english.root, 'admin-lists-minhang');
  });

  it('刘强 asks for this month’s report: charts of what was filed, how long steps took and what is overdue', async () => {
    const { e2e, liuQiang } = so('minhang');
    const month = today.slice(0, 7);
    await liuQiang.send(`报表 ${month}`);
    const card = await liuQiang.waitForCard('个性化方案月报', WAIT);
    const text = await card.text();
    expect(text).toContain('个性化方案月报');
    await card.root.scrollIntoViewIfNeeded();
    await e2e.screenshot(card.root, 'ops-monthly-report');
  });
});
