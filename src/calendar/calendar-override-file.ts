/**
 * The calendar override file (YAML): official holidays and make-up working days that ops adds
 * until the `chinese-days` package carries them. See config/samples/calendar-override.yaml.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z, type ZodIssue } from 'zod';
import { isLocalDate, type LocalDate } from '../domain/local-date';
import type { CalendarOverrides } from './chinese-working-calendar';

/** The file's content, lists always present (empty when the file leaves them out). */
export interface CalendarOverrideFile extends CalendarOverrides {
  holidays: LocalDate[];
  workdays: LocalDate[];
  /** Free text for the next person, e.g. which State Council notice the dates come from. */
  note?: string;
}

/**
 * The override file cannot be used; the message names the file, the field and the bad value.
 * Thrown rather than returned: the file is read once at start, and a wrong holiday calendar
 * would shift every deadline, so the app must stop with this message instead of guessing.
 */
export class CalendarOverrideError extends Error {
  readonly code = 'calendar_override_invalid';

  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`calendar override ${file}: ${detail}`);
    this.name = 'CalendarOverrideError';
  }
}

const NOT_A_DATE = 'is not a date (YYYY-MM-DD)';
const date = z.string({ invalid_type_error: NOT_A_DATE }).refine(isLocalDate, NOT_A_DATE);
// `holidays:` with every entry commented out reads as null: treat it as an empty list.
const dates = z.array(date, { invalid_type_error: 'is not a list of dates (YYYY-MM-DD)' }).nullish();
const FIELDS = ['holidays', 'workdays', 'note'];
const overrideSchema = z
  .object(
    { holidays: dates, workdays: dates, note: z.string({ invalid_type_error: 'is not text' }).nullish() },
    { invalid_type_error: `is not a mapping with ${FIELDS.join(', ')}` },
  )
  .strict();

/** Reads and checks the override file at `file`; throws CalendarOverrideError if it is unreadable or wrong. */
export function readCalendarOverrideFile(file: string): CalendarOverrideFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CalendarOverrideError(file, `cannot be read (${(error as Error).message})`);
  }
  return parseCalendarOverrides(text, file);
}

/** Checks the YAML text of an override file; `file` names it in errors. Throws CalendarOverrideError. */
export function parseCalendarOverrides(yamlText: string, file: string): CalendarOverrideFile {
  let input: unknown;
  try {
    input = parse(yamlText);
  } catch (error) {
    throw new CalendarOverrideError(file, `is not valid YAML: ${(error as Error).message}`);
  }
  // An empty file, or one with only comments, overrides nothing.
  const parsed = overrideSchema.safeParse(input ?? {});
  if (!parsed.success)
    throw new CalendarOverrideError(file, parsed.error.issues.map((issue) => describeIssue(issue, input)).join('; '));

  const holidays = parsed.data.holidays ?? [];
  const workdays = parsed.data.workdays ?? [];
  const clash = holidays.findIndex((day) => workdays.includes(day));
  if (clash >= 0) {
    const day = holidays[clash] as LocalDate;
    throw new CalendarOverrideError(
      file,
      `"${day}" is in both holidays[${clash}] and workdays[${workdays.indexOf(day)}]`,
    );
  }
  const note = parsed.data.note ?? undefined;
  return note === undefined ? { holidays, workdays } : { holidays, workdays, note };
}

function describeIssue(issue: ZodIssue, input: unknown): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')} (expected ${FIELDS.join(', ')})`;
  }
  const field = issue.path.length === 0 ? 'the file' : fieldName(issue.path);
  return `${field} ${shown(valueAt(input, issue.path))} ${issue.message}`;
}

/** "holidays[2]" from zod's path. */
function fieldName(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part),
    '',
  );
}

function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>(
    (value, part) =>
      typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[part] : undefined,
    input,
  );
}

/** The bad value as the person wrote it, cut short so one wrong field cannot flood the log. */
function shown(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
