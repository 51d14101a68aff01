import { answerQuestion, askQuestion, type AnswerCommand, type AskCommand } from '../../../src/app/approval/questions';
import { withdrawApplication } from '../../../src/app/approval/applicant-actions';
import { DEFAULT_LIFECYCLE } from '../../../src/domain/lifecycle';
import type { ApplicationRecord } from '../../../src/app/records/application-record';
import {
  actionsAbout,
  decided,
  filed,
  huangLi,
  liuQiang,
  openDesk,
  pendingOutbox,
  samplePlan,
  sunMin,
  wangFang,
  zhangWei,
  type Desk,
} from './desk';

const QUESTION = '竞争对手的报价是否含安装费?';
const ANSWER = '不含,安装费另计每席位 20 元。';

/** 刘强's question on the ops step of 张伟's cloud PBX plan (tier 2: the ops head decides). */
const asking = (id: string, changes: Partial<AskCommand> = {}): AskCommand => ({
  applicationId: id,
  revision: 1,
  stepIndex: 0,
  text: QUESTION,
  actor: liuQiang,
  ...changes,
});
const answering = (id: string, changes: Partial<AnswerCommand> = {}): AnswerCommand => ({
  applicationId: id,
  revision: 1,
  stepIndex: 0,
  question: 0,
  text: ANSWER,
  actor: zhangWei,
  ...changes,
});

async function must(result: Promise<{ ok: true; value: ApplicationRecord } | { ok: false; error: { code: string } }>) {
  const done = await result;
  if (!done.ok) throw new Error(`refused: ${done.error.code}`);
  return done.value;
}

describe('asking the applicant a question without returning the plan', () => {
  let desk: Desk;
  let plan: ApplicationRecord;
  beforeEach(async () => {
    desk = await openDesk();
    plan = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
    desk.setNow('2026-12-01T10:30:00+08:00');
  });
  afterEach(async () => desk.close());

  it('should keep the step with its approver and send the applicant the question and their card', async () => {
    const before = await pendingOutbox(desk.store);
    const record = await must(askQuestion(desk.deps, asking(plan.id, { text: `  ${QUESTION}\n` })));
    expect(record).toMatchObject({ version: 2, state: 'in_review', steps: plan.steps });
    expect(record.questions).toEqual([
      {
        revision: 1,
        stepIndex: 0,
        askedBy: liuQiang,
        askedAt: '2026-12-01T02:30:00.000Z',
        text: QUESTION,
        answer: null,
        answeredBy: null,
        answeredAt: null,
        closedAt: null,
      },
    ]);
    expect(record.history.at(-1)).toMatchObject({ actor: liuQiang, action: 'ops_review.asked', comment: QUESTION });
    expect((await pendingOutbox(desk.store)).slice(before.length)).toEqual([
      { kind: 'refresh', applicationId: plan.id },
      {
        kind: 'text',
        applicationId: plan.id,
        to: { kind: 'person', id: zhangWei },
        key: 'notice.asked',
        params: { id: plan.id, step: 'ops_review', who: '刘强', question: QUESTION },
      },
      { kind: 'card', applicationId: plan.id, to: { kind: 'person', id: zhangWei } },
    ]);
    const audit = await desk.store.audit.about(plan.id);
    expect(audit.at(-1)).toMatchObject({ actor: liuQiang, action: 'question.ask', after: record.questions[0] });
    // The deadline runs on (the sample policy does not pause it): the step's reminders stay as they were.
    expect((await desk.store.jobs.pendingFor(plan.id)).map((j) => [j.kind, j.dueAt])).toEqual(
      expect.arrayContaining([['step.overdue', '2026-12-04T01:00:00.000Z']]),
    );
  });

  it('should tell the approver the answer, quoting it, keep the step theirs and refresh every copy', async () => {
    await must(askQuestion(desk.deps, asking(plan.id)));
    desk.setNow('2026-12-01T14:00:00+08:00');
    const before = await pendingOutbox(desk.store);
    const record = await must(answerQuestion(desk.deps, answering(plan.id, { text: ` ${ANSWER} ` })));
    expect(record.questions[0]).toMatchObject({
      answer: ANSWER,
      answeredBy: zhangWei,
      answeredAt: '2026-12-01T06:00:00.000Z',
      closedAt: null,
    });
    expect(record.steps).toEqual(plan.steps);
    expect(record.history.map((h) => [h.actor, h.action, h.comment])).toEqual([
      [zhangWei, 'submitted', undefined],
      [liuQiang, 'ops_review.asked', QUESTION],
      [zhangWei, 'ops_review.answered', ANSWER],
    ]);
    expect((await pendingOutbox(desk.store)).slice(before.length)).toEqual([
      { kind: 'refresh', applicationId: plan.id },
      {
        kind: 'text',
        applicationId: plan.id,
        to: { kind: 'person', id: liuQiang },
        key: 'notice.answered',
        params: { id: plan.id, step: 'ops_review', who: '张伟', answer: ANSWER },
      },
    ]);
    expect(await actionsAbout(desk.store, plan.id)).toEqual([
      `submit by ${zhangWei}`,
      `question.ask by ${liuQiang}`,
      `question.answer by ${zhangWei}`,
    ]);
  });

  it("should tell both the delegate who asked and the step's approver of the answer", async () => {
    // 张伟's tier-1 line plan reaches 王芳, whose delegate is 刘强; 刘强 asks in her stead.
    const line = await filed(desk.deps, samplePlan('02-line-tier1', { applicant: zhangWei, unit: 'pudong-branch' }));
    expect(line.steps[0]).toMatchObject({ assignee: wangFang, delegate: liuQiang });
    await must(askQuestion(desk.deps, asking(line.id)));
    const before = await pendingOutbox(desk.store);
    await must(answerQuestion(desk.deps, answering(line.id)));
    const told = (await pendingOutbox(desk.store)).slice(before.length).filter((m) => m.kind === 'text');
    expect(told.map((m) => m.kind === 'text' && [m.to, m.key])).toEqual([
      [{ kind: 'person', id: liuQiang }, 'notice.answered'],
      [{ kind: 'person', id: wangFang }, 'notice.answered'],
    ]);
  });

  it('should let the approver decide while the question is open, closing it unanswered', async () => {
    await must(askQuestion(desk.deps, asking(plan.id)));
    desk.setNow('2026-12-01T16:00:00+08:00');
    const approved = await decided(desk.deps, plan.id, liuQiang, 'approve');
    expect(approved.state).toBe('in_fulfillment');
    expect(approved.questions[0]).toMatchObject({ answer: null, closedAt: '2026-12-01T08:00:00.000Z' });
    expect(await answerQuestion(desk.deps, answering(plan.id))).toMatchObject({
      ok: false,
      error: { code: 'no_open_question' },
    });
  });

  it('should close an open question when the applicant withdraws the plan', async () => {
    await must(askQuestion(desk.deps, asking(plan.id)));
    const withdrawn = await withdrawApplication(desk.deps, plan.id, zhangWei);
    expect(withdrawn.ok && withdrawn.value.questions[0]?.closedAt).toBe('2026-12-01T02:30:00.000Z');
  });

  it.each<[string, 'ask' | 'answer', Partial<AskCommand & AnswerCommand>, Record<string, unknown>]>([
    ['another applicant asking', 'ask', { actor: huangLi }, { code: 'not_an_approver' }],
    ['the applicant asking', 'ask', { actor: zhangWei }, { code: 'own_application' }],
    ['an auditor asking', 'ask', { actor: sunMin }, { code: 'not_an_approver' }],
    ['a question from a card of another revision', 'ask', { revision: 2 }, { code: 'stale_card' }],
    ['an empty question', 'ask', { text: '   ' }, { code: 'text_required', what: 'question' }],
    [
      'a question of 501 characters',
      'ask',
      { text: '问'.repeat(501) },
      { code: 'text_too_long', what: 'question', max: 500, length: 501 },
    ],
    ['an answer with nothing asked', 'answer', {}, { code: 'no_open_question' }],
    ['an answer by the approver', 'answer', { actor: liuQiang }, { code: 'not_the_applicant' }],
  ])('should refuse %s, audited, changing nothing', async (_, act, changes, error) => {
    const outbox = await pendingOutbox(desk.store);
    const result =
      act === 'ask'
        ? await askQuestion(desk.deps, asking(plan.id, changes))
        : await answerQuestion(desk.deps, answering(plan.id, changes));
    expect(result).toMatchObject({ ok: false, error: { ...error, record: plan } });
    expect(await desk.store.applications.get(plan.id)).toEqual(plan);
    expect(await pendingOutbox(desk.store)).toEqual(outbox);
    expect((await desk.store.audit.about(plan.id)).at(-1)).toMatchObject({
      actor: changes.actor ?? (act === 'ask' ? liuQiang : zhangWei),
      action: `refused.${String(error.code)}`,
      after: { action: act, revision: changes.revision ?? 1, stepIndex: 0 },
    });
  });

  it('should refuse a second question while one is open, and an answer from a card showing an older one', async () => {
    await must(askQuestion(desk.deps, asking(plan.id)));
    expect(await askQuestion(desk.deps, asking(plan.id, { text: '还有一个问题' }))).toMatchObject({
      ok: false,
      error: { code: 'question_open' },
    });
    await must(answerQuestion(desk.deps, answering(plan.id)));
    await must(askQuestion(desk.deps, asking(plan.id, { text: '安装费由谁承担?' })));
    expect(await answerQuestion(desk.deps, answering(plan.id, { question: 0 }))).toMatchObject({
      ok: false,
      error: { code: 'stale_card' },
    });
    expect((await must(answerQuestion(desk.deps, answering(plan.id, { question: 1 })))).questions).toHaveLength(2);
  });
});

describe('a policy that pauses the deadline while a question is open', () => {
  let desk: Desk;
  let plan: ApplicationRecord;
  beforeEach(async () => {
    desk = await openDesk();
    const {
      version: _v,
      effectiveFrom: _f,
      importedAt: _i,
      importedBy: _b,
      ...content
    } = (await desk.store.policies.inForceOn('2026-12-01')) ?? (await desk.store.policies.list())[0]!;
    await desk.store.policies.add(
      { ...content, lifecycle: { ...DEFAULT_LIFECYCLE, pauseDeadlineWhileAsking: true } },
      '2026-12-01',
      'ops-head',
      new Date('2026-12-01T01:00:00Z'),
    );
    plan = await filed(desk.deps, samplePlan('01-cloud-pbx-tier2'));
  });
  afterEach(async () => desk.close());

  it("should hold the step's reminders while it is open, then move the deadline out by the working time it took", async () => {
    // Due Thursday 3 December 18:00.
    expect(plan.steps[0]?.dueAt).toBe('2026-12-03T10:00:00.000Z');
    desk.setNow('2026-12-01T10:30:00+08:00');
    await must(askQuestion(desk.deps, asking(plan.id)));
    expect((await desk.store.jobs.pendingFor(plan.id)).filter((j) => j.kind.startsWith('step.'))).toEqual([]);

    // Answered at 15:00: four and a half working hours later, so due Friday 13:30.
    desk.setNow('2026-12-01T15:00:00+08:00');
    const before = await pendingOutbox(desk.store);
    const record = await must(answerQuestion(desk.deps, answering(plan.id)));
    expect(record.steps[0]).toEqual({ ...plan.steps[0], dueAt: '2026-12-04T05:30:00.000Z' });
    expect((await pendingOutbox(desk.store)).slice(before.length)).toContainEqual({
      kind: 'text',
      applicationId: plan.id,
      to: { kind: 'person', id: liuQiang },
      key: 'notice.answered_moved',
      params: { id: plan.id, step: 'ops_review', who: '张伟', answer: ANSWER, due: '2026-12-04T05:30:00.000Z' },
    });
    expect((await desk.store.jobs.pendingFor(plan.id)).find((j) => j.kind === 'step.overdue')?.dueAt).toBe(
      '2026-12-04T05:30:00.000Z',
    );
    expect((await desk.store.audit.about(plan.id)).at(-1)).toMatchObject({
      action: 'question.answer',
      after: { dueAt: { from: '2026-12-03T10:00:00.000Z', to: '2026-12-04T05:30:00.000Z' } },
    });
  });
});
