import type { ZodIssue } from 'zod';

/**
 * What can be wrong with a field of a file or form, as a code; the words are made in src/i18n (each
 * code is a key of the string tables there, which checks at compile time that every one has words).
 */
export const PROBLEM_CODES = [
  'error.required', 'error.not_an_integer', 'error.not_a_number', 'error.wrong_type', 'error.too_small', 'error.too_large', 'error.too_long',
  'error.too_few', 'error.too_many', 'error.unknown_field', 'error.not_one_of', 'error.other', 'error.malformed_json', 'error.empty_file',
  'error.missing_column', 'error.duplicate', 'error.activity_mismatch', 'error.unknown_reference', 'error.bad_date', 'error.bad_month',
  'error.bad_percent', 'error.bad_kind_list', 'error.tier_order',
  // Options of the command line.
  'error.bad_store_location', 'error.not_migration_target', 'error.cosmos_not_configured', 'error.bad_instant',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

const isProblemCode = (text: string): text is ProblemCode => (PROBLEM_CODES as readonly string[]).includes(text);

/** One thing wrong with one field of what a person gave us. */
export interface FieldProblem {
  /** Where: "tariffLines[0].quantity", or "line 4, unit_cost_fen" for a CSV row. */
  field: string;
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

export const inputError = (source: string, problems: FieldProblem[]): InputError => ({ code: 'invalid_input', source, problems });


/** "tariffLines[0].quantity" from zod's path, with a prefix for where the object sits. */
export function fieldName(path: readonly (string | number)[], prefix = ''): string {
  const joined = path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), prefix);
  return joined || '(root)';
}

/** Turns zod's issues into problems a person can read in their language. */
export function problemsFromZod(issues: readonly ZodIssue[], prefix = ''): FieldProblem[] {
  return issues.map((issue): FieldProblem => {
    const field = fieldName(issue.path, prefix);
    switch (issue.code) {
      case 'invalid_type':
        if (issue.received === 'undefined') return { field, problem: 'error.required', params: {} };
        if (issue.expected === 'integer') return { field, problem: 'error.not_an_integer', params: {} };
        if (issue.expected === 'number') return { field, problem: 'error.not_a_number', params: {} };
        return { field, problem: 'error.wrong_type', params: { expected: issue.expected } };
      case 'too_small':
        return { field, problem: issue.type === 'string' ? 'error.required' : issue.type === 'array' ? 'error.too_few' : 'error.too_small', params: { min: Number(issue.minimum) } };
      case 'too_big':
        return { field, problem: issue.type === 'string' ? 'error.too_long' : issue.type === 'array' ? 'error.too_many' : 'error.too_large', params: { max: Number(issue.maximum) } };
      case 'unrecognized_keys':
        return { field, problem: 'error.unknown_field', params: { keys: issue.keys.join(', ') } };
      case 'invalid_enum_value':
        return { field, problem: 'error.not_one_of', params: { options: issue.options.join(' | ') } };
      default:
        // A schema's own refinements name their problem by its code.
        return isProblemCode(issue.message)
          ? { field, problem: issue.message, params: {} }
          : { field, problem: 'error.other', params: { detail: issue.message } };
    }
  });
}
