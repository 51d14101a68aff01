import { createWorkingCalendar } from '../../src/calendar/chinese-working-calendar';
import { calendarQuarter, evaluationPeriod, evaluationsOutstanding } from '../../src/domain/evaluation-period';
import { DEFAULT_LIFECYCLE } from '../../src/domain/lifecycle';
import { shanghaiDate, shanghaiTime } from '../../src/domain/local-date';
import { dueWork, type ScheduledCase } from '../../src/domain/schedule';

const calendar = createWorkingCalendar();
const at = (local: string) => new Date(`${local}:00+08:00`);
const shown = (d: Date) => `${shanghaiDate(d)} ${shanghaiTime(d)}`;
const quarterly = DEFAULT_LIFECYCLE;

/** A twelve-month plan from January 2026, approved in December 2025. */
const term = { startMonth: '2026-01', termMonths: 12 };
const plan = { input: term };

describe('the evaluation periods of a plan', () => {
  it('covers whole runs of months from the plan’s first month, asked for on the first working morning after each', () => {
    const periods = [1, 2, 3].map((n) => evaluationPeriod(plan, quarterly, calendar, n));
    expect(periods.map((p) => p && [p.period, p.firstMonth, p.lastMonth, shown(p.askAt)])).toEqual([
      [1, '2026-01', '2026-03', '2026-04-01 09:00'],
      [2, '2026-04', '2026-06', '2026-07-01 09:00'],
      // 1 October is National Day: the third quarter is asked for on the first day back.
      [3, '2026-07', '2026-09', '2026-10-08 09:00'],
    ]);
  });

  it('asks for no period that ends with the plan or after it: the plan expires then', () => {
    expect(evaluationPeriod(plan, quarterly, calendar, 4)).toBeNull();
    // Ten months: Jan–Mar, Apr–Jun, Jul–Sep; October alone is the plan's last stretch.
    expect(
      evaluationPeriod({ input: { startMonth: '2026-01', termMonths: 10 } }, quarterly, calendar, 3),
    ).not.toBeNull();
    expect(evaluationPeriod({ input: { startMonth: '2026-01', termMonths: 10 } }, quarterly, calendar, 4)).toBeNull();
  });

  it('asks for no period that does not end before the day after ops ended the plan', () => {
    const endsEarly = (lastDay: string) => ({
      lastDay,
      reason: '评估未达预期',
      by: 'wang-fang',
      at: '2026-05-10T02:00:00Z',
    });
    // Ended on 15 July: the second quarter (to 30 June) still ends before it, the third no longer does.
    const july = { input: term, endsEarly: endsEarly('2026-07-15') };
    expect(evaluationPeriod(july, quarterly, calendar, 2)?.lastMonth).toBe('2026-06');
    expect(evaluationPeriod(july, quarterly, calendar, 3)).toBeNull();
    // Ended on 30 June: the second quarter ends with the plan, as the last stretch of a term does.
    expect(evaluationPeriod({ input: term, endsEarly: endsEarly('2026-06-30') }, quarterly, calendar, 2)).toBeNull();
    expect(evaluationsOutstanding(july, quarterly, calendar, 0, at('2027-06-01T10:00')).map((p) => p.period)).toEqual([
      1, 2,
    ]);
  });

  it.each([
    ['no period 0', 0, 3],
    ['no period before the first', -1, 3],
    ['no half period', 1.5, 3],
    ['nothing when ops set no months between evaluations', 1, 0],
    ['nothing for a setting that is not whole months', 1, 1.5],
    ['nothing for a negative setting', 1, -3],
  ])('asks for %s', (_what, period, every) => {
    expect(evaluationPeriod(plan, { evaluationEveryMonths: every }, calendar, period)).toBeNull();
  });

  it('follows ops’ setting for the months between evaluations', () => {
    const p = evaluationPeriod(plan, { evaluationEveryMonths: 1 }, calendar, 5);
    expect(p && [p.firstMonth, p.lastMonth, shown(p.askAt)]).toEqual(['2026-05', '2026-05', '2026-06-01 09:00']);
  });

  it.each([
    ['a quarter starting in January', '2026-01', '2026-03', 1],
    ['a quarter starting in October', '2026-10', '2026-12', 4],
    ['three months straddling two quarters', '2026-02', '2026-04', null],
    ['three months straddling the year', '2026-12', '2027-02', null],
    ['one month', '2026-04', '2026-04', null],
    ['six months', '2026-01', '2026-06', null],
  ])('names the calendar quarter of %s only when it is exactly one', (_what, first, last, quarter) => {
    expect(calendarQuarter(first, last)).toBe(quarter);
  });
});

describe('an evaluation that fell behind', () => {
  // Issue 9: the plan had been active for eleven months when the tick ran.
  const tick = at('2026-11-16T10:00');

  it('has every period due and unreported outstanding, oldest first, and none past the plan’s end', () => {
    expect(evaluationsOutstanding(plan, quarterly, calendar, 0, tick).map((p) => p.period)).toEqual([1, 2, 3]);
    expect(evaluationsOutstanding(plan, quarterly, calendar, 1, tick).map((p) => p.period)).toEqual([2, 3]);
    expect(evaluationsOutstanding(plan, quarterly, calendar, 3, tick)).toEqual([]);
    // Even long after the plan ended, the fourth quarter (which ends with it) is never asked for.
    expect(evaluationsOutstanding(plan, quarterly, calendar, 0, at('2027-06-01T10:00')).map((p) => p.period)).toEqual([
      1, 2, 3,
    ]);
  });

  it('does not count a period before its report is asked for', () => {
    expect(evaluationsOutstanding(plan, quarterly, calendar, 0, at('2026-10-07T10:00')).map((p) => p.period)).toEqual([
      1, 2,
    ]);
    expect(evaluationsOutstanding(plan, quarterly, calendar, 0, at('2026-10-08T09:00')).map((p) => p.period)).toEqual([
      1, 2, 3,
    ]);
  });

  it('is scheduled one period at a time, each as the one before is reported, and not past the plan’s end', () => {
    const active: ScheduledCase = {
      state: 'active',
      revision: 1,
      steps: [],
      fulfillment: null,
      input: term,
      activatedAt: '2025-12-15T03:00:00.000Z',
      evaluationsDone: 0,
      questions: [],
    };
    const asked = (evaluationsDone: number) =>
      dueWork({ ...active, evaluationsDone }, quarterly, calendar)
        .filter((w) => w.kind === 'plan.evaluation')
        .map((w) => [w.payload.period, shown(w.dueAt)]);
    expect(asked(0)).toEqual([[1, '2026-04-01 09:00']]);
    expect(asked(1)).toEqual([[2, '2026-07-01 09:00']]);
    expect(asked(2)).toEqual([[3, '2026-10-08 09:00']]);
    expect(asked(3)).toEqual([]);
  });
});
