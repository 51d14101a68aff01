/**
 * Documents already parsed and checked, by key and version (issue 13): a stored application is read on
 * every card refresh, and parsing its JSON and checking it against its schema was a sixth of an
 * invoke's CPU. A version is written once and never changes, so what was parsed for (key, version)
 * serves every later read of the same row; a new version is parsed, and checked, when first read.
 *
 * What it keeps is frozen, deeply, because every reader shares it: code that changed a record it
 * read would otherwise change it for the next reader, and now throws instead (modules are strict).
 * Bounded: the least recently used entry leaves when `limit` is reached.
 */
export interface ParsedCache<T> {
  /** The document for (key, version), parsing it with `parse` only if this version was not read before. */
  read(key: string, version: number | string, parse: () => T): T;
  /** What was kept for (key, version), if anything. */
  peek(key: string, version: number | string): T | undefined;
  /** Entries kept now. */
  readonly size: number;
}

export function parsedCache<T>(limit = 2_000): ParsedCache<T> {
  const entries = new Map<string, { version: number | string; value: T }>();
  return {
    read(key, version, parse) {
      const known = entries.get(key);
      if (known && known.version === version) {
        // Re-inserted, so the Map's order is least recently used first.
        entries.delete(key);
        entries.set(key, known);
        return known.value;
      }
      const value = deepFreeze(parse());
      entries.delete(key);
      entries.set(key, { version, value });
      if (entries.size > limit) entries.delete(entries.keys().next().value as string);
      return value;
    },
    peek(key, version) {
      const known = entries.get(key);
      return known && known.version === version ? known.value : undefined;
    },
    get size() {
      return entries.size;
    },
  };
}

/** The value with it and everything in it frozen. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Reference data read by version (directory, catalog, policy versions): a version is imported once and
 * never edited, so each is parsed once. `latest` says which version is current (a query of one small
 * column, so a version imported by another instance sharing the store is seen on the next read);
 * `row` reads and parses a version, null when there is none.
 */
export function versionedReads<T>(row: (version: number) => T | null, limit = 32) {
  const parsed = parsedCache<T>(limit);
  const byVersion = (version: number): T | null => {
    const known = parsed.peek(String(version), version);
    if (known !== undefined) return known;
    const value = row(version);
    return value === null ? null : parsed.read(String(version), version, () => value);
  };
  return { byVersion };
}
