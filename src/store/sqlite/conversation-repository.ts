import type { CardCopy, CardCopyRepository, ConversationGone, ConversationRepository } from '../../app/ports/store';
import { conversationSchema } from '../schemas/messaging-schemas';
import { readDocument, writeDocument } from '../schemas/stored-document';
import type { SqliteDatabase } from './sqlite-connection';
import { parsedCache } from '../parsed-cache';
import type { StoredConversation } from '../../app/ports/conversations';

/** Conversation references by key; the latest one Teams gave wins, and saving one makes the conversation active again. */
export function sqliteConversationRepository(db: SqliteDatabase): ConversationRepository {
  const upsert = db.prepare<[string, string, string]>(
    'INSERT INTO conversations (key, updated_at, doc) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET updated_at = excluded.updated_at, doc = excluded.doc',
  );
  const byKey = db.prepare<[string], { key: string; doc: string }>('SELECT key, doc FROM conversations WHERE key = ?');
  // Read on every turn and for every card's refresh list; parsed again only when the stored text changed.
  const parsed = parsedCache<StoredConversation>();
  return {
    async save(conversation) {
      upsert.run(
        conversation.key,
        conversation.updatedAt,
        writeDocument(conversationSchema, `conversation ${conversation.key}`, conversation),
      );
    },
    async get(key) {
      const row = byKey.get(key);
      return row
        ? parsed.read(row.key, row.doc, () => readDocument(conversationSchema, 'conversations', row.key, row.doc))
        : null;
    },
  };
}

/** Marks conversations inactive; called inside the transaction of the delivery outcome that found them gone. */
export type ConversationDeactivator = (gone: readonly ConversationGone[]) => void;

/** The statement that marks a conversation inactive, unless a fresher reference was saved after the one the send used. */
export function sqliteConversationDeactivator(db: SqliteDatabase): ConversationDeactivator {
  const deactivate = db.prepare<{ key: string; seen: string; at: string; reason: string }>(
    `UPDATE conversations SET doc = json_set(doc, '$.inactiveSince', @at, '$.inactiveReason', @reason)
     WHERE key = @key AND updated_at = @seen AND json_extract(doc, '$.inactiveSince') IS NULL`,
  );
  return (gone) => {
    for (const g of gone) deactivate.run({ key: g.key, seen: g.seenUpdatedAt, at: g.since, reason: g.reason });
  };
}

/** Adds card copies; inside the transaction that marks the post that made them sent. */
export type CardCopyWriter = (copies: readonly CardCopy[]) => void;

export function sqliteCardCopyWriter(db: SqliteDatabase): CardCopyWriter {
  const insert = db.prepare<[string, string, string, string | null]>(
    'INSERT INTO card_copies (application_id, conversation_key, activity_id, viewer) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  return (copies) => {
    for (const c of copies) insert.run(c.applicationId, c.conversationKey, c.activityId, c.viewer);
  };
}

/** Where each copy of an application's card was posted, so all of them can be updated. */
export function sqliteCardCopyRepository(db: SqliteDatabase): CardCopyRepository {
  const insert = sqliteCardCopyWriter(db);
  const byApplication = db.prepare<
    [string],
    { application_id: string; conversation_key: string; activity_id: string; viewer: string | null }
  >(
    'SELECT application_id, conversation_key, activity_id, viewer FROM card_copies WHERE application_id = ? ORDER BY rowid',
  );
  return {
    async add(copy) {
      insert([copy]);
    },
    async list(applicationId) {
      return byApplication.all(applicationId).map((r) => ({
        applicationId: r.application_id,
        conversationKey: r.conversation_key,
        activityId: r.activity_id,
        viewer: r.viewer,
      }));
    },
  };
}
