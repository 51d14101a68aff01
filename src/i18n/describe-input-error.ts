import { PROBLEM_CODES, type InputError } from '../formats/input-error';
import { t, type Lang, type StringKey } from './index';

// Every problem a reader of files and forms can report has words: a code without a string fails the build here.
const PROBLEMS_HAVE_WORDS: readonly StringKey[] = PROBLEM_CODES;

/** Every problem of an input error as one line each, in the reader's language. */
export function describeInputError(error: InputError, lang: Lang): string[] {
  return error.problems.map(
    (p) =>
      `${error.source}: ${t(lang, 'error.invalid_field', { field: p.field, problem: t(lang, p.problem, p.params) })}`,
  );
}

export { PROBLEMS_HAVE_WORDS };
