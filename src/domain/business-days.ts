import { addDays, shanghaiDate, shanghaiInstant, type LocalDate } from './local-date';

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
 * When work given at `from` is due: 18:00 on the n-th working day after the day it arrives. The day
 * of arrival is never counted, whatever the hour and whether or not it is a working day — periods
 * count from the next day (开始的当日不计入, as 民法典 第二百零一条 counts them) — so work always gets n
 * whole working days, "一个工作日内" for a task given on Saturday ends Monday 18:00, and work given on
 * the eve of National Day, before or after hours, is not due during the holiday.
 */
export function businessDeadline(calendar: WorkingCalendar, from: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`a deadline is a whole number ≥ 1 of business days, got ${n}`);
  return shanghaiInstant(addBusinessDays(calendar, shanghaiDate(from), n), END_OF_BUSINESS);
}
