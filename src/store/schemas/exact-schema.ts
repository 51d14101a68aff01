import type { z } from 'zod';

/** True only when A and B are the same type (not merely assignable one way). */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * Binds a zod schema to the domain type it reads. The schema must parse to exactly `T`: a field
 * added to the domain and forgotten here fails to compile, instead of being stripped on read.
 * Usage: `exactSchema<Catalog>()(z.object({ … }))`.
 */
export function exactSchema<T>() {
  return <S extends z.ZodTypeAny>(
    schema: S,
    ..._sameType: Equals<z.infer<S>, T> extends true ? [] : [mismatch: 'schema does not parse to the domain type']
  ): S => schema;
}
