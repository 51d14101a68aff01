import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ApplicationRecord } from '../../src/app/records/application-record';
import { MIGRATIONS, migrate } from '../../src/store/sqlite/migrations';
import { openDatabase } from '../../src/store/sqlite/sqlite-connection';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { sampleRecord } from './fixtures';

/**
 * The track record's sample of an activity (its latest plans that took effect) is read from the partial
 * index of such plans, so an approver's card does not walk past every plan of the activity still in review:
 * with 12,000 in review it did, and each approval's card took tens of milliseconds of the event loop.
 */
describe('the SQLite store reads an activity’s plans that took effect from their own index', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-plans-'))));
  afterEach(() => {
    jest.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A store on a new file, with the SQL of every statement prepared while the spy is on (until restoreAllMocks). */
  const storeWatched = () => {
    const prepared: string[] = [];
    const original = Database.prototype.prepare;
    jest.spyOn(Database.prototype, 'prepare').mockImplementation(function (this: Database.Database, sql: string) {
      prepared.push(sql);
      return original.call(this, sql);
    } as typeof original);
    const file = path.join(dir, 'plandesk.db');
    return { file, store: openSqliteStore(file), prepared };
  };
  const at = (i: number) => new Date(Date.UTC(2026, 11, 1, 2) + i * 60_000).toISOString();
  const took = (record: ApplicationRecord, state: 'active' | 'expired'): ApplicationRecord => ({ ...record, state });

  it('should find the newest active and expired plans behind many in review, by the partial index', async () => {
    const { file, store, prepared } = storeWatched();
    const records = [
      took(sampleRecord('PP-2026-000001', { submittedAt: at(1) }), 'expired'),
      took(sampleRecord('PP-2026-000002', { submittedAt: at(2) }), 'active'),
      ...Array.from({ length: 40 }, (_, i) =>
        sampleRecord(`PP-2026-${String(i + 3).padStart(6, '0')}`, { submittedAt: at(i + 3) }),
      ),
    ];
    for (const record of records) expect((await store.applications.create(record, [], [], [])).ok).toBe(true);
    const activity = records[0]?.input.activity ?? '';

    const sample = await store.applications.page({ activities: [activity], states: ['expired', 'active'] }, 21);
    expect(sample.records.map((r) => r.id)).toEqual(['PP-2026-000002', 'PP-2026-000001']);

    const sql = prepared.find((s) => s.includes('activity IN') && s.includes("state IN ('active', 'expired')"));
    expect(sql).toBeDefined();
    jest.restoreAllMocks();
    const db = new Database(file, { readonly: true });
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ activity_0: activity, limit: 22 }) as {
      detail: string;
    }[];
    db.close();
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING (COVERING )?INDEX applications_took_effect\b/);
  });

  it('should claim outbox messages from the index of those not held, past any number waiting for a chat that does not exist', async () => {
    const { file, store, prepared } = storeWatched();
    jest.restoreAllMocks();
    const claim = prepared.find((s) => s.startsWith('UPDATE outbox SET lease_owner'));
    expect(claim).toBeDefined();
    const db = new Database(file, { readonly: true });
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${claim}`)
      .all({ now: at(0), limit: 100, owner: 'one', leaseUntil: at(1) }) as { detail: string }[];
    db.close();
    await store.close?.();
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/SCAN o USING (COVERING )?INDEX outbox_claimable\b/);
  });

  it('should hold, when a version-16 file is upgraded, exactly the messages whose chat cannot take them', async () => {
    const file = path.join(dir, 'plandesk.db');
    const old = openDatabase(file);
    migrate(
      old,
      MIGRATIONS.filter((m) => m.version <= 16),
    );
    const message = (id: string, key: string | null) => ({
      id,
      key,
      doc: JSON.stringify({
        id,
        createdAt: at(0),
        kind: 'text',
        applicationId: 'PP-1',
        to: key?.startsWith('channel:')
          ? { kind: 'channel', channel: 'support' }
          : { kind: 'person', id: key?.slice(7) },
        key: 'notice.approved',
        params: { id: 'PP-1' },
      }),
    });
    const insert = old.prepare<{ id: string; key: string | null; doc: string }>(
      'INSERT INTO outbox (id, created_at, conversation_key, doc) VALUES (@id, @id, @key, @doc)',
    );
    for (const m of [
      message('to-nobody-yet', 'person:cy'),
      message('to-ana', 'person:ana'),
      message('to-gone', 'person:bo'),
      message('to-unbound-channel', 'channel:support'),
    ])
      insert.run(m);
    const conversation = old.prepare<[string, string, string]>(
      'INSERT INTO conversations (key, updated_at, doc) VALUES (?, ?, ?)',
    );
    const chat = (aad: string, extra: object = {}) =>
      JSON.stringify({
        key: `person:${aad}`,
        reference: { conversation: { id: `a:${aad}` } },
        userMri: null,
        locale: 'zh-CN',
        updatedAt: at(0),
        ...extra,
      });
    conversation.run('person:ana', at(0), chat('ana'));
    conversation.run('person:bo', at(0), chat('bo', { inactiveSince: at(0), inactiveReason: 'MessageWritesBlocked' }));
    old.close();

    const store = openSqliteStore(file);
    try {
      // Held out of the claim's index: what it skips without reading (the claim checks readiness itself too).
      const held = () => {
        const db = new Database(file, { readonly: true });
        const ids = db.prepare('SELECT id FROM outbox WHERE held = 1 ORDER BY id').pluck().all();
        db.close();
        return ids;
      };
      expect(held()).toEqual(['to-gone', 'to-nobody-yet']);
      const claimed = await store.outbox.claim(new Date(at(1)), 10, 'one', new Date(at(2)));
      expect(claimed.map((c) => c.message.id).sort()).toEqual(['to-ana', 'to-unbound-channel']);
      await store.conversations.save({
        key: 'person:cy',
        reference: { conversation: { id: 'a:cy' } },
        userMri: null,
        locale: 'zh-CN',
        updatedAt: at(1),
      } as never);
      const later = await store.outbox.claim(new Date(at(1)), 10, 'one', new Date(at(2)));
      expect(later.map((c) => c.message.id)).toEqual(['to-nobody-yet']);
      expect(held()).toEqual(['to-gone']);
    } finally {
      await store.close();
    }
  });

  it('should count 待办’s queue from indexes, by the person’s own steps, not by reading every awaited step', async () => {
    const { file, store, prepared } = storeWatched();
    await store.applications.queue({ roles: null, of: 'head', withoutDelegated: false }, 10);
    await store.applications.queue({ roles: ['ops_approver'], of: 'someone', withoutDelegated: true }, 10);
    jest.restoreAllMocks();
    const counts = prepared.filter((s) => s.startsWith('SELECT (SELECT count(*) FROM awaited_steps w'));
    expect(counts).toHaveLength(2);
    const db = new Database(file, { readonly: true });
    const plans = counts.map((sql) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ of: 'x', role_0: 'ops_approver' }) as { detail: string }[])
        .map((p) => p.detail)
        .join('\n'),
    );
    db.close();
    await store.close();
    for (const plan of plans) {
      // The person's own steps: each term of the OR from its own index.
      expect(plan).toMatch(/MULTI-INDEX OR/);
      expect(plan).toMatch(/INDEX awaited_by_applicant\b/);
      // Nothing reads the table's rows one by one: the total is a count of an index.
      expect(plan).not.toMatch(/SCAN w\b(?! USING COVERING INDEX)/);
    }
  });
});
