import type { CatalogRepository, DirectoryRepository, PolicyRepository } from '../../app/ports/store';
import { deepFreeze } from '../parsed-cache';

/*
 * Reference data on Cosmos DB, read once (issue 13): every turn that shows a plan needs who is who, the
 * catalog and the policy, and each was a request of its own, several times a turn.
 *
 * - A version (catalog 3, policy 2, directory 7) is imported once and never changed: read once and kept
 *   (frozen, so no reader can change what the next one gets). A version not there yet is not kept.
 * - What is current (the directory's head, the current catalog, the policy in force on a date) is read
 *   again once it is older than `ttlMs`: a version imported by another instance is seen here within that
 *   time (the README says so), and one imported through this store at once. `ttlMs` 0 reads it every time.
 */

type Clock = () => number;

/** Promises by key, kept for good once they settle on something; a miss or a failure is read again. */
function keptFor<K, V>() {
  const kept = new Map<K, Promise<V | null>>();
  return (key: K, read: () => Promise<V | null>): Promise<V | null> => {
    const known = kept.get(key);
    if (known) return known;
    const reading = read().then((value) => {
      if (value === null) kept.delete(key);
      return value === null ? null : deepFreeze(value);
    });
    reading.catch(() => kept.delete(key));
    kept.set(key, reading);
    return reading;
  };
}

/** One current value, read again after `ttlMs`; `forget` after this instance changed it. */
function freshFor<K, V>(ttlMs: number, now: Clock) {
  let kept = new Map<K, { at: number; value: Promise<V | null> }>();
  return {
    read(key: K, read: () => Promise<V | null>): Promise<V | null> {
      const known = kept.get(key);
      if (known && now() - known.at < ttlMs) return known.value;
      const value = read().then((v) => v && deepFreeze(v));
      value.catch(() => kept.delete(key));
      kept.set(key, { at: now(), value });
      return value;
    },
    forget() {
      kept = new Map();
    },
  };
}

export function cachedCatalogs(inner: CatalogRepository, ttlMs: number, now: Clock = Date.now): CatalogRepository {
  const versions = keptFor<number, Awaited<ReturnType<CatalogRepository['get']>>>();
  const current = freshFor<'current', Awaited<ReturnType<CatalogRepository['current']>>>(ttlMs, now);
  return {
    async add(content, by, at) {
      const added = await inner.add(content, by, at);
      current.forget();
      return added;
    },
    current: () => current.read('current', () => inner.current()),
    get: (version) => versions(version, () => inner.get(version)),
  };
}

export function cachedPolicies(inner: PolicyRepository, ttlMs: number, now: Clock = Date.now): PolicyRepository {
  const versions = keptFor<number, Awaited<ReturnType<PolicyRepository['get']>>>();
  const inForce = freshFor<string, Awaited<ReturnType<PolicyRepository['inForceOn']>>>(ttlMs, now);
  return {
    async add(content, effectiveFrom, by, at) {
      const added = await inner.add(content, effectiveFrom, by, at);
      inForce.forget();
      return added;
    },
    inForceOn: (date) => inForce.read(date, () => inner.inForceOn(date)),
    get: (version) => versions(version, () => inner.get(version)),
    list: () => inner.list(),
  };
}

export function cachedDirectory(inner: DirectoryRepository, ttlMs: number, now: Clock = Date.now): DirectoryRepository {
  const versions = keptFor<number, Awaited<ReturnType<DirectoryRepository['getVersion']>>>();
  const head = freshFor<'head', Awaited<ReturnType<DirectoryRepository['get']>>>(ttlMs, now);
  return {
    async add(directory, by, at) {
      const added = await inner.add(directory, by, at);
      head.forget();
      return added;
    },
    get: () => head.read('head', () => inner.get()),
    getVersion: (version) => versions(version, () => inner.getVersion(version)),
    list: () => inner.list(),
  };
}
