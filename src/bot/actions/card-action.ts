import type { Attachment } from 'botbuilder';
import type { z } from 'zod';
import type { CaseAction } from '../../domain/workflow';
import type { Lang } from '../../i18n';
import type { BotServices, TurnUser } from '../services';

/** What a card action gets from the turn: who acted, in which language, on which posted card. */
export interface ActionContext {
  lang: Lang;
  user: TurnUser;
  services: BotServices;
  /** The conversation key of a personal chat ("person:<aad>"), when the card is in one. */
  conversationKey: string | null;
  /** The activity id of the card acted on, so a new copy can be recorded. */
  cardActivityId: string | null;
  /** The answer replaces the card where others read it: it shows only what a channel may see. */
  shared: boolean;
  /** Posts a new card into the conversation, below the one acted on; its activity id, if Teams gave one. */
  post(card: Attachment): Promise<string | null>;
}

/**
 * How a verb answers where others read (a channel, a group chat): `refuse` — only in a 1:1 chat (it
 * shows a form, figures); `notice` — it acts, and answers with what a channel may see; `viewer` — the
 * tapper's own view (Universal Actions' refresh is asked for each user apart).
 */
export type SharedChat = 'refuse' | 'notice' | 'viewer';

/**
 * One `Action.Execute` verb, declared once: everything else — the registry, the card's buttons, the
 * ids of their inputs — is derived from these declarations.
 */
export interface CardAction<S extends z.ZodTypeAny = z.ZodTypeAny> {
  verb: string;
  /** Verbs of cards already posted in Teams that this one answers too. */
  formerVerbs?: readonly string[];
  /** The application card's button that sends this verb: shown when the domain offers that act. */
  button?: CaseAction;
  /** The comment input of the button's ShowCard, as its data carries it back. */
  comment?: { id: string; required: boolean };
  sharedChat: SharedChat;
  schema: S;
  handle(data: z.infer<S>, ctx: ActionContext): Promise<Attachment>;
}

/** Keeps the data's type tied to its schema when a verb is declared. */
export const cardAction = <S extends z.ZodTypeAny>(action: CardAction<S>): CardAction<S> => action;

/** The text of a declared comment input in an action's data, or null. */
export function commentOf(action: Pick<CardAction, 'comment'>, data: Record<string, unknown>): string | null {
  const raw = (action.comment ? data[action.comment.id] : undefined) ?? data.comment;
  return typeof raw === 'string' ? raw : null;
}
