import { z } from 'zod';
import type {
  CardCopy,
  CardCopyRepository,
  ConversationGone,
  ConversationRepository,
  StoredConversation,
} from '../../app/ports/store';
import { conversationSchema } from '../schemas/messaging-schemas';
import { checkDocument, parseDocument } from '../schemas/stored-document';
import { retryOnConflict, type CosmosContext } from './cosmos-context';
import type { Item } from './cosmos-io';
import { conversationPartition, ITEM_IDS } from './item-keys';

const conversationItemSchema = z.object({ body: conversationSchema, _etag: z.string() });
const copyItemSchema = z.object({
  seq: z.string(),
  body: z.object({
    applicationId: z.string(),
    conversationKey: z.string(),
    activityId: z.string(),
    viewer: z.string().nullable(),
  }),
});

/** A stored conversation with its ETag, or null. */
export async function readConversation(ctx: CosmosContext, operation: string, key: string) {
  const raw = await ctx.io.read(operation, conversationPartition(key), ITEM_IDS.conversation);
  return raw === null ? null : parseDocument(conversationItemSchema, 'conversations', key, raw);
}

const conversationItem = (conversation: StoredConversation): Item => ({
  id: ITEM_IDS.conversation,
  pk: conversationPartition(conversation.key),
  type: 'conversation',
  body: checkDocument(conversationSchema, `conversation ${conversation.key}`, conversation),
});

/** Conversation references, each in its own partition by key (point reads only); the latest saved wins and makes it active. */
export function cosmosConversationRepository(ctx: CosmosContext): ConversationRepository {
  return {
    async save(conversation) {
      await ctx.io.upsert('conversations.save', conversationItem(conversation));
    },
    async get(key) {
      return (await readConversation(ctx, 'conversations.get', key))?.body ?? null;
    },
  };
}

/**
 * Marks conversations inactive, each unless a fresher reference was saved after the one the send used
 * (a conditional replace on the reference that was read, so a concurrent save always wins).
 */
export async function deactivateConversations(
  ctx: CosmosContext,
  operation: string,
  gone: readonly ConversationGone[],
): Promise<void> {
  for (const g of gone) {
    await retryOnConflict(`marking ${g.key} inactive`, async () => {
      const item = await readConversation(ctx, operation, g.key);
      if (!item || item.body.updatedAt !== g.seenUpdatedAt || item.body.inactiveSince) return true;
      const marked = conversationItem({ ...item.body, inactiveSince: g.since, inactiveReason: g.reason });
      return (await ctx.io.replace(operation, marked, item._etag)) ? true : undefined;
    });
  }
}

/** A card copy's item, in its application's partition (cards of an application are listed from there). */
export const copyItem = (copy: CardCopy, seq: string): Item => ({
  id: ITEM_IDS.copy(copy.conversationKey, copy.activityId),
  pk: copy.applicationId,
  type: 'copy',
  seq,
  body: {
    applicationId: copy.applicationId,
    conversationKey: copy.conversationKey,
    activityId: copy.activityId,
    viewer: copy.viewer,
  },
});

/** Where each copy of an application's card was posted; listed with one query inside the application's partition. */
export function cosmosCardCopyRepository(ctx: CosmosContext): CardCopyRepository {
  return {
    async add(copy) {
      // A copy already recorded stays as it was (and keeps its place in the order).
      await ctx.io.create('cardCopies.add', copyItem(copy, ctx.nextSeq()));
    },
    async list(applicationId) {
      const raw = await ctx.io.inPartition('cardCopies.list', applicationId, 'c.type = "copy"');
      return raw
        .map((item, i) => parseDocument(copyItemSchema, 'card_copies', `${applicationId} #${i}`, item))
        .sort((a, b) => a.seq.localeCompare(b.seq))
        .map((item) => item.body);
    },
  };
}
