import { findPlanNumber, formatPlanNumber, PLAN_NUMBER } from '../../src/domain/plan-number';

// A plan's number names it in every message, card and export: PP-<year filed>-<place in that year, six digits>.
describe('plan numbers', () => {
  it.each([
    [2027, 1, 'PP-2027-000001'],
    [2027, 123, 'PP-2027-000123'],
    [2026, 999_999, 'PP-2026-999999'],
    [1000, 10, 'PP-1000-000010'],
    [9999, 5, 'PP-9999-000005'],
  ])('numbers plan %i/%i as %s', (year, n, number) => {
    expect(formatPlanNumber(year, n)).toBe(number);
    expect(PLAN_NUMBER.test(number)).toBe(true);
  });

  it.each([
    [999, 1, "a plan number's year has four digits, not 999"],
    [10000, 1, "a plan number's year has four digits, not 10000"],
    [2027.5, 1, "a plan number's year has four digits, not 2027.5"],
    [2027, 0, "a plan number's place in its year is 1 to 999999, not 0"],
    [2027, 1_000_000, "a plan number's place in its year is 1 to 999999, not 1000000"],
    [2027, 1.5, "a plan number's place in its year is 1 to 999999, not 1.5"],
  ])('refuses year %s, place %s', (year, n, message) => {
    expect(() => formatPlanNumber(year, n)).toThrow(new RangeError(message));
  });

  it.each(['PP-2027-00012', 'PP-27-000123', 'XPP-2027-000123', 'PP-2027-000123 ', 'pp-2027-000123', 'PP-2027-0001234'])(
    'does not read %j as a plan number',
    (text) => {
      expect(PLAN_NUMBER.test(text)).toBe(false);
    },
  );

  it.each([
    ['请看 pp-2027-000123 的评估', 'PP-2027-000123'],
    ['PP-2027-000123 and PP-2027-000124', 'PP-2027-000123'],
    ['方案 PP-2027-00012', null],
    ['PP-27-000123', null],
    ['', null],
  ])('finds the plan number in %j: %s', (text, found) => {
    expect(findPlanNumber(text)).toBe(found);
  });
});
