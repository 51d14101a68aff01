import { formatMonths, formatWhen } from '../../../src/bot/present/formatting';

describe('an instant as a person reads it', () => {
  const deadline = '2026-12-02T10:00:00Z'; // 18:00 in Shanghai

  it('leaves the year out within the reader’s year, in either language', () => {
    expect(formatWhen(deadline, 'zh-CN', '2026-11-28T04:00:00Z')).toBe('12月2日 18:00');
    expect(formatWhen(deadline, 'en-US', '2026-11-28T04:00:00Z')).toBe('Dec 2, 18:00');
  });

  it('gives the year when it is not the year of now, in Shanghai', () => {
    expect(formatWhen(deadline, 'zh-CN', '2027-03-01T04:00:00Z')).toBe('2026年12月2日 18:00');
    expect(formatWhen(deadline, 'en-US', '2027-03-01T04:00:00Z')).toBe('Dec 2, 2026, 18:00');
    // 31 Dec 17:00 UTC is already 1 January in Shanghai: a deadline that day is "this year" there.
    expect(formatWhen('2027-01-04T10:00:00Z', 'zh-CN', '2026-12-31T17:00:00Z')).toBe('1月4日 18:00');
    expect(formatWhen('2027-01-04T10:00:00Z', 'zh-CN', '2026-12-31T15:00:00Z')).toBe('2027年1月4日 18:00');
  });

  it('is empty for no instant', () => {
    expect(formatWhen(null, 'zh-CN', '2026-11-28T04:00:00Z')).toBe('');
  });
});

describe('a run of months as a person reads it', () => {
  it.each([
    ['a calendar quarter, with its name', '2026-04', '2026-06', '2026年4月–6月,第二季度', 'Apr–Jun 2026, Q2'],
    ['three months across two quarters', '2026-02', '2026-04', '2026年2月–4月', 'Feb–Apr 2026'],
    ['three months across the new year', '2026-11', '2027-01', '2026年11月–2027年1月', 'Nov 2026–Jan 2027'],
    ['one month', '2026-10', '2026-10', '2026年10月', 'Oct 2026'],
  ])('writes %s in either language', (_what, first, last, zh, en) => {
    expect(formatMonths(first, last, 'zh-CN')).toBe(zh);
    expect(formatMonths(first, last, 'en-US')).toBe(en);
  });
});
