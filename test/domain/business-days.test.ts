import { addBusinessDays, businessDeadline, END_OF_BUSINESS } from '../../src/domain/business-days';
import { createWorkingCalendar } from '../../src/calendar/chinese-working-calendar';

// The real calendar around National Day 2026 (State Council notice, carried by chinese-days):
// Fri Sep 25 – Sun Sep 27 Mid-Autumn; Thu Oct 1 – Wed Oct 7 off;
// Sun Sep 20 and Sat Oct 10 are make-up working days; Sun Oct 11 is an ordinary day off.
const calendar = createWorkingCalendar();

const shanghai = (dateTime: string): Date => new Date(`${dateTime}:00+08:00`);
const dueAt = (date: string): string => shanghai(`${date}T${END_OF_BUSINESS}`).toISOString();

describe('addBusinessDays on the Chinese calendar', () => {
  it.each([
    ['the day before National Day plus 1 lands on the first day back', '2026-09-30', 1, '2026-10-08'],
    ['the day before National Day plus 3 lands on the make-up Saturday', '2026-09-30', 3, '2026-10-10'],
    ['the day before National Day plus 4 skips the Sunday after the make-up Saturday', '2026-09-30', 4, '2026-10-12'],
    ['a Saturday plus 1 lands on the make-up Sunday before National Day', '2026-09-19', 1, '2026-09-20'],
    ['a Thursday plus 1 skips the Mid-Autumn Friday and weekend', '2026-09-24', 1, '2026-09-28'],
    ['0 days from a working day is that day', '2026-09-30', 0, '2026-09-30'],
    ['0 days from a holiday is the first working day after it', '2026-10-01', 0, '2026-10-08'],
    ['0 days from an ordinary Sunday is the Monday', '2026-10-11', 0, '2026-10-12'],
  ])('%s (%s + %i → %s)', (_name, from, n, expected) => {
    expect(addBusinessDays(calendar, from, n)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p business days', (n) => {
    expect(() => addBusinessDays(calendar, '2026-09-30', n)).toThrow(RangeError);
  });
});

describe('businessDeadline on the Chinese calendar', () => {
  it.each([
    [
      'a step given on the afternoon before National Day with 2 days is due the Friday after it',
      '2026-09-30T14:00',
      2,
      '2026-10-09',
    ],
    [
      'the same step given after hours counts from the first day back, so is due on the make-up Saturday',
      '2026-09-30T19:00',
      2,
      '2026-10-10',
    ],
    ['a step given at exactly 18:00 is after hours', '2026-09-30T18:00', 1, '2026-10-09'],
    ['a step given at 17:59 is still within the day', '2026-09-30T17:59', 1, '2026-10-08'],
    ['a step given early in the morning counts from that day', '2026-09-30T07:30', 1, '2026-10-08'],
    ['a step given on a holiday counts from the first day back', '2026-10-03T10:00', 1, '2026-10-09'],
    [
      'a step given on the Friday before the make-up Saturday is due on that Saturday',
      '2026-10-09T10:00',
      1,
      '2026-10-10',
    ],
    ['a step given on the make-up Saturday counts from it and skips the Sunday', '2026-10-10T09:00', 1, '2026-10-12'],
    ['a step given on the make-up Sunday counts from it', '2026-09-20T10:00', 1, '2026-09-21'],
    ['a step given on the Thursday before Mid-Autumn skips the long weekend', '2026-09-24T10:00', 1, '2026-09-28'],
    ['0 days from a working afternoon is due that evening', '2026-09-30T14:00', 0, '2026-09-30'],
    ['0 days after hours is due at the end of the next working day', '2026-09-30T20:00', 0, '2026-10-08'],
    ['0 days on a holiday is due at the end of the first day back', '2026-10-02T11:00', 0, '2026-10-08'],
  ])('%s (%s, %i → %s 18:00)', (_name, given, n, due) => {
    expect(businessDeadline(calendar, shanghai(given), n).toISOString()).toBe(dueAt(due));
  });

  it('is due at 18:00 Shanghai time, which is 10:00 UTC', () => {
    expect(businessDeadline(calendar, shanghai('2026-09-30T14:00'), 2).toISOString()).toBe('2026-10-09T10:00:00.000Z');
  });

  it('takes the Shanghai date of the instant, not the UTC one', () => {
    // 16:30 UTC on Sep 30 is 00:30 on Oct 1 in Shanghai: a holiday, so counting starts Oct 8.
    expect(businessDeadline(calendar, new Date('2026-09-30T16:30:00Z'), 1).toISOString()).toBe(dueAt('2026-10-09'));
  });

  it.each([-1, 0.5])('refuses %p business days', (n) => {
    expect(() => businessDeadline(calendar, shanghai('2026-09-30T14:00'), n)).toThrow(RangeError);
  });
});
