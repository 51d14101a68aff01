import type { Attachment } from 'botbuilder';
import type { z } from 'zod';
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
  /** The card is where others read it: the answer shows only what a channel may see. */
  shared: boolean;
}

/** One `Action.Execute` verb: its data's schema and the card it answers with (replacing the one acted on). */
export interface CardAction<S extends z.ZodTypeAny = z.ZodTypeAny> {
  verb: string;
  /** Answers with plan details (the form): only in a person's 1:1 chat, never where others read. */
  personalOnly?: boolean;
  schema: S;
  handle(data: z.infer<S>, ctx: ActionContext): Promise<Attachment>;
}

/** Keeps the data's type tied to its schema when a verb is declared. */
export const cardAction = <S extends z.ZodTypeAny>(action: CardAction<S>): CardAction<S> => action;
