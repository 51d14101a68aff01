import { createWorkingCalendar } from '../../src/calendar/chinese-working-calendar';
import type { ApprovalStep } from '../../src/domain/approval-step';
import { businessDeadline } from '../../src/domain/business-days';
import { DEFAULT_LIFECYCLE } from '../../src/domain/lifecycle';
import { shanghaiDate, shanghaiTime } from '../../src/domain/local-date';
import { dueWork, type ScheduledCase } from '../../src/domain/schedule';

const calendar = createWorkingCalendar();
const at = (local: string) => new Date(`${local}:00+08:00`);
const shown = (d: Date) => `${shanghaiDate(d)} ${shanghaiTime(d)}`;

function pendingStep(startedAt: Date): ApprovalStep {
  return {
    step: 'ops_review',
    role: 'ops_approver',
    assignee: 'wang-fang',
    delegate: 'liu-qiang',
    status: 'pending',
    startedAt: startedAt.toISOString(),
    dueAt: businessDeadline(calendar, startedAt, 2).toISOString(),
    decidedBy: null,
    decidedAt: null,
    comment: null,
  };
}

const inReview = (startedAt: Date): ScheduledCase => ({
  state: 'in_review',
  revision: 1,
  steps: [pendingStep(startedAt)],
  fulfillment: null,
  input: { startMonth: '2026-11', termMonths: 12 },
  activatedAt: null,
  evaluationsDone: 0,
  questions: [],
});

describe('what an application in review is scheduled to do', () => {
  it('dates a step submitted the afternoon before National Day, and reminds nobody on the holiday or at night', () => {
    const work = dueWork(inReview(at('2026-09-30T15:00')), DEFAULT_LIFECYCLE, calendar);
    expect(work.map((w) => [w.kind, w.key.split(':').at(-1), shown(w.dueAt)])).toEqual([
      // Due: end of the second working day after the 30th = Fri 9 Oct 18:00.
      ['step.nudge', 'halfway', '2026-10-08 16:30'],
      ['step.nudge', 'morning', '2026-10-09 09:00'],
      ['step.overdue', 'wang-fang', '2026-10-10 09:00'],
      // The grace of one business day after the due day: Sat 10 Oct is a make-up working day, so Mon 12 Oct.
      ['step.escalate', 'wang-fang', '2026-10-12 09:00'],
    ]);
    for (const w of work) {
      expect(calendar.isWorkday(shanghaiDate(w.dueAt))).toBe(true);
      expect(shanghaiTime(w.dueAt) >= '09:00' && shanghaiTime(w.dueAt) < '18:00').toBe(true);
    }
  });

  it('counts the make-up Saturday as a working day for the overdue notice', () => {
    const overdue = dueWork(inReview(at('2026-10-08T10:00')), DEFAULT_LIFECYCLE, calendar).find(
      (w) => w.kind === 'step.overdue',
    );
    // Due Sat 10 Oct 18:00 (a make-up working day), so late from Mon 12 Oct 09:00.
    expect(shown(overdue?.dueAt ?? new Date(0))).toBe('2026-10-12 09:00');
  });

  it('schedules nothing for a step that is decided', () => {
    const decided: ScheduledCase = { ...inReview(at('2026-09-29T10:00')), state: 'rejected' };
    expect(dueWork(decided, DEFAULT_LIFECYCLE, calendar)).toEqual([]);
  });

  describe("while the approver's question to the applicant is open", () => {
    const asking = (c: ScheduledCase, answeredAt: string | null): ScheduledCase => ({
      ...c,
      questions: [
        {
          revision: 1,
          stepIndex: 0,
          askedBy: 'wang-fang',
          askedAt: at('2026-09-29T11:00').toISOString(),
          text: '两个厂区是否同一天开通?',
          answer: answeredAt ? '是。' : null,
          answeredBy: answeredAt ? 'zhang-wei' : null,
          answeredAt,
          closedAt: null,
        },
      ],
    });
    const pausing = { ...DEFAULT_LIFECYCLE, pauseDeadlineWhileAsking: true };
    const plain = inReview(at('2026-09-29T10:00'));

    it('keeps the reminders, overdue notice and escalation when the policy lets the deadline run on (the default)', () => {
      expect(dueWork(asking(plain, null), DEFAULT_LIFECYCLE, calendar)).toEqual(
        dueWork(plain, DEFAULT_LIFECYCLE, calendar),
      );
    });

    it('schedules nothing for the step while its deadline is paused, and all of it again once answered', () => {
      expect(dueWork(asking(plain, null), pausing, calendar)).toEqual([]);
      const answered = asking(plain, at('2026-09-29T15:00').toISOString());
      expect(dueWork(answered, pausing, calendar)).toEqual(dueWork(plain, pausing, calendar));
      expect(dueWork(answered, pausing, calendar).map((w) => w.kind)).toContain('step.overdue');
    });
  });
});

describe('what an active plan is scheduled to do', () => {
  const active: ScheduledCase = {
    state: 'active',
    revision: 1,
    steps: [],
    fulfillment: null,
    input: { startMonth: '2027-01', termMonths: 12 },
    activatedAt: '2026-12-15T03:00:00.000Z',
    evaluationsDone: 0,
    questions: [],
  };

  it('gives expiry notices 30 and 7 days ahead and on the last day, in working hours, and expires it the next day at midnight', () => {
    const work = dueWork(active, DEFAULT_LIFECYCLE, calendar).filter((w) => w.kind.startsWith('plan.expir'));
    expect(work.map((w) => [w.kind, w.payload.daysLeft ?? null, shown(w.dueAt)])).toEqual([
      ['plan.expiry_notice', 30, '2027-12-01 09:00'],
      ['plan.expiry_notice', 7, '2027-12-24 09:00'],
      // 31 Dec 2027 is a Friday.
      ['plan.expiry_notice', 0, '2027-12-31 09:00'],
      ['plan.expire', null, '2028-01-01 00:00'],
    ]);
  });

  it('asks for each quarterly evaluation on the first working morning after a whole quarter of the plan', () => {
    // The plan starts in January 2027: its first quarter ends with March.
    const evaluation = dueWork(active, DEFAULT_LIFECYCLE, calendar).find((w) => w.kind === 'plan.evaluation');
    expect([evaluation?.payload.period, shown(evaluation?.dueAt ?? new Date(0))]).toEqual([1, '2027-04-01 09:00']);
    const next = dueWork({ ...active, evaluationsDone: 1 }, DEFAULT_LIFECYCLE, calendar).find(
      (w) => w.kind === 'plan.evaluation',
    );
    expect([next?.payload.period, shown(next?.dueAt ?? new Date(0))]).toEqual([2, '2027-07-01 09:00']);
  });
});
