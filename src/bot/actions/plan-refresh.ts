import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { PLAN_NUMBER } from '../../domain/plan-number';
import { describeRefusal } from '../../i18n/describe-refusal';
import { t } from '../../i18n';
import { listView, type ListName } from '../present/list-view';
import { renderApplication } from '../present/render';
import { searchCard } from '../present/search-card';
import { searchData } from './list-more';
import { applicationListCard } from '../views/application-list-card';
import { messageCard } from './application-actions-shared';
import { cardAction, type ActionContext } from './card-action';

/**
 * `plan.refresh` (Universal Actions' automatic refresh) and `plan.show` (a list's "view"): the
 * application as this person may see it now — their buttons if they have any, else its status.
 */
const showData = z
  .object({
    applicationId: z.string().regex(PLAN_NUMBER),
    /** Set by a list's button: the plan opens as a new card and the list stays. */
    list: z.enum(['mine', 'pending', 'search']).optional(),
    /** A `列表` row's: the search and where its page started, to show the page again. */
    search: searchData.optional(),
    /** A track record row's: the plan whose card it is on, which stays as it is while the other opens below. */
    from: z.string().regex(PLAN_NUMBER).optional(),
  })
  .passthrough();

async function showFor(data: z.infer<typeof showData>, ctx: ActionContext) {
  const viewed = await ctx.services.useCases.view(data.applicationId, ctx.user.aadObjectId, ctx.shared);
  if (!viewed.ok) return messageCard(describeRefusal(viewed.error, ctx.lang));
  return renderApplication(viewed.value, ctx.lang);
}

/**
 * `查看` on a list: the plan opens as a new card below (kept as a copy, so it updates like any other),
 * and the list answers with itself as it now stands and a line saying where the plan went.
 */
async function showFromList(data: z.infer<typeof showData>, list: ListName | 'search', ctx: ActionContext) {
  const { useCases } = ctx.services;
  const actor = ctx.user.aadObjectId;
  const notice = await openBelow(data.applicationId, ctx);
  if (list === 'search')
    return searchCard(ctx.services, actor, data.search?.words ?? '', data.search?.cursor ?? null, ctx.lang, notice);
  const rows = list === 'mine' ? await useCases.mine(actor) : await useCases.pending(actor);
  return applicationListCard(listView(rows, list, ctx.lang, notice));
}

/**
 * Opens a plan as a new card below, kept as a copy so it updates like any other, if the person may see
 * its figures; says so, or why not (the plan is not opened for someone who may only see its status).
 */
async function openBelow(id: string, ctx: ActionContext): Promise<{ text: string; tone: 'good' | 'attention' }> {
  const { useCases } = ctx.services;
  const viewed = await useCases.view(id, ctx.user.aadObjectId);
  if (!viewed.ok) return { text: describeRefusal(viewed.error, ctx.lang), tone: 'attention' };
  if (!viewed.value.detailed)
    return { text: describeRefusal({ code: 'not_allowed', id }, ctx.lang), tone: 'attention' };
  const posted = await ctx.post(renderApplication(viewed.value, ctx.lang));
  if (posted && ctx.conversationKey)
    await useCases.keepCardCopy({
      applicationId: id,
      conversationKey: ctx.conversationKey,
      activityId: posted,
      viewer: ctx.user.aadObjectId,
    });
  return { text: t(ctx.lang, 'list.opened', { id }), tone: 'good' };
}

/** `查看` on a track record's row: the other plan opens below, and this card answers with itself as it now stands. */
async function showFromCard(data: z.infer<typeof showData>, from: string, ctx: ActionContext) {
  const notice = await openBelow(data.applicationId, ctx);
  const origin = await ctx.services.useCases.view(from, ctx.user.aadObjectId);
  if (!origin.ok) return messageCard(notice.text);
  return renderApplication(origin.value, ctx.lang, notice);
}

// Teams asks each listed user for their own view of a card, in a channel too.
export const planRefresh = cardAction({
  verb: 'plan.refresh',
  sharedChat: 'viewer',
  schema: showData,
  handle: showFor,
});
export const planShow = cardAction({
  verb: 'plan.show',
  sharedChat: 'notice',
  schema: showData,
  handle: (data, ctx) =>
    ctx.shared
      ? showFor(data, ctx)
      : data.list
        ? showFromList(data, data.list, ctx)
        : data.from
          ? showFromCard(data, data.from, ctx)
          : showFor(data, ctx),
});

/** A card refresh Teams sent by itself as the chat opened (Universal Actions' `trigger: "automatic"`). */
export function isAutomaticRefresh(activity: Activity): boolean {
  if (activity.type !== 'invoke' || activity.name !== 'adaptiveCard/action') return false;
  const value: unknown = activity.value;
  return typeof value === 'object' && value !== null && (value as { trigger?: unknown }).trigger === 'automatic';
}
