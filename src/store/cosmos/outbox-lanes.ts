import type { CosmosContext } from './cosmos-context';
import { readConversation } from './conversation-repository';
import type { OutboxItem } from './outbox-items';

/**
 * The rules of the delivery's order, over pending messages read in the order they were decided:
 * a held message (quiet hours) waits without holding back the ones after it; one waiting for a retry
 * or leased by someone holds back its conversation's later messages. Instants compare as UTC text.
 */
export const isHeld = (item: OutboxItem, now: string): boolean => item.notBefore !== null && item.notBefore > now;

export const isWaiting = (item: OutboxItem, now: string): boolean =>
  (item.nextAttemptAt !== null && item.nextAttemptAt > now) || (item.leaseUntil !== null && item.leaseUntil > now);

/** When a message may go: not before now, its hold, its retry time, nor the end of a lease on it. */
export const mayGoAt = (item: OutboxItem, now: string): string =>
  [now, item.notBefore, item.nextAttemptAt, item.leaseUntil].reduce<string>(
    (latest, t) => (t !== null && t > latest ? t : latest),
    now,
  );

/**
 * Whether a message's conversation can take it, asked once per conversation in one claim or backlog:
 * it exists and is active, or it is a channel not bound yet (the worker sends support's card to the
 * handlers and drops other notices: nobody to tell). A refresh goes to every copy, so to no one in particular.
 */
export function conversationReadiness(ctx: CosmosContext, operation: string): (key: string | null) => Promise<boolean> {
  const known = new Map<string, boolean>();
  return async (key) => {
    if (key === null) return true;
    const cached = known.get(key);
    if (cached !== undefined) return cached;
    const conversation = await readConversation(ctx, operation, key);
    const ready = conversation ? !conversation.body.inactiveSince : key.startsWith('channel:');
    known.set(key, ready);
    return ready;
  };
}
