import type { Attachment } from 'botbuilder';
import { z } from 'zod';
import type { Acted, CardModel } from '../../app/use-cases';
import { PLAN_NUMBER } from '../../domain/plan-number';
import { describeRefusal } from '../../i18n/describe-refusal';
import { t, type StringKey } from '../../i18n';
import { renderApplication } from '../present/render';
import { renderCard } from '../cards';
import type { ActionContext } from './card-action';

/** What every action on an application card carries back: which application, revision and step it showed. */
export const applicationActionData = z
  .object({
    applicationId: z.string().regex(PLAN_NUMBER),
    revision: z.coerce.number().int().positive(),
    stepIndex: z.coerce.number().int().min(-1),
  })
  .passthrough();

type Tone = 'good' | 'attention' | 'warning' | 'default';

/** The application's card for the person who acted (a channel's view where others read), with a banner saying what happened. */
export function cardForActor(ctx: ActionContext, model: CardModel, text: string, tone: Tone): Attachment {
  return renderApplication(ctx.shared ? { ...model, detailed: false } : model, ctx.lang, { text, tone });
}

/** A refusal with nothing to show but its words. */
export const messageCard = (text: string): Attachment => renderCard('message', { text });

/**
 * The answer to an act on an application: on success the card with the banner `done` (its copy kept
 * when `keep`, so later changes update it), else the application as it stands with why not.
 */
export async function answerActed(
  ctx: ActionContext,
  acted: Acted,
  done: (model: CardModel) => { key: StringKey; params?: Record<string, string | number>; tone?: Tone },
  keep = false,
): Promise<Attachment> {
  if (acted.ok) {
    ctx.services.deliverSoon();
    if (keep) await keepCopy(ctx, acted.value.record.id);
    const { key, params = {}, tone = 'good' } = done(acted.value);
    return cardForActor(ctx, acted.value, t(ctx.lang, key, { id: acted.value.record.id, ...params }), tone);
  }
  const words = describeRefusal(acted.error.refusal, ctx.lang);
  return acted.error.card ? cardForActor(ctx, acted.error.card, words, 'attention') : messageCard(words);
}

/** Records the card acted on as a copy of the application, so later changes update it too. */
export async function keepCopy(ctx: ActionContext, applicationId: string): Promise<void> {
  if (!ctx.conversationKey || !ctx.cardActivityId) return;
  await ctx.services.useCases.keepCardCopy({
    applicationId,
    conversationKey: ctx.conversationKey,
    activityId: ctx.cardActivityId,
    viewer: ctx.user.aadObjectId,
  });
}
