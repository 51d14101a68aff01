/**
 * Calendar dates and months as PlanDesk's people mean them: in Asia/Shanghai.
 * A LocalDate is "YYYY-MM-DD", a Month is "YYYY-MM"; both compare correctly as strings.
 */
export type LocalDate = string;
export type Month = string;

export const SHANGHAI = 'Asia/Shanghai';

/** Shanghai has kept UTC+8, without daylight saving time, since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * An instant as Shanghai's wall clock reads it, in ISO form ("YYYY-MM-DDTHH:MM…"). Plain arithmetic on
 * the fixed offset rather than Intl: reports take thousands of steps' working time, each walking day by day.
 */
const shanghaiClock = (instant: Date): string => new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString();

/** The Shanghai calendar date of an instant. */
export function shanghaiDate(instant: Date): LocalDate {
  return shanghaiClock(instant).slice(0, 10);
}

/** The Shanghai wall-clock time "HH:MM" of an instant. */
export function shanghaiTime(instant: Date): string {
  return shanghaiClock(instant).slice(11, 16);
}

/** The instant of a Shanghai wall-clock time on a date (Shanghai has kept UTC+8 without DST since 1991). */
export function shanghaiInstant(date: LocalDate, time = '00:00'): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

export function monthOf(date: LocalDate): Month {
  return date.slice(0, 7);
}

/** Adds whole days to a date (calendar days, no time zone involved). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds whole months to a month: ("2027-11", 3) → "2028-02". */
export function addMonths(month: Month, months: number): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Day of week of a date, 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export const isLocalDate = (text: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) &&
  !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) &&
  new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

export const isMonth = (text: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(text);

/** An instant `ms` milliseconds after another (leases, retries, deadlines measured in elapsed time). */
export const addMs = (at: Date, ms: number): Date => new Date(at.getTime() + ms);
