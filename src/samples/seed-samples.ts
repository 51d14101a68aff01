import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApprovalDeps } from '../app/common/deps';
import { submit } from '../app/approval/submit';
import { addMonths, monthOf, shanghaiDate } from '../domain/local-date';
import type { Result } from '../domain/result';
import { parseApplicationJson } from '../formats/application-json';
import { parseCatalogCsv } from '../formats/catalog-csv';
import { parseDirectoryYaml } from '../formats/directory-yaml';
import { describeInputError, type InputError } from '../formats/input-error';
import { parsePolicyYaml } from '../formats/policy-yaml';

const SEED_ACTOR = 'seed';
/** The sample policy is in force from this date on, so any --at in the sample era finds it. */
export const SAMPLE_POLICY_EFFECTIVE = '2026-01-01';

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
    await store.catalogs.add(must(parseCatalogCsv(await readFile(join(dir, 'catalog.csv'), 'utf8'), 'catalog.csv')), SEED_ACTOR, now);
    report.catalog = true;
  }
  if ((await store.policies.list()).length === 0) {
    await store.policies.add(must(parsePolicyYaml(await readFile(join(dir, 'policy.yaml'), 'utf8'), 'policy.yaml')), SAMPLE_POLICY_EFFECTIVE, SEED_ACTOR, now);
    report.policy = true;
  }
  if (!(await store.directory.get())) {
    await store.directory.replace(must(parseDirectoryYaml(await readFile(join(dir, 'directory.yaml'), 'utf8'), 'directory.yaml')), SEED_ACTOR, now);
    report.directory = true;
  }
  if ((await store.applications.list()).length === 0) {
    const folder = join(dir, 'applications');
    const files = (await readdir(folder).catch(() => [])).filter((f) => f.endsWith('.json')).sort();
    for (const file of files) {
      const input = must(parseApplicationJson(await readFile(join(folder, file), 'utf8'), file));
      input.startMonth = addMonths(monthOf(shanghaiDate(now)), 1);
      const submitted = await submit(deps, input, input.applicant);
      if (!submitted.ok) throw new Error(`sample ${file} was not filed: ${submitted.error.code}`);
      report.applications.push(submitted.value.id);
    }
  }
  return report;
}

/** The samples ship with PlanDesk: if one is broken, that is a bug to stop on, not user input. */
function must<T>(result: Result<T, InputError>): T {
  if (result.ok) return result.value;
  throw new Error(describeInputError(result.error, 'en-US').join('\n'));
}
