import type { CardCopyRepository, ConversationRepository } from '../../app/ports/store';
import { conversationSchema } from './messaging-schemas';
import { readDocument, writeDocument } from './stored-document';
import type { SqliteDatabase } from './sqlite-connection';

/** Conversation references by key; the latest one Teams gave wins. */
export function sqliteConversationRepository(db: SqliteDatabase): ConversationRepository {
  const upsert = db.prepare<[string, string, string]>(
    'INSERT INTO conversations (key, updated_at, doc) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET updated_at = excluded.updated_at, doc = excluded.doc',
  );
  const byKey = db.prepare<[string], { key: string; doc: string }>('SELECT key, doc FROM conversations WHERE key = ?');
  return {
    async save(conversation) {
      upsert.run(conversation.key, conversation.updatedAt, writeDocument(conversationSchema, `conversation ${conversation.key}`, conversation));
    },
    async get(key) {
      const row = byKey.get(key);
      return row ? readDocument(conversationSchema, 'conversations', row.key, row.doc) : null;
    },
  };
}

/** Where each copy of an application's card was posted, so all of them can be updated. */
export function sqliteCardCopyRepository(db: SqliteDatabase): CardCopyRepository {
  const insert = db.prepare<[string, string, string, string | null]>(
    'INSERT INTO card_copies (application_id, conversation_key, activity_id, viewer) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const byApplication = db.prepare<[string], { application_id: string; conversation_key: string; activity_id: string; viewer: string | null }>(
    'SELECT application_id, conversation_key, activity_id, viewer FROM card_copies WHERE application_id = ? ORDER BY rowid',
  );
  return {
    async add(copy) {
      insert.run(copy.applicationId, copy.conversationKey, copy.activityId, copy.viewer);
    },
    async list(applicationId) {
      return byApplication.all(applicationId).map((r) => ({ applicationId: r.application_id, conversationKey: r.conversation_key, activityId: r.activity_id, viewer: r.viewer }));
    },
  };
}
