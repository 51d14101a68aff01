import type { ApplicationInput } from '../../domain/application';
import type { CatalogContent } from '../../domain/catalog';
import { addMonths, monthOf, shanghaiDate, type LocalDate } from '../../domain/local-date';
import { OVERLAPPING_STATES, overlappingPlans, type Overlap } from '../../domain/overlap';
import type { PolicyContent } from '../../domain/policy';
import { reason, type Reason } from '../../domain/reason';
import { fail, ok, type Result } from '../../domain/result';
import { otherPlanOf } from '../common/track-record';
import type { AppError } from '../records/refusal';
import type { Store } from '../ports/store';

/** The catalog and policy an application is judged against, and how they are named in its record. */
export interface JudgingContext {
  catalog: CatalogContent;
  catalogVersion: number | string;
  policy: PolicyContent;
  policyVersion: number | string;
  knownUnits?: string[];
  warnings: Reason[];
}

/** Overrides for a what-if judgement: a catalog or policy from a file instead of the store. */
export interface JudgingOverrides {
  catalog?: { content: CatalogContent; label: string };
  policy?: { content: PolicyContent; label: string };
}

/**
 * Gathers what an application is judged on at a date: the current catalog (warning when it is
 * more than a month old, 第七条(一)), the policy version in force, and the directory's units.
 */
export async function judgingContext(
  store: Store,
  on: LocalDate,
  overrides: JudgingOverrides = {},
): Promise<Result<JudgingContext, AppError>> {
  const warnings: Reason[] = [];
  let catalog: JudgingContext['catalog'];
  let catalogVersion: JudgingContext['catalogVersion'];
  if (overrides.catalog) {
    ({ content: catalog, label: catalogVersion } = overrides.catalog);
  } else {
    const current = await store.catalogs.current();
    if (!current) return fail({ code: 'no_catalog' });
    catalog = current;
    catalogVersion = current.version;
    const importedOn = shanghaiDate(new Date(current.importedAt));
    if (catalogIsStale(importedOn, on))
      warnings.push(reason('catalog_stale', { version: current.version, importedOn }));
  }
  let policy: JudgingContext['policy'];
  let policyVersion: JudgingContext['policyVersion'];
  if (overrides.policy) {
    ({ content: policy, label: policyVersion } = overrides.policy);
  } else {
    const inForce = await store.policies.inForceOn(on);
    if (!inForce) return fail({ code: 'no_policy', date: on });
    policy = inForce;
    policyVersion = inForce.version;
  }
  const directory = await store.directory.get();
  const context: JudgingContext = { catalog, catalogVersion, policy, policyVersion, warnings };
  if (directory) context.knownUnits = directory.units.map((u) => u.id);
  return ok(context);
}

/** The catalog is refreshed monthly: one imported before the same day of last month is stale. */
export function catalogIsStale(importedOn: LocalDate, on: LocalDate): boolean {
  return importedOn < `${addMonths(monthOf(on), -1)}${on.slice(7)}`;
}

/** How many of a customer's pending and active plans, newest first, are looked at for overlaps. */
export const OVERLAP_SCAN = 50;

/**
 * The same group customer's plans, pending or in effect, that overlap `input` (a product and a month in
 * common): one indexed query. `self` is the application being judged again (a resubmission), never its own overlap.
 */
export async function overlapsOf(
  store: Store,
  input: ApplicationInput,
  self: string | null = null,
): Promise<Overlap[]> {
  const { records } = await store.applications.page(
    { customers: [input.customer.groupId], states: OVERLAPPING_STATES },
    OVERLAP_SCAN,
  );
  return overlappingPlans(input, records.map(otherPlanOf), self);
}
