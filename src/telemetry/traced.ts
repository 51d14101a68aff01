import { SpanStatusCode, type Attributes, type Span, type SpanKind, type Tracer } from '@opentelemetry/api';

/** What a span says of the value its work returned (e.g. a refusal's code); nothing by default. */
export type Describe = (value: unknown) => Attributes | undefined;

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  /** A span of its own, not a child of whatever is active (work a turn only started). */
  root?: boolean;
  describe?: Describe;
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

function failed(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

/**
 * Runs `work` in an active span named `name` and ends the span when the work settles (at once for a value
 * that is not a promise); a throw or a rejection marks it as an error and goes on as it was.
 */
export function inSpan<T>(tracer: Tracer, name: string, options: SpanOptions, work: (span: Span) => T): T {
  const { describe, ...spanOptions } = options;
  return tracer.startActiveSpan(name, spanOptions, (span) => {
    const settled = (value: unknown) => {
      const attributes = describe?.(value);
      if (attributes) span.setAttributes(attributes);
      span.end();
    };
    let result: T;
    try {
      result = work(span);
    } catch (error) {
      failed(span, error);
      span.end();
      throw error;
    }
    if (!isThenable(result)) {
      settled(result);
      return result;
    }
    return result.then(
      (value) => {
        settled(value);
        return value;
      },
      (error: unknown) => {
        failed(span, error);
        span.end();
        throw error;
      },
    ) as T;
  });
}

/**
 * `target` with each of its methods run in a span named `<prefix>.<method>`; other properties as they are.
 * With `depth` 1, the methods of the objects it holds are traced too (a store's repositories).
 */
export function tracedMethods<T extends object>(
  target: T,
  tracer: Tracer,
  prefix: string,
  options: SpanOptions & { depth?: 0 | 1 } = {},
): T {
  const { depth = 0, ...spanOptions } = options;
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof property !== 'string') return value;
      if (wrapped.has(property)) return wrapped.get(property);
      const name = `${prefix}.${property}`;
      let traced: unknown;
      if (typeof value === 'function') {
        const method = value as (...args: unknown[]) => unknown;
        traced = (...args: unknown[]) => inSpan(tracer, name, spanOptions, () => method.apply(object, args));
      } else if (depth > 0 && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        traced = tracedMethods(value, tracer, name, spanOptions);
      } else {
        return value;
      }
      wrapped.set(property, traced);
      return traced;
    },
  });
}

/**
 * A use case's or a send's outcome as a span attribute: `ok`, or the code of an expected failure returned as a
 * value (a Result's error, a refusal, a delivery failure); nothing for other values.
 */
export const outcomeOf: Describe = (value) => {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { ok?: unknown; error?: { code?: unknown; refusal?: { code?: unknown } }; code?: unknown };
  const code = v.ok === false ? (v.error?.code ?? v.error?.refusal?.code) : v.ok === true ? 'ok' : v.code;
  return typeof code === 'string' ? { 'plandesk.outcome': code } : undefined;
};
