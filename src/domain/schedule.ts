import type { ApplicationInput } from './application';
import type { ApplicationState } from './application-state';
import type { ApprovalStep, FulfillmentTask } from './approval-step';
import { addBusinessDays, type WorkingCalendar } from './business-days';
import { effectiveEnd, type LifecycleSettings, type PlanLife } from './lifecycle';
import { evaluationPeriod } from './evaluation-period';
import { openQuestionIndex, type StepQuestion } from './step-question';
import { addDays, shanghaiDate, shanghaiInstant } from './local-date';
import { halfwayInWorkingTime, nextWorkingMoment, WORK_START } from './working-hours';

/** The kinds of time-driven work PlanDesk does on its own (SPEC §6). */
export const JOB_KINDS = [
  'step.nudge',
  'step.overdue',
  'step.escalate',
  'fulfillment.nudge',
  'fulfillment.overdue',
  'plan.expiry_notice',
  'plan.expire',
  'plan.evaluation',
  'ops.monthly_summary',
  'audit.spot_check',
  'catalog.freshness',
  'absence.start',
  'roster.unknown',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** One piece of due work for an application; `key` names it uniquely within the application. */
export interface DueWork {
  kind: JobKind;
  key: string;
  dueAt: Date;
  payload: Record<string, string | number>;
}

export interface ScheduledCase extends PlanLife {
  state: ApplicationState;
  revision: number;
  steps: readonly ApprovalStep[];
  fulfillment: FulfillmentTask | null;
  input: Pick<ApplicationInput, 'startMonth' | 'termMonths'>;
  activatedAt: string | null;
  evaluationsDone: number;
  /** The questions asked of the applicant (询问): one open on the awaited step may pause its deadline. */
  questions: readonly StepQuestion[];
}

/**
 * The work an application's state calls for, derived afresh on every change (so a decided step's
 * reminders vanish with the decision). Reminders to people fall in working hours; state changes
 * (escalation, expiry) happen when due. A step whose deadline the policy pauses while a question is
 * open has no reminders, overdue notice or escalation until it is answered (and its deadline moved).
 */
export function dueWork(c: ScheduledCase, settings: LifecycleSettings, calendar: WorkingCalendar): DueWork[] {
  const work: DueWork[] = [];
  const inHours = (d: Date) => nextWorkingMoment(calendar, d);
  const stepIndex = c.steps.findIndex((s) => s.status === 'pending');
  const step = c.steps[stepIndex];
  const paused = settings.pauseDeadlineWhileAsking && openQuestionIndex(c.questions, c.revision, stepIndex) !== -1;
  if (c.state === 'in_review' && step?.startedAt && step.dueAt && !paused) {
    const [start, due] = [new Date(step.startedAt), new Date(step.dueAt)];
    const at = { revision: c.revision, step: stepIndex, assignee: step.assignee, dueAt: step.dueAt };
    const key = `r${c.revision}:s${stepIndex}:${step.assignee}`;
    const halfway = halfwayInWorkingTime(calendar, start, due);
    const morning = shanghaiInstant(shanghaiDate(due), WORK_START);
    const hasMorning = morning > start && morning.getTime() !== halfway.getTime() && morning < due;
    // A halfway reminder that could only go out by the due morning is left to the morning's.
    if (halfway > start && halfway < due)
      work.push({
        kind: 'step.nudge',
        key: `${key}:halfway`,
        dueAt: halfway,
        payload: hasMorning ? { ...at, until: morning.toISOString() } : at,
      });
    if (hasMorning) work.push({ kind: 'step.nudge', key: `${key}:morning`, dueAt: morning, payload: at });
    work.push({ kind: 'step.overdue', key, dueAt: inHours(due), payload: at });
    const escalateOn = addBusinessDays(
      calendar,
      shanghaiDate(due),
      Math.max(settings.escalationGraceBusinessDays, 0) + 1,
    );
    work.push({ kind: 'step.escalate', key, dueAt: shanghaiInstant(escalateOn, WORK_START), payload: at });
  }
  if (c.state === 'in_fulfillment' && c.fulfillment) {
    const [start, due] = [new Date(c.fulfillment.createdAt), new Date(c.fulfillment.dueAt)];
    const payload = { revision: c.revision, dueAt: c.fulfillment.dueAt };
    const halfway = halfwayInWorkingTime(calendar, start, due);
    if (halfway > start && halfway < due)
      work.push({ kind: 'fulfillment.nudge', key: `r${c.revision}:halfway`, dueAt: halfway, payload });
    work.push({ kind: 'fulfillment.overdue', key: `r${c.revision}`, dueAt: inHours(due), payload });
  }
  if (c.state === 'active') {
    const { lastDay, expiresOn } = effectiveEnd(c);
    // Ops ended it early: its people were told that day, so no notice falls on or before it.
    const endedOn = c.endsEarly ? shanghaiDate(new Date(c.endsEarly.at)) : null;
    for (const days of [...settings.expiryNoticeDays, 0]) {
      const dueAt = inHours(shanghaiInstant(addDays(lastDay, -days), WORK_START));
      if (endedOn && shanghaiDate(dueAt) <= endedOn) continue;
      work.push({ kind: 'plan.expiry_notice', key: `${days}d`, dueAt, payload: { daysLeft: days, lastDay } });
    }
    work.push({ kind: 'plan.expire', key: expiresOn, dueAt: shanghaiInstant(expiresOn), payload: { lastDay } });
    if (c.activatedAt) {
      // One period at a time, the oldest unreported first (evaluation-period.ts has the rule).
      const next = evaluationPeriod(c, settings, calendar, c.evaluationsDone + 1);
      if (next)
        work.push({
          kind: 'plan.evaluation',
          key: `p${next.period}`,
          dueAt: next.askAt,
          payload: { period: next.period },
        });
    }
  }
  return work;
}
