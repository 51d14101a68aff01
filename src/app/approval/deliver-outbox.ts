import type { ApplicationRecord } from '../application-record';
import type { CardCopy, OutboxMessage, Recipient, StoredConversation } from '../ports/store';
import type { ApprovalDeps } from './deps';
import { channelKey, personKey } from './conversations';

/** How PlanDesk writes into Teams: implemented by the bot with the Bot Framework connector. */
export interface Messenger {
  /** Posts an application's card, rendered for the viewer (a channel, with viewer null, gets the notice only); returns the activity id. */
  postCard(to: StoredConversation, record: ApplicationRecord, viewer: string | null): Promise<string>;
  /** Replaces a posted copy with the application as it now stands. */
  updateCard(to: StoredConversation, activityId: string, record: ApplicationRecord, viewer: string | null): Promise<void>;
  postText(to: StoredConversation, key: string, params: Record<string, string | number>): Promise<void>;
}

export interface DeliveryReport {
  sent: number;
  waiting: number;
}

const keyOf = (to: Recipient): string => (to.kind === 'person' ? personKey(to.id) : channelKey(to.channel));

/**
 * Sends what the outbox holds, in order. A message to someone PlanDesk has no conversation with yet
 * waits (it goes out once they open the chat), and a failed send stays pending with its error, so
 * nothing acknowledged is lost. The next issue adds retries with backoff and leases across instances.
 */
export async function deliverOutbox(deps: ApprovalDeps & { messenger: Messenger }, limit = 100): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, waiting: 0 };
  for (const message of await deps.store.outbox.pending(limit)) {
    try {
      const delivered = await deliverOne(deps, message);
      if (delivered) {
        await deps.store.outbox.markSent(message.id, deps.clock.now());
        report.sent += 1;
      } else {
        report.waiting += 1;
      }
    } catch (error) {
      await deps.store.outbox.markFailed(message.id, error instanceof Error ? error.message : String(error), deps.clock.now());
      report.waiting += 1;
    }
  }
  return report;
}

async function postCopy(deps: ApprovalDeps & { messenger: Messenger }, record: ApplicationRecord, key: string, to: StoredConversation, viewer: string | null): Promise<void> {
  const activityId = await deps.messenger.postCard(to, record, viewer);
  const copy: CardCopy = { applicationId: record.id, conversationKey: key, activityId, viewer };
  await deps.store.cardCopies.add(copy);
}

async function postToHandlers(deps: ApprovalDeps & { messenger: Messenger }, record: ApplicationRecord): Promise<boolean> {
  const handlers = (await deps.store.directory.get())?.people.filter((p) => p.roles.includes('support_handler')) ?? [];
  let posted = false;
  for (const handler of handlers) {
    const key = personKey(handler.aadObjectId);
    const to = await deps.store.conversations.get(key);
    if (!to) continue;
    await postCopy(deps, record, key, to, handler.aadObjectId);
    posted = true;
  }
  return posted;
}

async function deliverOne(deps: ApprovalDeps & { messenger: Messenger }, message: OutboxMessage): Promise<boolean> {
  if (message.kind === 'text') {
    const to = await deps.store.conversations.get(keyOf(message.to));
    if (!to) return false;
    await deps.messenger.postText(to, message.key, message.params);
    return true;
  }
  const record = await deps.store.applications.get(message.applicationId);
  if (!record) return true; // nothing left to show
  if (message.kind === 'card') {
    const key = keyOf(message.to);
    const to = await deps.store.conversations.get(key);
    if (to) {
      await postCopy(deps, record, key, to, message.to.kind === 'person' ? message.to.id : null);
      return true;
    }
    // A person's card waits for their chat; an unbound channel has nobody to tell, except that
    // support's task then goes to each handler's own chat (as the directory names them).
    if (message.to.kind === 'person') return false;
    if (message.to.channel === 'support') return postToHandlers(deps, record);
    return true;
  }
  for (const copy of await deps.store.cardCopies.list(record.id)) {
    const to = await deps.store.conversations.get(copy.conversationKey);
    if (to) await deps.messenger.updateCard(to, copy.activityId, record, copy.viewer);
  }
  return true;
}
