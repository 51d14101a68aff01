import type { Store } from '../../../src/app/ports/store';
import { auditEntry } from '../../../src/app/records/audit';
import { afterAction, auditOf, sampleCatalog, sampleDirectory, sampleRecord } from '../fixtures';
import type { TwoStores } from './two-stores';

/** What someone with the database's own tools (the sqlite3 shell, the Data Explorer) can do to audit entries. */
export interface BehindTheStore {
  /** Gives the `nth` entry about `subject` (oldest first, from 0) another actor, leaving its hashes as they were. */
  changeActor(subject: string, nth: number, actor: string): Promise<void>;
  /** Removes the `nth` entry about `subject`. */
  remove(subject: string, nth: number): Promise<void>;
}

export interface AuditChainHarness extends TwoStores {
  behind: BehindTheStore;
}

const OPS = 'wang.fang@plandesk.example';
const ADMIN = 'zhou.jie@plandesk.example';
const T = new Date('2027-03-01T01:00:00.000Z');
const view = (subject: string, actor: string, minute: number) =>
  auditEntry(new Date(T.getTime() + minute * 60_000), actor, 'view', subject, null, null);

/** A store's life in brief: an application filed and decided, viewed, a catalog and a directory imported (5 entries). */
async function history(store: Store) {
  const record = sampleRecord('PP-2027-000001');
  await store.applications.create(record, [auditOf(null, record, record.input.applicant, 'submit')], [], []);
  const decided = afterAction(record, OPS, 'ops_review.approve', '2026-12-02T03:00:00.000Z');
  await store.applications.update(decided, 1, [auditOf(record, decided, OPS, 'decide.approve')], [], []);
  await store.audit.append([view(record.id, OPS, 0)]);
  await store.catalogs.add(sampleCatalog(), ADMIN, T);
  await store.directory.add(sampleDirectory(), ADMIN, T);
  return record;
}

/**
 * The audit trail's hash chain as every store keeps it: whatever writes an entry chains it, two
 * instances appending at once never fork a chain, and `verify` names the first entry changed or removed
 * behind the store's back.
 */
export function describeAuditChainContract(name: string, open: () => Promise<AuditChainHarness>): void {
  describe(`${name} audit chain`, () => {
    let harness: AuditChainHarness;
    let store: Store;
    beforeEach(async () => {
      harness = await open();
      ({ store } = harness);
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it('should find an empty trail intact', async () => {
      expect(await store.audit.verify()).toEqual({ entries: 0, chains: 0, unchained: 0, broken: null });
    });

    it('should chain every entry it writes, whichever write commits it, and find the chain intact', async () => {
      await history(store);
      expect(await store.audit.verify()).toMatchObject({ entries: 5, unchained: 0, broken: null });
      expect(await harness.other.audit.verify()).toMatchObject({ entries: 5, broken: null });
    });

    it('should keep every chain whole, never forked, when two instances append to it at once', async () => {
      const record = sampleRecord('PP-2027-000002');
      await store.applications.create(record, [auditOf(null, record, record.input.applicant, 'submit')], [], []);
      const decided = afterAction(record, OPS, 'ops_review.approve', '2026-12-02T03:00:00.000Z');
      // A decision on one instance while both instances record views of the same application, and a catalog import.
      await Promise.all([
        harness.other.applications.update(decided, 1, [auditOf(record, decided, OPS, 'decide.approve')], [], []),
        ...Array.from({ length: 8 }, (_, i) => (i % 2 ? store : harness.other).audit.append([view(record.id, OPS, i)])),
        store.catalogs.add(sampleCatalog(), ADMIN, T),
        harness.other.audit.append([view('catalog', ADMIN, 9)]),
      ]);
      expect(await store.audit.verify()).toMatchObject({ entries: 12, unchained: 0, broken: null });
      expect(await store.audit.about(record.id)).toHaveLength(10);
    });

    it("should name an entry changed behind the store's back", async () => {
      const record = await history(store);
      await harness.behind.changeActor(record.id, 1, 'someone.else@plandesk.example');
      const { broken } = await store.audit.verify();
      expect(broken).toMatchObject({
        problem: 'altered',
        entry: { at: '2026-12-02T03:00:00.000Z', action: 'decide.approve', subject: record.id },
      });
    });

    it("should name the entry after one removed behind the store's back", async () => {
      const record = await history(store);
      await harness.behind.remove(record.id, 0);
      expect((await store.audit.verify()).broken).toMatchObject({
        problem: 'unlinked',
        entry: { action: 'decide.approve', subject: record.id },
      });
    });

    it('should notice the last entry of a chain removed, though nothing after it could tell', async () => {
      await history(store);
      await harness.behind.remove('directory', 0);
      expect((await store.audit.verify()).broken).toMatchObject({ problem: 'truncated' });
    });

    it('should go on chaining on one instance after the other appended, and verify the same on both', async () => {
      const record = await history(store);
      await harness.other.audit.append([view(record.id, ADMIN, 30)]);
      await store.audit.append([view(record.id, OPS, 31), view('directory', OPS, 32)]);
      expect(await harness.other.audit.verify()).toMatchObject({ entries: 8, broken: null });
      expect(await store.audit.verify()).toMatchObject({ entries: 8, broken: null });
    });
  });
}
