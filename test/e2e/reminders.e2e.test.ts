import type { Job } from '../../src/app/ports/jobs';
import { formatWhen } from '../../src/bot/present/formatting';
import type { AdaptiveCard } from './support/adaptive-card';
import type { PlaygroundChat } from './support/playground-chat';
import { fileLinePlan } from './support/line-plan';
import { e2eScenario } from './support/scenario';

// The real bot, four Agents Playgrounds, Chromium and three `plandesk tick` runs: seconds per step.
jest.setTimeout(90_000);

/** Proactive sends go from the CLI through a Playground's connector to its page: wait generously. */
const WAIT = 30_000;

/** As test/bot/scheduler-flow.test.ts files it: a tier-1 line plan, no agent channel, so one step, 王芳 (经营管理部). */
const CUSTOMER = '浦东精密制造有限公司';
const GROUP_ID = 'G2100456';

/** Where 周杰 binds the notices: the team's General channel for ops, its other channel for the unit. */
const GENERAL = '集客部 - General';
const UNIT_CHANNEL = '集客部 - 方案审批';

/** Who the scenario opens, and what its steps hand on to the next ones. */
interface Scenario {
  zhouJie: PlaygroundChat;
  zhangWei: PlaygroundChat;
  wangFang: PlaygroundChat;
  zhaoLei: PlaygroundChat;
  id?: string;
  /** When the step is due, as the bot scheduled it. */
  dueAt?: string;
  /** The card 王芳 decides on. */
  approval?: AdaptiveCard;
  active?: boolean;
}

/** The one pending job of a kind (and key ending) the bot scheduled for the application. */
function jobOf(jobs: Job[], kind: Job['kind'], keyEnd = ''): Job {
  const found = jobs.filter((j) => j.kind === kind && j.id.endsWith(keyEnd));
  if (found.length !== 1)
    throw new Error(
      `expected one pending ${kind}${keyEnd ? ` (${keyEnd})` : ''} job, found ${found.length}: ${jobs.map((j) => `${j.id} @ ${j.dueAt}`).join(', ')}`,
    );
  return found[0] as Job;
}

describe('PlanDesk on time, end to end in the Agents Playground: `plandesk tick` brings a reminder, an overdue notice to ops in General and an expiry notice to the unit channel', () => {
  // Each opened Playground installs PlanDesk, so the bot keeps that person's chat and can write to it
  // later; the channel notices go through 周杰's Playground, where the channels are bound.
  // 赵磊 (support) gets the task because no support channel is bound: the bot writes to its handlers.
  const { so } = e2eScenario<Scenario>('reminders', {
    zhouJie: '周杰',
    zhangWei: '张伟',
    wangFang: '王芳',
    zhaoLei: '赵磊',
  });

  it('周杰 (admin, en-US) @mentions PlanDesk in General with 设为通知频道 ops (Chinese, the default), and in 方案审批 with 设为通知频道 pudong-branch en-US', async () => {
    const { e2e, zhouJie } = so();

    await zhouJie.openConversation(GENERAL);
    await zhouJie.sendWithMention('设为通知频道 ops');
    const ops = await zhouJie.waitForChannelThread(
      'Done: this channel now gets the "ops" notices (number, unit, status and deadline only), in Chinese.',
      WAIT,
    );
    await e2e.screenshot(ops, 'general-bound-to-ops');

    await zhouJie.openConversation(UNIT_CHANNEL);
    await zhouJie.sendWithMention('设为通知频道 pudong-branch en-US');
    await zhouJie.waitForChannelThread(
      'Done: this channel now gets the "浦东分公司" notices (number, unit, status and deadline only), in English.',
      WAIT,
    );
    const sent = zhouJie.playground.relay.activities.filter(
      (a) => a.type === 'message' && a.conversation?.conversationType === 'channel',
    );
    expect(sent.map((a) => a.locale)).toEqual(['en-US', 'en-US']);
  });

  it('张伟 applies for 4 DIA-100M lines at ¥2400.00 for 12 months; the application waits on 王芳', async () => {
    const { e2e, zhangWei, wangFang } = so();
    await wangFang.markBotMessages();

    const { id, text } = await fileLinePlan(zhangWei, { name: CUSTOMER, groupId: GROUP_ID });
    expect(text).toContain('经营管理部审批 · 王芳');

    await wangFang.waitForCard(id, WAIT);
    // When the step is due, as the bot scheduled it on submitting: the ticks below move time from there.
    const step = jobOf(await e2e.pendingJobs(id), 'step.overdue');
    so().id = id;
    so().dueAt = String(step.payload.dueAt);
  });

  it('a tick on the morning the step is due reminds 王芳 in her chat, in her language, with the card at hand', async () => {
    const { e2e, wangFang, id, dueAt } = so('id', 'dueAt');
    // The last reminder before the deadline: the due morning's (or, if none, the halfway one).
    const nudge = (await e2e.pendingJobs(id)).filter((j) => j.kind === 'step.nudge').at(-1);
    if (!nudge) throw new Error(`the bot scheduled no reminder for ${id}`);
    await wangFang.markBotMessages();

    const report = await e2e.tick(nudge.dueAt);

    expect(report.byKind['step.nudge']).toBeGreaterThanOrEqual(1);
    const reminder = await wangFang.waitForBotMessage(
      `提醒:申请 ${id} 等待您的经营管理部审批,请于 ${formatWhen(dueAt, 'zh-CN', new Date())} 前处理。`,
      WAIT,
    );
    // The reminder comes with a fresh copy of the application's card, to decide on at once.
    const approval = await wangFang.waitForCard(CUSTOMER, WAIT);
    expect(await approval.text()).toContain(id);
    await reminder.scrollIntoViewIfNeeded();
    await e2e.screenshot(wangFang, 'wang-fang-reminded');
    so().approval = approval;
  });

  it('a tick after the deadline tells ops in General: number, unit and deadline, no figures; 王芳 hears it too', async () => {
    const { e2e, zhouJie, wangFang, id, dueAt } = so('id', 'dueAt');
    const overdue = jobOf(await e2e.pendingJobs(id), 'step.overdue');
    await zhouJie.openConversation(GENERAL);

    const report = await e2e.tick(overdue.dueAt);

    expect(report.byKind['step.overdue']).toBeGreaterThanOrEqual(1);
    // The channel was bound without a language: a team reads it, so it hears Chinese whatever the admin's own language.
    const notice = `逾期:申请 ${id}(浦东分公司)的经营管理部审批已超过期限 ${formatWhen(dueAt, 'zh-CN', new Date())}。`;
    const thread = await zhouJie.waitForChannelThread(notice, WAIT);
    // Confidentiality: the channel hears number, unit, status and deadline, never the figures.
    expect(await thread.innerText()).not.toMatch(/¥|%|2400|115200/);
    await thread.scrollIntoViewIfNeeded();
    await e2e.screenshot(zhouJie, 'ops-overdue-notice-in-general');
    await wangFang.waitForBotMessage(
      `申请 ${id} 的经营管理部审批已超过期限(${formatWhen(dueAt, 'zh-CN', new Date())}),请尽快处理。`,
      WAIT,
    );
  });

  it('王芳 approves, 赵磊 marks it carried out, and the plan is active', async () => {
    const { e2e, zhangWei, zhaoLei, approval, id } = so('approval', 'id');
    await zhangWei.markBotMessages();

    await approval.click('批准');
    expect(await approval.execute('确认批准')).toMatchObject({ kind: 'invoke', status: 200 });
    const task = await zhaoLei.waitForCard(id, WAIT);
    await task.click('已完成受理');
    expect(await task.execute('确认已完成')).toMatchObject({ kind: 'invoke', status: 200 });

    await zhangWei.waitForBotMessage(`申请 ${id} 已受理完成,方案已生效。`, WAIT);
    expect((await e2e.pendingJobs(id)).map((j) => j.kind)).toContain('plan.expiry_notice');
    so().active = true;
  });

  it('a tick 30 days before the plan ends tells the unit channel 方案审批 when it runs until', async () => {
    const { e2e, zhouJie, zhangWei, id } = so('id', 'active');
    const notice = jobOf(await e2e.pendingJobs(id), 'plan.expiry_notice', ':30d');
    const lastDay = String(notice.payload.lastDay);
    await zhouJie.openConversation(UNIT_CHANNEL);
    await zhangWei.markBotMessages();

    const report = await e2e.tick(notice.dueAt);

    expect(report.byKind['plan.expiry_notice']).toBeGreaterThanOrEqual(1);
    const thread = await zhouJie.waitForChannelThread(
      `Ending: personalized plan ${id} (浦东分公司) runs until ${lastDay}.`,
      WAIT,
    );
    expect(await thread.innerText()).not.toMatch(/¥|%|2400|115200/);
    await thread.scrollIntoViewIfNeeded();
    await e2e.screenshot(zhouJie, 'unit-expiry-notice-in-channel');
    await zhangWei.waitForBotMessage(`您的个性化方案 ${id} 将于 ${lastDay} 到期(还剩 30 天)。`, WAIT);
  });
});
