import { PEOPLE, TeamsHarness } from '../support/teams-harness';

const { wangFang, liuQiang } = PEOPLE;

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

  it('answers a malformed request with how to write it, and a refused one with why, in her language', async () => {
    expect(await reply('休假 12月3日 刘强')).toContain('请这样登记休假:休假 2026-12-01 2026-12-05 刘强');
    expect(await reply('away 2026-12-03 2026-12-04 li.na', 'en-US')).toBe(
      'That person may not decide your steps: a stand-in needs one of your approver roles, or to be your delegate in the directory.',
    );
    expect(await reply('away cancel', 'en-US')).toBe('You have no leave recorded now or ahead.');
  });
});

describe('人员 / people: an admin looks people up', () => {
  let teams: TeamsHarness;
  beforeEach(async () => {
    teams = await TeamsHarness.start();
    for (const who of [wangFang, PEOPLE.zhouJie]) await teams.say(who, '你好');
  });
  afterEach(async () => teams.stop());

  it('shows a person with roles, delegate, coverage, leave and open steps; refuses anyone not an admin', async () => {
    await teams.say(wangFang, '休假 2026-12-03 2026-12-04 刘强');

    const [found] = await teams.say(PEOPLE.zhouJie, '人员 王芳', 'zh-CN');

    expect(found?.text).toBe(
      [
        '**王芳**(wang.fang@plandesk.example)',
        '角色:经营管理部审批人',
        '代理人:刘强',
        '负责单位:全部',
        '休假:2026-12-03 至 2026-12-04,由刘强代理',
        '没有在办步骤',
      ].join('\n\n'),
    );
    const [refused] = await teams.say(wangFang, '人员');
    expect(refused?.text).toContain('管理员');
    const [none] = await teams.say(PEOPLE.zhouJie, '人员 李白', 'zh-CN');
    expect(none?.text).toBe('通讯录中没有与“李白”相符的人员。');
  });
});

describe('onboarding from a team', () => {
  let teams: TeamsHarness;
  beforeEach(async () => {
    teams = await TeamsHarness.start();
    await teams.say(PEOPLE.zhouJie, 'hello', 'en-US');
  });
  afterEach(async () => teams.stop());

  it('reads the whole roster when added to a team and tells the admins who the directory does not know', async () => {
    const member = (aadObjectId: string, name: string) => ({ id: `29:${aadObjectId}`, name, aadObjectId });
    teams.roster.push(
      member(PEOPLE.zhangWei.aad, '张伟'),
      member('aad-new-1', '吴昊'),
      member(wangFang.aad, '王芳'),
      member('aad-new-2', '郑洁'),
      member(PEOPLE.zhouJie.aad, '周杰'),
    );

    await teams.addToTeam(PEOPLE.zhouJie, '19:general@thread.tacv2');
    // Read in pages (two to a page here): every page asked for.
    expect(teams.calls.filter((c) => c.url.includes('/pagedmembers'))).toHaveLength(3);
    await teams.tickAt('2026-12-01T10:01');

    expect(teams.sentTo(PEOPLE.zhouJie).map((a) => a.text)).toContain(
      '2 members of a team are not in the PlanDesk directory: 吴昊、郑洁. Until they are added with roles they see no plan details; send "people" to see who is there, or import a new directory version with plandesk directory import.',
    );
    // The same people seen again tell the admins nothing new.
    await teams.addToTeam(PEOPLE.zhouJie, '19:general@thread.tacv2');
    await teams.tickAt('2026-12-01T10:02');
    expect(teams.sentTo(PEOPLE.zhouJie).filter((a) => a.text?.includes('吴昊'))).toHaveLength(1);
  });
});
