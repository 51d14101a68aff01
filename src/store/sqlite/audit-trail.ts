import type { AuditEntry } from '../../app/records/audit';
import type { AuditChainReport, AuditPage, AuditQuery, AuditTrail } from '../../app/ports/store';
import { chainEntries, chainWalker, GENESIS } from '../audit-chain';
import { CorruptDocumentError } from '../schemas/stored-document';
import type { SqliteDatabase } from './sqlite-connection';

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  before: string;
  after: string;
  prev_hash: string | null;
  hash: string | null;
}

/** Appends audit rows inside whatever transaction the caller has open, so a change and its rows commit together. */
export type AuditWriter = (entries: readonly AuditEntry[]) => void;

// JSON has no undefined: an absent before/after (nothing existed, nothing remains) is kept as null.
const toJson = (value: unknown): string => JSON.stringify(value ?? null);

function parseColumn(row: AuditRow, column: 'before' | 'after'): unknown {
  try {
    return JSON.parse(row[column]);
  } catch (error) {
    throw new CorruptDocumentError('audit', row.id, `column ${column} is not JSON (${(error as Error).message})`);
  }
}

/**
 * The writer that repositories call from inside their transactions. Each row is chained to the last
 * one in the file: every caller's transaction is IMMEDIATE, so it holds the write lock before it reads
 * that last hash, and no other connection (in this process or another) can add a row in between. The
 * database's unique index on `prev_hash` refuses a second row after the same one regardless.
 */
export function sqliteAuditWriter(db: SqliteDatabase): AuditWriter {
  const lastHash = db.prepare<[], string>('SELECT hash FROM audit ORDER BY id DESC LIMIT 1').pluck();
  const insert = db.prepare<[string, string, string, string, string, string, string, string]>(
    'INSERT INTO audit (at, actor, action, subject, before, after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return (entries) => {
    if (entries.length === 0) return;
    // As stored: JSON has no undefined, so the hash is taken over what the row will read back as.
    const stored = entries.map((e) => ({ ...e, before: e.before ?? null, after: e.after ?? null }));
    for (const { entry: e, prev, hash } of chainEntries(lastHash.get() ?? GENESIS, stored))
      insert.run(e.at, e.actor, e.action, e.subject, toJson(e.before), toJson(e.after), prev, hash);
  };
}

const entryOf = (row: AuditRow): AuditEntry => ({
  at: row.at,
  actor: row.actor,
  action: row.action,
  subject: row.subject,
  before: parseColumn(row, 'before'),
  after: parseColumn(row, 'after'),
});

/**
 * Walks the file's one chain in row order, reading row by row inside one read transaction (a
 * consistent snapshot while writers go on). Its end is the highest row number SQLite ever handed out
 * (`sqlite_sequence`), so rows removed from the end are missed too.
 */
function verifyChain(db: SqliteDatabase): AuditChainReport {
  const walk = db.transaction((): AuditChainReport => {
    const last = db.prepare<[], number>("SELECT seq FROM sqlite_sequence WHERE name = 'audit'").pluck().get();
    const walker = chainWalker('', last === undefined ? null : { position: last });
    const rows = db.prepare<[], AuditRow>(
      'SELECT id, at, actor, action, subject, before, after, prev_hash, hash FROM audit ORDER BY id',
    );
    let broken = null;
    for (const row of rows.iterate()) {
      broken = walker.next({ position: row.id, entry: entryOf(row), prev: row.prev_hash, hash: row.hash });
      if (broken) break;
    }
    return {
      entries: walker.entries,
      chains: last === undefined ? 0 : 1,
      unchained: 0,
      broken: broken ?? walker.end(),
    };
  });
  return walk.deferred();
}

/** A page's cursor: the row number of the last entry shown, as opaque text. */
const writeCursor = (id: number): string => Buffer.from(JSON.stringify([id])).toString('base64url');

/** The row number a cursor names, or null for text this store never gave as one. */
function readCursor(cursor: string): number | null {
  try {
    const place: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(place) && Number.isSafeInteger(place[0]) ? (place[0] as number) : null;
  } catch {
    return null;
  }
}

/**
 * A page of the trail in row order after row `after`: a keyset read on the primary key, so each page
 * costs the same however deep the export is. A subject prefix reads the subject index's range.
 */
function pageOf(db: SqliteDatabase, query: AuditQuery, limit: number, after: number): AuditPage {
  const where = ['id > @after'];
  const params: Record<string, string | number> = { after, limit: limit + 1 };
  if (query.from !== undefined) {
    where.push('at >= @from');
    params.from = query.from;
  }
  if (query.before !== undefined) {
    where.push('at < @before');
    params.before = query.before;
  }
  if (query.subjectPrefix !== undefined) {
    // A range rather than LIKE, which ignores case and so cannot use the index.
    where.push('subject >= @prefix AND subject < @prefixEnd');
    params.prefix = query.subjectPrefix;
    params.prefixEnd = `${query.subjectPrefix}\u{10ffff}`;
  }
  const rows = db
    .prepare<Record<string, string | number>, AuditRow>(
      `SELECT id, at, actor, action, subject, before, after, prev_hash, hash FROM audit WHERE ${where.join(' AND ')} ORDER BY id LIMIT @limit`,
    )
    .all(params);
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    entries: shown.map((row) => ({
      entry: entryOf(row),
      chain: '',
      position: row.id,
      prev: row.prev_hash,
      hash: row.hash,
    })),
    next: rows.length > limit && last ? writeCursor(last.id) : null,
  };
}

/** The audit trail port over the `audit` table, which the database keeps append-only. */
export function sqliteAuditTrail(db: SqliteDatabase, write: AuditWriter): AuditTrail {
  const appendAll = db.transaction(write);
  const bySubject = db.prepare<[string], AuditRow>(
    'SELECT id, at, actor, action, subject, before, after FROM audit WHERE subject = ? ORDER BY id',
  );
  return {
    async append(entries) {
      appendAll.immediate(entries);
    },
    async about(subject) {
      return bySubject.all(subject).map(entryOf);
    },
    async verify() {
      return verifyChain(db);
    },
    async page(query, limit, cursor) {
      const after = cursor ? readCursor(cursor) : 0;
      // A cursor this store never gave continues nowhere: the page after it is empty.
      if (after === null) return { entries: [], next: null };
      return pageOf(db, query, limit, after);
    },
  };
}
