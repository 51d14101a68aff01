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
  /** A new file brought up to `version` only, as an older PlanDesk left it. */
  const fileAt = (version: number) => {
    const file = path.join(dir, 'plandesk.db');
    const old = openDatabase(file);
    migrate(
      old,
      MIGRATIONS.filter((m) => m.version <= version),
    );
    return { file, old };
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

  it('should hold, when a version-16 file is upgraded, exactly the messages whose chat cannot take them, and count all that wait', async () => {
    const { file, old } = fileAt(16);
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
      // All four wait, held or not: counted when the file was upgraded (migration 22), not at each look.
      expect((await store.outbox.waiting()).count).toBe(4);
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

  it('should count 待办’s queue from kept counts, and walk it by indexes that hold what it skips', async () => {
    const { file, store, prepared } = storeWatched();
    await store.applications.queue({ roles: null, of: 'head', withoutDelegated: false }, 10);
    await store.applications.queue({ roles: ['ops_approver'], of: 'someone', withoutDelegated: true }, 10);
    jest.restoreAllMocks();
    const counts = prepared.filter((s) => s.includes('role_waiting_counts') && s.startsWith('SELECT'));
    const walks = prepared.filter((s) => s.includes('FROM awaited_steps w') && s.includes('<> @of'));
    expect(counts).toHaveLength(2);
    expect(walks).toHaveLength(2);
    const db = new Database(file, { readonly: true });
    const planOf = (sql: string) =>
      (
        db
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all({ of: 'x', role: 'ops_approver', role_0: 'ops_approver', limit: 10 }) as {
          detail: string;
        }[]
      )
        .map((p) => p.detail)
        .join('\n');
    const [countPlans, walkPlans] = [counts.map(planOf), walks.map(planOf)];
    db.close();
    await store.close();
    // The total reads a row per role and per the person's role, never an awaited step.
    for (const plan of countPlans) expect(plan).not.toMatch(/awaited_steps|\bw\b/);
    // A skipped step is an entry of the order's index, which holds the columns the skip compares.
    expect(walkPlans.join('\n')).toMatch(/SEARCH w USING COVERING INDEX awaited_by_role \(role=\?\)/);
    expect(walkPlans.join('\n')).toMatch(/SCAN w USING COVERING INDEX awaited_in_order/);
    for (const plan of walkPlans) expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('should count each queue as its steps say when a version-20 file is upgraded, and as they change after', async () => {
    const { file, old } = fileAt(20);
    const people = ['ana', 'bo', 'cy', 'di'];
    const roles = ['ops_approver', 'leader', 'ops_head'];
    const plan = old.prepare<{ id: string; applicant: string }>(
      `INSERT INTO applications (id, version, state, applicant, unit, submitted_at, updated_at, doc)
       VALUES (@id, 1, 'in_review', @applicant, 'u', '2026-12-01', '2026-12-01', json_object('id', @id, 'version', 1))`,
    );
    const step = old.prepare<[string, number, string, string, string | null, string]>(
      `INSERT INTO awaited_steps (id, filed, submitted_at, step, role, assignee, delegate, applicant)
       VALUES (?, ?, '2026-12-01', 'first', ?, ?, ?, ?)`,
    );
    // Every way a person can stand to a step: approver, delegate, applicant, two of those at once, or none.
    let n = 0;
    for (const role of roles)
      for (const assignee of people)
        for (const delegate of [null, ...people])
          for (const applicant of people) {
            const id = `PP-${(n += 1)}`;
            plan.run({ id, applicant });
            step.run(id, n, role, assignee, delegate, applicant);
          }
    old.close();

    const store = openSqliteStore(file);
    const db = new Database(file);
    try {
      const expectTotals = async () => {
        const counted = db.prepare<{ of: string; all: number; without: number; r0: string; r1: string }, { n: number }>(
          `SELECT count(*) AS n FROM awaited_steps WHERE (@all OR role IN (@r0, @r1))
             AND NOT (assignee = @of OR applicant = @of OR (@without AND delegate IS @of))`,
        );
        for (const of of [...people, 'nobody'])
          for (const without of [true, false])
            for (const [r0, r1] of [
              ['ops_approver', 'ops_approver'],
              ['leader', 'ops_head'],
              [null, null],
            ] as const) {
              const query = { of, withoutDelegated: without, roles: r0 === null ? null : [...new Set([r0, r1])] };
              const expected = counted.get({
                of,
                all: r0 === null ? 1 : 0,
                without: without ? 1 : 0,
                r0: r0 ?? '',
                r1: r1 ?? '',
              });
              expect({ query, total: (await store.applications.queue(query, 0)).total }).toEqual({
                query,
                total: expected?.n,
              });
            }
      };
      await expectTotals();
      // Whatever statement changes the steps, the triggers keep the counts.
      db.prepare("UPDATE awaited_steps SET delegate = 'cy' WHERE delegate IS NULL AND filed % 3 = 0").run();
      db.prepare("UPDATE awaited_steps SET assignee = 'bo', role = 'leader' WHERE filed % 7 = 1").run();
      db.prepare("UPDATE awaited_steps SET applicant = 'di' WHERE filed % 5 = 2").run();
      db.prepare('DELETE FROM awaited_steps WHERE filed % 4 = 0').run();
      await expectTotals();
    } finally {
      db.close();
      await store.close();
    }
  });
});
