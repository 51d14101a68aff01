import { onlyReadings, type AuditEntry } from '../../app/records/audit';
import type { AuditPage, AuditQuery, AuditTrail } from '../../app/ports/store';
import { chainEntries, GENESIS } from '../audit-chain';
import { assertSealed, type CheckpointSigner } from '../audit-checkpoint';
import { AUDIT_COLUMNS, auditHead, entryOf, type AuditRow } from './audit-rows';
import { signSqliteCheckpoint, verifySqliteChain } from './audit-verify';
import type { ChangeStamp } from './change-stamp';
import type { SqliteDatabase, Statement } from './sqlite-connection';

/** Appends audit rows inside whatever transaction the caller has open, so a change and its rows commit together. */
export type AuditWriter = (entries: readonly AuditEntry[]) => void;

// JSON has no undefined: an absent before/after (nothing existed, nothing remains) is kept as null.
const toJson = (value: unknown): string => JSON.stringify(value ?? null);

/**
 * The writer that repositories call from inside their transactions. Each row is chained after the
 * trail's checkpoint (`audit_head`), which moves with it, signed when a key is configured: every
 * caller's transaction is IMMEDIATE, so it holds the write lock before it reads the checkpoint, and no
 * other connection (in this process or another) can add a row in between. The database's unique index
 * on `prev_hash` refuses a second row after the same one regardless. A checkpoint no configured key
 * signed is refused, not signed over (audit-checkpoint.ts); so is a trail with rows and no checkpoint.
 */
export function sqliteAuditWriter(db: SqliteDatabase, signer: CheckpointSigner): AuditWriter {
  const head = auditHead(db);
  const anyRow = db.prepare<[], number>('SELECT 1 FROM audit LIMIT 1').pluck();
  const insert = db.prepare<[string, string, string, string, string, string, string, string]>(
    'INSERT INTO audit (at, actor, action, subject, before, after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return (entries) => {
    if (entries.length === 0) return;
    const checkpoint = head.get();
    if (checkpoint) assertSealed(signer, { chain: '', ...checkpoint }, checkpoint.signature);
    else if (anyRow.get() !== undefined)
      throw new Error('SQLite: the audit trail holds entries but no checkpoint; run "plandesk audit verify"');
    let end = { chain: '', position: checkpoint?.position ?? 0, hash: checkpoint?.hash ?? GENESIS };
    // As stored: JSON has no undefined, so the hash is taken over what the row will read back as.
    const stored = entries.map((e) => ({ ...e, before: e.before ?? null, after: e.after ?? null }));
    for (const { entry: e, prev, hash } of chainEntries(end.hash, stored)) {
      const { lastInsertRowid } = insert.run(
        e.at,
        e.actor,
        e.action,
        e.subject,
        toJson(e.before),
        toJson(e.after),
        prev,
        hash,
      );
      end = { chain: '', position: Number(lastInsertRowid), hash };
    }
    head.set({ position: end.position, hash: end.hash, signature: signer.sign(end) ?? null });
  };
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
      `SELECT ${AUDIT_COLUMNS} FROM audit WHERE ${where.join(' AND ')} ORDER BY id LIMIT @limit`,
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
export function sqliteAuditTrail(
  db: SqliteDatabase,
  write: AuditWriter,
  signer: CheckpointSigner,
  changes?: ChangeStamp,
): AuditTrail {
  const appendAll = db.transaction(write);
  // A view's entry changes no card: a card built before it may still be shown after it.
  const appendReadings = (entries: readonly AuditEntry[]) =>
    changes ? changes.unshown(() => appendAll.immediate(entries)) : appendAll.immediate(entries);
  /**
   * Views asked for in one turn of the event loop, committed together: Teams refreshes every card of a
   * chat as it opens, each its own request, and one commit (and one checkpoint signature) for all of them
   * costs about what one did. Each caller is answered only once its entry is committed, so a view is never
   * shown unaudited; a batch that fails is tried entry by entry, so one view's failure is no other's.
   */
  let readings: { entries: readonly AuditEntry[]; done: () => void; failed: (error: unknown) => void }[] = [];
  const commitReadings = () => {
    const batch = readings;
    readings = [];
    try {
      appendReadings(batch.flatMap((b) => b.entries));
      for (const b of batch) b.done();
    } catch {
      for (const b of batch)
        try {
          appendReadings(b.entries);
          b.done();
        } catch (error) {
          b.failed(error);
        }
    }
  };
  const bySubject = db.prepare<[string], AuditRow>(
    'SELECT id, at, actor, action, subject, before, after FROM audit WHERE subject = ? ORDER BY id',
  );
  // One statement per number of actions asked for, on the (subject, action) index.
  const byActionCount = new Map<number, Statement<string[], AuditRow>>();
  const bySubjectAction = (count: number) => {
    let statement = byActionCount.get(count);
    if (!statement)
      byActionCount.set(
        count,
        (statement = db.prepare<string[], AuditRow>(
          `SELECT id, at, actor, action, subject, before, after FROM audit WHERE subject = ? AND action IN (${Array(count).fill('?').join(', ')}) ORDER BY id`,
        )),
      );
    return statement;
  };
  const bySubjectsActions = new Map<string, Statement<string[], AuditRow>>();
  const eachOf = (subjects: number, actions: number) => {
    const key = `${subjects}/${actions}`;
    let statement = bySubjectsActions.get(key);
    const marks = (n: number) => Array(n).fill('?').join(', ');
    if (!statement)
      bySubjectsActions.set(
        key,
        (statement = db.prepare<string[], AuditRow>(
          `SELECT id, at, actor, action, subject, before, after FROM audit WHERE subject IN (${marks(subjects)}) AND action IN (${marks(actions)}) ORDER BY id`,
        )),
      );
    return statement;
  };
  return {
    async append(entries) {
      if (!onlyReadings(entries)) return appendAll.immediate(entries);
      return new Promise<void>((done, failed) => {
        if (readings.length === 0) setImmediate(commitReadings);
        readings.push({ entries, done, failed });
      });
    },
    async aboutEach(subjects, actions) {
      if (subjects.length === 0 || actions.length === 0) return [];
      return eachOf(subjects.length, actions.length)
        .all(...subjects, ...actions)
        .map(entryOf);
    },
    async about(subject, actions) {
      if (actions === undefined) return bySubject.all(subject).map(entryOf);
      return actions.length === 0
        ? []
        : bySubjectAction(actions.length)
            .all(subject, ...actions)
            .map(entryOf);
    },
    async verify() {
      return verifySqliteChain(db, signer);
    },
    async signCheckpoints() {
      return signSqliteCheckpoint(db, signer);
    },
    async page(query, limit, cursor) {
      const after = cursor ? readCursor(cursor) : 0;
      // A cursor this store never gave continues nowhere: the page after it is empty.
      if (after === null) return { entries: [], next: null };
      return pageOf(db, query, limit, after);
    },
  };
}
