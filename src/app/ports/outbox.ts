import type { NoticeKey } from './notice-keys';
import type { CardCopy } from './conversations';

/** Who a message goes to: a person (their 1:1 chat with the bot) or a bound channel ("ops", "support", "unit:<id>"). */
export type Recipient = { kind: 'person'; id: string } | { kind: 'channel'; channel: string };

/**
 * A message decided by a use case, written in the same commit as the decision and delivered after it.
 * Cards are rendered at delivery from the application as it then is, so a late delivery is never stale.
 */
export type OutboxMessage = CardMessage | RefreshMessage | TextMessage;

/** Post the application's card to someone (a person sees it as their role allows, a channel the notice). */
export interface CardMessage extends OutboxHeader {
  kind: 'card';
  applicationId: string;
  to: Recipient;
}

/** Update every copy of the application's card already posted. */
export interface RefreshMessage extends OutboxHeader {
  kind: 'refresh';
  applicationId: string;
}

/** A short notice in words: a key of the string table and its parameters. */
export interface TextMessage extends OutboxHeader {
  kind: 'text';
  applicationId: string | null;
  to: Recipient;
  key: NoticeKey;
  params: Record<string, string | number>;
}

export interface OutboxHeader {
  /** The idempotency key: the same message decided twice is written once and sent once. */
  id: string;
  createdAt: string;
  /** A reminder meant for people is held until working hours (nothing nudges at night or on holidays). */
  notBefore?: string;
}

/**
 * A message claimed for delivery under a lease. `attempts` counts its tries so far: sends that began
 * (a claim that ended before its send, in a deferral or with its process, is no try); this one is the next.
 */
export interface ClaimedMessage {
  message: OutboxMessage;
  /** The conversation it goes to ("person:…" / "channel:…"); null for a refresh, which goes to every copy. */
  conversationKey: string | null;
  attempts: number;
}

/** Teams refused a conversation for good: it is marked inactive, unless a fresher reference was saved since `seenUpdatedAt`. */
export interface ConversationGone {
  key: string;
  seenUpdatedAt: string;
  /** Teams' word for it, e.g. MessageWritesBlocked, BotNotInConversationRoster, NotFound. */
  reason: string;
  since: string;
}

/** What a delivery outcome writes in the same commit as the message's new state. */
export interface DeliveryEffects {
  /** Copies a card post created (kept with the message marked sent, so a sent card is never posted again). */
  copies?: CardCopy[];
  /** Messages it causes, e.g. telling ops about a dead letter. */
  outbox?: OutboxMessage[];
  inactivate?: ConversationGone[];
}

/** The outbox's backlog as a readiness probe or a gauge reads it. */
export interface OutboxWaiting {
  count: number;
  /** When the oldest waiting message was decided (its `createdAt`); null when nothing waits. */
  oldestCreatedAt: string | null;
}

/** One outbox row as ops would read it. */
export interface OutboxEntry {
  message: OutboxMessage;
  status: 'pending' | 'sent' | 'dead';
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  nextAttemptAt: string | null;
}

/**
 * The outbox as the delivery worker uses it. Claims are leases taken with one conditional write, so
 * two processes never hold the same message, and every later change is made only by the lease owner
 * (it returns false when the lease was lost).
 */
export interface OutboxRepository {
  /** Messages not yet delivered (nor dead), oldest first. */
  pending(limit: number): Promise<OutboxMessage[]>;
  /**
   * Claims up to `limit` messages that may go now, oldest first, leased to `owner` until `leaseUntil`.
   * A message may go when its `notBefore` and retry time have passed, its conversation exists and is
   * active (a card to a channel excepted: unbound, it goes to support's handlers or to nobody), and no
   * earlier message to the same conversation is waiting for a retry or leased by someone else.
   */
  claim(now: Date, limit: number, owner: string, leaseUntil: Date): Promise<ClaimedMessage[]>;
  /**
   * Extends a lease just before a send and records `tries` (this try's number) as the message's tries: a send
   * that begins counts, even if its process ends before the outcome. False when the lease was lost, and then
   * the message must not be sent.
   */
  renew(id: string, owner: string, now: Date, leaseUntil: Date, tries: number): Promise<boolean>;
  markSent(id: string, owner: string, at: Date, effects?: DeliveryEffects): Promise<boolean>;
  /** A failed try, the `tries`-th: the message stays pending and is tried again from `retryAt`. */
  retry(
    id: string,
    owner: string,
    failed: { error: string; retryAt: Date; tries: number },
    effects?: DeliveryEffects,
  ): Promise<boolean>;
  /**
   * Not tried now (the conversation's rate limit, nobody to send to yet, a refresh whose other copies wait for
   * their slot): released, again from `until` (null: at once), its tries back at `tries`, what they were at
   * the claim. A deferral uses no try, even when a send of it began and went.
   */
  defer(
    id: string,
    owner: string,
    released: { until: Date | null; tries: number },
    effects?: DeliveryEffects,
  ): Promise<boolean>;
  /** Gives up on a message for good at `at` after `tries` tries: it stays as a dead letter with its error; never silently dropped. */
  markDead(
    id: string,
    owner: string,
    failed: { error: string; at: Date; tries: number },
    effects?: DeliveryEffects,
  ): Promise<boolean>;
  /** Replaces a claimed message by others (support's card, one per handler), closing it as sent. */
  replace(id: string, owner: string, at: Date, messages: OutboxMessage[]): Promise<boolean>;
  /**
   * How many messages are still to go, and the earliest moment, `now` at the soonest, at which one of
   * them may go (after a retry delay, a quiet-hours hold, a lease; never for a chat not yet opened);
   * null when none can go until something else happens.
   */
  backlog(now: Date): Promise<{ pending: number; nextDue: Date | null }>;
  /**
   * What waits to be delivered (neither sent nor dead), however long: how many, and when the oldest of them
   * was decided (null when none waits). Cheaper than `backlog`: it asks nothing of conversations or holds.
   */
  waiting(): Promise<OutboxWaiting>;
  /** How many messages were given up on (dead letters) at or after `since`. */
  deadSince(since: Date): Promise<number>;
  get(id: string): Promise<OutboxEntry | null>;
}
