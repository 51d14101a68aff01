import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkingCalendar } from '../../src/calendar/chinese-working-calendar';
import {
  CalendarOverrideError,
  parseCalendarOverrides,
  readCalendarOverrideFile,
} from '../../src/calendar/calendar-override-file';

describe('the Chinese working calendar', () => {
  const calendar = createWorkingCalendar();

  it.each([
    ['an ordinary Wednesday is a working day', '2026-09-30', true],
    ['an ordinary Saturday is a day off', '2026-09-19', false],
    ['an ordinary Sunday is a day off', '2026-10-11', false],
    ['National Day is a day off', '2026-10-01', false],
    ['a weekday inside the National Day holiday is a day off', '2026-10-07', false],
    ['the day after the holiday is a working day', '2026-10-08', true],
    ['the make-up Saturday after National Day is a working day', '2026-10-10', true],
    ['the make-up Sunday before National Day is a working day', '2026-09-20', true],
    ['the Mid-Autumn Friday is a day off', '2026-09-25', false],
    ['in a year without data, a weekday is a working day', '2027-10-01', true],
    ['in a year without data, a weekend is a day off', '2027-10-02', false],
  ])('%s (%s)', (_name, date, workday) => {
    expect(calendar.isWorkday(date)).toBe(workday);
  });

  it('refuses something that is not a date rather than guessing', () => {
    expect(() => calendar.isWorkday('2026-02-30')).toThrow(RangeError);
    expect(() => calendar.isWorkday('next monday')).toThrow(RangeError);
  });

  it('gives the same answers on a server west of UTC', () => {
    // chinese-days' own isWorkday() shifts a day under such a time zone; ours must not.
    const saved = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      const west = createWorkingCalendar();
      expect(
        ['2026-09-20', '2026-10-01', '2026-10-10', '2026-10-11', '2026-10-12'].map((d) => west.isWorkday(d)),
      ).toEqual([true, false, true, false, true]);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it.each([
    [2004, true],
    [2026, true],
    [2003, false],
    [2027, false],
  ])('covers %i: %p', (year, covered) => {
    expect(calendar.coversYear(year)).toBe(covered);
  });
});

describe('the Chinese working calendar with overrides', () => {
  const calendar = createWorkingCalendar({
    holidays: ['2027-10-01', '2026-10-10'],
    workdays: ['2027-10-09', '2026-10-07'],
  });

  it.each([
    ['an override holiday makes a weekday a day off', '2027-10-01', false],
    ['an override workday makes a Saturday a working day', '2027-10-09', true],
    ['an override holiday wins over a make-up day in the package', '2026-10-10', false],
    ['an override workday wins over a holiday in the package', '2026-10-07', true],
    ['days not overridden keep the package answer', '2026-10-06', false],
  ])('%s (%s)', (_name, date, workday) => {
    expect(calendar.isWorkday(date)).toBe(workday);
  });

  it('covers a year the override file lists dates for', () => {
    expect(calendar.coversYear(2027)).toBe(true);
    expect(calendar.coversYear(2028)).toBe(false);
  });

  it('refuses a date that is both a holiday and a workday', () => {
    expect(() => createWorkingCalendar({ holidays: ['2027-10-01'], workdays: ['2027-10-01'] })).toThrow(
      /2027-10-01 is both/,
    );
  });

  it('refuses an override that is not a date', () => {
    expect(() => createWorkingCalendar({ holidays: ['2027-13-01'] })).toThrow(RangeError);
  });
});

describe('the calendar override file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plandesk-calendar-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const fileWith = (name: string, text: string): string => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('reads holidays, workdays and the note', () => {
    const file = fileWith(
      'good.yaml',
      'note: from the notice\nholidays:\n  - 2027-10-01\n  - "2027-10-04"\nworkdays: [2027-10-09]\n',
    );
    expect(readCalendarOverrideFile(file)).toEqual({
      note: 'from the notice',
      holidays: ['2027-10-01', '2027-10-04'],
      workdays: ['2027-10-09'],
    });
  });

  it.each([
    ['an empty file', ''],
    ['a file with only comments', '# nothing yet\n'],
    ['lists whose entries are all commented out', 'holidays:\n  # - 2027-10-01\nworkdays:\n'],
  ])('overrides nothing for %s', (_name, text) => {
    expect(parseCalendarOverrides(text, 'x.yaml')).toEqual({ holidays: [], workdays: [] });
  });

  it('accepts the sample shipped in config/samples', () => {
    const sample = readCalendarOverrideFile(join(__dirname, '../../config/samples/calendar-override.yaml'));
    expect(sample).toMatchObject({ holidays: [], workdays: [] });
  });

  it.each([
    [
      'an impossible date',
      'holidays: [2027-01-01, 2027-01-02, 2027-02-30]',
      'holidays[2] "2027-02-30" is not a date (YYYY-MM-DD)',
    ],
    ['a date without dashes', 'workdays:\n  - 20271009', 'workdays[0] 20271009 is not a date (YYYY-MM-DD)'],
    [
      'a single date instead of a list',
      'holidays: 2027-10-01',
      'holidays "2027-10-01" is not a list of dates (YYYY-MM-DD)',
    ],
    ['a misspelt field', 'holiday: [2027-10-01]', 'unknown field "holiday" (expected holidays, workdays, note)'],
    ['a note that is not text', 'note: [a, b]', 'note ["a","b"] is not text'],
    [
      'a list instead of a mapping',
      '- 2027-10-01',
      'the file ["2027-10-01"] is not a mapping with holidays, workdays, note',
    ],
    [
      'a date in both lists',
      'holidays: [2027-10-01, 2027-10-08]\nworkdays: [2027-10-09, 2027-10-08]',
      '"2027-10-08" is in both holidays[1] and workdays[1]',
    ],
  ])('names the file, the field and the value for %s', (_name, text, detail) => {
    const file = fileWith('bad.yaml', text);
    expect(() => readCalendarOverrideFile(file)).toThrow(`calendar override ${file}: ${detail}`);
  });

  it('throws a CalendarOverrideError with a code', () => {
    const error = catchError(() => parseCalendarOverrides('holidays: [tomorrow]', 'config/x.yaml'));
    expect(error).toBeInstanceOf(CalendarOverrideError);
    expect(error).toMatchObject({ code: 'calendar_override_invalid', file: 'config/x.yaml' });
  });

  it('reports YAML that does not parse', () => {
    expect(() => parseCalendarOverrides('holidays: [2027-10-01', 'config/x.yaml')).toThrow(
      /^calendar override config\/x\.yaml: is not valid YAML/,
    );
  });

  it('reports a file that does not exist', () => {
    const missing = join(dir, 'missing.yaml');
    expect(() => readCalendarOverrideFile(missing)).toThrow(`calendar override ${missing}: cannot be read`);
  });
});

function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
