import { createWorkingCalendar } from '../../src/calendar/chinese-working-calendar';
import type { ApprovalStep } from '../../src/domain/approval-step';
import { DEFAULT_LIFECYCLE } from '../../src/domain/lifecycle';
import { shanghaiDate, shanghaiTime } from '../../src/domain/local-date';
import { dueWork, type DueWork, type ScheduledCase } from '../../src/domain/schedule';

/**
 * What each scheduled job names and carries (SPEC §6): the job store keeps one job per (application,
 * kind, key), and the handlers read whom to remind, about which step, by when, from the payload.
 */
const calendar = createWorkingCalendar();
const at = (local: string) => new Date(`${local}:00+08:00`);
const iso = (local: string) => at(local).toISOString();
const shown = (d: Date) => `${shanghaiDate(d)} ${shanghaiTime(d)}`;
const table = (work: DueWork[]) => work.map((w) => [w.kind, w.key, shown(w.dueAt), w.payload]);

const step = (changes: Partial<ApprovalStep>): ApprovalStep => ({
  step: 'ops_review',
  role: 'ops_approver',
  assignee: 'wang-fang',
  delegate: 'liu-qiang',
  status: 'waiting',
  startedAt: null,
  dueAt: null,
  decidedBy: null,
  decidedAt: null,
  comment: null,
  ...changes,
});

const base: ScheduledCase = {
  state: 'in_review',
  revision: 2,
  steps: [],
  fulfillment: null,
  input: { startMonth: '2027-01', termMonths: 12 },
  activatedAt: null,
  evaluationsDone: 0,
  questions: [],
};

describe('the reminders of a step in review', () => {
  it("names the step the case awaits — here ops' review after cooperation approved — and its approver", () => {
    // Cooperation approved on Monday 2 November 2026; ops' review started at 10:00, due Wednesday 18:00.
    const c: ScheduledCase = {
      ...base,
      steps: [
        step({
          step: 'cooperation',
          role: 'cooperation_approver',
          assignee: 'chen-jing',
          status: 'approved',
          startedAt: iso('2026-10-30T09:00'),
          dueAt: iso('2026-11-03T18:00'),
          decidedBy: 'chen-jing',
          decidedAt: iso('2026-11-02T10:00'),
        }),
        step({ status: 'pending', startedAt: iso('2026-11-02T10:00'), dueAt: iso('2026-11-04T18:00') }),
      ],
    };
    const about = { revision: 2, step: 1, assignee: 'wang-fang', dueAt: iso('2026-11-04T18:00') };
    expect(table(dueWork(c, DEFAULT_LIFECYCLE, calendar))).toEqual([
      // 26 working hours in all: half of them have gone on Tuesday at 14:00. That reminder is not sent once
      // the due morning's own has come (it would only repeat it).
      ['step.nudge', 'r2:s1:wang-fang:halfway', '2026-11-03 14:00', { ...about, until: iso('2026-11-04T09:00') }],
      ['step.nudge', 'r2:s1:wang-fang:morning', '2026-11-04 09:00', about],
      ['step.overdue', 'r2:s1:wang-fang', '2026-11-05 09:00', about],
      // One business day of grace after the due day, then to the delegate or head.
      ['step.escalate', 'r2:s1:wang-fang', '2026-11-06 09:00', about],
    ]);
  });

  it('sends one reminder, not two, when half the time has gone exactly on the due morning', () => {
    // Started Monday 09:00, due Tuesday 18:00: 18 working hours, the ninth ends Monday 18:00 = Tuesday 09:00.
    const c = {
      ...base,
      steps: [step({ status: 'pending', startedAt: iso('2026-11-02T09:00'), dueAt: iso('2026-11-03T18:00') })],
    };
    const nudges = dueWork(c, DEFAULT_LIFECYCLE, calendar).filter((w) => w.kind === 'step.nudge');
    expect(table(nudges)).toEqual([
      [
        'step.nudge',
        'r2:s0:wang-fang:halfway',
        '2026-11-03 09:00',
        { revision: 2, step: 0, assignee: 'wang-fang', dueAt: iso('2026-11-03T18:00') },
      ],
    ]);
  });

  it('gives a step handed to another approver its own jobs, so the first approver is no longer reminded', () => {
    const pending = step({ status: 'pending', startedAt: iso('2026-11-02T10:00'), dueAt: iso('2026-11-04T18:00') });
    const keys = (assignee: string) =>
      dueWork({ ...base, steps: [{ ...pending, assignee }] }, DEFAULT_LIFECYCLE, calendar).map((w) => w.key);
    const before = keys('wang-fang');
    const after = keys('liu-qiang');
    expect(after.filter((k) => before.includes(k))).toEqual([]);
    expect(after).toContain('r2:s0:liu-qiang');
  });

  it('follows the grace ops set before an overdue step escalates', () => {
    const c = {
      ...base,
      steps: [step({ status: 'pending', startedAt: iso('2026-11-02T10:00'), dueAt: iso('2026-11-04T18:00') })],
    };
    const escalation = (grace: number) =>
      dueWork(c, { ...DEFAULT_LIFECYCLE, escalationGraceBusinessDays: grace }, calendar).find(
        (w) => w.kind === 'step.escalate',
      );
    // Due Wednesday: no grace escalates Thursday morning; three days' grace (Thursday, Friday, Monday), Tuesday.
    expect(shown(escalation(0)?.dueAt ?? new Date(0))).toBe('2026-11-05 09:00');
    expect(shown(escalation(3)?.dueAt ?? new Date(0))).toBe('2026-11-10 09:00');
    expect(shown(escalation(-2)?.dueAt ?? new Date(0))).toBe('2026-11-05 09:00');
  });
});

describe("the support center's task on an approved plan", () => {
  it('reminds the handler halfway through the business day it has, and tells them when it is late', () => {
    // Approved Monday 2 November 2026 at 14:00; due Tuesday 18:00 (one business day).
    const c: ScheduledCase = {
      ...base,
      state: 'in_fulfillment',
      fulfillment: {
        createdAt: iso('2026-11-02T14:00'),
        dueAt: iso('2026-11-03T18:00'),
        doneBy: null,
        doneAt: null,
        note: null,
      },
    };
    const about = { revision: 2, dueAt: iso('2026-11-03T18:00') };
    // 4 + 9 = 13 working hours; half (6 h 30) have gone on Tuesday at 11:30.
    expect(table(dueWork(c, DEFAULT_LIFECYCLE, calendar))).toEqual([
      ['fulfillment.nudge', 'r2:halfway', '2026-11-03 11:30', about],
      ['fulfillment.overdue', 'r2', '2026-11-04 09:00', about],
    ]);
  });

  it('schedules nothing for the task before it exists', () => {
    expect(dueWork({ ...base, state: 'in_fulfillment' }, DEFAULT_LIFECYCLE, calendar)).toEqual([]);
  });
});

describe('the expiry of an active plan', () => {
  const active: ScheduledCase = {
    ...base,
    state: 'active',
    input: { startMonth: '2027-03', termMonths: 6 },
    activatedAt: iso('2027-02-20T10:00'),
  };

  it('gives each notice its own job, saying how many days are left and the last day', () => {
    const notices = dueWork(active, DEFAULT_LIFECYCLE, calendar).filter((w) => w.kind.startsWith('plan.expir'));
    // Six months from March: the last day is Thursday 31 August 2027.
    expect(table(notices)).toEqual([
      ['plan.expiry_notice', '30d', '2027-08-02 09:00', { daysLeft: 30, lastDay: '2027-08-31' }],
      ['plan.expiry_notice', '7d', '2027-08-24 09:00', { daysLeft: 7, lastDay: '2027-08-31' }],
      ['plan.expiry_notice', '0d', '2027-08-31 09:00', { daysLeft: 0, lastDay: '2027-08-31' }],
      ['plan.expire', '2027-09-01', '2027-09-01 00:00', { lastDay: '2027-08-31' }],
    ]);
  });

  it('follows the notice days ops set', () => {
    const notices = dueWork(active, { ...DEFAULT_LIFECYCLE, expiryNoticeDays: [14] }, calendar)
      .filter((w) => w.kind === 'plan.expiry_notice')
      .map((w) => [w.key, shown(w.dueAt)]);
    expect(notices).toEqual([
      ['14d', '2027-08-17 09:00'],
      ['0d', '2027-08-31 09:00'],
    ]);
  });

  it('asks for no evaluation once every period before the last stretch is reported', () => {
    // Two quarters: March–May is asked for on 1 June; June–August ends with the plan, which then expires.
    const kinds = (evaluationsDone: number) =>
      dueWork({ ...active, evaluationsDone }, DEFAULT_LIFECYCLE, calendar)
        .filter((w) => w.kind === 'plan.evaluation')
        .map((w) => [w.key, shown(w.dueAt), w.payload]);
    expect(kinds(0)).toEqual([['p1', '2027-06-01 09:00', { period: 1 }]]);
    expect(kinds(1)).toEqual([]);
  });

  it('asks for no evaluation of a plan that was never activated', () => {
    const work = dueWork({ ...active, activatedAt: null }, DEFAULT_LIFECYCLE, calendar);
    expect(work.map((w) => w.kind)).not.toContain('plan.evaluation');
  });
});

describe('reminders fall strictly between the start and the deadline', () => {
  const nudges = (startedAt: string, dueAt: string) =>
    dueWork(
      { ...base, steps: [step({ status: 'pending', startedAt: iso(startedAt), dueAt: iso(dueAt) })] },
      DEFAULT_LIFECYCLE,
      calendar,
    )
      .filter((w) => w.kind === 'step.nudge')
      .map((w) => [w.key.split(':').at(-1), shown(w.dueAt)]);
  const fulfillmentNudges = (createdAt: string, dueAt: string, state: ScheduledCase['state'] = 'in_fulfillment') =>
    dueWork(
      {
        ...base,
        state,
        fulfillment: { createdAt: iso(createdAt), dueAt: iso(dueAt), doneBy: null, doneAt: null, note: null },
      },
      DEFAULT_LIFECYCLE,
      calendar,
    ).filter((w) => w.kind.startsWith('fulfillment.'));

  it.each([
    ['handed over after its deadline: none', '2026-11-04T19:00', '2026-11-04T18:00', []],
    ['with one working minute left: none at the very start', '2026-11-04T10:00', '2026-11-04T10:01', []],
    ['no working time before a deadline at nine: none at the deadline', '2026-11-04T08:00', '2026-11-04T09:00', []],
    [
      'started at nine on the due day: no morning reminder at the very start',
      '2026-11-04T09:00',
      '2026-11-04T18:00',
      [['halfway', '2026-11-04 13:30']],
    ],
    [
      'due at nine: no morning reminder at the very deadline',
      '2026-11-02T10:00',
      '2026-11-04T09:00',
      [['halfway', '2026-11-03 09:30']],
    ],
  ])('a step %s', (_what, startedAt, dueAt, expected) => {
    expect(nudges(startedAt, dueAt)).toEqual(expected);
  });

  it.each([
    ['created after its deadline', '2026-11-04T19:00', '2026-11-04T18:00'],
    ['with one working minute left', '2026-11-04T10:00', '2026-11-04T10:01'],
    ['with no working time before a deadline at nine', '2026-11-04T08:00', '2026-11-04T09:00'],
  ])('gives the support center no reminder on a task %s, only the overdue notice', (_what, createdAt, dueAt) => {
    expect(fulfillmentNudges(createdAt, dueAt).map((w) => w.kind)).toEqual(['fulfillment.overdue']);
  });

  it('schedules nothing more for the task once the plan is in effect', () => {
    expect(fulfillmentNudges('2026-11-02T14:00', '2026-11-03T18:00', 'active')).toEqual([]);
  });
});
