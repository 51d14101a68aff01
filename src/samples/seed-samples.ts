import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApprovalDeps } from '../app/common/deps';
import { submit } from '../app/approval/submit';
import type { Store } from '../app/ports/store';
import type { Config } from '../config';
import { openStore } from '../store/open-store';
import type { ChargeLog } from '../store/cosmos/request-charges';
import { addMonths, monthOf, shanghaiDate } from '../domain/local-date';
import type { Result } from '../domain/result';
import { parseApplicationJson } from '../formats/application-json';
import { parseCatalogCsv } from '../formats/catalog-csv';
import { parseDirectoryYaml } from '../formats/directory-yaml';
import type { InputError } from '../formats/input-error';
import { describeInputError } from '../i18n/describe-input-error';
import { parsePolicyYaml } from '../formats/policy-yaml';

const SEED_ACTOR = 'seed';
/** The sample policy is in force from this date on, so any --at in the sample era finds it. */
const SAMPLE_POLICY_EFFECTIVE = '2026-01-01';

export interface SeedReport {
  catalog: boolean;
  policy: boolean;
  directory: boolean;
  applications: string[];
}

/**
 * Fills an empty store with the sample catalog, policy, directory and applications in `dir`, so
 * `npm start` on a fresh machine has something to show. Only what is missing is seeded; a store
 * in use is left alone. Sample applications start next month, so they stay valid whatever today is.
 */
export async function seedSamples(deps: ApprovalDeps, dir: string): Promise<SeedReport> {
  const { store, clock } = deps;
  const report: SeedReport = { catalog: false, policy: false, directory: false, applications: [] };
  const now = clock.now();
  if (!(await store.catalogs.current())) {
    await store.catalogs.add(
      must(parseCatalogCsv(await readFile(join(dir, 'catalog.csv'), 'utf8'), 'catalog.csv')),
      SEED_ACTOR,
      now,
    );
    report.catalog = true;
  }
  if ((await store.policies.list()).length === 0) {
    await store.policies.add(
      must(parsePolicyYaml(await readFile(join(dir, 'policy.yaml'), 'utf8'), 'policy.yaml')),
      SAMPLE_POLICY_EFFECTIVE,
      SEED_ACTOR,
      now,
    );
    report.policy = true;
  }
  if (!(await store.directory.get())) {
    await store.directory.add(
      must(parseDirectoryYaml(await readFile(join(dir, 'directory.yaml'), 'utf8'), 'directory.yaml')),
      SEED_ACTOR,
      now,
    );
    report.directory = true;
  }
  // One page of one: opening a store in use costs the same whatever it holds (issue 13).
  if ((await store.applications.page({}, 1, null)).records.length === 0) {
    const folder = join(dir, 'applications');
    const files = (await readdir(folder).catch(() => [])).filter((f) => f.endsWith('.json')).sort();
    for (const file of files) {
      const input = must(parseApplicationJson(await readFile(join(folder, file), 'utf8'), file));
      input.startMonth = addMonths(monthOf(shanghaiDate(now)), 1);
      const submitted = await submit(deps, { input, actor: input.applicant, draftId: null });
      if (!submitted.ok) throw new Error(`sample ${file} was not filed: ${submitted.error.code}`);
      report.applications.push(submitted.value.id);
    }
  }
  return report;
}

/** PLANDESK_SAMPLES=none keeps a store free of the sample catalog, policy, directory and applications. */
const NO_SAMPLES = 'none';

/**
 * The configured store, seeded from the samples where it is still empty (unless PLANDESK_SAMPLES=none);
 * a store whose seeding fails is closed again. For the composition roots (`npm start`, the CLI).
 */
export async function openSeededStore(
  config: Pick<Config, 'store' | 'dbPath' | 'samplesDir' | 'cosmos' | 'auditKeys'>,
  deps: Omit<ApprovalDeps, 'store'>,
  log?: ChargeLog,
): Promise<{ store: Store; seeded: SeedReport | null }> {
  const store = await openStore(config, log);
  if (config.samplesDir === NO_SAMPLES) return { store, seeded: null };
  try {
    return { store, seeded: await seedSamples({ ...deps, store }, config.samplesDir) };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** The samples ship with PlanDesk: if one is broken, that is a bug to stop on, not user input. */
function must<T>(result: Result<T, InputError>): T {
  if (result.ok) return result.value;
  throw new Error(describeInputError(result.error, 'en-US').join('\n'));
}
