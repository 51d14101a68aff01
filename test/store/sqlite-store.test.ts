import type { ApplicationQuery } from '../../src/app/ports/store';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { auditEntry } from '../../src/app/records/audit';
import { reportFactsOf, type ReportFacts } from '../../src/app/records/report-facts';
import type { Store } from '../../src/app/ports/store';
import { MIGRATIONS, migrate } from '../../src/store/sqlite/migrations';
import { openDatabase } from '../../src/store/sqlite/sqlite-connection';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { auditOf, sampleCatalog, sampleRecord } from './fixtures';
import { describeStoreContract, type StoreHarness } from './store-contract';
import { describeAuditChainContract } from './support/audit-chain-contract';
import { describeListsContract } from './support/lists-contract';

const OPS = 'wang.fang@plandesk.example';

/** A store on a real file in a fresh temp folder; the file sits in a subfolder the store must create. */
function sqliteHarness(): StoreHarness & { file: string; open: () => Store } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-store-'));
  const file = path.join(dir, 'data', 'plandesk.db');
  const opened: Store[] = [];
  const open = () => {
    const store = openSqliteStore(file);
    opened.push(store);
    return store;
  };
  return {
    file,
    open,
    store: open(),
    reopen: async () => open(),
    cleanup: async () => {
      for (const store of opened) await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

describeStoreContract('SQLite', async () => sqliteHarness());
describeListsContract('SQLite', async () => sqliteHarness());

/** Two stores on one file, as two processes; behind them, a plain connection that drops the append-only triggers first. */
describeAuditChainContract('SQLite', async () => {
  const harness = sqliteHarness();
  const other = harness.open();
  const raw = () => {
    const db = new Database(harness.file);
    db.exec('DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete');
    return db;
  };
  const nth = 'SELECT id FROM audit WHERE subject = ? ORDER BY id LIMIT 1 OFFSET ?';
  const behind = (sql: string, ...params: unknown[]) => {
    const db = raw();
    try {
      db.prepare(sql).run(...params);
    } finally {
      db.close();
    }
  };
  return {
    store: harness.store,
    other,
    cleanup: harness.cleanup,
    behind: {
      changeActor: async (subject, index, actor) =>
        behind(`UPDATE audit SET actor = ? WHERE id = (${nth})`, actor, subject, index),
      remove: async (subject, index) => behind(`DELETE FROM audit WHERE id = (${nth})`, subject, index),
    },
  };
});

describe('SQLite store', () => {
  let harness: ReturnType<typeof sqliteHarness>;
  let raw: Database.Database | undefined;

  beforeEach(() => {
    harness = sqliteHarness();
  });
  afterEach(async () => {
    raw?.close();
    raw = undefined;
    await harness.cleanup();
  });

  /** A second, plain connection to the same file, as a person with the sqlite3 shell would have. */
  const rawConnection = (): Database.Database => (raw = new Database(harness.file));

  it('should create the folder of a new database file', () => {
    expect(fs.existsSync(harness.file)).toBe(true);
  });

  it('should apply each migration once, however often the file is reopened', async () => {
    await harness.store.close();
    await harness.reopen();
    await harness.reopen();
    const applied = rawConnection().prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(applied).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('should let the database itself refuse to change or remove audit rows', async () => {
    const record = sampleRecord('PP-2027-000001');
    await harness.store.applications.create(record, [auditOf(null, record, record.input.applicant, 'submit')], [], []);
    const db = rawConnection();
    expect(() => db.prepare("UPDATE audit SET actor = 'someone.else@plandesk.example'").run()).toThrow(
      'audit is append-only',
    );
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow('audit is append-only');
    expect(await harness.store.audit.about(record.id)).toEqual([
      auditOf(null, record, record.input.applicant, 'submit'),
    ]);
  });

  it('should keep one chain, its checkpoint signed, when several processes append to one file at once', async () => {
    const entry = path.join(__dirname, 'support', 'append-audit-entries.ts');
    const startAt = String(Date.now() + 4000);
    const key = 'q3X0m9pZ4k2VbN8s1cR7tY6uW5eA0dLfGhJkPoIuYtRe=';
    const writer = (subject: string) =>
      new Promise<number | null>((resolve) =>
        spawn(process.execPath, ['--import', 'tsx', entry, harness.file, subject, '100', startAt, key], {
          stdio: 'inherit',
        }).on('exit', resolve),
      );
    expect(await Promise.all(['PP-2027-000001', 'PP-2027-000002', 'PP-2027-000001'].map(writer))).toEqual([0, 0, 0]);
    // They did write at once: the rows of one writer are interleaved with the others'.
    const actors = rawConnection().prepare<[], string>('SELECT actor FROM audit ORDER BY id').pluck().all();
    expect(actors.filter((actor, i) => i > 0 && actor !== actors[i - 1]).length).toBeGreaterThan(10);
    const keyed = openSqliteStore(harness.file, { auditKeys: { key } });
    try {
      expect(await keyed.audit.verify()).toMatchObject({
        entries: 300,
        chains: 1,
        unchained: 0,
        checkpoints: 'signed',
        broken: null,
      });
    } finally {
      await keyed.close();
    }
  }, 60_000);

  it('should chain the rows written before the trail was a chain, once, when the file is upgraded', async () => {
    await harness.store.close();
    fs.rmSync(harness.file);
    const old = openDatabase(harness.file);
    migrate(
      old,
      MIGRATIONS.filter((m) => m.version < 8),
    );
    const insert = old.prepare(
      "INSERT INTO audit (at, actor, action, subject, before, after) VALUES (?, ?, 'view', 'PP-2027-000001', 'null', ?)",
    );
    for (let i = 0; i < 3; i += 1) insert.run(`2026-12-0${i + 1}T00:00:00.000Z`, OPS, JSON.stringify({ i }));
    old.close();

    const upgraded = await harness.reopen();
    expect(await upgraded.audit.verify()).toMatchObject({ entries: 3, chains: 1, unchained: 0, broken: null });
    await upgraded.audit.append([
      auditEntry(new Date('2026-12-04T00:00:00.000Z'), OPS, 'view', 'PP-2027-000001', null, null),
    ]);
    await (await harness.reopen()).close();
    expect(await upgraded.audit.verify()).toMatchObject({ entries: 4, broken: null });
  });

  it('should give the applications stored before report facts existed theirs, and their customer and activity, when the file is upgraded', async () => {
    await harness.store.close();
    fs.rmSync(harness.file);
    const old = openDatabase(harness.file);
    migrate(
      old,
      MIGRATIONS.filter((m) => m.version < 9),
    );
    const records = [
      sampleRecord('PP-2027-000001'),
      sampleRecord('PP-2027-000002', { submittedAt: '2026-12-02T02:00:00.000Z', input: { unit: 'minhang-branch' } }),
    ];
    const insert = old.prepare(
      `INSERT INTO applications (id, version, state, applicant, unit, submitted_at, updated_at, doc)
       VALUES (@id, 1, 'in_review', 'zhang.wei@plandesk.example', @unit, @submittedAt, @submittedAt, @doc)`,
    );
    for (const r of records) insert.run({ ...r, unit: r.input.unit, doc: JSON.stringify(r) });
    old.close();

    const upgraded = await harness.reopen();
    const facts: ReportFacts[] = [];
    await upgraded.applications.reportFacts(
      { from: '2026-12-01T00:00:00.000Z', before: '2027-01-01T00:00:00.000Z' },
      (f) => facts.push(f),
    );
    expect(facts.sort((a, b) => a.since.localeCompare(b.since))).toEqual(records.flatMap(reportFactsOf));
    // …and the customer and activity they are found by (migration 11).
    const found = async (query: ApplicationQuery) =>
      (await upgraded.applications.page(query, 10)).records.map((r) => r.id);
    expect(await found({ customers: [records[0]!.input.customer.groupId] })).toEqual([
      'PP-2027-000002',
      'PP-2027-000001',
    ]);
    expect(await found({ activities: [records[0]!.input.activity] })).toEqual(['PP-2027-000002', 'PP-2027-000001']);
  });

  it('should let the database itself refuse an unchained audit row and a second row after the same one', async () => {
    const record = sampleRecord('PP-2027-000001');
    await harness.store.applications.create(record, [auditOf(null, record, record.input.applicant, 'submit')], [], []);
    const db = rawConnection();
    const row = db.prepare<[], { prev_hash: string }>('SELECT prev_hash FROM audit').get();
    const insert = (prev: string | null, hash: string | null) =>
      db
        .prepare(
          "INSERT INTO audit (at, actor, action, subject, before, after, prev_hash, hash) VALUES ('2026-12-01T00:00:00.000Z', 'x', 'view', 's', 'null', 'null', ?, ?)",
        )
        .run(prev, hash);
    expect(() => insert(null, null)).toThrow('an audit row must carry its chain hashes');
    expect(() => insert(row?.prev_hash ?? '', 'f'.repeat(64))).toThrow('UNIQUE constraint failed: audit.prev_hash');
  });

  it('should keep the file in WAL mode and open connections with a busy timeout and foreign keys on', () => {
    expect(rawConnection().pragma('journal_mode', { simple: true })).toBe('wal');
    const db = openDatabase(harness.file);
    try {
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it('should refuse to keep an application whose document disagrees with its version column', async () => {
    await harness.store.applications.create(sampleRecord('PP-2027-000001'), [], [], []);
    const tamper = () =>
      rawConnection().prepare("UPDATE applications SET version = 7 WHERE id = 'PP-2027-000001'").run();
    expect(tamper).toThrow(/CHECK constraint failed/);
  });

  describe('when a stored document is damaged', () => {
    beforeEach(async () => {
      await harness.store.applications.create(sampleRecord('PP-2027-000001'), [], [], []);
    });

    it('should name the table, the row and the field of an application that no longer fits its schema', async () => {
      rawConnection()
        .prepare(
          "UPDATE applications SET doc = json_set(doc, '$.input.tariffLines[0].quantity', 'two hundred') WHERE id = 'PP-2027-000001'",
        )
        .run();
      await expect(harness.store.applications.get('PP-2027-000001')).rejects.toThrow(
        /table "applications", row "PP-2027-000001": .*input\.tariffLines\.0\.quantity/,
      );
      await expect(harness.store.applications.list()).rejects.toThrow(/table "applications", row "PP-2027-000001"/);
    });

    it('should name the table and the row of a document that is no longer JSON', async () => {
      const db = rawConnection();
      // Damage as a disk or a hand edit would do it, past the table's own JSON check.
      db.pragma('ignore_check_constraints = ON');
      db.prepare("UPDATE applications SET doc = substr(doc, 1, 40) WHERE id = 'PP-2027-000001'").run();
      await expect(harness.store.applications.get('PP-2027-000001')).rejects.toThrow(
        /table "applications", row "PP-2027-000001": document is not JSON/,
      );
    });

    it('should name the row whose document disagrees with its columns', async () => {
      const db = rawConnection();
      db.pragma('ignore_check_constraints = ON');
      db.prepare("UPDATE applications SET version = 7 WHERE id = 'PP-2027-000001'").run();
      await expect(harness.store.applications.get('PP-2027-000001')).rejects.toThrow(
        /table "applications", row "PP-2027-000001": document says PP-2027-000001 v1, columns say v7/,
      );
    });

    it('should name the version of a damaged catalog', async () => {
      const catalog = await harness.store.catalogs.add(
        sampleCatalog(),
        'zhou.jie@plandesk.example',
        new Date('2026-12-01T01:00:00Z'),
      );
      rawConnection()
        .prepare("UPDATE catalogs SET doc = json_set(doc, '$.products[0].status', 'launched') WHERE version = ?")
        .run(catalog.version);
      await expect(harness.store.catalogs.get(catalog.version)).rejects.toThrow(
        `table "catalogs", row ${catalog.version}: document does not match its schema: products.0.status`,
      );
    });
  });
});
