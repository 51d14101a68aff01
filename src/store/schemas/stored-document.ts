import type { z } from 'zod';

/**
 * A row whose stored document cannot be what its table holds: damaged on disk, edited by hand, or
 * written by an incompatible version. Unexpected, so it is thrown, naming where to look.
 */
export class CorruptDocumentError extends Error {
  constructor(
    readonly table: string,
    readonly key: string | number,
    detail: string,
  ) {
    super(`table "${table}", row ${JSON.stringify(key)}: ${detail}`);
    this.name = 'CorruptDocumentError';
  }
}

const describeIssues = (error: z.ZodError): string =>
  error.issues.map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`).join('; ');

/** Parses a JSON column and checks it against its schema, so a damaged row never passes for a valid object. */
export function readDocument<S extends z.ZodTypeAny>(
  schema: S,
  table: string,
  key: string | number,
  json: string,
): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new CorruptDocumentError(table, key, `document is not JSON (${(error as Error).message})`);
  }
  return parseDocument(schema, table, key, raw);
}

/** Checks a document a store gave back as an object (a Cosmos DB item) against its schema. */
export function parseDocument<S extends z.ZodTypeAny>(
  schema: S,
  table: string,
  key: string | number,
  raw: unknown,
): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new CorruptDocumentError(table, key, `document does not match its schema: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/**
 * Checks a document against its schema before it is stored, so the store never keeps what it could
 * not read back; an invalid one is a caller's bug, hence thrown.
 */
export function writeDocument<S extends z.ZodTypeAny>(schema: S, what: string, value: z.input<S>): string {
  return JSON.stringify(checkDocument(schema, what, value));
}

/** As writeDocument, for a store that takes the checked object itself rather than its JSON. */
export function checkDocument<S extends z.ZodTypeAny>(schema: S, what: string, value: z.input<S>): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new TypeError(`refusing to store an invalid ${what}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
