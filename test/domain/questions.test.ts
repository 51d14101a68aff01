import fc from 'fast-check';
import { createWorkingCalendar } from '../../src/calendar/chinese-working-calendar';
import type { ApprovalStep } from '../../src/domain/approval-step';
import { businessDeadline } from '../../src/domain/business-days';
import { answer, ask, type AnswerCommand, type AskCommand } from '../../src/domain/questions';
import type { Result } from '../../src/domain/result';
import {
  closeOpenQuestions,
  openQuestionIndex,
  pausedDeadline,
  QUESTION_MAX_LENGTH,
  textProblem,
  type StepQuestion,
} from '../../src/domain/step-question';
import { availableActions, decide, withdraw, type Actor, type Case, type Refusal } from '../../src/domain/workflow';
import { extendByWorkingMinutes, workingMinutesBetween } from '../../src/domain/working-hours';

const calendar = createWorkingCalendar();
const at = (local: string) => new Date(`${local}:00+08:00`);
const iso = (local: string) => at(local).toISOString();

const zhangWei: Actor = { id: 'zhang.wei', roles: ['applicant'] };
const huangLi: Actor = { id: 'huang.li', roles: ['applicant'] };
const liNa: Actor = { id: 'li.na', roles: ['cooperation_approver'] };
const wangFang: Actor = { id: 'wang.fang', roles: ['ops_approver'] };
const liuQiang: Actor = { id: 'liu.qiang', roles: ['ops_approver', 'ops_head'] };
const sunMin: Actor = { id: 'sun.min', roles: ['auditor'] };

/** Tuesday 1 Dec 2026, 10:00: 张伟's plan reaches 王芳 (刘强 her delegate), due Thursday 18:00. */
const SUBMITTED = at('2026-12-01T10:00');
const step = (changes: Partial<ApprovalStep> = {}): ApprovalStep => ({
  step: 'ops_review',
  role: 'ops_approver',
  assignee: wangFang.id,
  delegate: liuQiang.id,
  status: 'pending',
  startedAt: SUBMITTED.toISOString(),
  dueAt: businessDeadline(calendar, SUBMITTED, 2).toISOString(),
  decidedBy: null,
  decidedAt: null,
  comment: null,
  ...changes,
});
const inReview: Case = {
  applicant: zhangWei.id,
  state: 'in_review',
  revision: 1,
  steps: [step()],
  fulfillment: null,
  evaluationDue: null,
  questions: [],
};

function must<T>(result: Result<T, Refusal>): T {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

const asking = (c: Case, changes: Partial<AskCommand> = {}): AskCommand => ({
  revision: c.revision,
  stepIndex: 0,
  actor: wangFang,
  text: '两个厂区的专线是否需要同一天开通?',
  at: at('2026-12-01T11:00'),
  ...changes,
});
const answering = (c: Case, changes: Partial<AnswerCommand> = {}): AnswerCommand => ({
  revision: c.revision,
  stepIndex: 0,
  question: openQuestionIndex(c.questions, c.revision, 0),
  actor: zhangWei,
  text: '是的,客户要求同一天割接。',
  at: at('2026-12-01T14:30'),
  ...changes,
});
const asked = must(ask(inReview, asking(inReview))).next;

describe('ask: the approver asks the applicant without returning the plan', () => {
  it('should record the question on the step, leaving the step pending on its approver with its deadline', () => {
    const { next, question } = must(ask(inReview, asking(inReview, { text: '  两个厂区的专线是否需要同一天开通?\n' })));
    expect(question).toEqual<StepQuestion>({
      revision: 1,
      stepIndex: 0,
      askedBy: wangFang.id,
      askedAt: iso('2026-12-01T11:00'),
      text: '两个厂区的专线是否需要同一天开通?',
      answer: null,
      answeredBy: null,
      answeredAt: null,
      closedAt: null,
    });
    expect(next).toEqual({ ...inReview, questions: [question] });
  });

  it("should let the approver's delegate ask, as they may decide", () => {
    expect(must(ask(inReview, asking(inReview, { actor: liuQiang }))).question.askedBy).toBe(liuQiang.id);
  });

  it('should let the approver ask again once the question is answered', () => {
    const answered = must(answer(asked, answering(asked), null)).next;
    const again = must(ask(answered, asking(answered, { text: '割接窗口是周末吗?' }))).next;
    expect(again.questions.map((q) => [q.text, q.answer])).toEqual([
      ['两个厂区的专线是否需要同一天开通?', '是的,客户要求同一天割接。'],
      ['割接窗口是周末吗?', null],
    ]);
  });

  const decided = must(
    decide(
      inReview,
      { ...asking(inReview), decision: 'approve', comment: null },
      {
        approvalDue: (from) => from,
        fulfillmentDue: (from) => from,
        assign: () => null,
        leadershipIsFinal: false,
      },
    ),
  ).next;

  it.each<[string, Case, Partial<AskCommand>, Refusal]>([
    ['the applicant', inReview, { actor: zhangWei }, { code: 'own_application' }],
    ['another applicant', inReview, { actor: huangLi }, { code: 'not_an_approver' }],
    ['an approver of another step', inReview, { actor: liNa }, { code: 'not_an_approver' }],
    ['an auditor', inReview, { actor: sunMin }, { code: 'not_an_approver' }],
    ['a card of another revision', inReview, { revision: 2 }, { code: 'stale_card' }],
    ['a step the route does not have', inReview, { stepIndex: 1 }, { code: 'stale_card' }],
    ['a step already decided', decided, {}, { code: 'already_decided' }],
    ['a second question while one is open', asked, { text: '还有一个问题' }, { code: 'question_open' }],
    ['a question of blanks only', inReview, { text: ' \n\t ' }, { code: 'text_required', what: 'question' }],
    [
      `a question one character over ${QUESTION_MAX_LENGTH}`,
      inReview,
      { text: '问'.repeat(QUESTION_MAX_LENGTH + 1) },
      { code: 'text_too_long', what: 'question', max: 500, length: 501 },
    ],
  ])('should refuse %s, changing nothing', (_, c, changes, refusal) => {
    const before = structuredClone(c);
    expect(ask(c, asking(c, changes))).toEqual({ ok: false, error: refusal });
    expect(c).toEqual(before);
  });

  it(`should take a question of exactly ${QUESTION_MAX_LENGTH} characters, counted without the blanks around it`, () => {
    const text = ` ${'问'.repeat(QUESTION_MAX_LENGTH)} `;
    expect(must(ask(inReview, asking(inReview, { text }))).question.text).toHaveLength(QUESTION_MAX_LENGTH);
  });
});

describe('answer: the applicant answers the open question', () => {
  it('should record the answer, the step staying with its approver, its deadline as it was', () => {
    const { next, question, movedDeadline } = must(answer(asked, answering(asked, { text: ' 是的。 ' }), null));
    expect(question).toMatchObject({ answer: '是的。', answeredBy: zhangWei.id, answeredAt: iso('2026-12-01T14:30') });
    expect(next.steps).toEqual(inReview.steps);
    expect(next.questions).toEqual([question]);
    expect(movedDeadline).toBeNull();
  });

  const answered = must(answer(asked, answering(asked), null)).next;
  const askedAgain = must(ask(answered, asking(answered, { text: '割接窗口是周末吗?' }))).next;

  it.each<[string, Case, Partial<AnswerCommand>, Refusal]>([
    ['the approver', asked, { actor: wangFang }, { code: 'not_the_applicant' }],
    ['another applicant', asked, { actor: huangLi }, { code: 'not_the_applicant' }],
    ['a plan with nothing asked', inReview, { question: 0 }, { code: 'no_open_question' }],
    ['a question already answered', answered, { question: 0 }, { code: 'no_open_question' }],
    ['a card showing an earlier question than the open one', askedAgain, { question: 0 }, { code: 'stale_card' }],
    ['a card of another revision', asked, { revision: 2 }, { code: 'stale_card' }],
    ['an answer of blanks only', asked, { text: '   ' }, { code: 'text_required', what: 'answer' }],
    [
      'an answer one character over the limit',
      asked,
      { text: '答'.repeat(QUESTION_MAX_LENGTH + 1) },
      { code: 'text_too_long', what: 'answer', max: 500, length: 501 },
    ],
  ])('should refuse an answer by or on %s, changing nothing', (_, c, changes, refusal) => {
    const before = structuredClone(c);
    expect(answer(c, answering(c, changes), calendar)).toEqual({ ok: false, error: refusal });
    expect(c).toEqual(before);
  });

  it('should answer the second question of a step, leaving the first and its answer as they were', () => {
    const twice = must(ask(answered, asking(answered, { text: '割接窗口是周末吗?' }))).next;
    const { next } = must(answer(twice, answering(twice, { text: '是周六。' }), null));
    expect(next.questions.map((q) => [q.text, q.answer])).toEqual([
      ['两个厂区的专线是否需要同一天开通?', '是的,客户要求同一天割接。'],
      ['割接窗口是周末吗?', '是周六。'],
    ]);
  });

  it('should offer 询问 to whoever may decide the step and 回答 to the applicant, each only when it applies', () => {
    expect(availableActions(inReview, wangFang)).toContain('ask');
    expect(availableActions(inReview, liuQiang)).toContain('ask');
    expect(availableActions(inReview, zhangWei)).not.toContain('answer');
    expect(availableActions(asked, wangFang)).not.toContain('ask');
    expect(availableActions(asked, zhangWei)).toContain('answer');
    expect(availableActions(asked, huangLi)).toEqual([]);
    expect(availableActions(asked, null)).toEqual([]);
    expect(availableActions(answered, zhangWei)).not.toContain('answer');
    expect(availableActions(answered, wangFang)).toContain('ask');
  });
});

describe('a decision or a withdrawal while a question is open', () => {
  const env = {
    approvalDue: (from: Date) => from,
    fulfillmentDue: (from: Date) => from,
    assign: () => null,
    leadershipIsFinal: false,
  };

  it.each(['approve', 'reject', 'return'] as const)(
    'should %s without waiting, closing the question unanswered at the decision',
    (decision) => {
      const decidedAt = at('2026-12-01T16:00');
      const { next } = must(
        decide(asked, { revision: 1, stepIndex: 0, decision, actor: wangFang, comment: '理由', at: decidedAt }, env),
      );
      expect(next.questions).toEqual([{ ...asked.questions[0], closedAt: decidedAt.toISOString() }]);
      expect(answer(next, answering(asked), null)).toEqual({ ok: false, error: { code: 'no_open_question' } });
    },
  );

  it('should close the open question when the applicant withdraws', () => {
    const withdrawnAt = at('2026-12-01T16:00');
    expect(must(withdraw(asked, zhangWei, withdrawnAt)).questions[0]?.closedAt).toBe(withdrawnAt.toISOString());
  });

  it('should leave answered questions as they were', () => {
    const answered = must(answer(asked, answering(asked), null)).next;
    const { next } = must(
      decide(
        answered,
        { revision: 1, stepIndex: 0, decision: 'approve', actor: wangFang, comment: null, at: SUBMITTED },
        env,
      ),
    );
    expect(next.questions).toEqual(answered.questions);
  });
});

describe('the deadline while a question is open (the policy may pause it)', () => {
  it('should move the deadline out by the working time the question was open, when the policy pauses it', () => {
    // Asked Tue 11:00, answered Tue 14:30: 3.5 working hours; due Thu 18:00 → Fri 12:30.
    const { next, movedDeadline } = must(answer(asked, answering(asked), calendar));
    expect(movedDeadline).toEqual({ from: iso('2026-12-03T18:00'), to: iso('2026-12-04T12:30') });
    expect(next.steps[0]).toEqual({ ...inReview.steps[0], dueAt: iso('2026-12-04T12:30') });
  });

  it("should move only the asked step's deadline, the steps before and after it as they were", () => {
    // Cooperation approved; ops review pending on 王芳 since Tuesday 10:00; leadership still to come.
    const cooperation = step({ step: 'cooperation', role: 'cooperation_approver', assignee: liNa.id, delegate: null });
    const threeSteps: Case = {
      ...inReview,
      steps: [
        { ...cooperation, status: 'approved', decidedBy: liNa.id, decidedAt: SUBMITTED.toISOString() },
        step(),
        step({
          step: 'leadership',
          role: 'leader',
          assignee: 'chen.jing',
          status: 'waiting',
          startedAt: null,
          dueAt: null,
        }),
      ],
    };
    const c = must(ask(threeSteps, asking(threeSteps, { stepIndex: 1 }))).next;
    const { next, movedDeadline } = must(
      answer(c, answering(c, { stepIndex: 1, question: openQuestionIndex(c.questions, 1, 1) }), calendar),
    );
    expect(movedDeadline).toEqual({ from: iso('2026-12-03T18:00'), to: iso('2026-12-04T12:30') });
    expect(next.steps).toEqual([
      threeSteps.steps[0],
      { ...step(), dueAt: iso('2026-12-04T12:30') },
      threeSteps.steps[2],
    ]);
  });

  it('should move nothing for a question open only outside working hours', () => {
    const evening = must(ask(inReview, asking(inReview, { at: at('2026-12-01T19:00') }))).next;
    const { next, movedDeadline } = must(answer(evening, answering(evening, { at: at('2026-12-02T08:30') }), calendar));
    expect(movedDeadline).toBeNull();
    expect(next.steps).toEqual(inReview.steps);
  });

  it.each([
    // [why, due, asked, answered, new deadline]
    [
      'a whole working day ends that day at 18:00, not the next morning',
      '2026-12-03T18:00',
      '2026-12-01T09:00',
      '2026-12-02T09:00',
      '2026-12-04T18:00',
    ],
    [
      'over a weekend counts only the working hours',
      '2026-12-07T18:00',
      '2026-12-04T17:00',
      '2026-12-07T10:00',
      '2026-12-08T11:00',
    ],
    [
      'across National Day, the time before the holiday moves the deadline past it',
      '2026-09-30T18:00',
      '2026-09-29T16:00',
      '2026-09-30T10:00',
      '2026-10-08T12:00',
    ],
    [
      'a deadline already moved (not at 18:00) moves on from where it is',
      '2026-12-04T12:30',
      '2026-12-02T10:00',
      '2026-12-02T16:00',
      '2026-12-07T09:30',
    ],
  ])('%s', (_, due, askedAt, answeredAt, expected) => {
    expect(pausedDeadline(calendar, at(due), at(askedAt), at(answeredAt)).toISOString()).toBe(iso(expected));
  });

  it('should give back exactly the working minutes the question took, at the earliest instant that does', () => {
    const instant = fc.date({
      min: new Date('2026-09-01T00:00:00Z'),
      max: new Date('2027-03-01T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 20 * 9 * 60 }), (any, minutes) => {
        // Deadlines fall on whole minutes (18:00, or one moved by whole minutes).
        const from = new Date(Math.floor(any.getTime() / 60_000) * 60_000);
        const to = extendByWorkingMinutes(calendar, from, minutes);
        expect(workingMinutesBetween(calendar, from, to)).toBe(minutes);
        if (minutes > 0) expect(workingMinutesBetween(calendar, from, new Date(to.getTime() - 1))).toBe(minutes - 1);
        else expect(to).toEqual(from);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the open question of a step', () => {
  const question = (revision: number, stepIndex: number, changes: Partial<StepQuestion> = {}): StepQuestion => ({
    revision,
    stepIndex,
    askedBy: wangFang.id,
    askedAt: iso('2026-12-01T11:00'),
    text: '问题',
    answer: null,
    answeredBy: null,
    answeredAt: null,
    closedAt: null,
    ...changes,
  });
  const answeredQuestion = { answer: '答', answeredBy: zhangWei.id, answeredAt: iso('2026-12-01T12:00') };

  it('is the one open on that step of that revision, not one open on another step or revision', () => {
    const questions = [question(1, 0), question(2, 1, answeredQuestion), question(2, 0), question(2, 1)];
    expect(openQuestionIndex(questions, 2, 1)).toBe(3);
    expect(openQuestionIndex(questions, 2, 0)).toBe(2);
    expect(openQuestionIndex(questions, 1, 0)).toBe(0);
    expect(openQuestionIndex(questions, 1, 1)).toBe(-1);
    expect(openQuestionIndex(questions, 3, 0)).toBe(-1);
  });

  it('closes, for a revision, only the questions open on it', () => {
    const closedAt = iso('2026-12-01T16:00');
    const questions = [question(1, 0), question(2, 0, answeredQuestion), question(2, 1)];
    expect(closeOpenQuestions(questions, 2, closedAt)).toEqual([
      questions[0],
      questions[1],
      { ...questions[2], closedAt },
    ]);
  });

  it('says what is wrong with the words: none, or too many and how many', () => {
    expect(textProblem('  ')).toEqual({ problem: 'required' });
    expect(textProblem(` ${'问'.repeat(QUESTION_MAX_LENGTH + 2)} `)).toEqual({ problem: 'too_long', length: 502 });
    expect(textProblem('问'.repeat(QUESTION_MAX_LENGTH))).toBeNull();
  });
});
