import type * as Library from './card-library';
import type { LibraryScope } from './card-library';

/**
 * A card template compiled into a function of its data, with the meaning `adaptivecards-templating`
 * gives it (issue 13). The templates stay in the library's language; what changes is how they are
 * bound. The library parses every `${…}` with adaptive-expressions' ANTLR parser and evaluates it
 * through that library's memory and options objects, which was most of a card refresh's CPU, and
 * loading the two libraries most of a cold start. Here each template is compiled once into closures,
 * and the expressions PlanDesk's cards are written in are parsed and evaluated by the library's rules
 * restated below:
 *   - a path, `${summary.lines}`, `${$root.card.x}`, `${$data}`, `${$index}`;
 *   - a path or `count(path)` compared with a literal: `${x != null}`, `${x != ''}`, `${count(list) > 0}`;
 *   - text around paths: `${id} · ${unitName}`.
 * Anything else, and a value those rules do not settle (comparing lists, counting what cannot be
 * counted), is evaluated by the library itself (card-library.ts, loaded only then). Every template in
 * `cards/` compiles without it, and every card any test renders is checked against the library's own
 * expansion (test/support/card-check.ts).
 */
export type BoundCard = ((root: Record<string, unknown>) => unknown) & {
  /** The template strings of this template left to the library (none in PlanDesk's own cards). */
  delegated: readonly string[];
};

type Scope = LibraryScope;
type Evaluate = (scope: Scope, substitute: boolean) => unknown;
type Expand = (scope: Scope) => unknown;

let library: typeof Library | undefined;
const cardLibrary = (): typeof Library =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when needed, see above
  (library ??= require('./card-library') as typeof Library);

const RESERVED = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);

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

const PATH = /^[$A-Za-z_]\w*(?:\.[$A-Za-z_]\w*)*$/;
const COUNT = /^count\(\s*([$A-Za-z_]\w*(?:\.[$A-Za-z_]\w*)*)\s*\)$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const QUOTED = /^'([^'\\]*)'$|^"([^"\\]*)"$/;
const LITERALS: Record<string, unknown> = { null: null, true: true, false: false };

/** A counted value, or `failed` where adaptive-expressions' `count` fails (nothing, a number, null). */
const FAILED = Symbol('failed');
function countOf(value: unknown): number | typeof FAILED {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object') return Object.keys(value).length;
  return FAILED;
}

/** One operand: a literal, a path, or `count(path)`; null for anything else. */
function operand(text: string): ((scope: Scope) => unknown) | null {
  if (text in LITERALS) {
    const value = LITERALS[text];
    return () => value;
  }
  if (NUMBER.test(text)) {
    const value = Number(text);
    return () => value;
  }
  const quoted = QUOTED.exec(text);
  if (quoted) {
    const value = quoted[1] ?? quoted[2] ?? '';
    return () => value;
  }
  const counted = COUNT.exec(text);
  if (counted?.[1]) {
    const resolve = resolver(counted[1]);
    return (scope) => countOf(resolve(scope));
  }
  return PATH.test(text) ? resolver(text) : null;
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

const ORDER: Record<string, (a: number, b: number) => boolean> = {
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
};

/** The library's evaluation of the whole string `text`, for what the forms here leave open. */
const byLibrary =
  (text: string): Evaluate =>
  (scope, substitute) =>
    cardLibrary().evaluateText(text, scope, substitute);

/**
 * One expression (the inside of `${…}`), or null when it is not one of the forms above. `whole` is the
 * template string it came from, which the library evaluates when a value is not settled here.
 */
function compileExpression(source: string, whole: string): Evaluate | null {
  const text = source.trim();
  const fallback = byLibrary(whole);
  if (PATH.test(text) && !(text in LITERALS)) {
    const resolve = resolver(text);
    // An undefined path reads as its own text `${path}` where the library substitutes (not in conditions).
    return (scope, substitute) => {
      const value = resolve(scope);
      return value === undefined && substitute ? `\${${text}}` : value;
    };
  }
  const comparison = /^(.+?)\s*(!=|==|>=|<=|>|<)\s*(.+)$/.exec(text);
  if (comparison) {
    const [, leftText = '', op = '', rightText = ''] = comparison;
    const [left, right] = [operand(leftText.trim()), operand(rightText.trim())];
    if (!left || !right || /[!=<>]/.test(rightText)) return null;
    const order = ORDER[op];
    return (scope, substitute) => {
      const [a, b] = [left(scope), right(scope)];
      // A failed operand makes a comparison false, as adaptive-expressions has it.
      if (a === FAILED || b === FAILED) return false;
      if (order) {
        if (a === null || a === undefined || b === null || b === undefined) return false;
        return typeof a === 'number' && typeof b === 'number' ? order(a, b) : fallback(scope, substitute);
      }
      // Null on either side is equal only to null, whatever the other is (the library's first rule);
      // other lists and objects are compared by the library.
      const nullish = a === null || a === undefined || b === null || b === undefined;
      if (!nullish && (!isScalar(a) || !isScalar(b))) return fallback(scope, substitute);
      return scalarEquals(a, b) === (op === '==');
    };
  }
  // `${count(list)}` on its own; a literal on its own is text to the library (its interpolation), left to it.
  const counted = COUNT.test(text) ? operand(text) : null;
  if (!counted) return null;
  return (scope, substitute) => {
    const value = counted(scope);
    return value === FAILED ? fallback(scope, substitute) : value;
  };
}

/** The parts of a template string: text, and the inside of each `${…}`; null for what is not that simple. */
function partsOf(text: string): { text?: string; expression?: string }[] | null {
  // The library reads the string as an interpolated one: escapes and backquotes there are its business.
  if (/[`\\]/.test(text)) return null;
  const parts: { text?: string; expression?: string }[] = [];
  let rest = text;
  while (rest.length > 0) {
    const start = rest.indexOf('${');
    if (start < 0) {
      parts.push({ text: rest });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start) });
    const end = rest.indexOf('}', start);
    if (end < 0) return null;
    const inside = rest.slice(start + 2, end);
    // A brace inside quotes would have ended it early: a quote left open, or a brace, is the library's.
    const open = (quote: string) => (inside.split(quote).length - 1) % 2 !== 0;
    if (inside.includes('{') || open("'") || open('"')) return null;
    parts.push({ expression: inside });
    rest = rest.slice(end + 1);
  }
  return parts;
}

/** A template string compiled: itself when it holds no `${`, else a function of the scope. */
function compileString(text: string, delegated: string[]): Evaluate | string {
  if (!text.includes('${')) return text;
  const parts = partsOf(text);
  const delegate = () => {
    delegated.push(text);
    return byLibrary(text);
  };
  if (!parts) return delegate();
  const [first] = parts;
  if (parts.length === 1 && first?.expression !== undefined)
    return compileExpression(first.expression, text) ?? delegate();
  const pieces: (string | Evaluate)[] = [];
  for (const part of parts) {
    if (part.text !== undefined) pieces.push(part.text);
    else {
      const piece = PATH.test(part.expression?.trim() ?? '') ? compileExpression(part.expression ?? '', text) : null;
      if (!piece) return delegate();
      pieces.push(piece);
    }
  }
  const fallback = byLibrary(text);
  return (scope, substitute) => {
    // Text in a condition is the library's to judge.
    if (!substitute) return fallback(scope, substitute);
    let out = '';
    for (const piece of pieces) {
      const value = typeof piece === 'string' ? piece : piece(scope, true);
      // As the library: a null inside text fails the render rather than printing "null".
      if (value === null || value === undefined) throw new TypeError(`a null value in the text "${text}"`);
      out += String(value);
    }
    return out;
  };
}

/** A `$when` shows its element only when it is the boolean true; an expression that fails hides it. */
function shows(test: Evaluate, scope: Scope): boolean {
  try {
    return test(scope, false) === true;
  } catch {
    return false;
  }
}

function compileNode(node: unknown, delegated: string[]): Expand {
  if (Array.isArray(node)) {
    const items = node.map((item) => compileNode(item, delegated));
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
  if (typeof node === 'string') {
    const compiled = compileString(node, delegated);
    return typeof compiled === 'string' ? () => compiled : (scope) => compiled(scope, true);
  }
  if (node !== null && typeof node === 'object') return compileObject(node as Record<string, unknown>, delegated);
  return () => node;
}

function compileObject(node: Record<string, unknown>, delegated: string[]): Expand {
  const when = typeof node.$when === 'string' ? compileString(node.$when, delegated) : node.$when;
  const whenTest = typeof when === 'function' ? (when as Evaluate) : null;
  // A `$when` that is not an expression drops the element, as the library does.
  const alwaysDropped = !whenTest && Boolean(when);
  const dataContext = typeof node.$data === 'string' ? compileString(node.$data, delegated) : node.$data;
  const fields = Object.keys(node)
    .filter((key) => !RESERVED.has(key))
    .map((key) => [key, compileNode(node[key], delegated)] as const);
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
    const value = typeof dataContext === 'function' ? (dataContext as Evaluate)(outer, true) : dataContext;
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
  const delegated: string[] = [];
  const expand = compileNode(template, delegated);
  const bind = (root: Record<string, unknown>) => expand({ $root: root, $data: root, $index: undefined });
  return Object.assign(bind, { delegated });
}
