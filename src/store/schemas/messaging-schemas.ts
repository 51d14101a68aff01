import { z } from 'zod';
import { NOTICE_KEYS } from '../../app/ports/notice-keys';
import type { OutboxMessage, StoredConversation } from '../../app/ports/store';
import { exactSchema } from './exact-schema';

const recipientSchema = z.union([
  z.object({ kind: z.literal('person'), id: z.string().min(1) }),
  z.object({ kind: z.literal('channel'), channel: z.string().min(1) }),
]);

const header = { id: z.string(), createdAt: z.string(), notBefore: z.string().optional() };

/** An outbox message as every store keeps it (SQLite's `outbox.doc`, the Cosmos DB item's `body`). */
export const outboxMessageSchema = exactSchema<OutboxMessage>()(
  z.union([
    z.object({ ...header, kind: z.literal('card'), applicationId: z.string(), to: recipientSchema }),
    z.object({ ...header, kind: z.literal('refresh'), applicationId: z.string() }),
    z.object({
      ...header,
      kind: z.literal('text'),
      applicationId: z.string().nullable(),
      to: recipientSchema,
      key: z.enum(NOTICE_KEYS),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
    }),
  ]),
);

/** A stored conversation reference as every store keeps it. */
export const conversationSchema = exactSchema<StoredConversation>()(
  z.object({
    key: z.string().min(1),
    reference: z.record(z.string(), z.unknown()),
    userMri: z.string().nullable(),
    locale: z.string().nullable(),
    updatedAt: z.string(),
    inactiveSince: z.string().nullable().optional(),
    inactiveReason: z.string().nullable().optional(),
  }),
);
