/**
 * The Chinese working calendar: weekends, public holidays and make-up working days (调休) from the
 * `chinese-days` package, with ops' override file winning for what the package does not know yet.
 */
import packageData from 'chinese-days/dist/chinese-days.json';
import { z } from 'zod';
import type { WorkingCalendar } from '../domain/business-days';
import { isLocalDate, weekday, type LocalDate } from '../domain/local-date';

/** Days the override file adds on top of the package; they win over it. */
export interface CalendarOverrides {
  /** Days off that would otherwise be working days. */
  holidays?: readonly LocalDate[];
  /** Make-up working days (调休上班), usually a Saturday or Sunday. */
  workdays?: readonly LocalDate[];
}

/** A working calendar that also knows for which years it holds the official arrangement. */
export interface ChineseWorkingCalendar extends WorkingCalendar {
  /**
   * True when the year's official holiday arrangement is loaded, from the package or the
   * override file. Without it the year is plain Monday–Friday, so the app should warn.
   */
  coversYear(year: number): boolean;
}

// We read the package's published JSON instead of calling its isWorkday(): its date helpers parse
// "YYYY-MM-DD" as UTC but read it back in local time, so on a server west of UTC every answer
// is a day off. The JSON is built once by the package and does not depend on the process time zone.
const dayTable = z.record(z.string().refine(isLocalDate), z.string());
const packageSchema = z.object({ holidays: dayTable, workdays: dayTable });

/**
 * Builds the calendar. Throws a RangeError for an override that is not a date or that is both a
 * holiday and a workday: the override file's reader reports those to ops first, so here it is a bug.
 */
export function createWorkingCalendar(overrides: CalendarOverrides = {}): ChineseWorkingCalendar {
  const official = packageSchema.parse(packageData);
  const packageHolidays = new Set(Object.keys(official.holidays));
  const packageWorkdays = new Set(Object.keys(official.workdays));
  const extraHolidays = new Set(overrides.holidays);
  const extraWorkdays = new Set(overrides.workdays);

  for (const date of [...extraHolidays, ...extraWorkdays]) {
    if (!isLocalDate(date))
      throw new RangeError(`calendar override ${JSON.stringify(date)} is not a date (YYYY-MM-DD)`);
  }
  const clash = [...extraHolidays].find((date) => extraWorkdays.has(date));
  if (clash !== undefined) throw new RangeError(`calendar override ${clash} is both a holiday and a workday`);

  const coveredYears = new Set(
    [...packageHolidays, ...packageWorkdays, ...extraHolidays, ...extraWorkdays].map((date) =>
      Number(date.slice(0, 4)),
    ),
  );

  const judge = (date: LocalDate): boolean => {
    // A non-date would silently read as a weekday and shift every deadline after it.
    if (!isLocalDate(date)) throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
    if (extraWorkdays.has(date)) return true;
    if (extraHolidays.has(date)) return false;
    if (packageWorkdays.has(date)) return true;
    if (packageHolidays.has(date)) return false;
    const day = weekday(date);
    return day !== 0 && day !== 6;
  };
  // The same few thousand days are asked about again and again (a month's report walks every step's
  // working time day by day), so each date is judged once; the table cannot change after this point.
  const judged = new Map<LocalDate, boolean>();
  return {
    isWorkday(date: LocalDate): boolean {
      let workday = judged.get(date);
      if (workday === undefined) judged.set(date, (workday = judge(date)));
      return workday;
    },
    coversYear: (year: number): boolean => coveredYears.has(year),
  };
}
