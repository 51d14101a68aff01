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
 * The next occurrence of each recurring job at or after `now`: the catalog freshness check every
 * Monday (or the week's first working day), the spot check and the ops summary on each month's
 * first working day.
 */
export function nextOccurrences(calendar: WorkingCalendar, now: Date): Occurrence[] {
  const today = shanghaiDate(now);
  const monday = addDays(today, -((weekday(today) + 6) % 7));
  const weekly = (start: string) => shanghaiInstant(addBusinessDays(calendar, start, 0), '09:15');
  const catalogCheck = weekly(monday) >= now ? monday : addDays(monday, 7);
  const month = monthOf(today);
  const monthly = (time: string) => (firstWorkingDay(calendar, month, time) >= now ? month : addMonths(month, 1));
  return [
    { kind: 'catalog.freshness', key: catalogCheck, dueAt: weekly(catalogCheck) },
    { kind: 'audit.spot_check', key: monthly('09:30'), dueAt: firstWorkingDay(calendar, monthly('09:30'), '09:30') },
    { kind: 'ops.monthly_summary', key: monthly('09:45'), dueAt: firstWorkingDay(calendar, monthly('09:45'), '09:45') },
  ];
}
