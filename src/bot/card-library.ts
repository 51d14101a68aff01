import * as AEL from 'adaptive-expressions';
import * as ACData from 'adaptivecards-templating';

/**
 * adaptivecards-templating itself, for what card-binder.ts does not evaluate on its own: an expression
 * outside the few forms PlanDesk's cards use, or a value those forms do not cover. Loaded only when
 * needed (it takes most of a second), which PlanDesk's own cards never need (test/bot/card-binder.test.ts),
 * and by the tests, which check every card against it.
 */

/** The scope the library evaluates in: the root data, the current `$data` and the `$index` of a repeat. */
export interface LibraryScope {
  $root: unknown;
  $data: unknown;
  $index: number | undefined;
}

const library = ACData.Template as unknown as {
  prepare(node: unknown): unknown;
  internalTryEvaluateExpression(
    expression: AEL.Expression,
    context: LibraryScope & { $host: undefined; $_acTemplateVersion: undefined },
    allowSubstitutions: boolean,
  ): { value: unknown; error?: unknown };
};

const prepared = new Map<string, unknown>();

/**
 * A template string as the library evaluates it where it stands: with substitutions in a value (an
 * undefined path reads as its own text), without in a `$when`. Fails where the library's expansion fails.
 */
export function evaluateText(text: string, scope: LibraryScope, substitute: boolean): unknown {
  let expression = prepared.get(text);
  if (expression === undefined) prepared.set(text, (expression = library.prepare(text)));
  if (!(expression instanceof AEL.Expression)) return expression;
  const { value, error } = library.internalTryEvaluateExpression(
    expression,
    { ...scope, $host: undefined, $_acTemplateVersion: undefined },
    substitute,
  );
  if (error) throw new Error(String(error));
  return value;
}

/** The library's own expansion of a template: the reference the compiled templates are checked against. */
export function expandWithLibrary(template: Record<string, unknown>, root: Record<string, unknown>): unknown {
  return new ACData.Template(template).expand({ $root: root });
}
