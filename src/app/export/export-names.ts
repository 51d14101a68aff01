import type { Store } from '../ports/store';

/** People's and units' names by id, from every directory version (the newest naming wins). */
export interface NameBook {
  person(id: string): string | null;
  unit(id: string): string | null;
}

/**
 * Names from every directory version, so someone since removed is still named as they were; a few
 * hundred people a version, a few dozen versions: small enough to hold for an export.
 */
export async function nameBook(store: Pick<Store, 'directory'>): Promise<NameBook> {
  const people = new Map<string, string>();
  const units = new Map<string, string>();
  for (const version of await store.directory.list()) {
    for (const p of version.people) {
      people.set(p.aadObjectId, p.name);
      people.set(p.email, p.name);
    }
    for (const u of version.units) units.set(u.id, u.name);
  }
  return { person: (id) => people.get(id) ?? null, unit: (id) => units.get(id) ?? null };
}
