import type { AuditEntry } from '../../app/records/audit';
import type { AuditTrail } from '../../app/ports/store';
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

/** The writer that repositories call from inside their transactions. */
export function sqliteAuditWriter(db: SqliteDatabase): AuditWriter {
  const insert = db.prepare<[string, string, string, string, string, string]>(
    'INSERT INTO audit (at, actor, action, subject, before, after) VALUES (?, ?, ?, ?, ?, ?)',
  );
  return (entries) => {
    for (const e of entries) insert.run(e.at, e.actor, e.action, e.subject, toJson(e.before), toJson(e.after));
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
      return bySubject.all(subject).map((row) => ({
        at: row.at,
        actor: row.actor,
        action: row.action,
        subject: row.subject,
        before: parseColumn(row, 'before'),
        after: parseColumn(row, 'after'),
      }));
    },
  };
}
