import type { Catalog } from '../../domain/catalog';
import { tierNamesOf, type TierNames } from '../../domain/policy';
import type { ApplicationQuery, Store } from '../ports/store';
import type { ApplicationRecord } from '../records/application-record';
import { spotCheckSubject } from '../records/audit';
import { applicationRow, type ApplicationExportRow, type ExportedFinding } from './application-row';
import { nameBook, type NameBook } from './export-names';
import { DEFAULT_PAGE_SIZE, progressCounter, type ExportOptions, type RowSink } from './row-sink';

type ExportStore = Pick<Store, 'applications' | 'audit' | 'directory' | 'catalogs' | 'policies'>;

/** How applications are exported: as any export, and which of the records the query returns become rows. */
export interface ApplicationExportOptions extends ExportOptions {
  /** Only the records this keeps are written (what a person may see and their words ask for); all when absent. */
  keep?: (record: ApplicationRecord) => boolean;
}

const isFinding = (
  v: unknown,
): v is { applicationId: string; month: string; result: 'pass' | 'issue'; note: unknown } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { applicationId?: unknown }).applicationId === 'string' &&
  typeof (v as { month?: unknown }).month === 'string' &&
  ['pass', 'issue'].includes((v as { result?: unknown }).result as string);

/**
 * Every spot-check finding by plan, read a page at a time from the spot checks' audit entries (the
 * draws are read and dropped). Findings are what auditors typed, a few a month, so they are held.
 */
async function findingsByPlan(store: ExportStore, names: NameBook, pageSize: number) {
  const byPlan = new Map<string, ExportedFinding[]>();
  let cursor: string | null = null;
  do {
    const page = await store.audit.page({ subjectPrefix: spotCheckSubject('') }, pageSize, cursor);
    for (const { entry } of page.entries) {
      if (entry.action !== 'spot_check.finding' || !isFinding(entry.after)) continue;
      const { applicationId, month, result, note } = entry.after;
      const finding = {
        month,
        result,
        note: typeof note === 'string' ? note : null,
        by: { id: entry.actor, name: names.person(entry.actor) },
        at: entry.at,
      };
      byPlan.set(applicationId, [...(byPlan.get(applicationId) ?? []), finding]);
    }
    cursor = page.next;
  } while (cursor);
  return byPlan;
}

/** Looks a version up once, however many plans were judged on it. */
function versions<T>(get: (version: number) => Promise<T | null>): (version: number) => Promise<T | null> {
  const known = new Map<number, T | null>();
  return async (version) => {
    if (!known.has(version)) known.set(version, await get(version));
    return known.get(version) ?? null;
  };
}

/**
 * Exports the applications a query selects (and `keep` keeps), newest first, one row each into `sink`:
 * read a page at a time (never the whole store), each row written before the next page is read.
 * Reports progress every `progressEvery` rows. Returns how many rows it wrote.
 */
export async function exportApplications(
  store: ExportStore,
  query: ApplicationQuery,
  sink: RowSink<ApplicationExportRow>,
  options: ApplicationExportOptions = {},
): Promise<{ rows: number }> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const names = await nameBook(store);
  const findings = await findingsByPlan(store, names, pageSize);
  const catalog = versions<Catalog>((v) => store.catalogs.get(v));
  const tierNames = versions<TierNames>(async (v) => tierNamesOf(await store.policies.get(v)));
  const progress = progressCounter(options);
  let cursor: string | null = null;
  do {
    const page = await store.applications.page(query, pageSize, cursor);
    for (const record of page.records) {
      if (options.keep && !options.keep(record)) continue;
      const row = applicationRow(record, {
        names,
        catalog: await catalog(record.catalogVersion),
        tierNames: (await tierNames(record.policyVersion)) ?? {},
        findings: findings.get(record.id) ?? [],
      });
      await sink.write(row);
      progress.add();
    }
    cursor = page.next;
  } while (cursor);
  return { rows: progress.count() };
}
