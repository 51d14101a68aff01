import type { OutboxMessage, OutboxRepository } from '../../app/ports/store';
import { outboxMessageSchema } from './messaging-schemas';
import { readDocument, writeDocument } from './stored-document';
import type { SqliteDatabase } from './sqlite-connection';

/** Writes outbox rows; called inside the transaction of the change that decided them. */
export type OutboxWriter = (messages: readonly OutboxMessage[]) => void;

/** The statement that adds outbox rows, for use inside other repositories' transactions. */
export function sqliteOutboxWriter(db: SqliteDatabase): OutboxWriter {
  // An id already there is the same message decided twice (a retried invoke): keep the first.
  const insert = db.prepare<[string, string, string]>('INSERT INTO outbox (id, created_at, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING');
  return (messages) => {
    for (const m of messages) insert.run(m.id, m.createdAt, writeDocument(outboxMessageSchema, `outbox ${m.id}`, m));
  };
}

/** Pending messages in the order they were decided; sent ones are kept as the record of what went out. */
export function sqliteOutboxRepository(db: SqliteDatabase): OutboxRepository {
  const pending = db.prepare<[number], { id: string; doc: string }>("SELECT id, doc FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT ?");
  const sent = db.prepare<[string, string]>("UPDATE outbox SET status = 'sent', sent_at = ? WHERE id = ?");
  const failed = db.prepare<[string, string]>('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?');
  return {
    async pending(limit) {
      return pending.all(limit).map((row) => readDocument(outboxMessageSchema, 'outbox', row.id, row.doc));
    },
    async markSent(id, at) {
      sent.run(at.toISOString(), id);
    },
    async markFailed(id, error) {
      failed.run(error, id);
    },
  };
}
