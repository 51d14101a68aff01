import type { Activity, Attachment } from 'botbuilder';
import { lineForm } from '../support/forms';
import {
  actionData,
  linesOf,
  nodes,
  PEOPLE,
  TeamsHarness,
  verbsOf,
  type CardJson,
  type Someone,
} from '../support/teams-harness';

const { wangFang, liuQiang } = PEOPLE;

/** The card an activity carries (an empty one for plain words). */
const cardOf = (activity: Partial<Activity> | undefined): CardJson =>
  ((activity?.attachments?.[0] as Attachment | undefined)?.content as CardJson | undefined) ?? {};

describe('休假 / away in the 1:1 chat', () => {
  let teams: TeamsHarness;
  beforeEach(async () => {
    teams = await TeamsHarness.start(); // Tuesday 1 Dec 2026
    for (const who of [wangFang, liuQiang]) await teams.say(who, '你好');
  });
  afterEach(async () => teams.stop());

  const reply = async (text: string, locale?: string) =>
    (await teams.say(wangFang, text, locale)).map((a) => a.text).join('\n');

  it('records a leave with a stand-in, saying what happens to her steps now, meanwhile and after', async () => {
    expect(await reply('休假 2026-12-03 2026-12-04 刘强')).toBe(
      [
        '已登记休假:2026-12-03 至 2026-12-04,由刘强代理。',
        '2026-12-03 当天起,新的审批步骤直接交给刘强,您手上的审批步骤也会在当天 00:00 转给刘强。',
        '休假结束后,新的步骤恢复交给您;已转出的步骤留在代理人处,不会自动转回。发送“休假 取消”可提前结束。',
      ].join('\n\n'),
    );
    expect(await reply('休假 取消')).toBe(
      '已取消休假(2026-12-03 至 2026-12-04):新的审批步骤恢复交给您;已转给代理人的步骤仍由代理人处理。',
    );
  });

  it('offers a leave card for 休假 alone: dates and a stand-in to choose, then the leave recorded with 取消', async () => {
    const card = cardOf((await teams.say(wangFang, '休假'))[0]);
    expect(linesOf(card)).toContain('休假期间,新的审批步骤直接交给代理人');
    const standIns = nodes(card).find((n) => n.id === 'standIn')?.choices;
    expect(standIns).toEqual([{ title: '刘强', value: liuQiang.aad }]);
    expect(nodes(card).find((n) => n.id === 'from')?.value).toBe('2026-12-01');

    const backwards = await teams.tap(wangFang, 'away.record', {
      from: '2026-12-05',
      to: '2026-12-03',
      standIn: liuQiang.aad,
    });
    expect(linesOf(backwards)).toContain('休假的结束日期早于开始日期,请检查。');
    expect(nodes(backwards).find((n) => n.id === 'from')?.value).toBe('2026-12-05');

    const recorded = await teams.tap(wangFang, 'away.record', {
      from: '2026-12-03',
      to: '2026-12-04',
      standIn: liuQiang.aad,
    });
    expect(linesOf(recorded)).toContain('已登记休假:2026-12-03 至 2026-12-04,由刘强代理。');

    const again = cardOf((await teams.say(wangFang, '休假'))[0]);
    expect(linesOf(again)).toContain('已登记:2026-12-03 至 2026-12-04,由刘强代理');
    expect(verbsOf(again)).toEqual(['away.record', 'away.cancel']);
    const cancelled = await teams.tap(wangFang, 'away.cancel', {});
    expect(linesOf(cancelled)).toContain('已取消休假(2026-12-03 至 2026-12-04)');
  });

  it('tells someone with no approver role that leave has nothing to record', async () => {
    const card = cardOf((await teams.say(PEOPLE.zhangWei, 'away', 'en-US'))[0]);
    expect(linesOf(card)).toContain('the directory gives you no approver role, so there is nothing to record');
    expect(verbsOf(card)).toEqual([]);
  });

  it('answers a malformed request with how to write it, and a refused one with why, in her language', async () => {
    expect(await reply('休假 12月3日 刘强')).toContain('请这样登记休假:休假 2026-12-01 2026-12-05 刘强');
    expect(await reply('away 2026-12-03 2026-12-04 li.na', 'en-US')).toBe(
      'That person may not decide your steps: a stand-in needs one of your approver roles, or to be your delegate in the directory.',
    );
    expect(await reply('away cancel', 'en-US')).toBe('You have no leave recorded now or ahead.');
  });
});

describe('人员 / people: an admin keeps people on cards', () => {
  let teams: TeamsHarness;
  beforeEach(async () => {
    teams = await TeamsHarness.start();
    for (const who of [wangFang, liuQiang, PEOPLE.zhouJie, PEOPLE.huangLi]) await teams.say(who, '你好');
  });
  afterEach(async () => teams.stop());

  const zhouJie = PEOPLE.zhouJie;
  /** 高峰: not in the sample directory; the admin adds him. */
  const gaoFeng = { aad: '00000000-0000-0000-0000-00000000b005', name: '高峰' } as unknown as Someone;
  const inputValue = (card: CardJson, id: string) => nodes(card).find((n) => n.id === id)?.value;
  const GAO_FORM = {
    aadObjectId: gaoFeng.aad,
    name: '高峰',
    email: 'gao.feng@plandesk.example',
    roles: 'ops_approver',
    unit: '-',
    covers: 'minhang-branch',
    delegate: liuQiang.aad,
    head: '-',
    locale: '-',
  };
  const addGao = async () => {
    const form = await teams.tap(zhouJie, 'people.edit', { add: true }, undefined, 'zh-CN');
    return teams.tap(zhouJie, 'people.save', { ...actionData(form, 'people.save'), ...GAO_FORM }, undefined, 'zh-CN');
  };

  it('shows each person with roles, delegate, coverage, leave and open steps, and 修改; refuses anyone not an admin', async () => {
    await teams.say(wangFang, '休假 2026-12-03 2026-12-04 刘强');

    const card = cardOf((await teams.say(zhouJie, '人员 王芳', 'zh-CN'))[0]);

    expect(linesOf(card)).toBe(
      [
        '人员:“王芳”',
        '共 1 人。点“修改”调整角色、单位、代理人和负责的单位;点“添加人员”登记新同事。每次保存都会生成新一版通讯录。',
        '**王芳**(wang.fang@plandesk.example)',
        '角色:经营管理部审批人',
        '代理人:刘强',
        '负责单位:全部',
        '休假:2026-12-03 至 2026-12-04,由刘强代理',
        '没有在办步骤',
      ].join('\n'),
    );
    expect(actionData(card, 'people.edit')).toEqual({ id: wangFang.aad });
    const [refused] = await teams.say(wangFang, '人员');
    expect(refused?.text).toContain('管理员');
    const none = cardOf((await teams.say(zhouJie, '人员 李白', 'zh-CN'))[0]);
    expect(linesOf(none)).toContain('通讯录中没有与“李白”相符的人员。');
  });

  it('adds a second ops approver covering 闵行 on a card: a new version, and a 闵行 plan then goes to him by load', async () => {
    const form = await teams.tap(zhouJie, 'people.edit', { add: true }, undefined, 'zh-CN');
    expect(linesOf(form)).toContain('添加人员');
    expect(verbsOf(form)).toEqual(['people.save', 'people.cancel']);

    const saved = await addGao();
    expect(linesOf(saved)).toContain('已保存为通讯录第 2 版。\n\n新增人员:高峰(gao.feng@plandesk.example)');
    expect(linesOf(saved)).toContain('负责单位:闵行分公司');

    // 王芳 covers every unit and holds one step already; the next 闵行 plan goes to 高峰.
    await teams.tap(PEOPLE.huangLi, 'form.submit', { ...lineForm, unit: 'minhang-branch' });
    await teams.app.deliveriesSettled();
    await teams.tap(PEOPLE.huangLi, 'form.submit', { ...lineForm, unit: 'minhang-branch' });
    await teams.app.deliveriesSettled();
    const gao = cardOf((await teams.say(zhouJie, '人员 高峰', 'zh-CN'))[0]);
    expect(linesOf(gao)).toMatch(/在办步骤 1 件:PP-\d{4}-\d{6} 经营管理部审批/);
  });

  it('shows the card again with every mistake named and nothing typed lost', async () => {
    const form = await teams.tap(zhouJie, 'people.edit', { add: true }, undefined, 'zh-CN');
    const again = await teams.tap(
      zhouJie,
      'people.save',
      { ...actionData(form, 'people.save'), ...GAO_FORM, aadObjectId: 'gao', email: 'gao.feng', roles: '' },
      undefined,
      'zh-CN',
    );
    expect(linesOf(again)).toContain(
      '请修改后再保存:“Teams 账号(Entra ID 对象 ID)”应为形如 00000000-0000-0000-0000-000000000000 的对象 ID;“邮箱”不是有效的邮箱地址;“角色(可多选)”至少要选一个角色',
    );
    expect([inputValue(again, 'name'), inputValue(again, 'email'), inputValue(again, 'covers')]).toEqual([
      '高峰',
      'gao.feng',
      'minhang-branch',
    ]);
  });

  it('refuses a save from a card older than the directory and shows the person as they now are', async () => {
    const first = await teams.tap(zhouJie, 'people.edit', { id: wangFang.aad }, undefined, 'zh-CN');
    const second = await teams.tap(zhouJie, 'people.edit', { id: wangFang.aad }, undefined, 'zh-CN');
    const wang = { name: '王芳', email: 'wang.fang@plandesk.example', roles: 'ops_approver', delegate: liuQiang.aad };
    await teams.tap(zhouJie, 'people.save', { ...actionData(first, 'people.save'), ...wang, covers: 'pudong-branch' });
    const late = await teams.tap(
      zhouJie,
      'people.save',
      { ...actionData(second, 'people.save'), ...wang, covers: 'minhang-branch' },
      undefined,
      'zh-CN',
    );
    expect(linesOf(late)).toContain('这张卡片打开之后,通讯录已更新为第 2 版,刚才的修改未保存。');
    expect(inputValue(late, 'covers')).toBe('pudong-branch');
  });

  it('removes 王芳 only once someone takes her open step; the taker gets the card', async () => {
    await addGao();
    await teams.say(gaoFeng, '你好');
    await teams.tap(PEOPLE.huangLi, 'form.submit', { ...lineForm, unit: 'minhang-branch' });
    await teams.app.deliveriesSettled();
    const form = await teams.tap(zhouJie, 'people.edit', { id: wangFang.aad }, undefined, 'zh-CN');
    expect(linesOf(form)).toMatch(/王芳 有 1 个在办审批步骤:PP-\d{4}-\d{6}。/);
    expect(verbsOf(form)).toEqual(['people.save', 'people.remove', 'people.cancel']);

    const refused = await teams.tap(
      zhouJie,
      'people.remove',
      { ...actionData(form, 'people.remove'), reassignTo: '' },
      undefined,
      'zh-CN',
    );
    expect(linesOf(refused)).toMatch(
      /王芳 还有待审批的步骤\(PP-\d{4}-\d{6}\),未作修改。请在“其待办转交给”中选择接手人后再保存。/,
    );

    const removed = await teams.tap(
      zhouJie,
      'people.remove',
      { ...actionData(form, 'people.remove'), reassignTo: gaoFeng.aad },
      undefined,
      'zh-CN',
    );
    expect(linesOf(removed)).toMatch(/^已移除 王芳,通讯录现为第 3 版。\n\nPP-\d{4}-\d{6} 已转交 高峰,期限不变。$/);
    await teams.app.deliveriesSettled();
    expect(teams.sentTo(gaoFeng).some((a) => linesOf(cardOf(a)).includes('经营管理部审批'))).toBe(true);
    const [gone] = await teams.say(wangFang, '待办');
    expect(gone?.text ?? linesOf(cardOf(gone))).not.toContain('PP-');
  });

  it('refuses removing someone others name as delegate, in words', async () => {
    const form = await teams.tap(zhouJie, 'people.edit', { id: liuQiang.aad }, undefined, 'en-US');
    const refused = await teams.tap(
      zhouJie,
      'people.remove',
      actionData(form, 'people.remove') ?? {},
      undefined,
      'en-US',
    );
    expect(linesOf(refused)).toContain(
      '刘强 is the delegate of 王芳, so they cannot be removed. Choose another delegate for 王芳 first.',
    );
  });

  it('refuses the card to anyone not an admin', async () => {
    const card = await teams.tap(wangFang, 'people.edit', { add: true });
    expect(linesOf(card)).toContain('管理员');
  });
});

describe('onboarding from a team', () => {
  let teams: TeamsHarness;
  beforeEach(async () => {
    teams = await TeamsHarness.start();
    await teams.say(PEOPLE.zhouJie, 'hello', 'en-US');
  });
  afterEach(async () => teams.stop());

  it('reads the whole roster when added to a team and offers the admins a card to give each unknown member roles', async () => {
    const wuHao = '00000000-0000-0000-0000-00000000d001';
    const member = (aadObjectId: string, name: string, email?: string) => ({
      id: `29:${aadObjectId}`,
      name,
      aadObjectId,
      ...(email ? { email } : {}),
    });
    teams.roster.push(
      member(PEOPLE.zhangWei.aad, '张伟'),
      member(wuHao, '吴昊', 'wu.hao@plandesk.example'),
      member(wangFang.aad, '王芳'),
      member('00000000-0000-0000-0000-00000000d002', '郑洁'),
      member(PEOPLE.zhouJie.aad, '周杰'),
    );

    await teams.addToTeam(PEOPLE.zhouJie, '19:general@thread.tacv2');
    // Read in pages (two to a page here): every page asked for.
    expect(teams.calls.filter((c) => c.url.includes('/pagedmembers'))).toHaveLength(3);
    await teams.tickAt('2026-12-01T10:01');

    const notices = teams
      .sentTo(PEOPLE.zhouJie)
      .map(cardOf)
      .filter((c) => c && linesOf(c).includes('吴昊'));
    expect(notices).toHaveLength(1);
    const notice = notices[0] as CardJson;
    expect(linesOf(notice)).toBe(
      '2 members of a team are not in the PlanDesk directory: 吴昊、郑洁. Until they are added with roles they see no plan details; use the buttons below to give them roles, or send "people" and choose Add a person; each save makes a new directory version.',
    );
    const buttons = nodes(notice).filter((n) => n.type === 'Action.Execute');
    expect(buttons.map((b) => b.title)).toEqual(['Set roles for 吴昊', 'Set roles for 郑洁']);

    // The admin taps the first: the person card comes filled from the roster; a role makes him known.
    const form = await teams.tap(
      PEOPLE.zhouJie,
      'people.edit',
      buttons[0]?.data as Record<string, unknown>,
      undefined,
      'en-US',
    );
    const valueOf = (id: string) => nodes(form).find((n) => n.id === id)?.value;
    expect([valueOf('aadObjectId'), valueOf('name'), valueOf('email')]).toEqual([
      wuHao,
      '吴昊',
      'wu.hao@plandesk.example',
    ]);
    const saved = await teams.tap(
      PEOPLE.zhouJie,
      'people.save',
      {
        ...actionData(form, 'people.save'),
        aadObjectId: wuHao,
        name: '吴昊',
        email: 'wu.hao@plandesk.example',
        roles: 'applicant',
        unit: 'pudong-branch',
      },
      undefined,
      'en-US',
    );
    expect(linesOf(saved)).toContain('Saved as directory version 2.');

    // The same people seen again tell the admins of 郑洁 only.
    await teams.addToTeam(PEOPLE.zhouJie, '19:general@thread.tacv2');
    await teams.tickAt('2026-12-01T10:02');
    const later = teams
      .sentTo(PEOPLE.zhouJie)
      .map(cardOf)
      .filter((c) => c && linesOf(c).includes('members of a team'));
    expect(later.map((c) => linesOf(c).split(':')[1]?.split('.')[0])).toEqual([' 吴昊、郑洁', ' 郑洁']);
  });
});
