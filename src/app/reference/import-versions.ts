import type { Catalog, CatalogContent } from '../../domain/catalog';
import type { LocalDate } from '../../domain/local-date';
import type { Policy, PolicyContent } from '../../domain/policy';
import type { Clock } from '../ports/clock';
import type { Store } from '../ports/store';

/** The product center's monthly catalog becomes a new version; applications keep the one they were judged on. */
export async function importCatalog(
  deps: { store: Store; clock: Clock },
  content: CatalogContent,
  actor: string,
): Promise<Catalog> {
  return deps.store.catalogs.add(content, actor, deps.clock.now());
}

/** Ops' policy becomes a new version from a date; the past is never edited (SPEC §8). */
export async function importPolicy(
  deps: { store: Store; clock: Clock },
  content: PolicyContent,
  effectiveFrom: LocalDate,
  actor: string,
): Promise<Policy> {
  return deps.store.policies.add(content, effectiveFrom, actor, deps.clock.now());
}
