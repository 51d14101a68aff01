import { planEnd } from '../../src/domain/lifecycle';
import { addMonths, addMs, isLocalDate, isMonth } from '../../src/domain/local-date';

// 第九条(三): a plan's discounts hold for its term, whole calendar months from its first month; the
// day after its last month it expires. Start months across the year, so no month is special.
describe("a plan's term, in whole calendar months from its first month", () => {
  it.each([
    ['a year from January', '2027-01', 12, '2027-12-31', '2028-01-01'],
    ['a quarter from February', '2027-02', 3, '2027-04-30', '2027-05-01'],
    ['one month, March alone', '2027-03', 1, '2027-03-31', '2027-04-01'],
    ['from June to the end of the year', '2027-06', 7, '2027-12-31', '2028-01-01'],
    ['two months from November, into the new year', '2027-11', 2, '2027-12-31', '2028-01-01'],
    ['three months from November, ending in January', '2027-11', 3, '2028-01-31', '2028-02-01'],
    ['from December, over a leap February', '2027-12', 3, '2028-02-29', '2028-03-01'],
    ['from October, three years', '2026-10', 36, '2029-09-30', '2029-10-01'],
  ])('%s: discounts hold to %s', (_what, startMonth, termMonths, lastDay, expiresOn) => {
    expect(planEnd({ startMonth, termMonths })).toEqual({ lastDay, expiresOn });
  });
});

describe('counting months', () => {
  it.each([
    ['2027-11', 3, '2028-02'],
    ['2027-12', 1, '2028-01'],
    ['2027-07', 5, '2027-12'],
    ['2027-08', 0, '2027-08'],
    ['2027-04', -1, '2027-03'],
    ['2027-01', -1, '2026-12'],
    ['2028-02', -14, '2026-12'],
    ['2026-09', 27, '2028-12'],
  ])('%s and %i months is %s', (month, months, expected) => {
    expect(addMonths(month, months)).toBe(expected);
  });
});

describe('dates and months as people type them', () => {
  it.each([
    ['2028-02-29', true],
    ['2027-12-31', true],
    ['2027-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-1-5', false],
    ['2026/01/05', false],
  ])('reads %s as a calendar date: %s', (text, valid) => {
    expect(isLocalDate(text)).toBe(valid);
  });

  it.each([
    ['2027-01', true],
    ['2027-12', true],
    ['2027-00', false],
    ['2027-13', false],
    ['2027-1', false],
    ['27-01', false],
    ['2027-01-01', false],
    ['x2027-01', false],
    ['ABCD-01', false],
  ])('reads %s as a month: %s', (text, valid) => {
    expect(isMonth(text)).toBe(valid);
  });

  it('counts a lease or a retry forward from its start', () => {
    expect(addMs(new Date('2026-12-01T00:00:00Z'), 90_000).toISOString()).toBe('2026-12-01T00:01:30.000Z');
  });
});
