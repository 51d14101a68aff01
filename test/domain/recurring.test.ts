import { createWorkingCalendar } from '../../src/calendar/chinese-working-calendar';
import { shanghaiDate, shanghaiTime } from '../../src/domain/local-date';
import { currentAndNextOccurrences } from '../../src/domain/recurring';

/**
 * Work that comes round on the calendar (SPEC §6, §8): the catalog's freshness is checked each week, the
 * spot check is drawn and ops' summary sent each month, on working days only (with 调休 make-up days).
 */
const calendar = createWorkingCalendar();
const at = (local: string) => new Date(`${local}:00+08:00`);
const occurrences = (now: string) =>
  currentAndNextOccurrences(calendar, at(now)).map((o) => [
    o.kind,
    o.key,
    `${shanghaiDate(o.dueAt)} ${shanghaiTime(o.dueAt)}`,
  ]);

describe('the recurring jobs of this period and the next', () => {
  it('checks the catalog on Monday, and on the first day back when a holiday takes the Monday', () => {
    // Wednesday 30 September 2026; 5–7 October are National Day, so that week's check waits for Thursday the 8th.
    expect(occurrences('2026-09-30T10:00')).toEqual([
      ['catalog.freshness', '2026-09-28', '2026-09-28 09:15'],
      ['catalog.freshness', '2026-10-05', '2026-10-08 09:15'],
      ['audit.spot_check', '2026-09', '2026-09-01 09:30'],
      ['ops.monthly_summary', '2026-09', '2026-09-01 09:45'],
      ['audit.spot_check', '2026-10', '2026-10-08 09:30'],
      ['ops.monthly_summary', '2026-10', '2026-10-08 09:45'],
    ]);
  });

  it("counts a Sunday with the week that began the Monday before, and a month's first working day after its weekend", () => {
    // Sunday 8 November 2026: its week began on Monday the 2nd, which is also November's first working day.
    expect(occurrences('2026-11-08T10:00')).toEqual([
      ['catalog.freshness', '2026-11-02', '2026-11-02 09:15'],
      ['catalog.freshness', '2026-11-09', '2026-11-09 09:15'],
      ['audit.spot_check', '2026-11', '2026-11-02 09:30'],
      ['ops.monthly_summary', '2026-11', '2026-11-02 09:45'],
      ['audit.spot_check', '2026-12', '2026-12-01 09:30'],
      ['ops.monthly_summary', '2026-12', '2026-12-01 09:45'],
    ]);
  });

  it("turns the year, and draws January's spot check on its make-up Sunday, the first working day of 2026", () => {
    expect(occurrences('2025-12-31T20:00')).toEqual([
      ['catalog.freshness', '2025-12-29', '2025-12-29 09:15'],
      ['catalog.freshness', '2026-01-05', '2026-01-05 09:15'],
      ['audit.spot_check', '2025-12', '2025-12-01 09:30'],
      ['ops.monthly_summary', '2025-12', '2025-12-01 09:45'],
      ['audit.spot_check', '2026-01', '2026-01-04 09:30'],
      ['ops.monthly_summary', '2026-01', '2026-01-04 09:45'],
    ]);
  });
});
