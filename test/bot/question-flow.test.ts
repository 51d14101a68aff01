import { DEFAULT_LIFECYCLE } from '../../src/domain/lifecycle';
import { findPlanNumber } from '../../src/domain/plan-number';
import { QUESTION_MAX_LENGTH } from '../../src/domain/step-question';
import { lineForm } from '../support/forms';
import {
  actionData,
  cardOf,
  linesOf,
  nodes,
  PEOPLE,
  TeamsHarness,
  textOf,
  verbsOf,
  type CardJson,
  type Someone,
} from '../support/teams-harness';

const { zhangWei, wangFang, huangLi } = PEOPLE;

const QUESTION = '四个厂区的专线是否需要同一天开通?';
const ANSWER = '是的,客户要求 1 月 5 日同时割接。';

const texts = (activities: Partial<{ text?: string }>[]) =>
  activities.map((a) => a.text).filter((t): t is string => Boolean(t));

describe('询问 / Ask: a question to the applicant without returning the plan, through the bot', () => {
  let teams: TeamsHarness;
  let id: string;
  let formId: string;

  /** The newest card PlanDesk posted to a person, with its activity id. */
  function lastCardTo(who: Someone): { card: CardJson; activityId: string } {
    const last = teams
      .sentTo(who)
      .filter((a) => cardOf(a))
      .at(-1);
    if (!last) throw new Error(`${who.name} got no card`);
    return { card: cardOf(last) as CardJson, activityId: teams.activityIdOf(last) };
  }

  /** The latest version of a posted card, as the person now sees it (updated in place, or as posted). */
  const copyOf = (who: Someone, activityId: string): CardJson =>
    teams
      .updatesTo(who)
      .filter((u) => u.activityId === activityId)
      .at(-1)?.card ??
    cardOf(teams.sentTo(who).find((a) => teams.activityIdOf(a) === activityId)) ??
    {};

  beforeEach(async () => {
    // Tuesday 1 December 2026, 10:00: 张伟 files a tier-1 line plan; it reaches 王芳, due Thursday 18:00.
    teams = await TeamsHarness.start('2026-12-01T10:00:00+08:00');
    for (const who of Object.values(PEOPLE)) await teams.say(who, '你好');
    const [form] = await teams.say(zhangWei, '新建');
    formId = teams.activityIdOf(form ?? {});
    id = findPlanNumber(textOf(await teams.tap(zhangWei, 'form.submit', lineForm, formId))) ?? '';
    expect(id).toMatch(/^PP-2026-/);
  });
  afterEach(async () => teams.stop());

  async function ask(text: string, locale?: string) {
    const { card, activityId } = lastCardTo(wangFang);
    const data = actionData(card, 'plan.ask');
    if (!data) throw new Error(`王芳's card has no 询问: ${verbsOf(card).join(', ')}`);
    return {
      answered: await teams.tap(wangFang, 'plan.ask', { ...data, askText: text }, activityId, locale),
      activityId,
    };
  }

  it('goes to the applicant with an answer field, comes back to the approver on every copy, and leaves the decision hers', async () => {
    // 王芳's card offers 询问 beside the decisions; its field holds what the domain allows.
    const approverCard = lastCardTo(wangFang).card;
    expect(verbsOf(approverCard)).toEqual(expect.arrayContaining(['plan.approve', 'plan.return', 'plan.ask']));
    const askField = nodes(approverCard).find((n) => n.id === 'askText');
    expect(askField).toMatchObject({ type: 'Input.Text', isRequired: true, maxLength: QUESTION_MAX_LENGTH });
    expect(textOf(approverCard)).toContain('"title":"询问"');
    expect(textOf(approverCard)).toContain('向申请人提问(方案不退回,仍由您审批)');

    teams.setNow('2026-12-01T10:30:00+08:00');
    const { answered: asked, activityId: herCard } = await ask(QUESTION);
    // Her answer: the question open on the first screen, the step still hers, no second question meanwhile.
    expect(linesOf(asked)).toContain(
      `询问已发给申请人,回答后会通知您。方案没有退回,这一步仍由您审批。\n王芳的询问 · 待申请人回答\n问 · 王芳 · 12月1日 10:30\n${QUESTION}\n已发给申请人张伟,回答后会通知您。您也可以不等回答直接审批,询问随之关闭。\n审批期限不因询问顺延:12月3日 18:00 前。`,
    );
    expect(verbsOf(asked)).toContain('plan.approve');
    expect(verbsOf(asked)).not.toContain('plan.ask');
    expect(textOf(asked)).toContain('经营管理部审批 · 王芳 · 12月3日 18:00 前 · 询问待回答');

    // 张伟 is told, quoting the question, and gets the card with 回答 and an answer field under the question.
    expect(texts(teams.sentTo(zhangWei))).toContain(
      `王芳就申请 ${id} 向您询问(经营管理部审批):“${QUESTION}”请在卡片上点击“回答”答复。方案没有退回,仍由王芳审批。`,
    );
    const { card: hisCard, activityId: hisCardId } = lastCardTo(zhangWei);
    expect(verbsOf(hisCard)).toEqual(expect.arrayContaining(['plan.answer', 'plan.withdraw']));
    expect(verbsOf(hisCard)).not.toContain('plan.approve');
    expect(nodes(hisCard).find((n) => n.id === 'answerText')).toMatchObject({
      isRequired: true,
      maxLength: QUESTION_MAX_LENGTH,
    });
    expect(linesOf(hisCard)).toContain(
      `王芳的询问 · 待申请人回答\n问 · 王芳 · 12月1日 10:30\n${QUESTION}\n请点击下方“回答”答复。方案没有退回,仍由王芳审批。`,
    );
    expect(linesOf(hisCard)).toContain(`王芳问:“${QUESTION}”`);
    // The card he filed from updated too: it shows the question and offers 回答.
    expect(verbsOf(copyOf(zhangWei, formId))).toContain('plan.answer');

    // The next day's reminder says the question is open, and that the deadline runs on.
    await teams.tickAt('2026-12-02T14:00');
    expect(texts(teams.sentTo(wangFang)).filter((t) => t.startsWith('提醒'))).toEqual([
      `提醒:申请 ${id} 等待您的经营管理部审批,请于 12月3日 18:00 前处理。您的询问尚未获申请人回答,审批期限不因询问顺延。`,
    ]);

    // 张伟 answers on his card.
    teams.setNow('2026-12-02T15:00:00+08:00');
    const answered = await teams.tap(
      zhangWei,
      'plan.answer',
      { ...actionData(hisCard, 'plan.answer'), answerText: ANSWER },
      hisCardId,
    );
    expect(linesOf(answered)).toContain('您的回答已发给审批人。方案没有退回,仍在审批中。');
    expect(verbsOf(answered)).not.toContain('plan.answer');

    // 王芳 is told, quoting the answer; her copy shows the question and the answer; the step is still hers.
    expect(texts(teams.sentTo(wangFang))).toContain(
      `张伟回答了您就申请 ${id} 的询问(经营管理部审批):“${ANSWER}”卡片已更新,请继续审批。`,
    );
    const updated = copyOf(wangFang, herCard);
    expect(linesOf(updated)).toContain(
      `询问与回答(经营管理部审批)\n问 · 王芳 · 12月1日 10:30\n${QUESTION}\n答 · 张伟 · 12月2日 15:00\n${ANSWER}`,
    );
    expect(textOf(updated)).toContain('经营管理部审批 · 王芳 · 12月3日 18:00 前');
    expect(verbsOf(updated)).toEqual(expect.arrayContaining(['plan.approve', 'plan.ask']));
    // The history (under 方案详情) has both, with their words.
    expect(linesOf(updated)).toContain(`12月1日 10:30 · 王芳 · 经营管理部审批 · 询问申请人\n${QUESTION}`);
    expect(linesOf(updated)).toContain(`12月2日 15:00 · 张伟 · 经营管理部审批 · 回答询问\n${ANSWER}`);

    // She approves on the same card.
    const approved = await teams.tap(wangFang, 'plan.approve', actionData(updated, 'plan.approve') ?? {}, herCard);
    expect(textOf(approved)).toContain(`您已批准 ${id}`);
    const record = await teams.app.store.applications.get(id);
    expect(record?.state).toBe('in_fulfillment');
    expect(record?.steps[0]).toMatchObject({ status: 'approved', decidedBy: wangFang.aad });
    expect((await teams.app.store.audit.about(id)).map((e) => [e.actor, e.action])).toEqual(
      expect.arrayContaining([
        [wangFang.aad, 'question.ask'],
        [zhangWei.aad, 'question.answer'],
        [wangFang.aad, 'decide.approve'],
      ]),
    );
  });

  it('lets the approver decide without waiting: the question closes unanswered, and the history says so', async () => {
    await ask(QUESTION);
    const { card: hisCard, activityId: hisCardId } = lastCardTo(zhangWei);
    const { card, activityId } = lastCardTo(wangFang);
    await teams.tap(wangFang, 'plan.approve', actionData(card, 'plan.approve') ?? {}, activityId);
    // 张伟's card loses 回答; an answer from it now is refused in words, with the plan as it stands.
    expect(verbsOf(copyOf(zhangWei, hisCardId))).not.toContain('plan.answer');
    const late = await teams.tap(
      zhangWei,
      'plan.answer',
      { ...actionData(hisCard, 'plan.answer'), answerText: ANSWER },
      hisCardId,
    );
    expect(textOf(late)).toContain('这个询问已经关闭(已回答,或审批人已作出决定),无需再回答;以下是当前状态。');
    const shown = await teams.tap(zhangWei, 'plan.show', { applicationId: id });
    expect(linesOf(shown)).toContain('王芳 · 经营管理部审批 · 批准(询问未获回答,随之关闭)');
    expect((await teams.app.store.audit.about(id)).map((e) => [e.actor, e.action])).toContainEqual([
      zhangWei.aad,
      'refused.no_open_question',
    ]);
  });

  it('refuses, in words, a question by someone not deciding the step and one past the limit', async () => {
    const data = actionData(lastCardTo(wangFang).card, 'plan.ask') ?? {};
    const intruder = await teams.tap(huangLi, 'plan.ask', { ...data, askText: QUESTION });
    expect(textOf(intruder)).toContain('您不是这一步的审批人(或其代理人),不能操作。');
    const tooLong = await teams.tap(wangFang, 'plan.ask', { ...data, askText: '问'.repeat(QUESTION_MAX_LENGTH + 1) });
    expect(textOf(tooLong)).toContain('问题最多 500 个字,现在有 501 个字,请精简后再发送。');
    expect((await teams.app.store.applications.get(id))?.questions).toEqual([]);
  });

  it('with a policy that pauses the deadline while asking: says so, reminds nobody meanwhile, then moves the deadline', async () => {
    const current = await teams.app.store.policies.inForceOn('2026-12-01');
    if (!current) throw new Error('no policy in force');
    const { version: _v, effectiveFrom: _f, importedAt: _i, importedBy: _b, ...content } = current;
    await teams.app.store.policies.add(
      { ...content, lifecycle: { ...DEFAULT_LIFECYCLE, pauseDeadlineWhileAsking: true } },
      '2026-12-01',
      PEOPLE.liuQiang.aad,
      new Date('2026-12-01T02:00:00Z'),
    );
    const paused = findPlanNumber(textOf(await teams.tap(zhangWei, 'form.submit', lineForm))) ?? '';
    teams.setNow('2026-12-01T10:30:00+08:00');
    const { answered: asked } = await ask(QUESTION);
    expect(textOf(asked)).toContain(paused);
    expect(linesOf(asked)).toContain('询问期间审批期限暂停;回答后,期限按询问占用的工作时间顺延。');
    expect(textOf(asked)).toContain('经营管理部审批 · 王芳 · 询问待回答,期限暂停');

    // No reminder about the paused plan while the question is open (the first plan's still comes).
    await teams.tickAt('2026-12-03T09:00');
    const reminders = texts(teams.sentTo(wangFang)).filter((t) => t.startsWith('提醒'));
    expect(reminders.some((t) => t.includes(id))).toBe(true);
    expect(reminders.some((t) => t.includes(paused))).toBe(false);

    // Answered Thursday 10:00: open 7.5 + 9 + 1 working hours, so Thursday 18:00 becomes Monday 17:30.
    teams.setNow('2026-12-03T10:00:00+08:00');
    const { card, activityId } = lastCardTo(zhangWei);
    await teams.tap(zhangWei, 'plan.answer', { ...actionData(card, 'plan.answer'), answerText: ANSWER }, activityId);
    expect(texts(teams.sentTo(wangFang))).toContain(
      `张伟回答了您就申请 ${paused} 的询问(经营管理部审批):“${ANSWER}”询问期间期限暂停,审批期限顺延至 12月7日 17:30。卡片已更新,请继续审批。`,
    );
    expect((await teams.app.store.applications.get(paused))?.steps[0]?.dueAt).toBe('2026-12-07T09:30:00.000Z');
  });

  it('speaks English to an applicant whose Teams is in English', async () => {
    await teams.say(zhangWei, 'hello', 'en-US');
    await ask(QUESTION);
    expect(texts(teams.sentTo(zhangWei))).toContain(
      `王芳 has a question about application ${id} (Operations Management approval): "${QUESTION}" Tap "Answer" on the card to reply. The plan has not been returned; 王芳 still decides it.`,
    );
    const hisCard = lastCardTo(zhangWei).card;
    expect(textOf(hisCard)).toContain('"title":"Answer"');
    expect(textOf(hisCard)).toContain('Tap \\"Answer\\" below to reply.');
  });
});
