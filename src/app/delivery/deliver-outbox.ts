import { addMs } from '../../domain/local-date';
import type { ClaimedMessage, DeliveryEffects } from '../ports/store';
import { conversationPacer, realTimer, type Timer } from './conversation-pacer';
import { sendCap } from './send-cap';
import { deliverMessage, goneNotice, type DeliveryDeps, type DeliveryWorker, type Outcome } from './deliver-message';
import { isDeliveryNotice, opsDeliveryNotice, recipientName } from './delivery-notices';
import { DELIVERY_POLICY, describeFailure, retryDelayMs, type DeliveryPolicy } from './delivery-policy';

export type { Messenger } from './messenger';
export type { DeliveryEvent, DeliveryWorker } from './deliver-message';

export interface DeliveryReport {
  sent: number;
  /** Messages still to go after this run: retrying, waiting for a chat, a rate slot or working hours. */
  waiting: number;
  /** The earliest moment one of them may go (a retry, a quiet-hours hold, a lease); null when none can until something else happens. */
  nextDue: Date | null;
}

/** A process's delivery worker; `owner` names it in leases and must differ between processes. */
export function deliveryWorker(options: {
  owner: string;
  policy?: Partial<DeliveryPolicy>;
  timer?: Timer;
  random?: () => number;
  onEvent?: DeliveryWorker['onEvent'];
}): DeliveryWorker {
  const policy = { ...DELIVERY_POLICY, ...options.policy };
  const timer = options.timer ?? realTimer;
  return {
    owner: options.owner,
    policy,
    pacer: conversationPacer(policy.rateWindows, timer),
    cap: sendCap(policy.maxSendsPerSecond, 1_000, timer),
    timer,
    random: options.random ?? Math.random,
    onEvent: options.onEvent ?? (() => undefined),
  };
}

// Enough rounds to drain a backlog a few batches deep in one run, few enough that one run ends.
const MAX_ROUNDS = 10;

/**
 * Sends what the outbox holds. Messages are claimed under a lease (so two processes never send the
 * same one), each conversation's in order, one conversation's at a time and within Teams' rate limits,
 * several conversations at once. A failure that may pass is retried with backoff, honouring
 * Retry-After, and later messages to that conversation wait for it; one that cannot pass is a dead
 * letter, ops is told, and a conversation Teams refuses for good is marked inactive. Nothing is dropped.
 */
export async function deliverOutbox(
  deps: DeliveryDeps & { worker?: DeliveryWorker },
  limit = 100,
): Promise<DeliveryReport> {
  // A run without a worker of its own (a one-off tick) leases under a name of its own.
  const worker = deps.worker ?? deliveryWorker({ owner: `delivery-${deps.newId()}` });
  let sent = 0;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const now = deps.clock.now();
    const claimed = await deps.store.outbox.claim(now, limit, worker.owner, addMs(now, worker.policy.leaseMs));
    if (claimed.length === 0) break;
    const tally = { sent: 0, replaced: 0 };
    await inParallel(lanesOf(claimed), worker.policy.parallelConversations, (lane) =>
      deliverLane(deps, worker, lane, tally),
    );
    sent += tally.sent;
    // Another round when this one was full, or split a message into new ones that may go now.
    if (claimed.length < limit && tally.replaced === 0) break;
  }
  const { pending, nextDue } = await deps.store.outbox.backlog(deps.clock.now());
  return { sent, waiting: pending, nextDue };
}

/** Claimed messages by conversation, each lane in order; a refresh is a lane of its own. */
function lanesOf(claimed: ClaimedMessage[]): ClaimedMessage[][] {
  const lanes = new Map<string, ClaimedMessage[]>();
  for (const c of claimed) {
    const key = c.conversationKey ?? `message:${c.message.id}`;
    lanes.set(key, [...(lanes.get(key) ?? []), c]);
  }
  return [...lanes.values()];
}

async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runner = async (): Promise<void> => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, runner));
}

/** One conversation's messages in order; when one must wait, the ones behind it are released to wait too. */
async function deliverLane(
  deps: DeliveryDeps,
  worker: DeliveryWorker,
  lane: ClaimedMessage[],
  tally: { sent: number; replaced: number },
): Promise<void> {
  for (const [i, claimed] of lane.entries()) {
    const goOn = await settle(deps, worker, claimed, await triedOnce(deps, worker, claimed), tally);
    if (!goOn) {
      for (const rest of lane.slice(i + 1))
        await deps.store.outbox.defer(rest.message.id, worker.owner, { until: null, tries: rest.attempts });
      return;
    }
  }
}

/**
 * One try of a message. One that throws (a card that cannot be rendered, say) is a failed try like a refused
 * send, so a message that can never go is dead-lettered after its tries instead of holding its chat forever.
 */
async function triedOnce(deps: DeliveryDeps, worker: DeliveryWorker, claimed: ClaimedMessage): Promise<Outcome> {
  try {
    return await deliverMessage(deps, worker, claimed);
  } catch (error) {
    return {
      kind: 'failed',
      failure: {
        code: 'retryable',
        why: 'unexpected',
        status: null,
        retryAfterMs: null,
        detail: error instanceof Error ? error.message : String(error),
      },
      recipients: claimed.conversationKey ? [claimed.conversationKey] : [],
      conversation: null,
    };
  }
}

/** Records an outcome (only while this worker holds the lease); says whether the conversation's next message may go. */
async function settle(
  deps: DeliveryDeps,
  worker: DeliveryWorker,
  claimed: ClaimedMessage,
  outcome: Outcome,
  tally: { sent: number; replaced: number },
): Promise<boolean> {
  const { outbox } = deps.store;
  const { id } = claimed.message;
  const now = deps.clock.now();
  switch (outcome.kind) {
    case 'sent':
      if (!recorded(worker, id, await outbox.markSent(id, worker.owner, now, outcome.effects), outcome.effects))
        return false;
      tally.sent += 1;
      return true;
    case 'replaced':
      if (!recorded(worker, id, await outbox.replace(id, worker.owner, now, outcome.messages))) return false;
      tally.replaced += 1;
      return true;
    case 'deferred':
      // A refresh may have updated some copies before the others had to wait: no try is used all the same (five
      // such waits dead-lettered refreshes Teams never refused, in the 200-plan fault run).
      recorded(
        worker,
        id,
        await outbox.defer(id, worker.owner, { until: outcome.until, tries: claimed.attempts }, outcome.effects),
        outcome.effects,
      );
      return false;
    case 'lease_lost':
      // Lost before its send began (the lease ran out while it waited behind its conversation's earlier sends):
      // no try happened, so it is given back — unless another process has claimed the message since, which
      // then holds it.
      await outbox.defer(id, worker.owner, { until: null, tries: claimed.attempts });
      return recorded(worker, id, false);
    case 'failed':
      return settleFailure(deps, worker, claimed, outcome, now);
  }
}

/** Tells the log what a recorded outcome changed, or that the lease was lost before it could be recorded. */
function recorded(worker: DeliveryWorker, id: string, done: boolean, effects: DeliveryEffects = {}): boolean {
  if (!done) worker.onEvent({ kind: 'lease_lost', id });
  else
    for (const g of effects.inactivate ?? [])
      worker.onEvent({ kind: 'inactive', conversation: g.key, reason: g.reason });
  return done;
}

async function settleFailure(
  deps: DeliveryDeps,
  worker: DeliveryWorker,
  claimed: ClaimedMessage,
  outcome: Extract<Outcome, { kind: 'failed' }>,
  now: Date,
): Promise<boolean> {
  const { failure } = outcome;
  const m = claimed.message;
  const error = describeFailure(failure);
  // This try's number: it counts whether or not its send began (a message that fails before it must end too).
  const tries = outcome.exhausted ? claimed.attempts : claimed.attempts + 1;
  if (failure.code === 'retryable' && tries < worker.policy.maxAttempts) {
    const retryAt = addMs(now, retryDelayMs(worker.policy, tries, failure.retryAfterMs, worker.random));
    if (
      recorded(
        worker,
        m.id,
        await deps.store.outbox.retry(m.id, worker.owner, { error, retryAt, tries }, outcome.effects),
        outcome.effects,
      )
    ) {
      worker.onEvent({ kind: 'retry', id: m.id, attempt: tries, retryAt, failure });
    }
    return false;
  }
  const effects = outcome.effects ?? {};
  const to = outcome.conversation;
  const gone = failure.code === 'conversation_gone' && to;
  const tellOps = !isDeliveryNotice(m);
  const directory = tellOps ? await deps.store.directory.get() : null;
  // Empty when nobody could be named: the words say so.
  const recipient = outcome.recipients.map((key) => recipientName(directory, key)).join(', ');
  const notice = !tellOps
    ? []
    : gone
      ? [await goneNotice(deps, m, to.key, failure.reason, now)]
      : failure.code === 'retryable'
        ? [opsDeliveryNotice('ops.delivery_failed', m, now, { recipient, attempts: tries, error })]
        : [opsDeliveryNotice('ops.delivery_rejected', m, now, { recipient, error })];
  const inactivate = gone
    ? [{ key: to.key, seenUpdatedAt: to.updatedAt, reason: failure.reason, since: now.toISOString() }]
    : [];
  const all: DeliveryEffects = {
    ...effects,
    outbox: [...(effects.outbox ?? []), ...notice],
    inactivate: [...(effects.inactivate ?? []), ...inactivate],
  };
  const dead = recorded(
    worker,
    m.id,
    await deps.store.outbox.markDead(m.id, worker.owner, { error, at: now, tries }, all),
    all,
  );
  if (dead) worker.onEvent({ kind: 'dead', id: m.id, attempts: tries, failure, opsTold: notice.length > 0 });
  // The conversation's later messages wait for it to be active again; after any other dead letter they go on.
  return dead && !gone;
}
