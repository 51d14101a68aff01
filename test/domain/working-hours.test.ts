import fc from 'fast-check';
import { createWorkingCalendar } from '../../src/calendar/chinese-working-calendar';
import { shanghaiDate, shanghaiInstant } from '../../src/domain/local-date';
import {
  addWorkingMinutes,
  extendByWorkingMinutes,
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

  it('counts the working minutes of any span as walking it from one working period to the next would', () => {
    // The walk: from the next working moment to the end of its day (or `to`), then on from the next working moment.
    const walked = (from: Date, to: Date) => {
      let minutes = 0;
      for (let cursor = nextWorkingMoment(calendar, from); cursor < to;) {
        const end = shanghaiInstant(shanghaiDate(cursor), '18:00');
        minutes += (Math.min(end.getTime(), to.getTime()) - cursor.getTime()) / 60_000;
        cursor = nextWorkingMoment(calendar, end);
      }
      return Math.floor(minutes);
    };
    const instant = fc.date({
      min: new Date('2026-09-01T00:00:00Z'),
      max: new Date('2027-03-01T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 * 24 * 60 }), (from, span) => {
        const to = new Date(from.getTime() + span * 60_000 + (from.getTime() % 997));
        expect(workingMinutesBetween(calendar, from, to)).toBe(walked(from, to));
        expect(workingMinutesBetween(calendar, to, from)).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('adds working minutes across a night and the holiday', () => {
    expect(iso(addWorkingMinutes(calendar, at('2026-09-30T17:00'), 90))).toBe(iso(at('2026-10-08T09:30')));
  });

  it('finds the halfway point of a step in working time, never at night or on a holiday', () => {
    // Submitted Wed 30 Sep 15:00, due Fri 9 Oct 18:00: 3 h + 9 h + 9 h = 21 h of work; half is 10.5 h.
    const half = halfwayInWorkingTime(calendar, at('2026-09-30T15:00'), at('2026-10-09T18:00'));
    expect(iso(half)).toBe(iso(at('2026-10-08T16:30')));
  });

  describe('moving a paused deadline out by the working time a question was open', () => {
    it.each([
      ['a whole working day from its start ends that evening', '2026-09-29T09:00', 540, '2026-09-29T18:00'],
      ['the rest of the day ends at 18:00, not the next morning', '2026-09-30T15:00', 180, '2026-09-30T18:00'],
      ['one minute more goes past the holiday', '2026-09-30T15:00', 181, '2026-10-08T09:01'],
      ['two whole days from the eve of the holiday', '2026-09-30T18:00', 1080, '2026-10-09T18:00'],
      ['from a Sunday, onto the next working day', '2026-10-11T11:00', 60, '2026-10-12T10:00'],
      ['no time at all leaves the deadline where it was, even at night', '2026-09-29T23:00', 0, '2026-09-29T23:00'],
    ])('%s', (_case, from, minutes, expected) => {
      expect(iso(extendByWorkingMinutes(calendar, at(from), minutes))).toBe(iso(at(expected)));
    });
  });
});
