import { findPlanNumber } from '../../src/domain/plan-number';
import {
  actionData,
  cardOf,
  linesOf,
  PEOPLE,
  TeamsHarness,
  textOf,
  verbsOf,
  type Someone,
} from '../support/teams-harness';
import { lineForm } from '../support/forms';

const { zhangWei, wangFang, liuQiang } = PEOPLE;
/** A second ops approver, added to the directory by the test. */
const gaoFeng = { aad: '00000000-0000-0000-0000-00000000b005', name: '高峰' } as unknown as Someone;

/** scheduler-flow's tier-1 line plan from 浦东 (one step, for an ops approver), with a draft id of its own. */
const tier1Form = { ...lineForm, draftId: 'draft-team-queue' };

describe('the team queue in 待办: a colleague takes a step over, the ops head hands one on', () => {
  let teams: TeamsHarness;
  let id: string;

  beforeEach(async () => {
    teams = await TeamsHarness.start();
    const directory = await teams.app.store.directory.get();
    if (!directory) throw new Error('no directory');
    await teams.app.store.directory.add(
      {
        ...directory,
        people: [
          ...directory.people,
          {
            aadObjectId: gaoFeng.aad,
            name: '高峰',
            email: 'gao.feng@plandesk.example',
            roles: ['ops_approver'],
            delegate: liuQiang.aad,
          },
        ],
      },
      'test',
      new Date(),
    );
    for (const who of [...Object.values(PEOPLE), gaoFeng]) await teams.say(who, '你好');
    const card = await teams.tap(zhangWei, 'form.submit', tier1Form);
    id = findPlanNumber(textOf(card)) ?? '';
    // Two ops approvers covering every unit, none with open steps: 王芳, listed first, gets it.
    expect((await teams.app.store.applications.get(id))?.steps[0]?.assignee).toBe(wangFang.aad);
  });
  afterEach(async () => teams.stop());

  it("shows 高峰 王芳's step under 团队待办 (number, unit, step, deadline — no customer), and 认领 makes it his", async () => {
    const [pending] = await teams.say(gaoFeng, '待办');
    const list = cardOf(pending) ?? {};
    expect(linesOf(list)).toContain(`团队待办`);
    expect(linesOf(list)).toContain(`${id} · 浦东分公司\n经营管理部审批 · 王芳 · `);
    expect(textOf(list)).not.toContain('浦东精密制造有限公司');
    const takeOver = actionData(list, 'plan.take_over');
    expect(takeOver).toMatchObject({ applicationId: id, stepIndex: 0, assignee: wangFang.aad });

    const answered = await teams.tap(gaoFeng, 'plan.take_over', takeOver ?? {}, teams.activityIdOf(pending!));

    expect(linesOf(answered)).toContain(`您已认领 ${id},审批卡片已发到下方。`);
    const card = teams.sentTo(gaoFeng).map(cardOf).filter(Boolean).at(-1) ?? {};
    expect(verbsOf(card)).toContain('plan.approve');
    expect(textOf(card)).toContain('浦东精密制造有限公司');
    expect(teams.sentTo(wangFang).map((a) => a.text)).toContain(`高峰认领了申请 ${id} 的经营管理部审批,您无需再处理。`);
    // 王芳's copy of the card loses its buttons; off the plan now, she sees its status only.
    const hers = teams.updatesTo(wangFang).at(-1)?.card ?? {};
    expect(verbsOf(hers)).not.toContain('plan.approve');
    expect(textOf(hers)).not.toContain('¥2,400.00');
  });

  it('lets 刘强 (ops head) hand the step to 高峰 from his queue, and refuses a stale row afterwards', async () => {
    const [pending] = await teams.say(liuQiang, '待办');
    const list = cardOf(pending) ?? {};
    const handOver = actionData(list, 'plan.reassign');
    expect(handOver).toMatchObject({ applicationId: id, assignee: wangFang.aad });

    const answered = await teams.tap(liuQiang, 'plan.reassign', { ...handOver, handTo: gaoFeng.aad });

    expect(linesOf(answered)).toContain(`已将 ${id} 转交给高峰,对方已收到审批卡片。`);
    expect(teams.sentTo(gaoFeng).map((a) => a.text)).toContain(
      `刘强将申请 ${id} 的经营管理部审批转交给您,审批卡片已发给您,期限不变。`,
    );
    const again = await teams.tap(liuQiang, 'plan.reassign', { ...handOver, handTo: gaoFeng.aad });
    expect(linesOf(again)).toContain('这张卡片已过期');
  });
});
