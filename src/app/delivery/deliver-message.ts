import { addMs, isMonth } from '../../domain/local-date';
import { reportFigures } from '../reporting/monthly-report';
import type {
  CardMessage,
  ClaimedMessage,
  ConversationGone,
  DeliveryEffects,
  OutboxMessage,
  RefreshMessage,
  StoredConversation,
  TextMessage,
} from '../ports/store';
import { cardModel, unitNameOf } from '../common/card-model';
import { channelKey, personKey } from '../ports/conversation-keys';
import type { ConversationPacer, Timer } from './conversation-pacer';
import { opsDeliveryNotice, recipientName } from './delivery-notices';
import type { DeliveryFailure, DeliveryPolicy } from './delivery-policy';
import type { ApprovalDeps } from '../common/deps';
import type { Messenger } from './messenger';
import { paced, type Paced } from './paced-send';
import type { SendCap } from './send-cap';

/** One process's delivery machinery, kept across runs (the pacer remembers what each conversation was sent). */
export interface DeliveryWorker {
  /** This process's name in leases. */
  owner: string;
  policy: DeliveryPolicy;
  pacer: ConversationPacer;
  /** The cap on all of this process's sends together. */
  cap: SendCap;
  /** Real time, for waiting on a slot another instance holds. */
  timer: Timer;
  /** Jitter for retry delays. */
  random: () => number;
  onEvent: (event: DeliveryEvent) => void;
}

/** What the log hears of: retries, dead letters, conversations found gone, leases lost. */
export type DeliveryEvent =
  | { kind: 'retry'; id: string; attempt: number; retryAt: Date; failure: DeliveryFailure }
  | { kind: 'dead'; id: string; attempts: number; failure: DeliveryFailure; opsTold: boolean }
  | { kind: 'inactive'; conversation: string; reason: string }
  | { kind: 'lease_lost'; id: string }
  /** A send's end could not be written to the store's shared pace: its slot counts until the send's deadline. */
  | { kind: 'pace_unrecorded'; conversation: string; detail: string };

export type DeliveryDeps = ApprovalDeps & { messenger: Messenger };

/** How one try of one claimed message ended. */
export type Outcome =
  | { kind: 'sent'; effects?: DeliveryEffects }
  | { kind: 'replaced'; messages: OutboxMessage[] }
  | { kind: 'deferred'; until: Date | null; effects?: DeliveryEffects }
  /** `recipients`: the conversations it failed in; `conversation`: the one a card or text was sent to. */
  | {
      kind: 'failed';
      failure: DeliveryFailure;
      recipients: string[];
      conversation: StoredConversation | null;
      effects?: DeliveryEffects;
      /** No try was made now: the message had used them all (the last ended without an outcome). */
      exhausted?: true;
    }
  | { kind: 'lease_lost' };

const sent = (effects?: DeliveryEffects): Outcome => ({ kind: 'sent', ...(effects ? { effects } : {}) });
const keyOf = (m: CardMessage | TextMessage): string =>
  m.to.kind === 'person' ? personKey(m.to.id) : channelKey(m.to.channel);

/** The outcome of a single send into one conversation. */
function outcomeOf<T>(
  result: Paced<T>,
  now: Date,
  key: string,
  to: StoredConversation,
  onDone: (value: T) => Outcome,
): Outcome {
  switch (result.kind) {
    case 'done':
      return onDone(result.value);
    case 'later':
      return { kind: 'deferred', until: addMs(now, result.ms) };
    case 'lost':
      return { kind: 'lease_lost' };
    case 'failed':
      return { kind: 'failed', failure: result.failure, recipients: [key], conversation: to };
  }
}

/** Nobody to write to yet (the conversation vanished or went inactive after the claim): try again later. */
const notYet = (deps: DeliveryDeps, worker: DeliveryWorker): Outcome => ({
  kind: 'deferred',
  until: addMs(deps.clock.now(), worker.policy.baseRetryDelayMs),
});

async function deliverText(
  deps: DeliveryDeps,
  worker: DeliveryWorker,
  claimed: ClaimedMessage,
  m: TextMessage,
): Promise<Outcome> {
  const key = keyOf(m);
  const to = await deps.store.conversations.get(key);
  if (!to && m.to.kind === 'channel') return toStandIns(deps, m, m.to.channel);
  if (!to || to.inactiveSince) return notYet(deps, worker);
  if (m.key === 'summary.report') return deliverReport(deps, worker, claimed, m, to);
  const params =
    typeof m.params.unit === 'string'
      ? { ...m.params, unitName: unitNameOf(await deps.store.directory.get(), m.params.unit) }
      : m.params;
  const result = await paced(deps, worker, claimed, key, () => deps.messenger.postText(to, m.key, params));
  return outcomeOf(result, deps.clock.now(), key, to, () => sent());
}

/**
 * The month's report to a person in ops, with figures as they stand when it goes out. Only a person's
 * chat gets it; one addressed otherwise, or naming no month, is dropped (it could only leak figures).
 */
async function deliverReport(
  deps: DeliveryDeps,
  worker: DeliveryWorker,
  claimed: ClaimedMessage,
  m: TextMessage,
  to: StoredConversation,
): Promise<Outcome> {
  const month = m.params.month;
  if (m.to.kind !== 'person' || typeof month !== 'string' || !isMonth(month)) return sent();
  const report = await reportFigures(deps, month);
  const result = await paced(deps, worker, claimed, keyOf(m), () => deps.messenger.postReport(to, report));
  return outcomeOf(result, deps.clock.now(), keyOf(m), to, () => sent());
}

/** Who stands in for a channel nobody has bound: its people's own chats (a unit's channel has no stand-in). */
const STAND_INS: Record<string, string> = { support: 'support_handler', ops: 'ops_head', auditors: 'auditor' };

/**
 * A card or notice to a channel nobody has bound goes to the people it stands for, each in their own
 * chat (support to its handlers, ops to its head, auditors to auditors): the message is replaced by
 * one per person (those with a chat, or, if none has one yet, all of them, each waiting for theirs),
 * so each post is claimed, sent and recorded on its own. A unit's unbound channel has nobody to tell.
 */
async function toStandIns(deps: DeliveryDeps, m: CardMessage | TextMessage, channel: string): Promise<Outcome> {
  const role = STAND_INS[channel];
  if (!role) return sent();
  const people =
    (await deps.store.directory.get())?.people.filter((p) => p.roles.includes(role as 'support_handler')) ?? [];
  if (people.length === 0) {
    return {
      kind: 'failed',
      failure: {
        code: 'rejected',
        status: null,
        detail: `no ${channel} channel is bound and the directory names nobody with the role ${role}`,
      },
      recipients: [channelKey(channel)],
      conversation: null,
    };
  }
  const active = [];
  for (const h of people) {
    const chat = await deps.store.conversations.get(personKey(h.aadObjectId));
    if (chat && !chat.inactiveSince) active.push(h);
  }
  const to = active.length > 0 ? active : people;
  return {
    kind: 'replaced',
    messages: to.map((h) => ({ ...m, id: `${m.id}:${h.aadObjectId}`, to: { kind: 'person', id: h.aadObjectId } })),
  };
}

async function deliverCard(
  deps: DeliveryDeps,
  worker: DeliveryWorker,
  claimed: ClaimedMessage,
  m: CardMessage,
): Promise<Outcome> {
  const record = await deps.store.applications.get(m.applicationId);
  if (!record) return sent(); // nothing left to show
  const key = keyOf(m);
  const to = await deps.store.conversations.get(key);
  if (!to && m.to.kind === 'channel') return toStandIns(deps, m, m.to.channel);
  if (!to || to.inactiveSince) return notYet(deps, worker);
  const viewer = m.to.kind === 'person' ? m.to.id : null;
  const card = await cardModel(deps, record, viewer);
  const result = await paced(deps, worker, claimed, key, () => deps.messenger.postCard(to, card));
  // The copy is recorded in the commit that marks the message sent: a message with a copy is never posted again.
  return outcomeOf(result, deps.clock.now(), key, to, (activityId) =>
    sent({ copies: [{ applicationId: record.id, conversationKey: key, activityId, viewer }] }),
  );
}

/**
 * Updates every posted copy of the card. An update is the same whether it is made once or twice, so a
 * refresh that partly failed is simply made again. A conversation found gone is marked inactive (and
 * ops told) with the outcome; a copy deleted in Teams is skipped.
 */
async function deliverRefresh(
  deps: DeliveryDeps,
  worker: DeliveryWorker,
  claimed: ClaimedMessage,
  m: RefreshMessage,
): Promise<Outcome> {
  const record = await deps.store.applications.get(m.applicationId);
  if (!record) return sent();
  const now = deps.clock.now();
  const gone: ConversationGone[] = [];
  const notices: OutboxMessage[] = [];
  const failures: { key: string; failure: DeliveryFailure }[] = [];
  let laterMs = 0;
  for (const copy of await deps.store.cardCopies.list(record.id)) {
    if (gone.some((g) => g.key === copy.conversationKey)) continue;
    const to = await deps.store.conversations.get(copy.conversationKey);
    if (!to || to.inactiveSince) continue;
    const card = await cardModel(deps, record, copy.viewer);
    const result = await paced(deps, worker, claimed, copy.conversationKey, () =>
      deps.messenger.updateCard(to, copy.activityId, card),
    );
    if (result.kind === 'lost') return { kind: 'lease_lost' };
    if (result.kind === 'later') laterMs = Math.max(laterMs, result.ms);
    if (result.kind !== 'failed' || result.failure.code === 'copy_gone') continue;
    if (result.failure.code === 'conversation_gone') {
      gone.push({ key: to.key, seenUpdatedAt: to.updatedAt, reason: result.failure.reason, since: now.toISOString() });
      notices.push(await goneNotice(deps, m, to.key, result.failure.reason, now));
    } else {
      failures.push({ key: copy.conversationKey, failure: result.failure });
    }
  }
  const effects: DeliveryEffects = { inactivate: gone, outbox: notices };
  if (failures.length > 0) return refreshFailed(failures, effects);
  if (laterMs > 0) return { kind: 'deferred', until: addMs(now, laterMs), effects };
  return sent(effects);
}

/** A partly failed refresh is tried again if any failure may pass (after the longest Retry-After), else given up. */
function refreshFailed(failures: { key: string; failure: DeliveryFailure }[], effects: DeliveryEffects): Outcome {
  const retryable = failures.filter((f) => f.failure.code === 'retryable');
  const worst = (retryable.length > 0 ? retryable : failures).reduce((a, b) =>
    (b.failure.code === 'retryable' ? (b.failure.retryAfterMs ?? 0) : 0) >
    (a.failure.code === 'retryable' ? (a.failure.retryAfterMs ?? 0) : 0)
      ? b
      : a,
  );
  return {
    kind: 'failed',
    failure: worst.failure,
    recipients: [...new Set(failures.map((f) => f.key))],
    conversation: null,
    effects,
  };
}

/** Tells ops that a conversation can no longer be written to (one notice per message and conversation). */
export async function goneNotice(
  deps: ApprovalDeps,
  about: OutboxMessage,
  key: string,
  reason: string,
  at: Date,
): Promise<OutboxMessage> {
  const recipient = recipientName(await deps.store.directory.get(), key);
  return opsDeliveryNotice('ops.conversation_inactive', about, at, { recipient, reason }, key);
}

/** Tries one claimed message once. */
export async function deliverMessage(
  deps: DeliveryDeps,
  worker: DeliveryWorker,
  claimed: ClaimedMessage,
): Promise<Outcome> {
  const m = claimed.message;
  if (claimed.attempts >= worker.policy.maxAttempts) {
    // Every try was used and the last one's outcome was never recorded: its process ended during the send.
    // (A claim that ended before its send began is no try: it cannot use up a message Teams never refused.)
    const detail = `${claimed.attempts} tries, the last of which ended with its process during the send`;
    return {
      kind: 'failed',
      failure: { code: 'retryable', why: 'unexpected', status: null, retryAfterMs: null, detail },
      recipients: claimed.conversationKey ? [claimed.conversationKey] : [],
      conversation: null,
      exhausted: true,
    };
  }
  if (m.kind === 'text') return deliverText(deps, worker, claimed, m);
  if (m.kind === 'card') return deliverCard(deps, worker, claimed, m);
  return deliverRefresh(deps, worker, claimed, m);
}
