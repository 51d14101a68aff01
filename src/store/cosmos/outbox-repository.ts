import type { ClaimedMessage, DeliveryEffects, OutboxMessage, OutboxRepository } from '../../app/ports/store';
import { retryOnConflict, type CosmosContext } from './cosmos-context';
import type { BatchOp } from './cosmos-io';
import { copyItem, deactivateConversations } from './conversation-repository';
import { ITEM_IDS } from './item-keys';
import { itemLocator } from './item-locator';
import { parseOutboxItem, outboxCreates, outboxWrite, type OutboxItem } from './outbox-items';
import { conversationReadiness, isHeld, isWaiting, mayGoAt } from './outbox-lanes';

/** Pending messages across partitions in the order they were decided, from the index on `pendingSeq`. */
const PENDING = { query: 'SELECT * FROM c WHERE IS_DEFINED(c.pendingSeq) ORDER BY c.pendingSeq' };
/** The same index, reading only when each was decided (a projection needs no index of its own). */
const PENDING_SINCE = {
  query: 'SELECT VALUE c.body.createdAt FROM c WHERE IS_DEFINED(c.pendingSeq) ORDER BY c.pendingSeq',
};
/**
 * Dead letters by the indexed `type` and `status`; when each died is filtered here, since `deadAt` is not
 * indexed (dead letters are few: each is one ops was told of).
 */
const DEAD_AT = { query: "SELECT VALUE c.deadAt FROM c WHERE c.type = 'outbox' AND c.status = 'dead'" };

/**
 * The outbox under leases. A claim reads pending messages in order (across partitions: the delivery
 * worker's query, never the approval path's) and takes each with a replace conditional on the ETag it
 * read, so two instances never hold one message; losing one holds back the rest of its conversation.
 * Every outcome is written only by the lease owner, again on the ETag, in one batch with the messages
 * it causes (kept in the same partition) and the card copies of that partition's application.
 */
export function cosmosOutboxRepository(ctx: CosmosContext): OutboxRepository {
  const locate = itemLocator(ctx, 'outbox', 'messageId');
  const readItem = (operation: string, id: string): Promise<OutboxItem | null> =>
    locate.read(operation, id, ITEM_IDS.outbox, parseOutboxItem);

  /**
   * Applies the owner's outcome with its effects. Copies of another application's card and inactive
   * conversations live in other partitions: they are written first, as the facts they are (the post
   * was made, Teams refused), once the lease is seen to be held; the rest commits in one batch.
   */
  async function settle(
    operation: string,
    id: string,
    owner: string,
    change: (item: OutboxItem) => Partial<OutboxItem>,
    effects: DeliveryEffects = {},
  ): Promise<boolean> {
    const skip = new Set<string>();
    let factsWritten = false;
    return retryOnConflict(`${operation} ${id}`, async () => {
      const item = await readItem(operation, id);
      if (!item || item.leaseOwner !== owner || item.status !== 'pending') return false;
      const copies = (effects.copies ?? []).map((c) => copyItem(c, ctx.nextSeq()));
      if (!factsWritten) {
        for (const copy of copies.filter((c) => c.pk !== item.pk)) await ctx.io.create(`${operation} copies`, copy);
        await deactivateConversations(ctx, `${operation} inactivate`, effects.inactivate ?? []);
        factsWritten = true;
      }
      const ops: BatchOp[] = [
        { op: 'replace', item: outboxWrite(item, change(item)), ifMatch: item._etag },
        ...copies.filter((c) => c.pk === item.pk && !skip.has(c.id)).map((c) => ({ op: 'create' as const, item: c })),
        ...outboxCreates(
          (effects.outbox ?? []).filter((m) => !skip.has(ITEM_IDS.outbox(m.id))),
          item.pk,
          ctx.nextSeq,
        ),
      ];
      const outcome = await ctx.io.batch(operation, item.pk, ops);
      if (outcome.ok) return true;
      // The message changed under us (the lease was lost, or renewed meanwhile): read it again and decide.
      if (outcome.index === 0 && (outcome.status === 412 || outcome.status === 404)) return undefined;
      // A copy or a message already there (a retried outcome) is kept as it is.
      const failed = ops[outcome.index];
      if (outcome.status === 409 && failed) {
        skip.add(failed.item.id);
        return undefined;
      }
      throw new Error(
        `Cosmos DB: ${operation} of ${id} failed with status ${outcome.status} at operation ${outcome.index}`,
      );
    });
  }

  return {
    async pending(limit) {
      const messages: OutboxMessage[] = [];
      for await (const page of ctx.io.pages('outbox.pending', PENDING, {
        pageSize: Math.max(1, Math.min(limit, 100)),
      })) {
        for (const raw of page) if (messages.length < limit) messages.push(parseOutboxItem(raw, 'pending').body);
        if (messages.length >= limit) break;
      }
      return messages;
    },
    async claim(now, limit, owner, leaseUntil) {
      const at = now.toISOString();
      const ready = conversationReadiness(ctx, 'outbox.claim');
      const heldBack = new Set<string>();
      const claimed: ClaimedMessage[] = [];
      if (limit <= 0) return claimed;
      for await (const page of ctx.io.pages('outbox.claim', PENDING)) {
        for (const raw of page) {
          const item = parseOutboxItem(raw, 'pending');
          const key = item.conversationKey;
          if ((key !== null && heldBack.has(key)) || isHeld(item, at)) continue;
          if (isWaiting(item, at)) {
            if (key !== null) heldBack.add(key);
            continue;
          }
          if (!(await ready(key))) continue;
          if (
            await ctx.io.replace(
              'outbox.claim',
              outboxWrite(item, { leaseOwner: owner, leaseUntil: leaseUntil.toISOString() }),
              item._etag,
            )
          ) {
            locate.remember(item.messageId, item.pk);
            claimed.push({ message: item.body, conversationKey: key, attempts: item.attempts });
            if (claimed.length >= limit) return claimed;
          } else if (key !== null) {
            // Someone else took it (or changed it) first: its conversation's later messages wait for them.
            heldBack.add(key);
          }
        }
      }
      return claimed;
    },
    async renew(id, owner, now, leaseUntil, tries) {
      return retryOnConflict(`outbox.renew ${id}`, async () => {
        const item = await readItem('outbox.renew', id);
        if (
          !item ||
          item.leaseOwner !== owner ||
          item.status !== 'pending' ||
          item.leaseUntil === null ||
          item.leaseUntil <= now.toISOString()
        )
          return false;
        return (await ctx.io.replace(
          'outbox.renew',
          // A send begins: its try counts from here, whatever becomes of the process.
          outboxWrite(item, { leaseUntil: leaseUntil.toISOString(), attempts: tries }),
          item._etag,
        ))
          ? true
          : undefined;
      });
    },
    async markSent(id, owner, at, effects) {
      return settle(
        'outbox.markSent',
        id,
        owner,
        () => ({ status: 'sent', sentAt: at.toISOString(), leaseUntil: null }),
        effects,
      );
    },
    async retry(id, owner, { error, retryAt, tries }, effects) {
      return settle(
        'outbox.retry',
        id,
        owner,
        () => ({
          attempts: tries,
          lastError: error,
          nextAttemptAt: retryAt.toISOString(),
          leaseOwner: null,
          leaseUntil: null,
        }),
        effects,
      );
    },
    async defer(id, owner, { until, tries }, effects) {
      return settle(
        'outbox.defer',
        id,
        owner,
        () => ({
          attempts: tries,
          nextAttemptAt: until?.toISOString() ?? null,
          leaseOwner: null,
          leaseUntil: null,
        }),
        effects,
      );
    },
    async markDead(id, owner, { error, at, tries }, effects) {
      return settle(
        'outbox.markDead',
        id,
        owner,
        () => ({
          status: 'dead',
          attempts: tries,
          deadAt: at.toISOString(),
          lastError: error,
          sentAt: null,
          nextAttemptAt: null,
          leaseUntil: null,
        }),
        effects,
      );
    },
    async replace(id, owner, at, messages) {
      return settle(
        'outbox.replace',
        id,
        owner,
        () => ({ status: 'sent', sentAt: at.toISOString(), leaseUntil: null }),
        { outbox: messages },
      );
    },
    async backlog(now) {
      const at = now.toISOString();
      const ready = conversationReadiness(ctx, 'outbox.backlog');
      // Per conversation only its first message that is not held counts (the later ones go after it), and the held ones before it.
      const passed = new Set<string>();
      let pending = 0;
      let next: string | null = null;
      for await (const page of ctx.io.pages('outbox.backlog', PENDING)) {
        for (const raw of page) {
          const item = parseOutboxItem(raw, 'pending');
          pending += 1;
          const key = item.conversationKey;
          if (key !== null && passed.has(key)) continue;
          if (key !== null && !isHeld(item, at)) passed.add(key);
          if (!(await ready(key))) continue;
          const due = mayGoAt(item, at);
          if (next === null || due < next) next = due;
        }
      }
      return { pending, nextDue: next === null ? null : new Date(next) };
    },
    async waiting() {
      let count = 0;
      let oldestCreatedAt: string | null = null;
      for await (const page of ctx.io.pages('outbox.waiting', PENDING_SINCE, { pageSize: 1000 })) {
        for (const createdAt of page) {
          count += 1;
          if (oldestCreatedAt === null && typeof createdAt === 'string') oldestCreatedAt = createdAt;
        }
      }
      return { count, oldestCreatedAt };
    },
    async deadSince(since) {
      const from = since.toISOString();
      const deadAt = await ctx.io.all('outbox.deadSince', DEAD_AT);
      return deadAt.filter((at) => typeof at === 'string' && at >= from).length;
    },
    async get(id) {
      const item = await readItem('outbox.get', id);
      if (!item) return null;
      return {
        message: item.body,
        status: item.status,
        attempts: item.attempts,
        lastError: item.lastError,
        sentAt: item.sentAt,
        nextAttemptAt: item.nextAttemptAt,
      };
    },
  };
}
