/**
 * A plan's number, e.g. PP-2027-000123: the year it was filed (Shanghai) and its place in that year.
 * The one home of the format: both stores number with it, every place that reads one parses with it.
 */
export const PLAN_NUMBER = /^PP-\d{4}-\d{6}$/;

/** The n-th plan number of a year. */
export function formatPlanNumber(year: number, n: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new RangeError(`a plan number's year has four digits, not ${year}`);
  if (!Number.isInteger(n) || n < 1 || n > 999_999)
    throw new RangeError(`a plan number's place in its year is 1 to 999999, not ${n}`);
  return `PP-${year}-${String(n).padStart(6, '0')}`;
}

/** The first plan number in a text, as PlanDesk writes it (case does not matter: `pp-2027-000123` is found); null if none. */
export function findPlanNumber(text: string): string | null {
  return /PP-\d{4}-\d{6}/i.exec(text)?.[0]?.toUpperCase() ?? null;
}
