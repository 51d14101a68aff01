import type { StoreTransfer, TransferItem } from '../../app/ports/store-transfer';
import { applicationRecordSchema } from '../schemas/application-schema';
import { jobSchema } from '../schemas/job-schema';
import { conversationSchema, outboxMessageSchema } from '../schemas/messaging-schemas';
import { catalogContentSchema, directorySchema, policyContentSchema } from '../schemas/reference-schemas';
import { CorruptDocumentError, readDocument } from '../schemas/stored-document';
import type { SqliteDatabase } from './sqlite-connection';
import { cardCopyKey, sqliteAuditKey } from '../transfer-keys';

const json = (table: string, key: string | number, text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CorruptDocumentError(table, key, `column is not JSON (${(error as Error).message})`);
  }
};

/** An instant in one form (UTC, milliseconds), so both stores' values compare as text. */
const instant = (value: string): string => new Date(value).toISOString();
const instantOrNull = (value: string | null): string | null => (value === null ? null : instant(value));

/** The tables exportAll reads, one item per row. */
const TRANSFERRED_TABLES = [
  'catalogs',
  'policies',
  'directory',
  'counters',
  'conversations',
  'applications',
  'audit',
  'card_copies',
  'jobs',
  'outbox',
] as const;

/** Reads every table of a SQLite store as transfer items (the export side of a migration). */
export function sqliteTransfer(db: SqliteDatabase): StoreTransfer {
  return {
    async countAll(): Promise<number> {
      const tables = TRANSFERRED_TABLES.map((table) => `(SELECT count(*) FROM ${table})`).join(' + ');
      return db.prepare<[], { n: number }>(`SELECT ${tables} AS n`).get()?.n ?? 0;
    },
    async *exportAll(): AsyncIterable<TransferItem> {
      for (const r of db
        .prepare<[], { version: number; imported_at: string; imported_by: string; doc: string }>(
          'SELECT version, imported_at, imported_by, doc FROM catalogs ORDER BY version',
        )
        .iterate()) {
        const catalog = {
          ...readDocument(catalogContentSchema, 'catalogs', r.version, r.doc),
          version: r.version,
          importedAt: r.imported_at,
          importedBy: r.imported_by,
        };
        yield { kind: 'catalog', key: String(r.version), catalog };
      }
      for (const r of db
        .prepare<
          [],
          { version: number; effective_from: string; imported_at: string; imported_by: string; doc: string }
        >('SELECT version, effective_from, imported_at, imported_by, doc FROM policies ORDER BY version')
        .iterate()) {
        const policy = {
          ...readDocument(policyContentSchema, 'policies', r.version, r.doc),
          version: r.version,
          effectiveFrom: r.effective_from,
          importedAt: r.imported_at,
          importedBy: r.imported_by,
        };
        yield { kind: 'policy', key: String(r.version), policy };
      }
      for (const r of db
        .prepare<[], { version: number; replaced_at: string; replaced_by: string; doc: string }>(
          'SELECT version, replaced_at, replaced_by, doc FROM directory ORDER BY version',
        )
        .iterate()) {
        yield {
          kind: 'directory',
          key: String(r.version),
          version: r.version,
          replacedAt: r.replaced_at,
          replacedBy: r.replaced_by,
          directory: readDocument(directorySchema, 'directory', r.version, r.doc),
        };
      }
      for (const r of db
        .prepare<[], { year: number; last: number }>('SELECT year, last FROM counters ORDER BY year')
        .iterate()) {
        yield { kind: 'counter', key: String(r.year), year: r.year, last: r.last };
      }
      for (const r of db
        .prepare<[], { key: string; doc: string }>('SELECT key, doc FROM conversations ORDER BY key')
        .iterate()) {
        yield {
          kind: 'conversation',
          key: r.key,
          conversation: readDocument(conversationSchema, 'conversations', r.key, r.doc),
        };
      }
      for (const r of db
        .prepare<[], { rowid: number; id: string; doc: string }>(
          'SELECT rowid, id, doc FROM applications ORDER BY rowid',
        )
        .iterate()) {
        yield {
          kind: 'application',
          key: r.id,
          order: r.rowid,
          record: readDocument(applicationRecordSchema, 'applications', r.id, r.doc),
        };
      }
      for (const r of db
        .prepare<
          [],
          { id: number; at: string; actor: string; action: string; subject: string; before: string; after: string }
        >('SELECT id, at, actor, action, subject, before, after FROM audit ORDER BY id')
        .iterate()) {
        const entry = {
          at: r.at,
          actor: r.actor,
          action: r.action,
          subject: r.subject,
          before: json('audit', r.id, r.before),
          after: json('audit', r.id, r.after),
        };
        yield { kind: 'audit', key: sqliteAuditKey(r.id), order: r.id, entry };
      }
      for (const r of db
        .prepare<
          [],
          {
            rowid: number;
            application_id: string;
            conversation_key: string;
            activity_id: string;
            viewer: string | null;
          }
        >('SELECT rowid, application_id, conversation_key, activity_id, viewer FROM card_copies ORDER BY rowid')
        .iterate()) {
        const copy = {
          applicationId: r.application_id,
          conversationKey: r.conversation_key,
          activityId: r.activity_id,
          viewer: r.viewer,
        };
        yield { kind: 'cardCopy', key: cardCopyKey(copy), order: r.rowid, copy };
      }
      for (const r of db
        .prepare<
          [],
          {
            id: string;
            due_at: string;
            status: 'pending' | 'done' | 'cancelled';
            attempts: number;
            last_error: string | null;
            done_at: string | null;
            doc: string;
          }
        >('SELECT id, due_at, status, attempts, last_error, done_at, doc FROM jobs ORDER BY due_at, id')
        .iterate()) {
        const job = readDocument(jobSchema, 'jobs', r.id, r.doc);
        yield {
          kind: 'job',
          key: r.id,
          job,
          state: {
            status: r.status,
            dueAt: instant(r.due_at),
            attempts: r.attempts,
            lastError: r.last_error,
            doneAt: instantOrNull(r.done_at),
          },
        };
      }
      for (const r of db
        .prepare<
          [],
          {
            seq: number;
            id: string;
            status: 'pending' | 'sent' | 'dead';
            attempts: number;
            last_error: string | null;
            sent_at: string | null;
            dead_at: string | null;
            next_attempt_at: string | null;
            doc: string;
          }
        >(
          'SELECT seq, id, status, attempts, last_error, sent_at, dead_at, next_attempt_at, doc FROM outbox ORDER BY seq',
        )
        .iterate()) {
        const message = readDocument(outboxMessageSchema, 'outbox', r.id, r.doc);
        const state = {
          status: r.status,
          attempts: r.attempts,
          lastError: r.last_error,
          sentAt: instantOrNull(r.sent_at),
          deadAt: instantOrNull(r.dead_at),
          nextAttemptAt: instantOrNull(r.next_attempt_at),
        };
        yield { kind: 'outbox', key: r.id, order: r.seq, message, state };
      }
    },
  };
}
