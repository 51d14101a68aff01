import type { ApplicationRecord } from '../records/application-record';
import type { StoredConversation } from '../ports/store';
import type { DeliveryFailure } from './delivery-policy';

/**
 * How PlanDesk writes into Teams; implemented by the bot with the Bot Framework connector. Every send
 * settles within the messenger's send timeout, with its result or with why Teams did not take it (a
 * value, see DeliveryFailure). A send that throws is treated as an unexpected, retryable failure.
 */
export interface Messenger {
  /** Posts an application's card, rendered for the viewer (a channel, with viewer null, gets the notice only); gives the activity id. */
  postCard(to: StoredConversation, record: ApplicationRecord, viewer: string | null): Promise<string | DeliveryFailure>;
  /** Replaces a posted copy with the application as it now stands. */
  updateCard(to: StoredConversation, activityId: string, record: ApplicationRecord, viewer: string | null): Promise<void | DeliveryFailure>;
  /** A short notice: a key of the string table and its parameters, in the conversation's language. */
  postText(to: StoredConversation, key: string, params: Record<string, string | number>): Promise<void | DeliveryFailure>;
}

/** Whether a messenger's answer is a failure rather than its result. */
export const isDeliveryFailure = (answer: unknown): answer is DeliveryFailure =>
  typeof answer === 'object' && answer !== null && 'code' in answer;
