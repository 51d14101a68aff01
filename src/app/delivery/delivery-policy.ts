import type { RateWindow } from '../records/pace-record';

export type { RateWindow };

/** How the outbox is delivered: retries, leases and Teams' per-conversation limits. */
export interface DeliveryPolicy {
  /** Tries before a message that keeps failing is dead-lettered (and ops told). */
  maxAttempts: number;
  /** The first retry waits about this long, each next one twice as long (with jitter), up to `maxRetryDelayMs`. */
  baseRetryDelayMs: number;
  maxRetryDelayMs: number;
  /** A Retry-After longer than this is cut to it, so one odd header cannot park a message for days. */
  maxRetryAfterMs: number;
  /** A send that has not answered by then is abandoned (and retried). */
  sendTimeoutMs: number;
  /** How long a claim holds a message before another process may take it. */
  leaseMs: number;
  /** Operations per conversation (posts and updates alike), as Teams limits each bot in each thread. */
  rateWindows: readonly RateWindow[];
  /** A conversation's next free slot further away than this is not waited for: the message is deferred. */
  maxPaceWaitMs: number;
  /** Conversations served at once by one process. */
  parallelConversations: number;
  /**
   * Sends (posts and updates, to every conversation together) one process starts in any second, counting
   * those still under way: the process-wide cap that keeps the app under Teams' per-app rate.
   */
  maxSendsPerSecond: number;
}

/**
 * The defaults. Teams documents these per-bot, per-thread limits for sending to a conversation:
 * 7 in 1 s, 8 in 2 s, 60 in 30 s, 1800 in an hour; and, for all of an app's requests in a tenant,
 * 50 a second. A process sends at most 20 a second, so two instances stay under 50 with room for the
 * bot's answers within turns (which count too); more instances need less each. Eight tries back off 5, 10, 20 … 320 s (halved
 * at random), so a message is dead-lettered after roughly 5 to 10 minutes of failures.
 */
export const DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 8,
  baseRetryDelayMs: 5_000,
  maxRetryDelayMs: 10 * 60_000,
  maxRetryAfterMs: 60 * 60_000,
  sendTimeoutMs: 15_000,
  leaseMs: 60_000,
  rateWindows: [
    { limit: 7, ms: 1_000 },
    { limit: 8, ms: 2_000 },
    { limit: 60, ms: 30_000 },
    { limit: 1_800, ms: 3_600_000 },
  ],
  maxPaceWaitMs: 2_000,
  parallelConversations: 8,
  maxSendsPerSecond: 20,
};

/**
 * Why Teams did not take a message, as the messenger classifies it. An expected failure is a value:
 * - `retryable`: throttled (429), precondition failed (412), server trouble (5xx), a timeout, the
 *   network, or something unexpected; tried again later, honouring `retryAfterMs` when Teams gave one;
 * - `conversation_gone`: the bot may no longer write there (403: blocked, uninstalled, removed,
 *   MessageWritesBlocked; 404 on a post): the conversation is marked inactive;
 * - `rejected`: Teams refused this message itself (400, 413, …): dead-lettered at once;
 * - `copy_gone`: the card to update no longer exists (deleted); nothing to do.
 */
export type DeliveryFailure =
  | {
      code: 'retryable';
      why: 'throttled' | 'precondition_failed' | 'server_error' | 'timeout' | 'network' | 'unexpected';
      status: number | null;
      retryAfterMs: number | null;
      detail: string;
    }
  | { code: 'conversation_gone'; reason: string; status: number; detail: string }
  | { code: 'rejected'; status: number | null; detail: string }
  | { code: 'copy_gone'; status: number; detail: string };

/**
 * How long to wait before try number `attempt + 1` after a retryable failure: exponential backoff
 * with equal jitter (half fixed, half random, so retries spread out but never come at once), and
 * never sooner than Teams' Retry-After.
 */
export function retryDelayMs(
  policy: DeliveryPolicy,
  attempt: number,
  retryAfterMs: number | null,
  random: () => number,
): number {
  const ceiling = Math.min(policy.maxRetryDelayMs, policy.baseRetryDelayMs * 2 ** Math.max(0, attempt - 1));
  const backoff = ceiling / 2 + random() * (ceiling / 2);
  return Math.round(Math.max(backoff, Math.min(retryAfterMs ?? 0, policy.maxRetryAfterMs)));
}

/** One line for the outbox's last_error and the ops notice. */
export function describeFailure(failure: DeliveryFailure): string {
  const status = failure.status === null ? '' : `HTTP ${failure.status} `;
  const what =
    failure.code === 'retryable' ? failure.why : failure.code === 'conversation_gone' ? failure.reason : failure.code;
  return `${status}${what}: ${failure.detail}`.slice(0, 500);
}
