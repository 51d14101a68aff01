import { MessageFactory, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import { DELIVERY_POLICY, type DeliveryFailure } from '../app/delivery/delivery-policy';
import type { Messenger } from '../app/delivery/messenger';
import type { StoredConversation } from '../app/ports/store';
import { languageFor } from '../i18n';
import { connectorFailure } from './connector-failure';
import { noticeActivity } from './views/notice-card';
import { noticeText } from './present/notice-text';
import { renderApplication } from './present/render';
import { reportView } from './present/report-view';
import { reportCard } from './views/report-card';

/** The part of a connector client's pipeline this file changes (core-rest-pipeline's Pipeline). */
interface ConnectorPipeline {
  removePolicy(options: { phase?: 'Retry' }): unknown;
  addPolicy(policy: {
    name: string;
    sendRequest: (request: { abortSignal?: unknown }, next: (request: unknown) => Promise<unknown>) => Promise<unknown>;
  }): void;
}

/**
 * Makes the turn's connector client send each request once, cancelled at `signal`. Its pipeline would
 * otherwise retry 429 and 5xx on its own (three times, sleeping out any Retry-After), which hides
 * Teams' answer from the outbox's policy and can hold a send past its deadline. botbuilder keeps the
 * client's ServiceClient private (`client`); if that changes this throws, and delivery retries fail loudly.
 */
function sendOnceUntil(context: TurnContext, adapter: CloudAdapter, signal: AbortSignal): void {
  const connector = context.turnState.get(adapter.ConnectorClientKey) as
    { client?: { pipeline?: ConnectorPipeline } } | undefined;
  const pipeline = connector?.client?.pipeline;
  if (!pipeline)
    throw new Error("botbuilder's connector client has no pipeline to configure: PlanDesk cannot bound its sends");
  pipeline.removePolicy({ phase: 'Retry' });
  pipeline.addPolicy({
    name: 'plandeskSendDeadline',
    sendRequest: (request, next) => next(Object.assign(request, { abortSignal: signal })),
  });
}

export interface TeamsMessengerOptions {
  /** How long a send may take before it is abandoned (and the outbox retries it). */
  sendTimeoutMs?: number;
  /** PlanDesk's clock: a notice's dates carry their year when it is not this one. */
  now?: () => Date;
}

/**
 * Writes into Teams proactively through the Bot Framework connector: a new card, an update of a
 * posted copy (every copy of a decided card changes), or a short notice, in the conversation's
 * language. Each send goes out once, within its timeout, and comes back as its result or as a
 * classified failure; errors are caught inside the turn, where botbuilder's turn error handler would
 * otherwise swallow them and post an apology into the conversation.
 */
export function teamsMessenger(adapter: CloudAdapter, appId: string, options: TeamsMessengerOptions = {}): Messenger {
  const timeoutMs = options.sendTimeoutMs ?? DELIVERY_POLICY.sendTimeoutMs;
  const now = options.now ?? (() => new Date());

  async function inConversation<T>(
    to: StoredConversation,
    operation: 'post' | 'update',
    work: (context: TurnContext) => Promise<T>,
  ): Promise<T | DeliveryFailure> {
    const deadline = new AbortController();
    let answer: { ok: true; value: T } | { ok: false; error: unknown } | null = null;
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    // Token acquisition and the like do not see the signal: the deadline also ends the wait itself.
    const expired = new Promise<void>((resolve) =>
      deadline.signal.addEventListener('abort', () => resolve(), { once: true }),
    );
    // A failure outside the callback (no token, say) ends the turn itself; one after the deadline is moot.
    const turn = adapter
      .continueConversationAsync(appId, to.reference as Partial<ConversationReference>, async (context) => {
        try {
          sendOnceUntil(context, adapter, deadline.signal);
          answer = { ok: true, value: await work(context) };
        } catch (error) {
          answer = { ok: false, error };
        }
      })
      .catch((error: unknown) => {
        answer ??= { ok: false, error };
      });
    await Promise.race([turn, expired]);
    clearTimeout(timer);
    const settled = answer as { ok: true; value: T } | { ok: false; error: unknown } | null;
    if (settled?.ok) return settled.value;
    return connectorFailure(
      settled?.error ?? new Error(`no answer within ${timeoutMs} ms`),
      operation,
      Date.now(),
      deadline.signal.aborted,
    );
  }

  const langOf = (to: StoredConversation) => languageFor(to.locale);
  return {
    async postCard(to, model) {
      const card = renderApplication(model, langOf(to));
      const posted = await inConversation(
        to,
        'post',
        async (context) => (await context.sendActivity(MessageFactory.attachment(card)))?.id ?? '',
      );
      if (typeof posted !== 'string') return posted;
      // Without an id the copy could never be updated; ops hears of it as a refused message.
      return (
        posted || {
          code: 'rejected',
          status: null,
          detail: `the connector returned no activity id for ${model.record.id}`,
        }
      );
    },
    async updateCard(to, activityId, model) {
      const card = renderApplication(model, langOf(to));
      const updated = await inConversation(to, 'update', async (context) => {
        await context.updateActivity({ ...MessageFactory.attachment(card), id: activityId });
      });
      return updated;
    },
    async postReport(to, report) {
      const lang = langOf(to);
      const activity = MessageFactory.attachment(
        reportCard(reportView(report, lang)),
        noticeText(lang, 'summary.report', { month: report.month }, now()),
      );
      return inConversation(to, 'post', async (context) => {
        await context.sendActivity(activity);
      });
    },
    async postText(to, key, params) {
      const activity = noticeActivity(langOf(to), key, params, now());
      return inConversation(to, 'post', async (context) => {
        await context.sendActivity(activity);
      });
    },
  };
}
