import type { CardModel } from '../common/card-model';
import type { NoticeKey } from '../ports/notice-keys';
import type { MonthlyReport } from '../reporting/report-model';
import type { StoredConversation } from '../ports/store';
import type { DeliveryFailure } from './delivery-policy';

/**
 * How PlanDesk writes into Teams; implemented by the bot with the Bot Framework connector. Every send
 * settles within the messenger's send timeout, with its result or with why Teams did not take it (a
 * value, see DeliveryFailure). A send that throws is treated as an unexpected, retryable failure.
 */
export interface Messenger {
  /** Posts an application's card as its model shows it to one viewer (a channel gets the notice only); gives the activity id. */
  postCard(to: StoredConversation, card: CardModel): Promise<string | DeliveryFailure>;
  /** Replaces a posted copy with the application as it now stands. */
  updateCard(to: StoredConversation, activityId: string, card: CardModel): Promise<void | DeliveryFailure>;
  /**
   * A short notice in the conversation's language: a key of the string tables and its parameters
   * (with `unitName` beside a `unit` id, for the words to name the unit).
   */
  postText(
    to: StoredConversation,
    key: NoticeKey,
    params: Record<string, string | number>,
  ): Promise<void | DeliveryFailure>;
  /** A month's report as a card with its charts, sent to a person's own chat (never a channel: it has figures). */
  postReport(to: StoredConversation, report: MonthlyReport): Promise<void | DeliveryFailure>;
}

/** Whether a messenger's answer is a failure rather than its result. */
export const isDeliveryFailure = (answer: unknown): answer is DeliveryFailure =>
  typeof answer === 'object' && answer !== null && 'code' in answer;
