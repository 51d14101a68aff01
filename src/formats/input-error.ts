import type { ZodIssue } from 'zod';

/**
 * What can be wrong with a field of a file, form or command line, as a code. The words are made in
 * src/i18n (`error.<code>`), which fails to compile while a code here has none. A schema's own
 * refinement names its problem by one of these codes as its zod message.
 */
const PROBLEM_CODES = [
  'required',
  'not_an_integer',
  'not_a_number',
  'wrong_type',
  'too_small',
  'too_large',
  'too_long',
  'too_few',
  'too_many',
  'unknown_field',
  'not_one_of',
  'other',
  'malformed_json',
  'empty_file',
  'missing_column',
  'duplicate',
  'activity_mismatch',
  'unknown_reference',
  'bad_date',
  'bad_month',
  'bad_percent',
  'bad_kind_list',
  'tier_order',
  // Options of the command line.
  'bad_store_location',
  'not_migration_target',
  'cosmos_not_configured',
  'bad_instant',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

const isProblemCode = (text: string): text is ProblemCode => (PROBLEM_CODES as readonly string[]).includes(text);

/** One thing wrong with one field of what a person gave us. */
export interface FieldProblem {
  /** Which field: "tariffLines[0].quantity", "tiers[0].minMarginPct", or a CSV row's column, "unit_cost_fen". */
  field: string;
  /** The line of the file it is on (1-based), when it was read from a file. */
  line?: number;
  /** The column of that line (1-based), when the file says it (YAML); a CSV problem's column is its field. */
  col?: number;
  problem: ProblemCode;
  params: Record<string, string | number>;
}

/** Bad input, named field by field: an expected failure, returned as a value. */
export interface InputError {
  code: 'invalid_input';
  /** What was being read: a file name, "application", "card". */
  source: string;
  problems: FieldProblem[];
}

export const inputError = (source: string, problems: FieldProblem[]): InputError => ({
  code: 'invalid_input',
  source,
  problems,
});

/** "tariffLines[0].quantity" from zod's path, with a prefix for where the object sits. */
export function fieldName(path: readonly (string | number)[], prefix = ''): string {
  const joined = path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part),
    prefix,
  );
  return joined || '(root)';
}

/** Turns zod's issues into problems a person can read in their language. */
export function problemsFromZod(issues: readonly ZodIssue[], prefix = ''): FieldProblem[] {
  return issues.map((issue): FieldProblem => {
    const field = fieldName(issue.path, prefix);
    switch (issue.code) {
      case 'invalid_type':
        if (issue.received === 'undefined') return { field, problem: 'required', params: {} };
        if (issue.expected === 'integer') return { field, problem: 'not_an_integer', params: {} };
        if (issue.expected === 'number') return { field, problem: 'not_a_number', params: {} };
        return { field, problem: 'wrong_type', params: { expected: issue.expected } };
      case 'too_small':
        return {
          field,
          problem: issue.type === 'string' ? 'required' : issue.type === 'array' ? 'too_few' : 'too_small',
          params: { min: Number(issue.minimum) },
        };
      case 'too_big':
        return {
          field,
          problem: issue.type === 'string' ? 'too_long' : issue.type === 'array' ? 'too_many' : 'too_large',
          params: { max: Number(issue.maximum) },
        };
      case 'unrecognized_keys':
        return { field, problem: 'unknown_field', params: { keys: issue.keys.join(', ') } };
      case 'invalid_enum_value':
        return { field, problem: 'not_one_of', params: { options: issue.options.join(' | ') } };
      default:
        // A refinement names its problem by its code; any other message is shown as it is.
        return isProblemCode(issue.message)
          ? { field, problem: issue.message, params: {} }
          : { field, problem: 'other', params: { detail: issue.message } };
    }
  });
}
