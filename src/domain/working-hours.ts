import { addBusinessDays, type WorkingCalendar } from './business-days';
import { addDays, shanghaiDate, shanghaiInstant, shanghaiTime } from './local-date';

/** People-facing reminders go out in working hours only: 09:00–18:00 Asia/Shanghai on working days. */
export const WORK_START = '09:00';
export const WORK_END = '18:00';
const MINUTE = 60_000;

/** The instant itself when it is within working hours, else the start of the next working period. */
export function nextWorkingMoment(calendar: WorkingCalendar, at: Date): Date {
  const date = shanghaiDate(at);
  const time = shanghaiTime(at);
  if (calendar.isWorkday(date) && time >= WORK_START && time < WORK_END) return at;
  const day = calendar.isWorkday(date) && time < WORK_START ? date : addBusinessDays(calendar, addDays(date, 1), 0);
  return shanghaiInstant(day, WORK_START);
}

const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Shanghai's offset from UTC, kept without daylight saving time since 1991 (as shanghaiInstant assumes). */
const SHANGHAI_OFFSET = 8 * HOUR;
/** "HH:MM" as time since midnight. */
const clock = (hhmm: string): number => Number(hhmm.slice(0, 2)) * HOUR + Number(hhmm.slice(3, 5)) * MINUTE;

/**
 * Working minutes between two instants (09:00–18:00 on working days); 0 when `to` is not after `from`.
 * Shanghai day by day in plain arithmetic, one calendar question a day: a month's report times
 * thousands of steps with it.
 */
export function workingMinutesBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  const [start, end] = [from.getTime(), to.getTime()];
  let minutes = 0;
  // Each Shanghai day from the one `from` falls on, as the instant of its midnight.
  for (let midnight = Math.floor((start + SHANGHAI_OFFSET) / DAY) * DAY - SHANGHAI_OFFSET; midnight < end;) {
    const opens = Math.max(midnight + clock(WORK_START), start);
    const closes = Math.min(midnight + clock(WORK_END), end);
    if (closes > opens && calendar.isWorkday(shanghaiDate(new Date(midnight)))) minutes += (closes - opens) / MINUTE;
    midnight += DAY;
  }
  return Math.floor(minutes);
}

/** The instant a number of working minutes after `from`. */
export function addWorkingMinutes(calendar: WorkingCalendar, from: Date, minutes: number): Date {
  let cursor = nextWorkingMoment(calendar, from);
  let left = minutes;
  for (;;) {
    const end = shanghaiInstant(shanghaiDate(cursor), WORK_END);
    const available = (end.getTime() - cursor.getTime()) / MINUTE;
    if (left < available) return new Date(cursor.getTime() + left * MINUTE);
    left -= available;
    cursor = nextWorkingMoment(calendar, end);
  }
}

/**
 * The earliest instant with `minutes` working minutes between `from` and it: `from` itself for none,
 * and 18:00 rather than the next working morning when they end with a working day (a deadline moved
 * out by a whole day is still "that day, 18:00").
 */
export function extendByWorkingMinutes(calendar: WorkingCalendar, from: Date, minutes: number): Date {
  if (minutes <= 0) return from;
  // In whole milliseconds, so a run of days adds up exactly.
  let left = minutes * MINUTE;
  for (let cursor = nextWorkingMoment(calendar, from).getTime(); ;) {
    const end = shanghaiInstant(shanghaiDate(new Date(cursor)), WORK_END).getTime();
    if (left <= end - cursor) return new Date(cursor + left);
    left -= end - cursor;
    cursor = nextWorkingMoment(calendar, new Date(end)).getTime();
  }
}

/** When half of the working time between two instants has gone. */
export const halfwayInWorkingTime = (calendar: WorkingCalendar, from: Date, to: Date): Date =>
  addWorkingMinutes(calendar, from, Math.floor(workingMinutesBetween(calendar, from, to) / 2));
