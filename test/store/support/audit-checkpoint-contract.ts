import type { Store } from '../../../src/app/ports/store';
import { auditEntry, type AuditEntry } from '../../../src/app/records/audit';
import { chainHash, GENESIS } from '../../../src/store/audit-chain';
import type { AuditKeys } from '../../../src/store/audit-checkpoint';
import { afterAction, auditOf, sampleCatalog, sampleDirectory, sampleRecord } from '../fixtures';

/** An entry of a chain as stored: its place, content and the hashes written with it. */
export interface ChainLink {
  position: number;
  entry: AuditEntry;
  prev: string;
  hash: string;
}

/**
 * What someone with write access to the database (the sqlite3 shell, the Data Explorer) but without
 * the key can do to a chain and its checkpoint.
 */
export interface ChainsBehindTheStore {
  /** The chain the store keeps a subject's entries in: `""` on SQLite, the partition on Cosmos DB. */
  chainOf(subject: string): string;
  /** The chain's entries in order. */
  links(chain: string): Promise<ChainLink[]>;
  /** Writes the entry at `position` back with other content and hashes. */
  rewrite(chain: string, link: ChainLink): Promise<void>;
  remove(chain: string, position: number): Promise<void>;
  /**
   * Moves the chain's checkpoint to another end, its signature left as it was (a forger has no key to
   * make another); on SQLite `sqlite_sequence` goes back with it, as a careful forger would do.
   */
  moveCheckpoint(chain: string, position: number, hash: string): Promise<void>;
}

export interface CheckpointHarness {
  /** A store on the same data, signing and checking checkpoints with `keys` (none: unsigned, unchecked). */
  open(keys?: AuditKeys): Promise<Store>;
  behind: ChainsBehindTheStore;
  cleanup(): Promise<void>;
}

// Keys as `openssl rand -base64 32` prints them.
const KEY = 'q3X0m9pZ4k2VbN8s1cR7tY6uW5eA0dLfGhJkPoIuYtRe=';
const OTHER_KEY = 'Zx8Cv7Bn6Mm5Lk4Jh3Gf2Ds1Aq0Wp9Oi8Uy7Tr6Ee5Ww=';
const OPS = 'wang.fang@plandesk.example';
const ADMIN = 'zhou.jie@plandesk.example';
const T = new Date('2027-03-01T01:00:00.000Z');
const view = (subject: string, minute: number) =>
  auditEntry(new Date(T.getTime() + minute * 60_000), OPS, 'view', subject, null, null);

/** An application filed, decided and viewed (its three entries last but the imports'), a catalog and a directory imported. */
async function history(store: Store) {
  const record = sampleRecord('PP-2027-000001');
  await store.catalogs.add(sampleCatalog(), ADMIN, T);
  await store.directory.add(sampleDirectory(), ADMIN, T);
  await store.applications.create(record, [auditOf(null, record, record.input.applicant, 'submit')], [], []);
  const decided = afterAction(record, OPS, 'ops_review.approve', '2026-12-02T03:00:00.000Z');
  await store.applications.update(decided, 1, [auditOf(record, decided, OPS, 'decide.approve')], [], []);
  await store.audit.append([view(record.id, 0)]);
  return record.id;
}

/**
 * Each chain's checkpoint (where the store recorded its end) signed with HMAC-SHA256 under
 * PLANDESK_AUDIT_KEY, as every store keeps it: a tail rewritten or removed together with its checkpoint
 * is named by verify with the key (and passes without one, which is what the key adds); a checkpoint
 * the key did not sign is never chained after nor signed over; checkpoints written before the key was
 * set are signed by `signCheckpoints`, as are those of a previous key during a rotation.
 */
export function describeAuditCheckpointContract(name: string, start: () => Promise<CheckpointHarness>): void {
  describe(`${name} audit checkpoints`, () => {
    let harness: CheckpointHarness;
    let behind: ChainsBehindTheStore;
    beforeEach(async () => {
      harness = await start();
      ({ behind } = harness);
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    /** Rewrites the last `count` entries of a chain (another actor) and every hash after them, and moves its checkpoint to match. */
    async function rewriteTail(chain: string, count: number) {
      const links = await behind.links(chain);
      let prev = links[links.length - count - 1]?.hash ?? GENESIS;
      for (const link of links.slice(-count)) {
        const entry = { ...link.entry, actor: 'someone.else@plandesk.example' };
        const hash = chainHash(prev, entry);
        await behind.rewrite(chain, { ...link, entry, prev, hash });
        prev = hash;
      }
      await behind.moveCheckpoint(chain, links.at(-1)?.position ?? 0, prev);
    }

    /** Removes the last `count` entries of a chain and rolls its checkpoint back to the last one left. */
    async function truncateTail(chain: string, count: number) {
      const links = await behind.links(chain);
      for (const link of links.slice(-count)) await behind.remove(chain, link.position);
      const last = links[links.length - count - 1];
      await behind.moveCheckpoint(chain, last?.position ?? 0, last?.hash ?? GENESIS);
    }

    it('should sign every checkpoint it writes and find each signed with the key', async () => {
      const store = await harness.open({ key: KEY });
      const subject = await history(store);
      await (await harness.open({ key: KEY })).audit.append([view(subject, 1)]);
      expect(await store.audit.verify()).toMatchObject({
        entries: 6,
        checkpoints: 'signed',
        previousKey: 0,
        broken: null,
      });
    });

    it("should name the chain whose tail and checkpoint were rewritten behind the store's back", async () => {
      const subject = await history(await harness.open({ key: KEY }));
      const chain = behind.chainOf(subject);
      const end = (await behind.links(chain)).at(-1)?.position;
      await rewriteTail(chain, 2);
      expect((await (await harness.open({ key: KEY })).audit.verify()).broken).toEqual({
        chain,
        position: end,
        entry: null,
        problem: 'forged',
      });
      // Every hash holds: without the key nothing tells the rewrite from what the store wrote.
      expect(await (await harness.open()).audit.verify()).toMatchObject({ checkpoints: 'unsigned', broken: null });
    });

    it('should name the chain whose last entries were removed and its checkpoint rolled back', async () => {
      const subject = await history(await harness.open({ key: KEY }));
      const chain = behind.chainOf(subject);
      const end = (await behind.links(chain)).at(-3)?.position;
      await truncateTail(chain, 2);
      expect((await (await harness.open({ key: KEY })).audit.verify()).broken).toEqual({
        chain,
        position: end,
        entry: null,
        problem: 'forged',
      });
      expect(await (await harness.open()).audit.verify()).toMatchObject({ checkpoints: 'unsigned', broken: null });
    });

    it('should find checkpoints signed with another key forged', async () => {
      await history(await harness.open({ key: KEY }));
      expect((await (await harness.open({ key: OTHER_KEY })).audit.verify()).broken).toMatchObject({
        problem: 'forged',
        entry: null,
      });
    });

    it('should refuse to chain after a checkpoint the key did not sign, rather than sign the forgery over', async () => {
      const store = await harness.open({ key: KEY });
      const subject = await history(store);
      const chain = behind.chainOf(subject);
      await rewriteTail(chain, 1);
      await expect(store.audit.append([view(subject, 2)])).rejects.toThrow(
        'carries a signature PLANDESK_AUDIT_KEY did not make',
      );
      expect((await store.audit.signCheckpoints()).broken).toMatchObject({ chain, problem: 'forged' });
      expect((await store.audit.verify()).broken).toMatchObject({ chain, problem: 'forged' });
    });

    it('should call checkpoints written before the key unsigned, refuse to chain after them, and sign intact ones when asked', async () => {
      const subject = await history(await harness.open());
      const store = await harness.open({ key: KEY });
      const chain = behind.chainOf(subject);
      expect((await store.audit.verify()).broken).toMatchObject({ problem: 'unsigned', entry: null });
      await expect(store.audit.append([view(subject, 2)])).rejects.toThrow(
        'is not signed although PLANDESK_AUDIT_KEY is set',
      );
      const signing = await store.audit.signCheckpoints();
      expect(signing).toMatchObject({ entries: 5, checkpoints: 'signed', broken: null });
      expect(signing.signed).toBe(signing.chains);
      await store.audit.append([view(subject, 3)]);
      expect(await store.audit.verify()).toMatchObject({ entries: 6, broken: null });
      // A second run finds nothing left to sign.
      expect(await store.audit.signCheckpoints()).toMatchObject({ signed: 0, broken: null });
      expect((await behind.links(chain)).at(-1)?.entry.at).toBe(view(subject, 3).at);
    });

    it('should not sign anything without a key', async () => {
      const store = await harness.open();
      await history(store);
      expect(await store.audit.signCheckpoints()).toMatchObject({ checkpoints: 'unsigned', signed: 0 });
      expect((await (await harness.open({ key: KEY })).audit.verify()).broken).toMatchObject({ problem: 'unsigned' });
    });

    it('should accept the previous key during a rotation and sign its checkpoints anew with the current one', async () => {
      const subject = await history(await harness.open({ key: OTHER_KEY }));
      const rotating = await harness.open({ key: KEY, previousKey: OTHER_KEY });
      const before = await rotating.audit.verify();
      expect(before).toMatchObject({ broken: null, checkpoints: 'signed' });
      expect(before.previousKey).toBe(before.chains);
      // An append signs its chain's checkpoint with the current key; signCheckpoints does the rest.
      await rotating.audit.append([view(subject, 2)]);
      expect((await rotating.audit.verify()).previousKey).toBe(before.chains - 1);
      expect((await rotating.audit.signCheckpoints()).signed).toBe(before.chains - 1);
      expect(await (await harness.open({ key: KEY })).audit.verify()).toMatchObject({
        entries: 6,
        previousKey: 0,
        broken: null,
      });
    });
  });
}
