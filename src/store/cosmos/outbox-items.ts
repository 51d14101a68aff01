import { z } from 'zod';
import { channelKey, personKey } from '../../app/ports/conversation-keys';
import type { OutboxMessage } from '../../app/ports/store';
import { outboxMessageSchema } from '../schemas/messaging-schemas';
import { checkDocument, parseDocument } from '../schemas/stored-document';
import { itemKey } from './cosmos-context';
import type { Item } from './cosmos-io';
import { ITEM_IDS } from './item-keys';

/**
 * An outbox message with its delivery state. `pendingSeq` is there only while the message is pending:
 * it is the delivery's index (pending messages in the order they were decided), as large as the backlog.
 */
const outboxItemSchema = z.object({
  id: z.string(),
  pk: z.string(),
  type: z.literal('outbox'),
  messageId: z.string(),
  seq: z.string(),
  pendingSeq: z.string().optional(),
  status: z.enum(['pending', 'sent', 'dead']),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  deadAt: z.string().nullable(),
  /** Instants in one form (UTC, milliseconds), so they compare as text. */
  notBefore: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  conversationKey: z.string().nullable(),
  leaseOwner: z.string().nullable(),
  leaseUntil: z.string().nullable(),
  body: outboxMessageSchema,
  _etag: z.string(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

/** The conversation a message goes to; a refresh goes to every copy of its card, so to none in particular. */
export const conversationKeyOf = (m: OutboxMessage): string | null =>
  m.kind === 'refresh' ? null : m.to.kind === 'person' ? personKey(m.to.id) : channelKey(m.to.channel);

/** A new pending message, kept in partition `pk`: the partition of the write that decided it. */
export function newOutboxItem(message: OutboxMessage, pk: string, seq: string): Item {
  const body = checkDocument(outboxMessageSchema, `outbox ${message.id}`, message);
  return {
    id: ITEM_IDS.outbox(message.id),
    pk,
    type: 'outbox',
    messageId: message.id,
    seq,
    pendingSeq: seq,
    status: 'pending',
    attempts: 0,
    lastError: null,
    sentAt: null,
    deadAt: null,
    notBefore: message.notBefore ? new Date(message.notBefore).toISOString() : null,
    nextAttemptAt: null,
    conversationKey: conversationKeyOf(message),
    leaseOwner: null,
    leaseUntil: null,
    body,
  };
}

/** The create operations for messages decided in a write to partition `pk`, in their order. */
export const outboxCreates = (messages: readonly OutboxMessage[], pk: string, nextSeq: () => string) =>
  messages.map((m) => ({ op: 'create' as const, item: newOutboxItem(m, pk, nextSeq()) }));

export const parseOutboxItem = (raw: unknown, key: string): OutboxItem =>
  parseDocument(outboxItemSchema, 'outbox', itemKey(raw, key), raw);

/** The item as it is written again with changed state; a message that is no longer pending leaves the delivery's index. */
export function outboxWrite(item: OutboxItem, changes: Partial<OutboxItem>): Item {
  const { _etag: _ignored, pendingSeq: _pending, ...rest } = { ...item, ...changes };
  return rest.status === 'pending' ? { ...rest, pendingSeq: rest.seq } : rest;
}
