import { assessApplication, type Outcome } from '../../domain/assess';
import type { CatalogContent } from '../../domain/catalog';
import { shanghaiDate } from '../../domain/local-date';
import type { PolicyContent, TierId } from '../../domain/policy';
import { fail, ok, type Result } from '../../domain/result';
import type { AppError } from '../records/refusal';
import type { Store } from '../ports/store';

export interface TierChange {
  id: string;
  from: { outcome: Outcome; tier: TierId | null };
  to: { outcome: Outcome; tier: TierId | null };
}

export interface Simulation {
  replayed: number;
  changed: number;
  changes: TierChange[];
}

/**
 * Replays every stored application against a draft policy, each with the catalog it was judged
 * on and as of the day it was submitted, so only the policy differs; says which would change.
 * `progress` hears how many there are to replay, then each one replayed.
 */
export async function simulatePolicy(
  store: Store,
  draft: PolicyContent,
  progress?: { start?: (total: number) => void; item?: () => void },
): Promise<Result<Simulation, AppError>> {
  const catalogs = new Map<number, CatalogContent>();
  const changes: TierChange[] = [];
  const applications = await store.applications.list();
  progress?.start?.(applications.length);
  for (const application of applications) {
    let catalog = catalogs.get(application.catalogVersion);
    if (!catalog) {
      const stored = await store.catalogs.get(application.catalogVersion);
      if (!stored) return fail({ code: 'catalog_version_missing', version: application.catalogVersion });
      catalogs.set(application.catalogVersion, (catalog = stored));
    }
    const today = shanghaiDate(new Date(application.submittedAt));
    const replay = assessApplication(application.input, { catalog, policy: draft, today });
    const before = application.assessment;
    if (replay.outcome !== before.outcome || replay.tier !== before.tier) {
      changes.push({
        id: application.id,
        from: { outcome: before.outcome, tier: before.tier },
        to: { outcome: replay.outcome, tier: replay.tier },
      });
    }
    progress?.item?.();
  }
  return ok({ replayed: applications.length, changed: changes.length, changes });
}
