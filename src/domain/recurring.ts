import { addBusinessDays, type WorkingCalendar } from './business-days';
import { addDays, addMonths, monthOf, shanghaiDate, shanghaiInstant, weekday } from './local-date';
import type { JobKind } from './schedule';

/** Work that comes round on the calendar rather than from one application. */
export interface Occurrence {
  kind: JobKind;
  /** Names the occurrence, e.g. "2026-12" or "2026-11-30", so scheduling it twice is harmless. */
  key: string;
  dueAt: Date;
}

/** The first working day of a month, at a time. */
const firstWorkingDay = (calendar: WorkingCalendar, month: string, time: string): Date =>
  shanghaiInstant(addBusinessDays(calendar, `${month}-01`, 0), time);

/**
 * This period's and the next period's occurrence of each recurring job: the catalog freshness check
 * every Monday (or the week's first working day), the spot check and the ops summary on each month's
 * first working day. This period's is included even when its time has passed, so a process that was
 * down then still does it (late) — scheduling an occurrence already done changes nothing.
 */
export function currentAndNextOccurrences(calendar: WorkingCalendar, now: Date): Occurrence[] {
  const today = shanghaiDate(now);
  const monday = addDays(today, -((weekday(today) + 6) % 7));
  const weekly = (start: string) => shanghaiInstant(addBusinessDays(calendar, start, 0), '09:15');
  const month = monthOf(today);
  return [monday, addDays(monday, 7)]
    .map((week): Occurrence => ({ kind: 'catalog.freshness', key: week, dueAt: weekly(week) }))
    .concat(
      [month, addMonths(month, 1)].flatMap((m): Occurrence[] => [
        { kind: 'audit.spot_check', key: m, dueAt: firstWorkingDay(calendar, m, '09:30') },
        { kind: 'ops.monthly_summary', key: m, dueAt: firstWorkingDay(calendar, m, '09:45') },
      ]),
    );
}
