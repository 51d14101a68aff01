import { findPlanNumber } from '../../src/domain/plan-number';
import {
  actionData,
  cardOf,
  linesOf,
  PEOPLE,
  TeamsHarness,
  textOf,
  verbsOf,
  type CardJson,
  type Someone,
} from '../support/teams-harness';

const { zhangWei, liNa, wangFang, liuQiang, chenJing, zhaoLei, sunMin } = PEOPLE;

/** The application form as 张伟 fills it: an IoT plan through an agent channel (cooperation first). */
const agentPlanForm = {
  mode: 'new',
  applicationId: null,
  revision: null,
  unit: 'pudong-branch',
  activity: 'ACT-IOT-2026',
  customerName: '浦东智慧物流股份公司',
  customerGroupId: 'G2100789',
  startMonth: '2027-01',
  termMonths: 12,
  line0Product: 'IOT-CARD',
  line0Quantity: 1000,
  line0Price: '9.00',
  subsidyYuan: '',
  commissionPct: 6,
  agentChannel: 'true',
  agentName: '浦东物联代理',
  preConsultationRef: '',
  expectedRevenueYuan: '108000',
  expectedSubscribers: 1000,
  justification: '通过代理渠道发展一千张物流终端卡。',
};

/** The sample application as a form: a cloud PBX plan at tier 2 (the ops head decides). */
const tier2Form = {
  ...agentPlanForm,
  activity: 'ACT-CLOUD-2026',
  customerName: '上海某某集团',
  customerGroupId: 'G2100123',
  line0Product: 'CLOUD-PBX',
  line0Quantity: 200,
  line0Price: '30.00',
  subsidyYuan: '5000',
  commissionPct: '',
  agentChannel: 'false',
  expectedRevenueYuan: '72000',
  expectedSubscribers: 200,
  justification: '竞争对手报价每席位 30 元。',
};

describe('the approval conversation in Teams', () => {
  let teams: TeamsHarness;

  beforeEach(async () => {
    teams = await TeamsHarness.start();
    // Everyone has opened their chat with PlanDesk once (as installing the app does).
    for (const who of Object.values(PEOPLE)) await teams.say(who, '你好');
  });
  afterEach(async () => teams.stop());

  /** 张伟 types 新建, fills the form and submits; returns the answered card and the form card's activity id. */
  async function submitAs(who: Someone, form: Record<string, unknown>) {
    const [formMessage] = await teams.say(who, '新建');
    if (!formMessage) throw new Error('no form');
    const formId = teams.activityIdOf(formMessage);
    const card = await teams.tap(who, 'form.submit', form, formId);
    const id = findPlanNumber(textOf(card));
    if (!id) throw new Error(`not submitted: ${textOf(card).slice(0, 400)}`);
    return { card, id, formId };
  }

  /** The newest card PlanDesk posted to a person, with its activity id. */
  function lastCardTo(who: Someone): { card: CardJson; activityId: string } {
    const sent = teams.sentTo(who).filter((a) => cardOf(a));
    const last = sent.at(-1);
    if (!last) throw new Error(`${who.name} got no card`);
    return { card: cardOf(last) as CardJson, activityId: teams.activityIdOf(last) };
  }

  async function decide(who: Someone, verb: string, comment?: string, locale?: string) {
    const { card, activityId } = lastCardTo(who);
    const data = actionData(card, verb);
    if (!data) throw new Error(`${who.name}'s card has no ${verb}: ${verbsOf(card).join(', ')}`);
    const commentKey = `${verb.split('.')[1]}Comment`;
    return teams.tap(who, verb, { ...data, ...(comment ? { [commentKey]: comment } : {}) }, activityId, locale);
  }

  it('answers 新建 with the application form, the unit preset from the directory', async () => {
    const [reply] = await teams.say(zhangWei, '新建');
    const card = cardOf(reply) as CardJson;
    expect(verbsOf(card)).toEqual(expect.arrayContaining(['form.preview', 'form.submit']));
    expect(textOf(card)).toContain('"id":"unit"');
    expect(textOf(card)).toContain('pudong-branch');
  });

  it('previews a plan with its tier, reasons and the named approvers, keeping the form filled', async () => {
    const card = await teams.tap(zhangWei, 'form.preview', agentPlanForm);
    const text = textOf(card);
    expect(text).toContain('需要审批');
    expect(text).toContain('合作管理部审批');
    expect(text).toContain('李娜');
    expect(text).toContain('王芳');
    expect(text).toContain('浦东智慧物流股份公司');
    expect(verbsOf(card)).toContain('form.submit');
  });

  it('shows every problem next to its field and files nothing', async () => {
    const card = await teams.tap(zhangWei, 'form.submit', {
      ...agentPlanForm,
      line0Price: '8.995',
      customerName: '',
      termMonths: 0,
    });
    const text = textOf(card);
    expect(text).toContain('应为金额(元),最多两位小数');
    expect(text).toContain('不能小于 1');
    expect(text).toContain('必填');
    expect(await teams.app.store.applications.list()).toHaveLength(0);
  });

  it('files only for an account manager of the unit applied for, saying so to anyone else', async () => {
    const byApprover = await teams.tap(liNa, 'form.submit', agentPlanForm);
    expect(textOf(byApprover)).toContain('只有营销单位的客户经理可以为本单位提交申请(单位:pudong-branch)。');
    const forAnotherUnit = await teams.tap(PEOPLE.huangLi, 'form.submit', agentPlanForm);
    expect(textOf(forAnotherUnit)).toContain('只有营销单位的客户经理可以为本单位提交申请');
    expect(await teams.app.store.applications.list()).toHaveLength(0);
    expect((await teams.app.store.audit.about('unit:pudong-branch')).map((e) => [e.actor, e.action])).toEqual([
      [liNa.aad, 'refused.not_an_applicant'],
      [PEOPLE.huangLi.aad, 'refused.not_an_applicant'],
    ]);
  });

  it('blocks a plan below cost with the figures, and files nothing', async () => {
    const card = await teams.tap(zhangWei, 'form.submit', { ...tier2Form, line0Price: '19.00' });
    expect(textOf(card)).toContain('低于单位成本');
    expect(textOf(card)).toContain('不能提交');
    expect(await teams.app.store.applications.list()).toHaveLength(0);
  });

  it('runs an agent-channel plan through cooperation, then ops, then fulfillment, telling the applicant at each step', async () => {
    const { id } = await submitAs(zhangWei, agentPlanForm);
    expect(id).toBe('PP-2026-000001');

    // 李娜 (合作管理部) gets the approval card proactively, with the decision buttons.
    expect(verbsOf(lastCardTo(liNa).card)).toEqual(
      expect.arrayContaining(['plan.approve', 'plan.reject', 'plan.return']),
    );
    expect(verbsOf(lastCardTo(liNa).card)).not.toContain('plan.escalate');
    // 第十一条: ops has the plan at once, to prepare — a copy without buttons that says whose turn it is.
    const ahead = lastCardTo(wangFang);
    expect(verbsOf(ahead.card)).not.toContain('plan.approve');
    expect(textOf(ahead.card)).toContain(
      '此方案涉及代理渠道,按第十一条同时报送经营管理部。当前步骤:合作管理部审批(李娜);之后是您的经营管理部审批。',
    );
    // Which agent, as the form recorded it, under 方案详情.
    expect(textOf(ahead.card)).toContain('浦东物联代理(代理渠道,先经合作管理部审批)');
    const afterCooperation = await decide(liNa, 'plan.approve');
    // The copy updates: now it carries the buttons.
    const updatedCopy = teams
      .updatesTo(wangFang)
      .filter((u) => u.activityId === ahead.activityId)
      .at(-1);
    expect(verbsOf(updatedCopy?.card ?? {})).toContain('plan.approve');
    expect(textOf(afterCooperation)).toContain(`您已批准 ${id}`);
    expect(verbsOf(afterCooperation)).not.toContain('plan.approve');

    // Then 王芳 (经营管理部, tier1) — ops may also escalate.
    expect(verbsOf(lastCardTo(wangFang).card)).toEqual(expect.arrayContaining(['plan.approve', 'plan.escalate']));
    expect(teams.sentTo(zhangWei).some((a) => a.text === `申请 ${id} 已进入下一步:经营管理部审批。`)).toBe(true);
    await decide(wangFang, 'plan.approve', '同意,按期受理');

    // Final approval: the applicant is told, and the support handler gets the task with its deadline.
    expect(
      teams.sentTo(zhangWei).some((a) => a.text === `申请 ${id} 已审批通过,业务支撑中心将在一个工作日内完成受理。`),
    ).toBe(true);
    const task = lastCardTo(zhaoLei).card;
    expect(verbsOf(task)).toContain('plan.fulfill');
    expect(textOf(task)).toContain('12月2日 18:00');
    // A task card posted before the verb was renamed sends its former name, fulfillment.done; that still works.
    const done = await teams.tap(
      zhaoLei,
      'fulfillment.done',
      { ...actionData(task, 'plan.fulfill'), fulfillComment: '已在 BOSS 系统配置' },
      lastCardTo(zhaoLei).activityId,
    );
    expect(textOf(done)).toContain('已生效');

    const record = await teams.app.store.applications.get(id);
    expect(record?.state).toBe('active');
    expect(record?.steps.map((s) => [s.step, s.status, s.decidedBy])).toEqual([
      ['cooperation', 'approved', liNa.aad],
      ['ops_review', 'approved', wangFang.aad],
    ]);
    expect(teams.sentTo(zhangWei).some((a) => a.text === `申请 ${id} 已受理完成,方案已生效。`)).toBe(true);
  });

  it('updates every copy of the card when a decision is made, so nobody sees stale buttons', async () => {
    const { id, formId } = await submitAs(zhangWei, agentPlanForm);
    const liNaCard = lastCardTo(liNa);
    await decide(liNa, 'plan.reject', '代理渠道资质不全');
    const applicantCopy = teams
      .updatesTo(zhangWei)
      .filter((u) => u.activityId === formId)
      .at(-1);
    const approverCopy = teams
      .updatesTo(liNa)
      .filter((u) => u.activityId === liNaCard.activityId)
      .at(-1);
    expect(textOf(applicantCopy?.card ?? {})).toContain('已驳回');
    expect(textOf(approverCopy?.card ?? {})).toContain('已驳回');
    expect(verbsOf(approverCopy?.card ?? {})).not.toContain('plan.approve');
    // The approver's own copy keeps the confirmation of what they did after the refresh.
    expect(textOf(approverCopy?.card ?? {})).toContain(`您已驳回 ${id}`);
    expect((await teams.app.store.applications.get(id))?.state).toBe('rejected');
  });

  it('requires a reason to reject, and decides nothing without one', async () => {
    const { id } = await submitAs(zhangWei, agentPlanForm);
    const card = await decide(liNa, 'plan.reject');
    expect(textOf(card)).toContain('请填写理由');
    expect((await teams.app.store.applications.get(id))?.state).toBe('in_review');
  });

  it('returns an application for revision; the applicant edits the prefilled form and resubmits a new revision routed from the start', async () => {
    const { id } = await submitAs(zhangWei, agentPlanForm);
    await decide(liNa, 'plan.return', '酬金比例请降到 5.5%');
    // The notice says who returned it and what to change; so does the first screen of the card.
    expect(teams.sentTo(zhangWei).map((a) => a.text)).toContain(
      `申请 ${id} 被李娜退回修改(合作管理部审批):“酬金比例请降到 5.5%”。请在卡片上点击“修改并重新提交”。`,
    );
    const { card: returned, activityId } = teams.updatesTo(zhangWei).at(-1) ?? { card: {}, activityId: '' };
    expect(linesOf(returned)).toContain('李娜退回修改(合作管理部审批)\n酬金比例请降到 5.5%\n请按意见修改后');
    expect(textOf(returned)).toContain('等待申请人修改并重新提交');
    const edit = actionData(returned, 'plan.edit');
    expect(edit).toBeDefined();
    const form = await teams.tap(zhangWei, 'plan.edit', edit ?? {}, activityId);
    expect(textOf(form)).toContain('浦东智慧物流股份公司');
    const resubmitData = actionData(form, 'form.submit') ?? {};
    const card = await teams.tap(
      zhangWei,
      'form.submit',
      { ...agentPlanForm, ...resubmitData, commissionPct: '5.5', line0Price: '9.50' },
      activityId,
    );
    expect(textOf(card)).toContain(`已重新提交 ${id}(第 2 版)`);
    expect(textOf(card)).toContain('第 2 版');
    // The refresh of the same card that follows keeps the confirmation (it used to drop it).
    const refreshed = teams.updatesTo(zhangWei).filter((u) => u.activityId === activityId);
    expect(refreshed.length).toBeGreaterThan(0);
    expect(textOf(refreshed.at(-1)?.card ?? {})).toContain(`已重新提交 ${id}(第 2 版)`);

    const record = await teams.app.store.applications.get(id);
    expect(record?.revision).toBe(2);
    expect(record?.input.commissionBp).toBe(550);
    expect(record?.pastRevisions.map((r) => [r.revision, r.input.commissionBp, r.steps[0]?.status])).toEqual([
      [1, 600, 'returned'],
    ]);
    expect(record?.steps.map((s) => [s.step, s.status])).toEqual([
      ['cooperation', 'pending'],
      ['ops_review', 'waiting'],
    ]);
    // 李娜 gets the new revision's card, with what changed since the revision she returned; her card of revision 1 is now stale.
    const again = lastCardTo(liNa).card;
    expect(verbsOf(again)).toContain('plan.approve');
    expect(linesOf(again)).toContain('与第 1 版相比的修改\n• 第 1 行单价 ¥9.00 → ¥9.50\n• 代理佣金 6.00% → 5.50%');
    expect(textOf(again)).toContain('原单价 ¥9.00');
    // The history line of the resubmission lists the same changes.
    const shown = await teams.tap(liNa, 'plan.show', { applicationId: id });
    expect(linesOf(shown)).toContain('修改后重新提交\n第 1 行单价 ¥9.00 → ¥9.50;代理佣金 6.00% → 5.50%');
  });

  it('refuses a card from an older revision with the current state shown', async () => {
    const { id } = await submitAs(zhangWei, agentPlanForm);
    const oldCard = lastCardTo(liNa);
    const oldApprove = actionData(oldCard.card, 'plan.approve') ?? {};
    await decide(liNa, 'plan.return', '请补充客户证明');
    const form = await teams.tap(
      zhangWei,
      'plan.edit',
      actionData(teams.updatesTo(zhangWei).at(-1)?.card ?? {}, 'plan.edit') ?? {},
    );
    await teams.tap(zhangWei, 'form.submit', { ...agentPlanForm, ...actionData(form, 'form.submit') });
    const stale = await teams.tap(liNa, 'plan.approve', oldApprove, oldCard.activityId);
    expect(textOf(stale)).toContain('这张卡片已过期');
    expect((await teams.app.store.applications.get(id))?.steps[0]?.status).toBe('pending');
  });

  it('lets the applicant withdraw while undecided, and tells the waiting approver', async () => {
    const { id, formId } = await submitAs(zhangWei, agentPlanForm);
    const mine =
      teams.updatesTo(zhangWei).find((u) => u.activityId === formId)?.card ??
      (await teams.tap(zhangWei, 'plan.show', { applicationId: id }));
    const withdrawData = actionData(mine, 'plan.withdraw');
    expect(withdrawData).toBeDefined();
    const card = await teams.tap(zhangWei, 'plan.withdraw', withdrawData ?? {}, formId);
    expect(textOf(card)).toContain(`您已撤回 ${id}`);
    expect((await teams.app.store.applications.get(id))?.state).toBe('withdrawn');
    expect(teams.sentTo(liNa).some((a) => a.text === `申请 ${id} 已被申请人撤回,无需再审批。`)).toBe(true);
  });

  it('escalates a plan to leadership, after which ops gives the final reply', async () => {
    const { id } = await submitAs(zhangWei, tier2Form);
    expect(verbsOf(lastCardTo(liuQiang).card)).toContain('plan.escalate');
    await decide(liuQiang, 'plan.escalate', '金额较大,报领导');
    expect(verbsOf(lastCardTo(chenJing).card)).toContain('plan.approve');
    await decide(chenJing, 'plan.approve');
    await decide(liuQiang, 'plan.approve', '按领导意见批准');
    const record = await teams.app.store.applications.get(id);
    expect(record?.steps.map((s) => [s.step, s.status])).toEqual([
      ['ops_review', 'escalated'],
      ['leadership', 'approved'],
      ['ops_final', 'approved'],
    ]);
    expect(record?.state).toBe('in_fulfillment');
  });

  it("refuses an intruder's approval, audits it, and shows them no buttons", async () => {
    const { id } = await submitAs(zhangWei, agentPlanForm);
    const data = actionData(lastCardTo(liNa).card, 'plan.approve') ?? {};
    const card = await teams.tap(sunMin, 'plan.approve', data);
    expect(textOf(card)).not.toContain('plan.approve');
    expect((await teams.app.store.applications.get(id))?.steps[0]?.status).toBe('pending');
    const audit = await teams.app.store.audit.about(id);
    expect(audit.map((e) => [e.actor, e.action])).toContainEqual([sunMin.aad, 'refused.not_an_approver']);
  });

  it('never lets applicants approve their own plan', async () => {
    const { id } = await submitAs(zhangWei, agentPlanForm);
    const data = actionData(lastCardTo(liNa).card, 'plan.approve') ?? {};
    const card = await teams.tap(zhangWei, 'plan.approve', data);
    expect(textOf(card)).toContain('不能审批自己提交的申请');
    expect((await teams.app.store.applications.get(id))?.steps[0]?.status).toBe('pending');
  });

  it('decides once when an approver double-taps approve', async () => {
    const { id } = await submitAs(zhangWei, agentPlanForm);
    const { card, activityId } = lastCardTo(liNa);
    const data = actionData(card, 'plan.approve') ?? {};
    const [first, second] = await Promise.all([
      teams.tap(liNa, 'plan.approve', data, activityId),
      teams.tap(liNa, 'plan.approve', data, activityId),
    ]);
    const texts = [textOf(first), textOf(second)];
    expect(texts.filter((t) => t.includes(`您已批准 ${id}`))).toHaveLength(1);
    const record = await teams.app.store.applications.get(id);
    expect(record?.history.filter((h) => h.action === 'cooperation.approve')).toHaveLength(1);
    expect(teams.sentTo(wangFang).filter((a) => verbsOf(cardOf(a) ?? {}).includes('plan.approve'))).toHaveLength(1);
  });

  it('files one application when Submit is tapped ten times at once on the same form', async () => {
    const [formMessage] = await teams.say(zhangWei, '新建');
    const draftId = actionData(cardOf(formMessage) ?? {}, 'form.submit')?.draftId;
    expect(draftId).toEqual(expect.any(String));
    const tap = () =>
      teams.tap(zhangWei, 'form.submit', { ...agentPlanForm, draftId }, teams.activityIdOf(formMessage ?? {}));
    const answers = await Promise.all(Array.from({ length: 10 }, tap));
    for (const answer of answers) expect(textOf(answer)).toContain('已提交,编号 PP-2026-000001');
    expect(await teams.app.store.applications.list()).toHaveLength(1);
    // The same form submitted again later, after the first answer, finds it too.
    expect(textOf(await tap())).toContain('已提交,编号 PP-2026-000001');
    expect(await teams.app.store.applications.list()).toHaveLength(1);
    expect(teams.sentTo(liNa).filter((a) => verbsOf(cardOf(a) ?? {}).includes('plan.approve'))).toHaveLength(1);
  });

  // An undefined draft id is left out of the invoke's JSON: the submit carries none at all.
  it.each([
    ['no draft id', undefined],
    ['a null draft id', null],
    ['an empty draft id', ''],
  ])('refuses a submit with %s as a bad request naming draftId, filing nothing', async (_, draftId) => {
    await expect(teams.tap(zhangWei, 'form.submit', { ...agentPlanForm, draftId })).rejects.toThrow(
      /HTTP 400.*draftId/,
    );
    expect(await teams.app.store.applications.list()).toEqual([]);
  });

  it("lists what waits on an approver, and the applicant's own applications", async () => {
    const { id } = await submitAs(zhangWei, agentPlanForm);
    const [pending] = await teams.say(liNa, '待办');
    const list = cardOf(pending) ?? {};
    // Each row: status, what it waits on with its deadline, and the last change, labelled.
    expect(linesOf(list)).toContain(
      `${id}\n浦东智慧物流股份公司\n审批中 · 合作管理部审批 · 李娜 · 12月3日 18:00 前 · 更新于 12月1日 10:00`,
    );

    // 查看 opens the plan as a new card below; the list stays, saying where the plan went.
    const before = teams.sentTo(liNa).length;
    const answered = await teams.tap(
      liNa,
      'plan.show',
      actionData(list, 'plan.show') ?? {},
      teams.activityIdOf(pending!),
    );
    expect(linesOf(answered)).toContain(`待我处理\n${id} 已在下方打开。`);
    expect(verbsOf(answered)).toEqual(['plan.show']);
    const opened = teams.sentTo(liNa).slice(before).map(cardOf).find(Boolean) ?? {};
    expect(verbsOf(opened)).toContain('plan.approve');
    expect(textOf(opened)).toContain('浦东智慧物流股份公司');
    const [nothing] = await teams.say(wangFang, '待办');
    expect(textOf(cardOf(nothing) ?? {})).toContain('目前没有等待您处理的事项');
    const [mine] = await teams.say(zhangWei, '我的');
    expect(textOf(cardOf(mine) ?? {})).toContain(id);
  });

  it('keeps a plan confidential from people not on it', async () => {
    const { id } = await submitAs(zhangWei, agentPlanForm);
    const [reply] = await teams.say(PEOPLE.huangLi, `查看 ${id}`);
    expect(reply?.text).toBe(`方案内容保密,您无权查看 ${id}。`);
    const [auditorView] = await teams.say(sunMin, `查看 ${id}`);
    expect(textOf(cardOf(auditorView) ?? {})).toContain('浦东智慧物流股份公司');
    const actions = (await teams.app.store.audit.about(id)).map((e) => [e.actor, e.action]);
    expect(actions).toContainEqual([PEOPLE.huangLi.aad, 'refused.view']);
    expect(actions).toContainEqual([sunMin.aad, 'view']);
  });

  it("never shows a plan's details where others read: a channel gets number, unit, status and deadline only", async () => {
    const { id } = await submitAs(zhangWei, agentPlanForm);
    const CHANNEL = '19:sales@thread.tacv2';
    const said = [
      ...(await teams.sayInChannel(zhangWei, CHANNEL, `查看 ${id}`)),
      ...(await teams.sayInChannel(zhangWei, CHANNEL, '新建')),
      ...(await teams.sayInChannel(liNa, CHANNEL, '待办')),
    ];
    expect(said.map((a) => a.text)).toEqual(Array(3).fill('方案内容保密:请在与 PlanDesk 的私聊中使用此功能。'));
    const shown = await teams.tapInChannel(zhangWei, CHANNEL, 'plan.show', { applicationId: id });
    expect(textOf(shown)).toContain(id);
    expect(textOf(shown)).not.toMatch(/¥|%|浦东智慧物流|9\.00/);
    const form = await teams.tapInChannel(zhangWei, CHANNEL, 'form.preview', agentPlanForm);
    expect(textOf(form)).toContain('方案内容保密');
    expect(textOf(form)).not.toContain('浦东智慧物流');
  });

  it('speaks English to a user whose Teams locale is English', async () => {
    await submitAs(zhangWei, agentPlanForm);
    const card = await decide(liNa, 'plan.approve', undefined, 'en-US');
    expect(textOf(card)).toContain('You approved PP-2026-000001');
    const [help] = await teams.say(liNa, 'help', 'en-US');
    expect(textOf(cardOf(help) ?? {})).toContain('PlanDesk personalized plan assistant');
  });

  it("speaks the directory's language when Teams sends no locale, and Chinese when neither says", async () => {
    // 周杰 is en-US in the directory; 张伟 has no language there.
    const [welcome] = await teams.install(PEOPLE.zhouJie, null);
    expect(textOf(cardOf(welcome) ?? {})).toContain('PlanDesk personalized plan assistant');
    const [answer] = await teams.say(PEOPLE.zhouJie, 'mine', null);
    expect(textOf(cardOf(answer) ?? {})).toContain('My applications');
    const [chinese] = await teams.install(zhangWei, null);
    expect(textOf(cardOf(chinese) ?? {})).toContain('PlanDesk 个性化方案助手');
    // A locale Teams does send wins over the directory's.
    const [asked] = await teams.say(PEOPLE.zhouJie, '帮助', 'zh-CN');
    expect(textOf(cardOf(asked) ?? {})).toContain('PlanDesk 个性化方案助手');
  });
});
