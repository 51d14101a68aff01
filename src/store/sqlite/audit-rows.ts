import type { AuditEntry } from '../../app/records/audit';
import { CorruptDocumentError } from '../schemas/stored-document';
import type { SqliteDatabase } from './sqlite-connection';

/** A row of the `audit` table. */
export interface AuditRow {
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

export const AUDIT_COLUMNS = 'id, at, actor, action, subject, before, after, prev_hash, hash';

function parseColumn(row: Pick<AuditRow, 'id' | 'before' | 'after'>, column: 'before' | 'after'): unknown {
  try {
    return JSON.parse(row[column]);
  } catch (error) {
    throw new CorruptDocumentError('audit', row.id, `column ${column} is not JSON (${(error as Error).message})`);
  }
}

/** The entry a row holds. */
export const entryOf = (row: Omit<AuditRow, 'prev_hash' | 'hash'>): AuditEntry => ({
  at: row.at,
  actor: row.actor,
  action: row.action,
  subject: row.subject,
  before: parseColumn(row, 'before'),
  after: parseColumn(row, 'after'),
});

/** The trail's checkpoint (`audit_head`, migration 9): its last row number and hash, signed when a key was configured. */
export interface AuditHeadRow {
  position: number;
  hash: string;
  signature: string | null;
}

/** Reads and moves the one checkpoint row. */
export function auditHead(db: SqliteDatabase) {
  const read = db.prepare<[], AuditHeadRow>('SELECT position, hash, signature FROM audit_head WHERE id = 1');
  const write = db.prepare<[number, string, string | null]>(
    `INSERT INTO audit_head (id, position, hash, signature) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET position = excluded.position, hash = excluded.hash, signature = excluded.signature`,
  );
  return {
    get: (): AuditHeadRow | undefined => read.get(),
    set: (head: AuditHeadRow): void => void write.run(head.position, head.hash, head.signature),
  };
}
