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
    expect(() => addBusinessDays(calendar, '2026-09-30', n)).toThrow(
      new RangeError(`business days must be a whole number ≥ 0, got ${n}`),
    );
  });
});

describe('businessDeadline on the Chinese calendar', () => {
  // The README's examples of the rule: 18:00 on the n-th working day after the day the work arrives,
  // that day never counted. Approval steps have 2 business days, the support task 1.
  it.each([
    ['on a working day before 18:00', '2026-11-16T10:00', '2026-11-18', '2026-11-17'],
    ['on a working day after 18:00, the same as earlier that day', '2026-11-16T19:30', '2026-11-18', '2026-11-17'],
    ['at exactly 18:00, as at 17:59', '2026-11-16T18:00', '2026-11-18', '2026-11-17'],
    ['early in the morning, before work starts', '2026-11-16T07:30', '2026-11-18', '2026-11-17'],
    ['on a Saturday: Monday is the first day', '2026-11-21T12:14', '2026-11-24', '2026-11-23'],
    ['on a Sunday: Monday is the first day', '2026-11-22T21:00', '2026-11-24', '2026-11-23'],
    ['on the eve of National Day: the first days back', '2026-09-30T15:00', '2026-10-09', '2026-10-08'],
    ['on the eve of National Day after hours: the same', '2026-09-30T19:00', '2026-10-09', '2026-10-08'],
    ['during the holiday: the first days back', '2026-10-03T10:00', '2026-10-09', '2026-10-08'],
    ['on the Friday before the make-up Saturday: that Saturday counts', '2026-10-09T10:00', '2026-10-12', '2026-10-10'],
    ['on the make-up Saturday: the Sunday after it does not count', '2026-10-10T09:00', '2026-10-13', '2026-10-12'],
    ['on the make-up Sunday before National Day', '2026-09-20T10:00', '2026-09-22', '2026-09-21'],
    ['on the Thursday before Mid-Autumn: the long weekend is skipped', '2026-09-24T10:00', '2026-09-29', '2026-09-28'],
  ])('work given %s (%s) is due for approval %s and for support %s, 18:00', (_when, given, approval, support) => {
    expect(businessDeadline(calendar, shanghai(given), 2).toISOString()).toBe(dueAt(approval));
    expect(businessDeadline(calendar, shanghai(given), 1).toISOString()).toBe(dueAt(support));
  });

  it('is due at 18:00 Shanghai time, which is 10:00 UTC', () => {
    expect(businessDeadline(calendar, shanghai('2026-09-30T14:00'), 2).toISOString()).toBe('2026-10-09T10:00:00.000Z');
  });

  it('takes the Shanghai date of the instant, not the UTC one', () => {
    // 16:30 UTC on Sat 21 Nov is 00:30 on Sun 22 Nov in Shanghai; either way Monday is the first day.
    expect(businessDeadline(calendar, new Date('2026-11-21T16:30:00Z'), 1).toISOString()).toBe(dueAt('2026-11-23'));
    // 16:30 UTC on Mon 16 Nov is 00:30 on Tue 17 Nov in Shanghai: Tuesday is the day given, so Wednesday is the first.
    expect(businessDeadline(calendar, new Date('2026-11-16T16:30:00Z'), 1).toISOString()).toBe(dueAt('2026-11-18'));
  });

  it.each([0, -1, 0.5])('refuses %p business days: a deadline is at least one whole working day', (n) => {
    expect(() => businessDeadline(calendar, shanghai('2026-09-30T14:00'), n)).toThrow(
      new RangeError(`a deadline is a whole number ≥ 1 of business days, got ${n}`),
    );
  });
});
