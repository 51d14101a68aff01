import type { Catalog, CatalogContent } from '../../domain/catalog';
import { addDays, shanghaiDate, type LocalDate } from '../../domain/local-date';
import { tierNamesOf, type Policy, type PolicyContent, type TierNames } from '../../domain/policy';
import { catalogChanges, policyChanges, type CatalogChanges, type PolicyChange } from '../../domain/reference-changes';
import { fail, ok, type Result } from '../../domain/result';
import type { ApprovalDeps } from '../common/deps';
import { personOf } from '../common/people';
import { refused } from '../common/refuse';
import type { Refusal } from '../records/refusal';
import { importCatalog, importPolicy } from './import-versions';
import { simulatePolicy, type Simulation } from './simulate-policy';

export type ReferenceKind = 'catalog' | 'policy';

/**
 * A file read at the edge: its content, or whatever the reader says is wrong with it. The reader is
 * passed in (src/app imports no parser) and only called once the person may import that kind, so
 * someone without the role learns nothing about the file but that.
 */
export type ReadFile<C, E> = () => Result<C, E>;

/** Why a file is not imported: a refusal (audited), or the reader's problems with it. */
export type ImportRefused<E> = { refusal: Refusal } | { invalid: E };

/** What a new catalog would change, against the latest version (the one in force). */
export interface CatalogReview {
  /** The latest version when the file was read (0: none yet); the import is refused if another came since. */
  baseVersion: number;
  products: number;
  activities: number;
  changes: CatalogChanges;
}

/** What a new policy would change, against the one in force today, and what it would do to stored plans. */
export interface PolicyReview {
  /** The latest version stored when the file was read (0: none yet), in force or still to come. */
  baseVersion: number;
  /** The version in force today, compared with; null when none is. */
  inForceVersion: number | null;
  changes: PolicyChange[];
  /** Stored plans replayed against the new policy (each with its own catalog and day). */
  simulation: Simulation;
  /** Tier names of the new policy, then of the one in force, for the words. */
  tierNames: TierNames;
  /** The earliest effective date allowed (today in Shanghai) and the one offered (tomorrow). */
  earliest: LocalDate;
  suggested: LocalDate;
}

const ROLE = { catalog: 'catalog_owner', policy: 'ops_head' } as const;

/** Only catalog owners import catalogs, only the ops head policies; anyone else is refused, audited. */
async function mayImport(
  deps: ApprovalDeps,
  actor: string,
  kind: ReferenceKind,
  attempted: unknown,
): Promise<Result<void, Refusal>> {
  const directory = await deps.store.directory.get();
  if (!directory) return fail({ code: 'no_directory' });
  if (personOf(directory, actor)?.roles.includes(ROLE[kind])) return ok(undefined);
  const refusal: Refusal = kind === 'catalog' ? { code: 'not_catalog_owner' } : { code: 'not_policy_owner' };
  return refused(deps, deps.clock.now(), actor, kind, refusal, attempted);
}

async function latestPolicyVersion(deps: ApprovalDeps): Promise<number> {
  return Math.max(0, ...(await deps.store.policies.list()).map((p) => p.version));
}

/**
 * Reads a new catalog a catalog owner sent and says what it would change against the catalog in
 * force. Nothing is stored (the refusal of someone else is audited).
 */
export async function reviewCatalogImport<E>(
  deps: ApprovalDeps,
  actor: string,
  read: ReadFile<CatalogContent, E>,
): Promise<Result<CatalogReview, ImportRefused<E>>> {
  const allowed = await mayImport(deps, actor, 'catalog', { act: 'review' });
  if (!allowed.ok) return fail({ refusal: allowed.error });
  const content = read();
  if (!content.ok) return fail({ invalid: content.error });
  const current = await deps.store.catalogs.current();
  return ok({
    baseVersion: current?.version ?? 0,
    products: content.value.products.length,
    activities: content.value.activities.length,
    changes: catalogChanges(current, content.value),
  });
}

/**
 * Stores a reviewed catalog as a new version (audited as `catalog.import`), after checking again
 * everything the review checked: the role, the file itself, and that no other version came since
 * the person saw the changes.
 */
export async function confirmCatalogImport<E>(
  deps: ApprovalDeps,
  actor: string,
  read: ReadFile<CatalogContent, E>,
  baseVersion: number,
): Promise<Result<Catalog, ImportRefused<E>>> {
  const allowed = await mayImport(deps, actor, 'catalog', { act: 'confirm', baseVersion });
  if (!allowed.ok) return fail({ refusal: allowed.error });
  const content = read();
  if (!content.ok) return fail({ invalid: content.error });
  const current = await deps.store.catalogs.current();
  if ((current?.version ?? 0) !== baseVersion) {
    // A second tap on a card already confirmed (another instance, a slow client) finds its own version.
    if (current && sameContent(current, content.value) && current.importedBy === actor) return ok(current);
    return fail({ refusal: { code: 'reference_changed', version: current?.version ?? 0 } });
  }
  return ok(await importCatalog(deps, content.value, actor));
}

/**
 * Reads a new policy the ops head sent and says what it would change against the policy in force
 * today, and which stored plans it would put in another tier. Nothing is stored.
 */
export async function reviewPolicyImport<E>(
  deps: ApprovalDeps,
  actor: string,
  read: ReadFile<PolicyContent, E>,
): Promise<Result<PolicyReview, ImportRefused<E>>> {
  const allowed = await mayImport(deps, actor, 'policy', { act: 'review' });
  if (!allowed.ok) return fail({ refusal: allowed.error });
  const content = read();
  if (!content.ok) return fail({ invalid: content.error });
  const today = shanghaiDate(deps.clock.now());
  const inForce = await deps.store.policies.inForceOn(today);
  const simulation = await simulatePolicy(deps.store, content.value);
  if (!simulation.ok) return fail({ refusal: simulation.error });
  return ok({
    baseVersion: await latestPolicyVersion(deps),
    inForceVersion: inForce?.version ?? null,
    changes: policyChanges(inForce, content.value),
    simulation: simulation.value,
    tierNames: { ...tierNamesOf(inForce), ...tierNamesOf(content.value) },
    earliest: today,
    suggested: addDays(today, 1),
  });
}

/**
 * Stores a reviewed policy as a new version from a date (audited as `policy.import`), after checking
 * again the role, the file, that the date is not past and that no other version came since.
 */
export async function confirmPolicyImport<E>(
  deps: ApprovalDeps,
  actor: string,
  read: ReadFile<PolicyContent, E>,
  baseVersion: number,
  effectiveFrom: LocalDate,
): Promise<Result<Policy, ImportRefused<E>>> {
  const allowed = await mayImport(deps, actor, 'policy', { act: 'confirm', baseVersion, effectiveFrom });
  if (!allowed.ok) return fail({ refusal: allowed.error });
  const content = read();
  if (!content.ok) return fail({ invalid: content.error });
  const today = shanghaiDate(deps.clock.now());
  if (effectiveFrom < today) return fail({ refusal: { code: 'effective_in_past', date: effectiveFrom, today } });
  const latest = await latestPolicyVersion(deps);
  if (latest !== baseVersion) {
    const last = await deps.store.policies.get(latest);
    if (last && sameContent(last, content.value) && last.effectiveFrom === effectiveFrom && last.importedBy === actor)
      return ok(last);
    return fail({ refusal: { code: 'reference_changed', version: latest } });
  }
  return ok(await importPolicy(deps, content.value, effectiveFrom, actor));
}

/** Whether a stored version holds exactly this content (its own version fields aside). */
function sameContent(stored: object, content: object): boolean {
  const { version: _v, importedAt: _a, importedBy: _b, effectiveFrom: _e, ...rest } = stored as Record<string, unknown>;
  return JSON.stringify(canonical(rest)) === JSON.stringify(canonical(content));
}

/** A value with its objects' keys sorted, so two equal contents compare equal whatever their key order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
}
