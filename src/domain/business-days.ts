import { addDays, shanghaiDate, shanghaiInstant, shanghaiTime, type LocalDate } from './local-date';

/** Which Shanghai dates are working days: weekends, public holidays and make-up working days (调休) included. */
export interface WorkingCalendar {
  isWorkday(date: LocalDate): boolean;
}

/** Time-of-day a business day ends for deadlines, Asia/Shanghai. */
export const END_OF_BUSINESS = '18:00';

/** The n-th working day after a date (the date itself is not counted); n = 0 gives the date or the next working day. */
export function addBusinessDays(calendar: WorkingCalendar, date: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`business days must be a whole number ≥ 0, got ${n}`);
  let day = date;
  if (n === 0) {
    while (!calendar.isWorkday(day)) day = addDays(day, 1);
    return day;
  }
  for (let left = n; left > 0;) {
    day = addDays(day, 1);
    if (calendar.isWorkday(day)) left -= 1;
  }
  return day;
}

/**
 * When a step given at `from` is due: the end of the n-th business day after it. Work arriving
 * on a holiday, a weekend or after hours is counted from the next working day, so a
 * plan submitted on the eve of National Day is not due during the holiday.
 */
export function businessDeadline(calendar: WorkingCalendar, from: Date, n: number): Date {
  const date = shanghaiDate(from);
  const counted =
    calendar.isWorkday(date) && shanghaiTime(from) < END_OF_BUSINESS
      ? date
      : addBusinessDays(calendar, addDays(date, 1), 0);
  return shanghaiInstant(addBusinessDays(calendar, counted, n), END_OF_BUSINESS);
}
