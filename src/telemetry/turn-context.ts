import { AsyncLocalStorage } from 'node:async_hooks';

/** What a log line written during a turn says about the turn: the activity, its conversation, and the verb. */
export interface TurnContext {
  activityId?: string;
  conversation?: string;
  verb?: string;
}

const current = new AsyncLocalStorage<TurnContext>();

/** Runs `work` with `turn` as the context of every log line it writes, however deep and however async. */
export const withTurn = <T>(turn: TurnContext, work: () => T): T => current.run(turn, work);

/** Runs `work` outside any turn (work a turn only started, such as outbox delivery, is not that turn's). */
export const outsideTurn = <T>(work: () => T): T => current.exit(work);

/** The turn being answered, if any. */
export const currentTurn = (): TurnContext | undefined => current.getStore();

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * The turn context of an incoming activity: its id, its conversation's id, and its verb (a card action's
 * `value.action.verb`, else the invoke's name, else the activity's type).
 */
export function turnOf(body: Record<string, unknown>): TurnContext {
  const conversation = body.conversation as { id?: unknown } | undefined;
  const value = body.value as { action?: { verb?: unknown } } | undefined;
  const verb = text(value?.action?.verb) ?? text(body.name) ?? text(body.type);
  const turn: TurnContext = {};
  const activityId = text(body.id);
  const conversationId = text(conversation?.id);
  if (activityId) turn.activityId = activityId;
  if (conversationId) turn.conversation = conversationId;
  if (verb) turn.verb = verb;
  return turn;
}
