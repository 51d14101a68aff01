import type { ZodIssue } from 'zod';
import { isStringKey, t, type Lang, type StringKey } from '../i18n';

/** One thing wrong with one field of what a person gave us. */
export interface FieldProblem {
  /** Where: "tariffLines[0].quantity", or "line 4, unit_cost_fen" for a CSV row. */
  field: string;
  problem: StringKey;
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
        return isStringKey(issue.message)
          ? { field, problem: issue.message, params: {} }
          : { field, problem: 'error.other', params: { detail: issue.message } };
    }
  });
}

/** Every problem of an input error as one line each, in the reader's language. */
export function describeInputError(error: InputError, lang: Lang): string[] {
  return error.problems.map((p) => `${error.source}: ${t(lang, 'error.invalid_field', { field: p.field, problem: t(lang, p.problem, p.params) })}`);
}
