import type { WorkingCalendar } from './business-days';
import { effectiveEnd, type LifecycleSettings, type PlanLife } from './lifecycle';
import { addMonths, shanghaiInstant, type Month } from './local-date';
import { nextWorkingMoment, WORK_START } from './working-hours';

/**
 * 第九条(三) 需定期跟踪评估实施效果: an active plan is evaluated period by period. Period n is the n-th
 * run of `evaluationEveryMonths` whole months from the plan's first month; the applicant is asked for
 * it on the first working morning after it ends, for every period that ends before the plan's last
 * month (the last stretch ends with the plan, which then expires). A plan ops ended early is asked
 * for no period that does not end before its new end.
 *
 * No period is skipped: each report is judged against what was expected by the end of its own period.
 * A plan whose evaluations fell behind (activated late, the bot stopped, the applicant slow) is asked
 * for the oldest unreported period first and told how many are outstanding; each report asks at once
 * for the next period already due, until the plan is up to date.
 */
export interface EvaluationPeriod {
  period: number;
  firstMonth: Month;
  lastMonth: Month;
  /** When the applicant is asked for it: the first working moment of the day after it ends. */
  askAt: Date;
}

/** Period n (from 1) of a plan, or null when it does not end before the plan's last month. */
export function evaluationPeriod(
  plan: PlanLife,
  settings: Pick<LifecycleSettings, 'evaluationEveryMonths'>,
  calendar: WorkingCalendar,
  period: number,
): EvaluationPeriod | null {
  const every = settings.evaluationEveryMonths;
  if (!Number.isInteger(period) || period < 1 || !Number.isInteger(every) || every < 1) return null;
  const { startMonth } = plan.input;
  const monthAfter = addMonths(startMonth, period * every);
  if (`${monthAfter}-01` >= effectiveEnd(plan).expiresOn) return null;
  return {
    period,
    firstMonth: addMonths(startMonth, (period - 1) * every),
    lastMonth: addMonths(monthAfter, -1),
    askAt: nextWorkingMoment(calendar, shanghaiInstant(`${monthAfter}-01`, WORK_START)),
  };
}

/** The periods asked for by `now` and not reported yet (the first `reported` are), oldest first. */
export function evaluationsOutstanding(
  plan: PlanLife,
  settings: Pick<LifecycleSettings, 'evaluationEveryMonths'>,
  calendar: WorkingCalendar,
  reported: number,
  now: Date,
): EvaluationPeriod[] {
  const due: EvaluationPeriod[] = [];
  for (let n = reported + 1; ; n += 1) {
    const period = evaluationPeriod(plan, settings, calendar, n);
    if (!period || period.askAt > now) return due;
    due.push(period);
  }
}

/**
 * The calendar quarter (1–4) a run of months is, when it is exactly one: quarterly periods of a plan
 * that starts in January, April, July or October line up with the quarters; others straddle them.
 */
export function calendarQuarter(firstMonth: Month, lastMonth: Month): number | null {
  const month = Number(firstMonth.slice(5, 7));
  return month % 3 === 1 && addMonths(firstMonth, 2) === lastMonth ? (month + 2) / 3 : null;
}
