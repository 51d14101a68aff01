import type { CatalogRepository, DirectoryRepository, PolicyRepository } from '../../src/app/ports/store';
import type { Catalog } from '../../src/domain/catalog';
import type { Policy } from '../../src/domain/policy';
import type { DirectoryVersion } from '../../src/app/records/directory';
import { cachedCatalogs, cachedDirectory, cachedPolicies } from '../../src/store/cosmos/reference-cache';
import { sampleCatalog, sampleDirectory, samplePolicy } from './fixtures';

/**
 * Reference data shared by instances: `other` stands for the container another instance writes to, and
 * `reads` counts the requests this instance makes for it.
 */
function shared() {
  const catalogs: Catalog[] = [];
  const policies: Policy[] = [];
  const directories: DirectoryVersion[] = [];
  const reads = { catalog: 0, policy: 0, directory: 0 };
  const at = new Date('2026-12-01T02:00:00Z');
  const catalogRepo: CatalogRepository = {
    async add(content, by) {
      const catalog = { ...content, version: catalogs.length + 1, importedAt: at.toISOString(), importedBy: by };
      catalogs.push(catalog);
      return catalog;
    },
    async current() {
      reads.catalog += 1;
      return structuredClone(catalogs.at(-1) ?? null);
    },
    async get(version) {
      reads.catalog += 1;
      return structuredClone(catalogs[version - 1] ?? null);
    },
  };
  const policyRepo: PolicyRepository = {
    async add(content, effectiveFrom, by) {
      const policy = { ...content, version: policies.length + 1, effectiveFrom, importedAt: '', importedBy: by };
      policies.push(policy);
      return policy;
    },
    async inForceOn(date) {
      reads.policy += 1;
      return structuredClone(policies.filter((p) => p.effectiveFrom <= date).at(-1) ?? null);
    },
    async get(version) {
      reads.policy += 1;
      return structuredClone(policies[version - 1] ?? null);
    },
    async list() {
      reads.policy += 1;
      return structuredClone(policies);
    },
  };
  const directoryRepo: DirectoryRepository = {
    async add(directory, by) {
      const added = { ...directory, version: directories.length + 1, importedAt: '', importedBy: by };
      directories.push(added);
      return added;
    },
    async get() {
      reads.directory += 1;
      return structuredClone(directories.at(-1) ?? null);
    },
    async getVersion(version) {
      reads.directory += 1;
      return structuredClone(directories[version - 1] ?? null);
    },
    async list() {
      reads.directory += 1;
      return structuredClone(directories);
    },
  };
  return { other: { catalogs: catalogRepo, policies: policyRepo, directory: directoryRepo }, reads, at };
}

describe('reference data on Cosmos DB is read once per version, and what is current at most every few seconds', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => (clock = 0));

  test('a catalog version is read once and kept, frozen; one not there yet is read again', async () => {
    const { other, reads, at } = shared();
    const catalogs = cachedCatalogs(other.catalogs, 5_000, now);
    expect(await catalogs.get(1)).toBeNull();
    await other.catalogs.add(sampleCatalog(), 'admin', at);
    const first = await catalogs.get(1);
    expect(first?.version).toBe(1);
    clock = 60 * 60_000;
    expect(await catalogs.get(1)).toBe(first);
    expect(reads.catalog).toBe(2);
    expect(Object.isFrozen(first)).toBe(true);
  });

  test('a catalog imported by another instance is current here once the time has passed, not before', async () => {
    const { other, reads, at } = shared();
    const catalogs = cachedCatalogs(other.catalogs, 5_000, now);
    await other.catalogs.add(sampleCatalog(), 'admin', at);
    expect((await catalogs.current())?.version).toBe(1);
    await other.catalogs.add(sampleCatalog(), 'admin', at);
    clock = 4_999;
    expect((await catalogs.current())?.version).toBe(1);
    clock = 5_000;
    expect((await catalogs.current())?.version).toBe(2);
    expect(reads.catalog).toBe(2);
  });

  test('a catalog imported through this instance is current here at once', async () => {
    const { other, at } = shared();
    const catalogs = cachedCatalogs(other.catalogs, 5_000, now);
    await catalogs.add(sampleCatalog(), 'admin', at);
    expect((await catalogs.current())?.version).toBe(1);
    await catalogs.add(sampleCatalog(), 'admin', at);
    expect((await catalogs.current())?.version).toBe(2);
  });

  test('the directory: the head within the time, each version once, an import here seen at once', async () => {
    const { other, reads, at } = shared();
    const directory = cachedDirectory(other.directory, 5_000, now);
    await other.directory.add(sampleDirectory(), 'admin', at);
    for (let i = 0; i < 10; i += 1) expect((await directory.get())?.version).toBe(1);
    expect(reads.directory).toBe(1);
    await directory.add(sampleDirectory(), 'admin', at);
    expect((await directory.get())?.version).toBe(2);
    expect(await directory.getVersion(1)).toBe(await directory.getVersion(1));
    expect(reads.directory).toBe(3);
  });

  test('the policy in force on each date is read again after the time; a new one imported here is in force at once', async () => {
    const { other, reads, at } = shared();
    const policies = cachedPolicies(other.policies, 5_000, now);
    await other.policies.add(samplePolicy(), '2026-01-01', 'admin', at);
    expect((await policies.inForceOn('2026-12-01'))?.version).toBe(1);
    expect((await policies.inForceOn('2026-12-01'))?.version).toBe(1);
    expect((await policies.inForceOn('2026-12-02'))?.version).toBe(1);
    expect(reads.policy).toBe(2);
    await policies.add(samplePolicy(), '2026-12-01', 'admin', at);
    expect((await policies.inForceOn('2026-12-01'))?.version).toBe(2);
    expect((await policies.inForceOn('2026-11-30'))?.version).toBe(1);
  });

  test('with no time to keep it, what is current is read on every use', async () => {
    const { other, reads, at } = shared();
    const directory = cachedDirectory(other.directory, 0, now);
    await other.directory.add(sampleDirectory(), 'admin', at);
    await directory.get();
    await directory.get();
    expect(reads.directory).toBe(2);
  });

  test('a failed read is not kept', async () => {
    const { other, at } = shared();
    let fail = true;
    const flaky: CatalogRepository = {
      ...other.catalogs,
      get: async (version) => {
        if (fail) throw new Error('503 from the service');
        return other.catalogs.get(version);
      },
    };
    await other.catalogs.add(sampleCatalog(), 'admin', at);
    const catalogs = cachedCatalogs(flaky, 5_000, now);
    await expect(catalogs.get(1)).rejects.toThrow('503');
    fail = false;
    expect((await catalogs.get(1))?.version).toBe(1);
  });
});
