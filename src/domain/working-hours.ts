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

/** Working minutes between two instants (09:00–18:00 on working days); 0 when `to` is not after `from`. */
export function workingMinutesBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  let minutes = 0;
  let cursor = nextWorkingMoment(calendar, from);
  while (cursor < to) {
    const end = shanghaiInstant(shanghaiDate(cursor), WORK_END);
    minutes += (Math.min(end.getTime(), to.getTime()) - cursor.getTime()) / MINUTE;
    cursor = nextWorkingMoment(calendar, end);
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

/** When half of the working time between two instants has gone. */
export const halfwayInWorkingTime = (calendar: WorkingCalendar, from: Date, to: Date): Date =>
  addWorkingMinutes(calendar, from, Math.floor(workingMinutesBetween(calendar, from, to) / 2));
