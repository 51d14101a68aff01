import { createWorkingCalendar } from '../../src/calendar/chinese-working-calendar';
import {
  addWorkingMinutes,
  halfwayInWorkingTime,
  nextWorkingMoment,
  workingMinutesBetween,
} from '../../src/domain/working-hours';

const calendar = createWorkingCalendar();
const at = (local: string) => new Date(`${local}:00+08:00`);
const iso = (d: Date) => d.toISOString();

describe('working hours (09:00–18:00 Asia/Shanghai on working days)', () => {
  it.each([
    ['a weekday morning in hours stays as it is', '2026-09-29T10:15', '2026-09-29T10:15'],
    ['before nine waits for nine the same day', '2026-09-29T07:30', '2026-09-29T09:00'],
    ['after six waits for the next working morning', '2026-09-29T19:00', '2026-09-30T09:00'],
    ['the eve of National Day after hours waits for the end of the holiday', '2026-09-30T18:00', '2026-10-08T09:00'],
    ['a holiday waits for the end of the holiday', '2026-10-03T11:00', '2026-10-08T09:00'],
    ['the make-up Saturday is a working day', '2026-10-10T11:00', '2026-10-10T11:00'],
    ['a plain Sunday waits for Monday', '2026-10-11T11:00', '2026-10-12T09:00'],
  ])('%s', (_case, from, expected) => {
    expect(iso(nextWorkingMoment(calendar, at(from)))).toBe(iso(at(expected)));
  });

  it('counts only working minutes across the holiday', () => {
    // Wed 30 Sep 16:00 → Thu 8 Oct 10:00: two hours on the 30th, one on the 8th.
    expect(workingMinutesBetween(calendar, at('2026-09-30T16:00'), at('2026-10-08T10:00'))).toBe(180);
  });

  it('adds working minutes across a night and the holiday', () => {
    expect(iso(addWorkingMinutes(calendar, at('2026-09-30T17:00'), 90))).toBe(iso(at('2026-10-08T09:30')));
  });

  it('finds the halfway point of a step in working time, never at night or on a holiday', () => {
    // Submitted Wed 30 Sep 15:00, due Fri 9 Oct 18:00: 3 h + 9 h + 9 h = 21 h of work; half is 10.5 h.
    const half = halfwayInWorkingTime(calendar, at('2026-09-30T15:00'), at('2026-10-09T18:00'));
    expect(iso(half)).toBe(iso(at('2026-10-08T16:30')));
  });
});
