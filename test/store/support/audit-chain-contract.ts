import type { AuditPage, AuditQuery, Store, StoredAuditEntry } from '../../../src/app/ports/store';
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
      expect(await store.audit.verify()).toEqual({
        entries: 0,
        chains: 0,
        unchained: 0,
        checkpoints: 'unsigned',
        previousKey: 0,
        broken: null,
      });
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

    it('should have stored each of many views asked for at once by the time it answers its caller', async () => {
      const record = sampleRecord('PP-2027-000003');
      await store.applications.create(record, [auditOf(null, record, record.input.applicant, 'submit')], [], []);
      const found = await Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          await store.audit.append([view(record.id, `viewer-${i}`, i)]);
          return (await store.audit.about(record.id)).some((e) => e.actor === `viewer-${i}`);
        }),
      );
      expect(found.every(Boolean)).toBe(true);
      expect(await store.audit.verify()).toMatchObject({ entries: 31, unchained: 0, broken: null });
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

    it('should read the trail a page at a time in write order, each entry with its chain, place and hashes', async () => {
      await history(store);
      const pages: StoredAuditEntry[][] = [];
      let cursor: string | null = null;
      do {
        const page: AuditPage = await store.audit.page({}, 2, cursor);
        pages.push(page.entries);
        cursor = page.next;
      } while (cursor && pages.length < 10);
      expect(pages.map((p) => p.map((e) => e.entry.action))).toEqual([
        ['submit', 'decide.approve'],
        ['view', 'catalog.import'],
        ['directory.import'],
      ]);
      // Each chain from its start: every entry's hash is the next one's hash before, whatever the store's chains.
      const entries = pages.flat();
      for (const chain of new Set(entries.map((e) => e.chain))) {
        const links = entries.filter((e) => e.chain === chain).sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
        expect(links.map((e) => e.prev)).toEqual(['0'.repeat(64), ...links.slice(0, -1).map((e) => e.hash)]);
      }
      expect(entries.every((e) => /^[0-9a-f]{64}$/.test(e.hash ?? ''))).toBe(true);
      expect(entries[1]?.entry).toEqual({
        at: '2026-12-02T03:00:00.000Z',
        actor: OPS,
        action: 'decide.approve',
        subject: 'PP-2027-000001',
        before: 'in_review',
        after: 'in_review',
      });
    });

    it('should page the trail narrowed by the time of each entry and by the start of its subject', async () => {
      await history(store);
      await store.audit.append([view('spotcheck:2027-02', ADMIN, 5), view('PP-2027-000009', ADMIN, 6)]);
      const actions = async (query: AuditQuery, limit = 10) =>
        (await store.audit.page(query, limit)).entries.map((e) => `${e.entry.action} ${e.entry.subject}`);
      expect(await actions({ from: '2026-12-02T00:00:00.000Z', before: T.toISOString() })).toEqual([
        'decide.approve PP-2027-000001',
      ]);
      expect(await actions({ subjectPrefix: 'spotcheck:' })).toEqual(['view spotcheck:2027-02']);
      expect(await actions({ subjectPrefix: 'PP-2027-' })).toEqual([
        'submit PP-2027-000001',
        'decide.approve PP-2027-000001',
        'view PP-2027-000001',
        'view PP-2027-000009',
      ]);
      const first = await store.audit.page({ from: T.toISOString() }, 2);
      expect(first.entries.map((e) => e.entry.action)).toEqual(['view', 'catalog.import']);
      const second = await store.audit.page({ from: T.toISOString() }, 2, first.next);
      expect(second.entries.map((e) => e.entry.action)).toEqual(['directory.import', 'view']);
      expect(await store.audit.page({}, 2, 'not-a-cursor')).toEqual({ entries: [], next: null });
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
