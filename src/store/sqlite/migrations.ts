import { chainAuditRows } from './audit-chain-migration';
import { AWAITED_BY_APPLICANT, LIST_INDEXES, WAITING_COUNTS } from './awaited-steps';
import { TOOK_EFFECT_INDEX, TRACK_RECORD_INDEXES } from './track-record-indexes';
import { OUTBOX_HELD, OUTBOX_PENDING_COUNT } from './outbox-held';
import { QUEUE_COUNTS } from './queue-counts';
import { fillReportFacts } from './report-facts';
import type { SqliteDatabase } from './sqlite-connection';
import { OPEN_STEP_COUNTS, OPEN_STEPS } from './open-steps';
import { SchemaTooNew } from '../schema-version';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** What SQL cannot do (hashing), run after `sql` in the same transaction. */
  run?: (db: SqliteDatabase) => void;
}

/**
 * The schema, as numbered steps applied once each and never edited once released: a change is a
 * new step. Tables are STRICT so a column holds only its declared type; documents must be JSON.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'append-only audit trail',
    sql: `
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        before TEXT NOT NULL CHECK (json_valid(before)),
        after TEXT NOT NULL CHECK (json_valid(after))
      ) STRICT;
      CREATE INDEX audit_by_subject ON audit (subject, id);
      -- The trail is evidence (SPEC §7): the database itself refuses to rewrite or remove it.
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
    `,
  },
  {
    version: 2,
    name: 'applications and plan numbers',
    sql: `
      CREATE TABLE applications (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL CHECK (version >= 1),
        state TEXT NOT NULL,
        applicant TEXT NOT NULL,
        unit TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        doc TEXT NOT NULL CHECK (json_valid(doc)),
        -- The document is the record; the columns only index it, so they must agree with it.
        CHECK (json_extract(doc, '$.id') = id AND json_extract(doc, '$.version') = version)
      ) STRICT;
      CREATE INDEX applications_by_submission ON applications (submitted_at);
      CREATE INDEX applications_by_applicant ON applications (applicant, submitted_at);
      CREATE INDEX applications_by_unit ON applications (unit, submitted_at);
      CREATE TABLE counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 3,
    name: 'catalogs, policies and directory, each a growing list of versions',
    sql: `
      CREATE TABLE catalogs (
        version INTEGER PRIMARY KEY AUTOINCREMENT,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        doc TEXT NOT NULL CHECK (json_valid(doc))
      ) STRICT;
      CREATE TABLE policies (
        version INTEGER PRIMARY KEY AUTOINCREMENT,
        effective_from TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        doc TEXT NOT NULL CHECK (json_valid(doc))
      ) STRICT;
      CREATE INDEX policies_by_effective_date ON policies (effective_from, version);
      CREATE TABLE directory (
        version INTEGER PRIMARY KEY AUTOINCREMENT,
        replaced_at TEXT NOT NULL,
        replaced_by TEXT NOT NULL,
        doc TEXT NOT NULL CHECK (json_valid(doc))
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'outbox, conversations and card copies',
    sql: `
      -- Messages decided with a change, delivered after it; seq keeps their order.
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        sent_at TEXT,
        doc TEXT NOT NULL CHECK (json_valid(doc))
      ) STRICT;
      CREATE INDEX outbox_pending ON outbox (status, seq);
      CREATE TABLE conversations (
        key TEXT PRIMARY KEY,
        updated_at TEXT NOT NULL,
        doc TEXT NOT NULL CHECK (json_valid(doc))
      ) STRICT;
      CREATE TABLE card_copies (
        application_id TEXT NOT NULL,
        conversation_key TEXT NOT NULL,
        activity_id TEXT NOT NULL,
        viewer TEXT,
        PRIMARY KEY (application_id, conversation_key, activity_id)
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: 'durable jobs; outbox retries, dead letters and quiet hours',
    sql: `
      -- Time-driven work (nudges, overdue notices, expiry, evaluations, spot checks), claimed by due time under a lease.
      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        application_id TEXT,
        due_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'cancelled')),
        lease_owner TEXT,
        lease_until TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        done_at TEXT,
        doc TEXT NOT NULL CHECK (json_valid(doc))
      ) STRICT;
      CREATE INDEX jobs_due ON jobs (status, due_at);
      CREATE INDEX jobs_by_application ON jobs (application_id, status);

      -- The outbox gains retry state and dead letters; SQLite cannot widen a CHECK, so the table is rebuilt.
      CREATE TABLE outbox_next (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        sent_at TEXT,
        not_before TEXT,
        next_attempt_at TEXT,
        conversation_key TEXT,
        lease_owner TEXT,
        lease_until TEXT,
        doc TEXT NOT NULL CHECK (json_valid(doc))
      ) STRICT;
      INSERT INTO outbox_next (seq, id, created_at, status, attempts, last_error, sent_at, doc)
        SELECT seq, id, created_at, status, attempts, last_error, sent_at, doc FROM outbox;
      DROP TABLE outbox;
      ALTER TABLE outbox_next RENAME TO outbox;
      CREATE INDEX outbox_pending ON outbox (status, seq);
    `,
  },
  {
    version: 6,
    name: 'outbox rows know their conversation and quiet hours; dead letters are dated',
    sql: `
      UPDATE outbox
        SET conversation_key = CASE json_extract(doc, '$.to.kind')
          WHEN 'person' THEN 'person:' || json_extract(doc, '$.to.id')
          ELSE 'channel:' || json_extract(doc, '$.to.channel') END
        WHERE conversation_key IS NULL AND json_extract(doc, '$.kind') IN ('card', 'text');
      UPDATE outbox
        SET not_before = strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(doc, '$.notBefore'))
        WHERE not_before IS NULL AND json_extract(doc, '$.notBefore') IS NOT NULL;
      ALTER TABLE outbox ADD COLUMN dead_at TEXT;
      CREATE INDEX outbox_by_conversation ON outbox (conversation_key, status, seq);
    `,
  },
  {
    version: 7,
    name: 'an application remembers the draft it was filed from, once per applicant',
    sql: `
      ALTER TABLE applications ADD COLUMN draft_id TEXT;
      CREATE UNIQUE INDEX applications_by_draft ON applications (applicant, draft_id) WHERE draft_id IS NOT NULL;
    `,
  },
  {
    version: 8,
    name: 'the audit trail becomes a hash chain, the rows already there chained once in their order',
    // The columns come first; chainAuditRows fills them for the rows already there and then has the
    // database refuse an unchained row and a second row after the same one (a fork).
    sql: `
      ALTER TABLE audit ADD COLUMN prev_hash TEXT;
      ALTER TABLE audit ADD COLUMN hash TEXT;
    `,
    run: chainAuditRows,
  },
  {
    version: 9,
    name: "the audit trail's checkpoint: where its chain ends, signed when a key is configured",
    // One row, moved by every append in the same transaction (audit-trail.ts). A migration has no key, so the
    // row it writes for the rows already there is unsigned until "plandesk audit sign" signs it.
    sql: `
      CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        position INTEGER NOT NULL,
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        signature TEXT
      ) STRICT;
      INSERT INTO audit_head (id, position, hash) SELECT 1, id, hash FROM audit ORDER BY id DESC LIMIT 1;
    `,
  },
  {
    version: 10,
    name: 'each application keeps its report facts beside it, in pieces indexed by the span of time each can count in',
    // The facts are computed in code (reportFactsOf), so the rows already there are filled by run.
    sql: `
      CREATE TABLE report_facts (
        id TEXT NOT NULL REFERENCES applications (id),
        kind TEXT NOT NULL,
        since TEXT NOT NULL,
        until TEXT,
        facts TEXT NOT NULL CHECK (json_valid(facts)),
        PRIMARY KEY (id, kind),
        -- The columns index the facts, so they must agree with them.
        CHECK (json_extract(facts, '$.kind') = kind AND json_extract(facts, '$.since') = since
          AND json_extract(facts, '$.until') IS until)
      ) STRICT;
      -- A month reads the pieces still open or ending after its start, and of those the ones begun before its end:
      -- from this index alone, which holds the facts too, rather than a row of the table for each piece.
      CREATE INDEX report_facts_by_span ON report_facts (until, since, id, kind, facts);
    `,
    run: fillReportFacts,
  },
  ...TRACK_RECORD_INDEXES,
  LIST_INDEXES,
  OPEN_STEPS,
  TOOK_EFFECT_INDEX,
  OUTBOX_HELD,
  OPEN_STEP_COUNTS,
  AWAITED_BY_APPLICANT,
  WAITING_COUNTS,
  QUEUE_COUNTS,
  OUTBOX_PENDING_COUNT,
];

/**
 * Brings a database up to the latest schema. Each step runs in its own IMMEDIATE transaction and
 * re-checks whether it is applied inside it, so two processes opening a new file at once apply
 * each step exactly once.
 */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[] = MIGRATIONS): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const known = Math.max(0, ...migrations.map((m) => m.version));
  const newest = db
    .prepare<[], { newest: number | null }>('SELECT max(version) AS newest FROM schema_migrations')
    .get();
  if (newest?.newest != null && newest.newest > known) throw new SchemaTooNew(db.name, newest.newest, known);
  const isApplied = db.prepare<[number], { version: number }>(
    'SELECT version FROM schema_migrations WHERE version = ?',
  );
  const record = db.prepare<[number, string]>(
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
  );
  const apply = db.transaction((migration: Migration) => {
    if (isApplied.get(migration.version)) return;
    db.exec(migration.sql);
    migration.run?.(db);
    record.run(migration.version, migration.name);
  });
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) apply.immediate(migration);
}
