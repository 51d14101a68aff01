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
  })
  .passthrough();

async function showFor(data: z.infer<typeof showData>, ctx: ActionContext) {
  const viewed = await ctx.services.useCases.view(data.applicationId, ctx.user.aadObjectId);
  if (!viewed.ok) return messageCard(describeRefusal(viewed.error, ctx.lang));
  return renderApplication(ctx.shared ? { ...viewed.value, detailed: false } : viewed.value, ctx.lang);
}

/**
 * `查看` on a list: the plan opens as a new card below (kept as a copy, so it updates like any other),
 * and the list answers with itself as it now stands and a line saying where the plan went.
 */
async function showFromList(data: z.infer<typeof showData>, list: ListName | 'search', ctx: ActionContext) {
  const { useCases } = ctx.services;
  const actor = ctx.user.aadObjectId;
  const viewed = await useCases.view(data.applicationId, actor);
  let notice: { text: string; tone: 'good' | 'attention' };
  if (!viewed.ok) notice = { text: describeRefusal(viewed.error, ctx.lang), tone: 'attention' };
  else if (!viewed.value.detailed)
    notice = { text: describeRefusal({ code: 'not_allowed', id: data.applicationId }, ctx.lang), tone: 'attention' };
  else {
    const posted = await ctx.post(renderApplication(viewed.value, ctx.lang));
    if (posted && ctx.conversationKey)
      await useCases.keepCardCopy({
        applicationId: data.applicationId,
        conversationKey: ctx.conversationKey,
        activityId: posted,
        viewer: actor,
      });
    notice = { text: t(ctx.lang, 'list.opened', { id: data.applicationId }), tone: 'good' };
  }
  if (list === 'search')
    return searchCard(ctx.services, actor, data.search?.words ?? '', data.search?.cursor ?? null, ctx.lang, notice);
  const rows = list === 'mine' ? await useCases.mine(actor) : await useCases.pending(actor);
  return applicationListCard(listView(rows, list, ctx.lang, notice));
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
  handle: (data, ctx) => (data.list && !ctx.shared ? showFromList(data, data.list, ctx) : showFor(data, ctx)),
});
