import type { FieldProblem, InputError } from '../formats/input-error';
import { t, type Lang, type StringKey } from './index';

/** One problem of a field in words, without the field: what a form shows next to its input. */
export function describeProblem(problem: FieldProblem, lang: Lang): string {
  // Typed as a key, so a problem code of src/formats without an `error.<code>` string fails the build.
  const key: StringKey = `error.${problem.problem}`;
  return t(lang, key, problem.params);
}

/** Where a problem is: its field, with the line (and column) of the file it was read from. */
export function describePlace(problem: FieldProblem, lang: Lang): string {
  const { field, line, col } = problem;
  if (line === undefined) return field;
  // A problem of the whole file (it does not parse) has only its place.
  if (field === '(file)')
    return col === undefined ? t(lang, 'error.atLineOnly', { line }) : t(lang, 'error.atLineColOnly', { line, col });
  return col === undefined
    ? t(lang, 'error.atLine', { line, field })
    : t(lang, 'error.atLineCol', { line, col, field });
}

/** Every problem of an input error as one line each, naming where it is, in the reader's language. */
export function describeInputError(error: InputError, lang: Lang): string[] {
  return error.problems.map(
    (p) =>
      `${error.source}: ${t(lang, 'error.invalid_field', { field: describePlace(p, lang), problem: describeProblem(p, lang) })}`,
  );
}
