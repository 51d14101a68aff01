import * as AEL from 'adaptive-expressions';
import * as ACData from 'adaptivecards-templating';

/**
 * A card template compiled into a function of its data, with the meaning `adaptivecards-templating`
 * gives it (issue 13). Templates stay the library's language and are parsed by the library (its
 * `Template` parses every `${…}` once, with adaptive-expressions' parser); what changes is evaluation.
 * `Template.expand` walks the parsed template on every render and evaluates each expression through
 * adaptive-expressions' memory and options objects, which was most of a card refresh's CPU. Here the
 * walk is compiled once into closures, and the expressions PlanDesk's cards use (a path such as
 * `${summary.lines}` or `${$root.card.x}`, `${x != null}`, `${x != ''}`, `${count(list) > 0}`, and text
 * around paths) are evaluated directly, by the library's rules restated below; any other expression,
 * or a value those rules do not cover (comparing lists or objects, say), is handed to the library's
 * own evaluation, so its result is the library's. test/bot/card-binder.test.ts renders every card
 * of the Teams flows both ways and requires the same JSON.
 */
export type BoundCard = (root: Record<string, unknown>) => unknown;

interface Scope {
  $root: unknown;
  $data: unknown;
  $index: number | undefined;
}

type Evaluate = (scope: Scope, substitute: boolean) => unknown;
type Expand = (scope: Scope) => unknown;

const RESERVED = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);

/** The library's own evaluation of one expression, used for anything the fast paths below do not cover. */
const libraryEvaluate = (
  ACData.Template as unknown as {
    internalTryEvaluateExpression(
      expression: AEL.Expression,
      context: Scope & { $host: undefined; $_acTemplateVersion: undefined },
      allowSubstitutions: boolean,
    ): { value: unknown; error?: unknown };
  }
).internalTryEvaluateExpression;

function viaLibrary(expression: AEL.Expression): Evaluate {
  return (scope, substitute) => {
    const { value, error } = libraryEvaluate(
      expression,
      { ...scope, $host: undefined, $_acTemplateVersion: undefined },
      substitute,
    );
    if (error) throw new Error(String(error));
    return value;
  };
}

/** A property as adaptive-expressions looks it up: nothing on a falsy value, else the key, else the key in any case. */
function property(instance: unknown, name: string): unknown {
  if (!instance) return undefined;
  const record = instance as Record<string, unknown>;
  const value = record[name];
  if (value !== undefined) return value;
  const other = Object.keys(record).find((key) => key.toLowerCase() === name.toLowerCase());
  return other === undefined ? undefined : record[other];
}

/** The value at a path of names, as the templating memory resolves it (`$data.` before a name without `$`). */
function resolver(path: string): (scope: Scope) => unknown {
  const parts = (path[0] === '$' ? path : `$data.${path}`).split('.');
  return (scope) => {
    let current: unknown = scope;
    for (const part of parts) current = property(current, part);
    return current;
  };
}

/** `a.b.c` for an expression made only of property names, else null (an index, a function, …). */
function pathOf(expression: AEL.Expression): string | null {
  const names: string[] = [];
  let node: AEL.Expression | undefined = expression;
  while (node) {
    if (node.type !== AEL.ExpressionType.Accessor) return null;
    const name = node.children[0];
    if (!(name instanceof AEL.Constant) || typeof name.value !== 'string' || !/^[$A-Za-z_][\w]*$/.test(name.value))
      return null;
    names.unshift(name.value);
    node = node.children.length === 2 ? node.children[1] : undefined;
  }
  return names.join('.');
}

const isScalar = (value: unknown): boolean =>
  value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value);

/** adaptive-expressions' equality for values that are not lists or objects. */
function scalarEquals(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined)
    return (a === null || a === undefined) && (b === null || b === undefined);
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < Number.EPSILON;
  return a === b;
}

function compileExpression(expression: AEL.Expression): Evaluate {
  const fallback = viaLibrary(expression);
  const path = pathOf(expression);
  if (path !== null) {
    const resolve = resolver(path);
    // An undefined path reads as its own text `${path}` where the library substitutes (not in conditions).
    return (scope, substitute) => {
      const value = resolve(scope);
      return value === undefined && substitute ? `\${${path}}` : value;
    };
  }
  if (expression instanceof AEL.Constant) {
    const value: unknown = expression.value;
    return () => value;
  }
  const { type, children } = expression;
  if ((type === AEL.ExpressionType.Equal || type === AEL.ExpressionType.NotEqual) && children.length === 2) {
    const [left, right] = children.map(operand);
    if (left && right) {
      const negate = type === AEL.ExpressionType.NotEqual;
      return (scope, substitute) => {
        const [a, b] = [left(scope), right(scope)];
        if (!isScalar(a) || !isScalar(b)) return fallback(scope, substitute);
        return scalarEquals(a, b) !== negate;
      };
    }
  }
  const counted = countComparison(expression);
  if (counted) {
    const { list, compare, bound } = counted;
    return (scope, substitute) => {
      const value = list(scope);
      return Array.isArray(value) || typeof value === 'string'
        ? compare(value.length, bound)
        : fallback(scope, substitute);
    };
  }
  if (type === AEL.ExpressionType.Concat && children.every((c) => c instanceof AEL.Constant || pathOf(c) !== null)) {
    const parts = children.map(compileExpression);
    return (scope, substitute) => {
      if (!substitute) return fallback(scope, substitute);
      let text = '';
      for (const part of parts) {
        const value = part(scope, true);
        // As the library: a null inside text fails the render rather than printing "null".
        if (value === null || value === undefined)
          throw new TypeError(`a null value in text: ${expression.toString()}`);
        text += String(value);
      }
      return text;
    };
  }
  return fallback;
}

/** A path or a constant, evaluated without substitution (as the library evaluates a comparison's operands). */
function operand(expression: AEL.Expression): ((scope: Scope) => unknown) | null {
  if (expression instanceof AEL.Constant) {
    const value: unknown = expression.value;
    return () => value;
  }
  const path = pathOf(expression);
  return path === null ? null : resolver(path);
}

const COMPARE: Partial<Record<string, (a: number, b: number) => boolean>> = {
  [AEL.ExpressionType.GreaterThan]: (a, b) => a > b,
  [AEL.ExpressionType.GreaterThanOrEqual]: (a, b) => a >= b,
  [AEL.ExpressionType.LessThan]: (a, b) => a < b,
  [AEL.ExpressionType.LessThanOrEqual]: (a, b) => a <= b,
  [AEL.ExpressionType.Equal]: (a, b) => a === b,
  [AEL.ExpressionType.NotEqual]: (a, b) => a !== b,
};

/** `count(path) > n` and its kin, with n a whole number. */
function countComparison(expression: AEL.Expression) {
  const compare = COMPARE[expression.type];
  const [counted, bound] = expression.children;
  if (!compare || expression.children.length !== 2 || !counted || !(bound instanceof AEL.Constant)) return null;
  if (counted.type !== AEL.ExpressionType.Count || counted.children.length !== 1 || !counted.children[0]) return null;
  const path = pathOf(counted.children[0]);
  if (path === null || !Number.isInteger(bound.value)) return null;
  return { list: resolver(path), compare, bound: bound.value as number };
}

/** The prepared template (strings already parsed into expressions) compiled into a function of the scope. */
function compileNode(node: unknown): Expand {
  if (Array.isArray(node)) {
    const items = node.map(compileNode);
    return (scope) => {
      const out: unknown[] = [];
      for (const item of items) {
        const value = item(scope);
        if (value === null) continue;
        if (Array.isArray(value)) out.push(...(value as unknown[]));
        else out.push(value);
      }
      return out;
    };
  }
  if (node instanceof AEL.Expression) {
    const evaluate = compileExpression(node);
    return (scope) => evaluate(scope, true);
  }
  if (node !== null && typeof node === 'object') return compileObject(node as Record<string, unknown>);
  return () => node;
}

/** A `$when` shows its element only when it is the boolean true; an expression that fails hides it. */
function shows(test: Evaluate, scope: Scope): boolean {
  try {
    return test(scope, false) === true;
  } catch {
    return false;
  }
}

function compileObject(node: Record<string, unknown>): Expand {
  const when = node.$when;
  const dataContext = node.$data;
  const whenTest = when instanceof AEL.Expression ? compileExpression(when) : null;
  // A `$when` that is not an expression drops the element, as the library does.
  const alwaysDropped = !whenTest && Boolean(when);
  const data = dataContext instanceof AEL.Expression ? compileExpression(dataContext) : null;
  const fields = Object.keys(node)
    .filter((key) => !RESERVED.has(key))
    .map((key) => [key, compileNode(node[key])] as const);
  const expandFields = (scope: Scope): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, expand] of fields) {
      const value = expand(scope);
      if (value !== undefined) out[key] = value;
    }
    return out;
  };
  // Most elements have no `$data`: they are one element in the same scope, or none.
  if (dataContext === undefined)
    return (scope) => (alwaysDropped || (whenTest && !shows(whenTest, scope)) ? null : expandFields(scope));
  return (outer) => {
    const value = data ? data(outer, true) : dataContext;
    const isList = Array.isArray(value);
    const contexts = isList ? (value as unknown[]) : [value];
    const scope: Scope = { ...outer };
    const results: Record<string, unknown>[] = [];
    for (let i = 0; i < contexts.length; i++) {
      if (isList) scope.$index = i;
      if (contexts[i] !== undefined) scope.$data = contexts[i];
      if (alwaysDropped) continue;
      if (whenTest && !shows(whenTest, scope)) continue;
      results.push(expandFields(scope));
    }
    return results.length === 0 ? null : results.length === 1 ? results[0] : results;
  };
}

/** Compiles a template (the JSON of a `cards/` file); the result binds data as `new Template(t).expand({ $root })` would. */
export function compileCard(template: Record<string, unknown>): BoundCard {
  const prepared = (ACData.Template as unknown as { prepare(node: unknown): unknown }).prepare(template);
  const expand = compileNode(prepared);
  return (root) => expand({ $root: root, $data: root, $index: undefined });
}
